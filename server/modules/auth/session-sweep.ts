import type { AppContext } from '../../context';
import { type JobLog, type StartOptions, startPeriodicJob } from '../../jobs/periodic-job';
import { deleteExpiredSessions } from './session-repository';

/** How often expired sessions are deleted. */
const SESSION_SWEEP_INTERVAL_MS = 60 * 60_000;

/**
 * Deletes expired sessions every hour, by one process at a time (a lease in the database), so the
 * table does not grow with every login whatever the number of server processes. An expired session is
 * refused at once by authentication anyway; this only removes the rows.
 */
export function startSessionSweep(
  ctx: AppContext,
  log: JobLog,
  opts: StartOptions = {},
): () => Promise<void> {
  return startPeriodicJob(
    ctx,
    {
      name: 'expired-sessions',
      intervalMs: SESSION_SWEEP_INTERVAL_MS,
      run: async () => {
        await deleteExpiredSessions(ctx.db, new Date().toISOString());
        return null;
      },
    },
    log,
    opts,
  );
}

import { localDate } from '../../../shared/domain/reporting/local-date';
import type { AppContext } from '../../context';
import { type JobLog, type StartOptions, startPeriodicJob } from '../../jobs/periodic-job';
import { rollTaskStatuses } from './task-status-store';

/** How often the job looks whether the date (Vietnam) has changed since the statuses were computed. */
const ROLL_CHECK_INTERVAL_MS = 15 * 60_000;

/**
 * The daily roll of stored task statuses: once the Vietnamese date changes, every stored plan-year is
 * recomputed for the new day (a task due yesterday becomes "Quá hạn"). It checks every 15 minutes and
 * does nothing while every plan-year is computed for today; one process at a time runs it (lease
 * `task-statuses` in `job_leases`, reported by the `planwatch_job_lease_held` metric). A read finding a
 * plan-year not yet rolled rolls it itself, so the job only takes that work off the first reader.
 */
export function startTaskStatusRoll(
  ctx: AppContext,
  log: JobLog,
  opts: StartOptions = {},
): () => Promise<void> {
  return startPeriodicJob(
    ctx,
    {
      name: 'task-statuses',
      intervalMs: ROLL_CHECK_INTERVAL_MS,
      run: async (signal) => {
        const r = await rollTaskStatuses(ctx.db, localDate(new Date()), signal);
        return r.planYears > 0 ? r : null;
      },
    },
    log,
    opts,
  );
}

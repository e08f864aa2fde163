import type { AppContext } from '../context';
import { acquireLease, PROCESS_HOLDER, releaseLease } from './job-lease';

export interface JobLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface PeriodicJob {
  /** Lease name: one process at a time runs the job, whatever the number of processes. */
  name: string;
  intervalMs: number;
  /** Stops its work early (and leaves it for the next run) when the signal aborts. */
  run(signal: AbortSignal): Promise<object | null>;
}

export interface StartOptions {
  /** First run after start-up (default 5 s, so start-up itself is not slowed). */
  firstDelayMs?: number;
  holder?: string;
}

/**
 * Runs `job` every `intervalMs` on unref'd timers, never two runs at once in this process, and only
 * when this process holds the job's lease in the database, so two processes sharing the database run
 * it once per interval between them. The lease lasts 90 % of the interval and is kept after a run (the
 * same process runs it next time); a process that dies loses it when it expires. stop() aborts a run in
 * progress, waits for it to put its work back, and hands the lease back.
 */
export function startPeriodicJob(
  ctx: AppContext,
  job: PeriodicJob,
  log: JobLog,
  opts: StartOptions = {},
): () => Promise<void> {
  const holder = opts.holder ?? PROCESS_HOLDER;
  const abort = new AbortController();
  let current: Promise<void> | null = null;
  let stopped = false;
  const run = async () => {
    try {
      if (!(await acquireLease(ctx.db, job.name, holder, Math.max(1_000, job.intervalMs * 0.9)))) return;
      const result = await job.run(abort.signal);
      if (result) log.info({ job: job.name, ...result }, 'background job');
    } catch (err) {
      log.error({ err, job: job.name }, 'background job failed');
    }
  };
  const tick = () => {
    if (current || stopped) return;
    current = run().finally(() => {
      current = null;
    });
  };
  const first = setTimeout(tick, opts.firstDelayMs ?? 5_000);
  first.unref();
  const timer = setInterval(tick, job.intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
    abort.abort();
    if (current) await current;
    await releaseLease(ctx.db, job.name, holder).catch((err: unknown) =>
      log.error({ err, job: job.name }, 'could not release job lease'),
    );
  };
}

import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';

/*
 * `planwatch serve` runs one process per core: Node is single-threaded, so one process uses one of the
 * machine's cores for JSON, HTTP and SQLite row decoding (docs/PERFORMANCE.md, "National scale"). The
 * primary process migrates the database and creates the first administrator, then forks the workers,
 * which share the port (node:cluster hands each new connection to the next worker). Workers share
 * everything through the database: sessions, login throttling, the job leases that let only one of
 * them run the reminders and the session sweep (migration 20261130T2117_multi_process), SQLite in WAL
 * mode with a busy timeout. On SIGTERM/SIGINT the primary asks every worker to finish its requests and
 * stop, then ends.
 */

/** How many processes to run: --workers, else WEB_CONCURRENCY, else one per core; 0 or junk → error. */
export function workerCount(option: string | undefined, env: NodeJS.ProcessEnv = process.env): number | null {
  const raw = option ?? env.WEB_CONCURRENCY;
  if (raw === undefined || raw === '') return availableParallelism();
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 64 ? n : null;
}

export const isWorker = (): boolean => cluster.isWorker;

/** A worker tells the primary it listens, with its address, so the primary prints it once. */
export function reportListening(url: string): void {
  process.send?.({ planwatch: 'listening', url });
}

export interface PrimaryEvents {
  /** Once every worker listens. */
  listening(url: string): void;
  /** A worker ended on its own after it had started; a new one replaces it. */
  replaced(pid: number, code: number | null): void;
}

/**
 * Forks `count` workers and keeps them running until SIGTERM/SIGINT. Resolves with the exit code: 0 after
 * a clean stop, 1 when a worker could not start (the port is taken, the database unreachable), in which
 * case the others are stopped too.
 */
export function runWorkers(count: number, events: PrimaryEvents): Promise<number> {
  return new Promise((resolve) => {
    const started = new Set<Worker>();
    let listening = 0;
    let announced = false;
    let stopping = false;
    let failed = false;

    const stopAll = (code: number) => {
      if (stopping) return;
      stopping = true;
      failed = code !== 0;
      // Workers finish their requests (their own SIGTERM handler); past 20 s the primary ends anyway.
      setTimeout(() => resolve(1), 20_000).unref();
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      if (Object.keys(cluster.workers ?? {}).length === 0) resolve(code);
    };

    const fork = () => {
      const w = cluster.fork();
      w.on('message', (m: { planwatch?: string; url?: string }) => {
        if (m?.planwatch !== 'listening' || started.has(w)) return;
        started.add(w);
        listening++;
        if (listening === count && !announced) {
          announced = true;
          events.listening(m.url ?? '');
        }
      });
    };

    cluster.on('exit', (w, code) => {
      const hadStarted = started.delete(w);
      if (stopping) {
        if (Object.keys(cluster.workers ?? {}).length === 0) resolve(failed ? 1 : 0);
        return;
      }
      if (!hadStarted) {
        // It never listened: every new one would fail the same way.
        stopAll(1);
        return;
      }
      listening--;
      events.replaced(w.process.pid ?? 0, code);
      fork();
    });

    process.once('SIGTERM', () => stopAll(0));
    process.once('SIGINT', () => stopAll(0));
    for (let i = 0; i < count; i++) fork();
  });
}

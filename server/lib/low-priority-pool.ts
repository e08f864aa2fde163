import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * Password hashing on worker threads that run at the lowest CPU priority (nice 19).
 *
 * Why: a login costs tens of milliseconds of pure CPU. On a two-core server, 50 people signing in at
 * once is more than a second of hashing; run on libuv's pool (or on one core kept free for hashing),
 * either the page requests of people already signed in queue behind the hashes (issue 10 measured
 * 4.6 s) or the last login waits for 50 hashes on one core. Niced threads may use every core, yet the
 * kernel gives the event loop (nice 0, about 70 times the weight) the CPU the moment it has work, so
 * pages answer at once and logins use whatever is left.
 *
 * Linux schedules threads as tasks, so a worker lowers its own priority through its thread id
 * (/proc/thread-self). Where that is not possible the pool keeps one core free instead (`niced`).
 * The worker's code is evaluated from a string so that the compiled server bundle needs no extra file.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let niced = false;
try {
  const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
  require('node:os').setPriority(tid, 19);
  niced = true;
} catch {}
const argon2 = require(workerData.argon2);
parentPort.postMessage({ ready: true, niced });
parentPort.on('message', ({ id, op, password, stored, options }) => {
  try {
    const value = op === 'hash' ? argon2.hashSync(password, options) : argon2.verifySync(stored, password);
    parentPort.postMessage({ id, value });
  } catch (e) {
    parentPort.postMessage({ id, error: String(e && e.message ? e.message : e) });
  }
});
`;

type Job =
  | { op: 'hash'; password: string; options: object }
  | { op: 'verify'; password: string; stored: string };

interface Pending {
  job: Job;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

interface WorkerMessage {
  ready?: boolean;
  niced?: boolean;
  id?: number;
  value?: unknown;
  error?: string;
}

export class LowPriorityHashPool {
  private readonly workers = new Set<Worker>();
  private readonly idle: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly busy = new Map<Worker, Pending & { id: number }>();
  private nextId = 0;
  private size = 0;
  /** False once a thread could not lower its priority; the pool then leaves one core free. */
  niced = true;

  run<T>(job: Job): Promise<T> {
    if (this.size === 0) {
      this.size = availableParallelism();
      for (let i = 0; i < this.size; i += 1) this.spawn();
    }
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ job, resolve: resolve as (v: unknown) => void, reject });
      this.dispatch();
      this.updateRefs();
    });
  }

  private spawn(): void {
    const argon2 = createRequire(import.meta.url).resolve('@node-rs/argon2');
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { argon2 } });
    this.workers.add(worker);
    worker.on('message', (m: WorkerMessage) => this.onMessage(worker, m));
    worker.on('error', (e) => this.onExit(worker, e));
    worker.on('exit', () => this.onExit(worker, new Error('Luồng băm mật khẩu đã dừng.')));
    // After the listeners: adding a 'message' listener refs the worker's port again.
    this.updateRefs();
  }

  private onMessage(worker: Worker, m: WorkerMessage): void {
    if (m.ready) {
      if (!m.niced) this.niced = false;
      // Threads at normal priority would compete with the event loop: keep one core free for it.
      if (!this.niced && this.workers.size > Math.max(1, this.size - 1)) {
        this.workers.delete(worker);
        void worker.terminate();
        return;
      }
    } else {
      const job = this.busy.get(worker);
      if (!job || job.id !== m.id) return;
      this.busy.delete(worker);
      if (m.error !== undefined) job.reject(new Error(m.error));
      else job.resolve(m.value);
    }
    this.idle.push(worker);
    this.dispatch();
    this.updateRefs();
  }

  /**
   * The threads keep the process alive only while there is work queued or running: a finished CLI
   * command or test exits with an idle pool, a login in progress is never cut short.
   */
  private updateRefs(): void {
    const working = this.queue.length > 0 || this.busy.size > 0;
    for (const w of this.workers) {
      if (working) w.ref();
      else w.unref();
    }
  }

  private onExit(worker: Worker, e: Error): void {
    if (!this.workers.delete(worker)) return;
    const i = this.idle.indexOf(worker);
    if (i >= 0) this.idle.splice(i, 1);
    const job = this.busy.get(worker);
    this.busy.delete(worker);
    job?.reject(e);
    this.updateRefs();
    // Keep the pool at strength: a crashed thread is replaced, the waiting jobs go on.
    if (this.workers.size < (this.niced ? this.size : Math.max(1, this.size - 1))) this.spawn();
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.shift() as Worker;
      const pending = this.queue.shift() as Pending;
      const id = this.nextId++;
      this.busy.set(worker, { ...pending, id });
      worker.postMessage({ id, ...pending.job });
    }
  }
}

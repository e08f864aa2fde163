import type { FastifyBaseLogger } from 'fastify';
import type { GenerationJob } from '../../../../shared/contracts/consolidated';
import { type AppContext, inTransaction, nowIso, type RequestContext } from '../../../context';
import { fileStoreOf } from '../../../files/select-file-store';
import { AppError } from '../../../http/errors';
import { PROCESS_HOLDER } from '../../../jobs/job-lease';
import { person } from '../../../lib/person';
import { Semaphore } from '../../../lib/semaphore';
import { audit } from '../../audit/audit-repository';
import { type GenerationJobRef, type GenerationSource, generationKind } from './job-kinds';
import {
  claimJob,
  extendLease,
  failAbandonedJobs,
  failJob,
  finishJob,
  insertJob,
  type JobRow,
  setProgress,
} from './job-repository';

/**
 * Runs generation jobs in this process, after the request that started them has been answered. The
 * row is the truth the page polls: queued → running (progress %) → done (file stored) or failed (a
 * Vietnamese reason). The running process holds a lease on its job (`holder`, `lease_until`), renewed
 * every HEARTBEAT_MS; a job whose lease ran out belongs to a process that died (a restart, a crash) and
 * is marked failed by `failAbandoned`, at start-up and whenever a period's jobs are listed.
 */
export const LEASE_MS = 60_000;
const HEARTBEAT_MS = 15_000;

export const ABANDONED_MESSAGE =
  'Việc lập tài liệu bị dừng giữa chừng do máy chủ khởi động lại hoặc gặp sự cố; hãy bấm “Lập báo cáo” để lập lại.';
const INTERNAL_MESSAGE =
  'Không lập được tài liệu do lỗi hệ thống. Hãy thử lại; nếu vẫn lỗi, hãy báo quản trị hệ thống kèm mã việc lập.';

// Documents are built in memory on the event loop's thread: one at a time per process keeps the
// server answering while a large report is written.
const gate = new Semaphore(1);
const inFlight = new WeakMap<AppContext, Set<Promise<void>>>();

const leaseFrom = (now: number) => new Date(now + LEASE_MS).toISOString();

/**
 * Starts a job of a registered kind (job-kinds.ts) and returns its id at once; the work runs
 * in-process afterwards. The caller has checked who may start it. Audited in the caller's name.
 */
export async function startGenerationJob(
  rc: RequestContext,
  input: { kind: string; periodId: number | null; subjectId?: number | null },
  log: FastifyBaseLogger,
): Promise<number> {
  const def = generationKind(input.kind);
  if (!def) throw new AppError('VALIDATION_FAILED', `Không có loại tài liệu “${input.kind}” để lập.`);
  const id = await inTransaction(rc, async (tx) => {
    const jobId = await insertJob(tx.db, {
      kind: input.kind,
      periodId: input.periodId,
      subjectId: input.subjectId ?? null,
      requestedBy: rc.actor.id,
      requestedAt: rc.now(),
      holder: PROCESS_HOLDER,
      leaseUntil: leaseFrom(Date.now()),
    });
    await audit(tx, {
      action: 'generation_job.started',
      entity: input.periodId === null ? 'generation_job' : 'reporting_period',
      entityId: input.periodId ?? jobId,
      detail: { kind: def.label, job: jobId },
    });
    return jobId;
  });
  const job: GenerationJobRef = {
    id,
    kind: input.kind,
    periodId: input.periodId,
    subjectId: input.subjectId ?? null,
    requestedBy: rc.actor.id,
  };
  const running = inFlight.get(rc.app) ?? new Set<Promise<void>>();
  inFlight.set(rc.app, running);
  const p: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => gate.run(() => runJob(rc.app, job, log)))
    .catch((err: unknown) => log.error({ err, jobId: id }, 'generation job crashed'))
    .finally(() => running.delete(p));
  running.add(p);
  return id;
}

async function runJob(app: AppContext, job: GenerationJobRef, log: FastifyBaseLogger): Promise<void> {
  const def = generationKind(job.kind);
  if (!def) return;
  if (!(await claimJob(app.db, job.id, PROCESS_HOLDER, nowIso(), leaseFrom(Date.now())))) return;
  const heartbeat = setInterval(() => {
    extendLease(app.db, job.id, PROCESS_HOLDER, leaseFrom(Date.now())).catch((err: unknown) =>
      log.warn({ err, jobId: job.id }, 'generation job lease not renewed'),
    );
  }, HEARTBEAT_MS);
  heartbeat.unref();
  try {
    const progress = (percent: number) =>
      setProgress(app.db, job.id, PROCESS_HOLDER, Math.max(1, Math.min(99, Math.round(percent))));
    const out = await def.generate({ app, job, progress });
    await progress(95);
    const sha256 = await fileStoreOf(app).put(out.bytes);
    await finishJob(app.db, job.id, PROCESS_HOLDER, {
      now: nowIso(),
      sha256,
      name: out.filename,
      size: out.bytes.byteLength,
      sources: out.sources,
    });
  } catch (err) {
    // A refusal the user can act on keeps its message; anything else is logged and named generically.
    const message = err instanceof AppError ? err.message : INTERNAL_MESSAGE;
    if (!(err instanceof AppError)) log.error({ err, jobId: job.id }, 'generation job failed');
    await failJob(app.db, job.id, PROCESS_HOLDER, nowIso(), message);
  } finally {
    clearInterval(heartbeat);
  }
}

/** Marks failed the jobs a dead process left queued or running (their lease ran out). */
export function failAbandoned(app: AppContext): Promise<number> {
  return failAbandonedJobs(app.db, nowIso(), ABANDONED_MESSAGE);
}

/** Waits for this app's jobs in progress (on close, so none writes to a closed database). */
export async function drainGenerationJobs(app: AppContext): Promise<void> {
  const running = inFlight.get(app);
  if (running) await Promise.allSettled([...running]);
}

const parseSources = (json: string): GenerationSource[] => {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? (v as GenerationSource[]) : [];
  } catch {
    return [];
  }
};

/** A job as the API answers it. */
export function toGenerationJob(r: JobRow): GenerationJob {
  return {
    id: r.id,
    kind: r.kind,
    kindLabel: generationKind(r.kind)?.label ?? r.kind,
    status: r.status,
    progress: r.progress,
    error: r.error,
    requestedBy: person(r.requested_by, r.requested_by_name),
    requestedAt: r.requested_at,
    finishedAt: r.finished_at,
    file: r.status === 'done' && r.file_name !== null ? { name: r.file_name, size: r.file_size ?? 0 } : null,
    sources: parseSources(r.sources_json),
  };
}

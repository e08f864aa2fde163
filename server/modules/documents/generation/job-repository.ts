import type { Db } from '../../../db/db';
import type { GenerationSource } from './job-kinds';

export async function insertJob(
  db: Db,
  row: {
    kind: string;
    periodId: number | null;
    subjectId: number | null;
    requestedBy: number;
    requestedAt: string;
    holder: string;
    leaseUntil: string;
  },
): Promise<number> {
  const r = await db
    .insertInto('generation_jobs')
    .values({
      kind: row.kind,
      period_id: row.periodId,
      subject_id: row.subjectId,
      status: 'queued',
      requested_by: row.requestedBy,
      requested_at: row.requestedAt,
      holder: row.holder,
      lease_until: row.leaseUntil,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Takes a queued job for this process; false when it is no longer queued (or not ours). */
export async function claimJob(db: Db, id: number, holder: string, now: string, leaseUntil: string) {
  const r = await db
    .updateTable('generation_jobs')
    .set({ status: 'running', started_at: now, lease_until: leaseUntil, progress: 1 })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .where('holder', '=', holder)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function extendLease(db: Db, id: number, holder: string, leaseUntil: string) {
  await db
    .updateTable('generation_jobs')
    .set({ lease_until: leaseUntil })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('holder', '=', holder)
    .execute();
}

export async function setProgress(db: Db, id: number, holder: string, progress: number) {
  await db
    .updateTable('generation_jobs')
    .set({ progress })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('holder', '=', holder)
    .execute();
}

export async function finishJob(
  db: Db,
  id: number,
  holder: string,
  done: { now: string; sha256: string; name: string; size: number; sources: GenerationSource[] },
) {
  await db
    .updateTable('generation_jobs')
    .set({
      status: 'done',
      progress: 100,
      finished_at: done.now,
      file_sha256: done.sha256,
      file_name: done.name,
      file_size: done.size,
      sources_json: JSON.stringify(done.sources),
      holder: null,
      lease_until: null,
    })
    .where('id', '=', id)
    .where('holder', '=', holder)
    .execute();
}

export async function failJob(db: Db, id: number, holder: string | null, now: string, error: string) {
  let q = db
    .updateTable('generation_jobs')
    .set({ status: 'failed', error, finished_at: now, holder: null, lease_until: null })
    .where('id', '=', id);
  if (holder !== null) q = q.where('holder', '=', holder);
  await q.execute();
}

/**
 * Jobs whose process stopped mid-way: queued or running with a lease nobody renewed (the running
 * process renews it every few seconds), marked failed with `error`. Returns how many.
 */
export async function failAbandonedJobs(db: Db, now: string, error: string): Promise<number> {
  const r = await db
    .updateTable('generation_jobs')
    .set({ status: 'failed', error, finished_at: now, holder: null, lease_until: null })
    .where('status', 'in', ['queued', 'running'])
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

const JOB_COLUMNS = [
  'j.id',
  'j.kind',
  'j.period_id',
  'j.subject_id',
  'j.status',
  'j.progress',
  'j.error',
  'j.requested_by',
  'j.requested_at',
  'j.finished_at',
  'j.file_sha256',
  'j.file_name',
  'j.file_size',
  'j.sources_json',
  'u.full_name as requested_by_name',
] as const;

/** A period's own jobs (not those of a plan's review or an agency's report in it), newest first. */
export async function listJobsOfPeriod(db: Db, periodId: number, limit: number) {
  return db
    .selectFrom('generation_jobs as j')
    .leftJoin('users as u', 'u.id', 'j.requested_by')
    .select(JOB_COLUMNS)
    .where('j.period_id', '=', periodId)
    .where('j.subject_id', 'is', null)
    .orderBy('j.requested_at', 'desc')
    .orderBy('j.id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * The jobs of kinds `kinds` about one subject (a plan for the reviews, a report for an agency's
 * document), newest first (at most `limit`).
 */
export async function listJobsOfSubject(db: Db, kinds: readonly string[], subjectId: number, limit: number) {
  return db
    .selectFrom('generation_jobs as j')
    .leftJoin('users as u', 'u.id', 'j.requested_by')
    .select(JOB_COLUMNS)
    .where('j.kind', 'in', [...kinds])
    .where('j.subject_id', '=', subjectId)
    .orderBy('j.requested_at', 'desc')
    .orderBy('j.id', 'desc')
    .limit(limit)
    .execute();
}

export async function findJob(db: Db, id: number) {
  return db
    .selectFrom('generation_jobs as j')
    .leftJoin('users as u', 'u.id', 'j.requested_by')
    .select(JOB_COLUMNS)
    .where('j.id', '=', id)
    .executeTakeFirst();
}

export type JobRow = NonNullable<Awaited<ReturnType<typeof findJob>>>;

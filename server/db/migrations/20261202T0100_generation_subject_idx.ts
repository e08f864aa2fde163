import type { Kysely } from 'kysely';

// Generated documents of a plan (its mid-term and final reviews) and of an agency's report are listed
// by their subject (`generation_jobs.subject_id`: the plan, the report) and kind, newest first.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('generation_jobs_subject_idx')
    .on('generation_jobs')
    .columns(['subject_id', 'kind', 'requested_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('generation_jobs_subject_idx').execute();
}

import type { Kysely } from 'kysely';
import { idColumn } from './helpers';

// The coordinator's own wording of a period's consolidated report, section by section, and the
// documents generated from the data as tracked jobs.
//
// `period_narratives` is append-only: every save (and every "back to the draft", text null) is a new
// version, with who and when; the newest version of a section is what the document uses. The unique
// (period, section, version) is the optimistic lock: two saves from the same version cannot both land.
//
// `generation_jobs` is one row per generation of any kind of document (`kind`: consolidated, and the
// kinds other modules register), with its progress, the Vietnamese reason of a failure, the lease of
// the process running it (a dead process's job is found by its expired lease and marked failed) and,
// once done, the stored file (FileStore, by SHA-256) with the reports and versions it was made from.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('period_narratives')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('period_id', 'integer', (c) =>
      c.notNull().references('reporting_periods.id').onDelete('cascade'),
    )
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('saved_by', 'integer', (c) => c.references('users.id'))
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('period_narratives_version_uq')
    .on('period_narratives')
    .columns(['period_id', 'section', 'version'])
    .unique()
    .execute();

  await db.schema
    .createTable('generation_jobs')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('period_id', 'integer', (c) => c.references('reporting_periods.id').onDelete('cascade'))
    .addColumn('subject_id', 'integer')
    .addColumn('status', 'text', (c) => c.notNull()) // queued | running | done | failed
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('requested_by', 'integer', (c) => c.references('users.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('holder', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('file_sha256', 'text')
    .addColumn('file_name', 'text')
    .addColumn('file_size', 'integer')
    .addColumn('sources_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .createIndex('generation_jobs_period_idx')
    .on('generation_jobs')
    .columns(['period_id', 'kind', 'requested_at'])
    .execute();
  await db.schema.createIndex('generation_jobs_status_idx').on('generation_jobs').column('status').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('generation_jobs').execute();
  await db.schema.dropTable('period_narratives').execute();
}

import type { Kysely } from 'kysely';
import { idColumn } from './helpers';

// Indicators (chỉ số) measured by a plan's targets, and their yearly values. A value row is never
// updated or deleted: a correction or a newer status is a new row, so the history stays readable.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('indicators')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('definition', 'text')
    // rate (yearly growth %) | level | share | percentage | count
    .addColumn('value_kind', 'text', (c) => c.notNull())
    .addColumn('owner_org_id', 'integer', (c) => c.references('organisations.id'))
    .addColumn('search_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('indicators_plan_code_idx')
    .on('indicators')
    .columns(['plan_id', 'code'])
    .unique()
    .execute();

  await db.schema
    .alterTable('plan_targets')
    .addColumn('indicator_id', 'integer', (c) => c.references('indicators.id'))
    .execute();
  await db.schema
    .createIndex('plan_targets_indicator_idx')
    .on('plan_targets')
    .column('indicator_id')
    .execute();

  await db.schema
    .createTable('indicator_values')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicators.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    // estimate (ước tính) | preliminary (sơ bộ) | official (chính thức)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_url', 'text')
    .addColumn('note', 'text')
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('entered_by', 'integer', (c) => c.references('users.id'))
    .addColumn('entered_at', 'text', (c) => c.notNull())
    // pending | accepted | rejected
    .addColumn('review_state', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'text')
    .addColumn('review_note', 'text')
    .execute();
  await db.schema
    .createIndex('indicator_values_indicator_idx')
    .on('indicator_values')
    .columns(['indicator_id', 'year'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('indicator_values').execute();
  await db.schema.dropIndex('plan_targets_indicator_idx').execute();
  await db.schema.alterTable('plan_targets').dropColumn('indicator_id').execute();
  await db.schema.dropTable('indicators').execute();
}

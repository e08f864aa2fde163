import type { Kysely } from 'kysely';
import { idColumn } from './helpers';

// Issue 14, reorganisations: a merger, split, rename, abolition, province merger or a level of
// government replaced is one recorded event with its effective date and legal basis. Applying it writes
// every changed row into `reorganisation_moves` (table, row, column, value before and after; a row
// added or removed as JSON), so undoing it puts back exactly what was there. An agency may have several
// successors (a split): `organisation_successors` lists them, the main one is also
// `organisations.successor_id`.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reorganisations')
    .addColumn('id', 'integer', idColumn(db))
    // merge | split | rename | abolish | province_merge | level_replace
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('effective_on', 'text', (c) => c.notNull())
    .addColumn('basis_number', 'text', (c) => c.notNull())
    .addColumn('basis_date', 'text')
    .addColumn('basis_text', 'text')
    // The event as asked (sources, successors, agencies to create, per-task choices), JSON.
    .addColumn('spec_json', 'text', (c) => c.notNull())
    // previewed | applied | undone
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('applied_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('applied_at', 'text')
    .addColumn('undone_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('undone_at', 'text')
    .execute();
  await db.schema.createIndex('reorganisations_state_idx').on('reorganisations').column('state').execute();

  await db.schema
    .createTable('reorganisation_moves')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('reorganisation_id', 'integer', (c) =>
      c.notNull().references('reorganisations.id').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', (c) => c.notNull())
    // update | insert | delete | handover | note (what stayed or needs a hand: table_name holds its subject)
    .addColumn('op', 'text', (c) => c.notNull())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_id', 'integer', (c) => c.notNull())
    .addColumn('column_name', 'text')
    // JSON values: the column's value (update) or the whole row (insert, delete).
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    // The row's updated_at when the event was applied: undo refuses a row changed since.
    .addColumn('guard', 'text')
    // What the hand-over was, in Vietnamese ("Nhiệm vụ 5 (chủ trì): Sở A → Sở C").
    .addColumn('label', 'text', (c) => c.notNull())
    // The successor it went to, by name (null when it stays or goes nowhere).
    .addColumn('to_name', 'text')
    .execute();
  await db.schema
    .createIndex('reorganisation_moves_event_idx')
    .on('reorganisation_moves')
    .columns(['reorganisation_id', 'seq'])
    .unique()
    .execute();
  await db.schema
    .createIndex('reorganisation_moves_row_idx')
    .on('reorganisation_moves')
    .columns(['table_name', 'row_id'])
    .execute();

  await db.schema
    .createTable('organisation_successors')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('organisation_id', 'integer', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('successor_id', 'integer', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('is_main', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text')
    .addColumn('reorganisation_id', 'integer', (c) => c.references('reorganisations.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('organisation_successors_pair_uq')
    .on('organisation_successors')
    .columns(['organisation_id', 'successor_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('organisation_successors_successor_idx')
    .on('organisation_successors')
    .column('successor_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('organisation_successors').execute();
  await db.schema.dropTable('reorganisation_moves').execute();
  await db.schema.dropTable('reorganisations').execute();
}

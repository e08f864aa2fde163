import { type Kysely, sql } from 'kysely';
import { idColumn, isPostgres } from './helpers';

// Plans entered by hand (issue 13 item 5): their draft is a plan_imports row with no uploaded document,
// so document_id becomes nullable; a plan's period of implementation ("giai đoạn 2021–2025") is kept
// as two years on the plan, typed in the hand-made form (imported plans leave them empty).
//
// SQLite cannot drop NOT NULL from a column: the table is rebuilt as SQLite documents it ("Making Other
// Kinds Of Table Schema Changes"), with foreign keys off so that plans.import_id, which references
// plan_imports by name, is neither checked nor rewritten while the old table is dropped and the new one
// takes its name. Kysely runs SQLite migrations outside a transaction, so the rebuild opens its own.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('plans').addColumn('from_year', 'integer').execute();
  await db.schema.alterTable('plans').addColumn('to_year', 'integer').execute();
  if (isPostgres(db)) {
    await sql`alter table plan_imports alter column document_id drop not null`.execute(db);
    return;
  }
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`begin immediate`.execute(db);
    try {
      await db.schema
        .createTable('plan_imports_rebuilt')
        .addColumn('id', 'integer', idColumn(db))
        .addColumn('document_id', 'integer', (c) => c.references('documents.id'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('source_text', 'text', (c) => c.notNull())
        .addColumn('draft_json', 'text', (c) => c.notNull())
        .addColumn('plan_id', 'integer')
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await sql`insert into plan_imports_rebuilt
        (id, document_id, status, version, source_text, draft_json, plan_id, created_by, created_at, updated_at)
        select id, document_id, status, version, source_text, draft_json, plan_id, created_by, created_at, updated_at
        from plan_imports`.execute(db);
      await sql`drop table plan_imports`.execute(db);
      await sql`alter table plan_imports_rebuilt rename to plan_imports`.execute(db);
      const broken = await sql`pragma foreign_key_check`.execute(db);
      if (broken.rows.length > 0) throw new Error('plan_imports rebuild left broken foreign keys');
      await sql`commit`.execute(db);
    } catch (e) {
      await sql`rollback`.execute(db);
      throw e;
    }
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Hand-made drafts have no document to point at: going back would lose them, so they stay nullable.
  await db.schema.alterTable('plans').dropColumn('to_year').execute();
  await db.schema.alterTable('plans').dropColumn('from_year').execute();
}

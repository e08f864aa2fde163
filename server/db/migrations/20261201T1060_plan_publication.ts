import type { Kysely } from 'kysely';

// A plan's public page (issue 11): off by default; the consolidating agency's coordinator (or an
// administrator) publishes it and can take it down again. Who and when are kept beside the flag; the
// audit log keeps every change.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('plans')
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('plans').addColumn('published_at', 'text').execute();
  await db.schema
    .alterTable('plans')
    .addColumn('published_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('plans').dropColumn('published_by').execute();
  await db.schema.alterTable('plans').dropColumn('published_at').execute();
  await db.schema.alterTable('plans').dropColumn('published').execute();
}

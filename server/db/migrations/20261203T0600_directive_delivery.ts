import type { Kysely } from 'kysely';

// Issue 14: a directive stays with the task and agency it was written for, and keeps where it was
// delivered on the day (the successor that answered for a merged agency, how many people it reached),
// as JSON: [{ organisation: {id, name}, redirectedTo: [{id, name}], reached }]. Null for older rows.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('directives').addColumn('delivery_json', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('directives').dropColumn('delivery_json').execute();
}

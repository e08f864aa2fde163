import { type Kysely, sql } from 'kysely';

// Per-task confirmation inside a report (issue 13, item 7): the coordinator accepts or returns one
// task's entry of a submitted report. `review_state`: pending (sent, waiting), accepted (locked),
// returned (the agency corrects and sends this entry again on its own). Entries of reports already
// accepted are accepted.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('report_entries')
    .addColumn('review_state', 'text', (c) => c.notNull().defaultTo('pending'))
    .execute();
  await db.schema.alterTable('report_entries').addColumn('review_comment', 'text').execute();
  await db.schema.alterTable('report_entries').addColumn('reviewed_at', 'text').execute();
  await db.schema
    .alterTable('report_entries')
    .addColumn('reviewed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await sql`update report_entries set review_state = 'accepted'
    where report_id in (select id from reports where state = 'accepted')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const c of ['reviewed_by', 'reviewed_at', 'review_comment', 'review_state'])
    await db.schema.alterTable('report_entries').dropColumn(c).execute();
}

import { type Kysely, sql } from 'kysely';

// Part of the frozen migration set: never import application code from here. The fold below is a
// copy of shared/domain/text/normalize.ts searchKey as of this migration.

function fold(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/**
 * The search across everything (GET /api/search) and the deadline calendar (GET /api/calendar):
 * - `reporting_periods.search_key`: the period's title and year folded like every other search key, so
 *   "bao cao nam" finds a report by its period without folding titles per request; existing periods
 *   are backfilled, new ones get it on insert (period-repository.ts);
 * - `tasks_deadline_idx` (kind, deadline_to) and `reporting_periods_due_on_idx`: the calendar reads
 *   the tasks and periods falling due in the months shown through them instead of every row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('reporting_periods').addColumn('search_key', 'text').execute();
  const rows = await sql<{ id: number; title: string; year: number }>`
    select id, title, year from reporting_periods order by id`.execute(db);
  for (const row of rows.rows) {
    await sql`update reporting_periods set search_key = ${fold(`${row.title} ${row.year}`)} where id = ${row.id}`.execute(
      db,
    );
  }
  await db.schema
    .createIndex('tasks_deadline_idx')
    .on('tasks')
    .columns(['deadline_kind', 'deadline_to'])
    .execute();
  await db.schema
    .createIndex('reporting_periods_due_on_idx')
    .on('reporting_periods')
    .column('due_on')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('reporting_periods_due_on_idx').execute();
  await db.schema.dropIndex('tasks_deadline_idx').execute();
  await db.schema.alterTable('reporting_periods').dropColumn('search_key').execute();
}

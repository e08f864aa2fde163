import { type Kysely, sql } from 'kysely';
import { isPostgres } from './helpers';

// The reports' data version, for the report lists' page cache (issue 10: the inbox and "my work" 25×
// ahead of Redmine). `reports_version` grows, by triggers in the writing transaction, with every change
// a report list shows: reports themselves (state, counts, late, editor), their entries and versions,
// their periods (title, dates, state), the agencies that send them, the plans they belong to (number,
// title, consolidating agency; not the plan's own data_version, which moves with every task change) and
// users' names (the last editor is shown). Writers (workflow, report generation, period edits, the
// registry) need no code of their own, and every process reads the same version from the database.
// PostgreSQL bumps once per statement; SQLite has only row triggers, each a cheap in-page update.

/** Tables whose every insert, update and delete may change what a report list shows. */
const TABLES = [
  'reports',
  'report_entries',
  'report_versions',
  'reporting_periods',
  'organisations',
] as const;
/** Tables where only some columns are shown: [table, events, columns updated]. */
const PARTIAL = [
  ['plans', ['insert', 'delete'], ['number', 'title', 'consolidator_org_id']],
  ['users', [], ['full_name']],
] as const;
const EVENTS = ['insert', 'update', 'delete'] as const;
const BUMP = 'update reports_version set version = version + 1 where id = 1;';

/** Every trigger as [name, table, "after …" clause]. */
function triggers(): [string, string, string][] {
  const all: [string, string, string][] = [];
  for (const table of TABLES)
    for (const event of EVENTS) all.push([`pw_reports_version_${table}_${event}`, table, event]);
  for (const [table, events, columns] of PARTIAL) {
    for (const event of events) all.push([`pw_reports_version_${table}_${event}`, table, event]);
    all.push([`pw_reports_version_${table}_update`, table, `update of ${columns.join(', ')}`]);
  }
  return all;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reports_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`insert into reports_version (id, version) values (1, 0)`.execute(db);

  if (isPostgres(db)) {
    await sql
      .raw(`create function pw_bump_reports_version() returns trigger language plpgsql as $$
begin
  ${BUMP}
  return null;
end $$`)
      .execute(db);
    for (const [name, table, when] of triggers())
      await sql
        .raw(`create trigger ${name} after ${when} on ${table}
  for each statement execute function pw_bump_reports_version()`)
        .execute(db);
    return;
  }
  for (const [name, table, when] of triggers())
    await sql
      .raw(`create trigger ${name} after ${when} on ${table} for each row begin ${BUMP} end`)
      .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  for (const [name, table] of triggers())
    await sql.raw(`drop trigger ${name}${pg ? ` on ${table}` : ''}`).execute(db);
  if (pg) await sql`drop function pw_bump_reports_version()`.execute(db);
  await db.schema.dropTable('reports_version').execute();
}

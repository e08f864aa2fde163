import { type Kysely, sql } from 'kysely';
import { isPostgres } from './helpers';

// One counter (row id 1) that grows with every change to indicators, their targets or their values,
// kept by triggers in the writing transaction: the all-plans dashboard keeps its tally of targets by
// evaluation for a day while it stands (dashboard-targets.ts), in every process.

const TABLES = ['indicators', 'plan_targets', 'indicator_values'] as const;
const EVENTS = ['insert', 'update', 'delete'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('indicator_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`insert into indicator_version (id, version) values (1, 0)`.execute(db);
  if (isPostgres(db)) {
    await sql
      .raw(`create function pw_bump_indicator_version() returns trigger language plpgsql as $$
begin
  update indicator_version set version = version + 1 where id = 1;
  return null;
end $$`)
      .execute(db);
    for (const table of TABLES)
      await sql
        .raw(`create trigger pw_version_${table} after insert or update or delete on ${table}
  for each statement execute function pw_bump_indicator_version()`)
        .execute(db);
    return;
  }
  for (const table of TABLES)
    for (const event of EVENTS)
      await sql
        .raw(`create trigger pw_version_${table}_${event} after ${event} on ${table} for each row begin
  update indicator_version set version = version + 1 where id = 1;
end`)
        .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    for (const table of TABLES) await sql.raw(`drop trigger pw_version_${table} on ${table}`).execute(db);
    await sql`drop function pw_bump_indicator_version()`.execute(db);
  } else {
    for (const table of TABLES)
      for (const event of EVENTS) await sql.raw(`drop trigger pw_version_${table}_${event}`).execute(db);
  }
  await db.schema.dropTable('indicator_version').execute();
}

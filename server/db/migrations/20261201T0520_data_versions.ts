import { type Kysely, sql } from 'kysely';
import { isPostgres } from './helpers';

// Data versions for the task list's page cache (issue 10: 1,000 requests/s). `plans.data_version`
// grows whenever something a plan's task list shows changes: its tasks, their agencies, their stored
// statuses or a plan-year's freshness marker; `registry_version` grows with any organisation change
// (names, kinds, successors are shown or filtered on in every plan's list). Triggers keep them, in the
// same transaction as the change, so no writer (plan writer, confirm, the status store's refreshes and
// daily roll, the registry) can forget one, and every process reads the same version from the database.
// PostgreSQL bumps once per statement and plan (transition tables), so a refresh of 500 statuses costs
// one update of the plan row, not 500; SQLite has only row triggers, each a cheap in-page update.

/** Tables whose rows carry their plan id directly. */
const PLAN_TABLES = ['tasks', 'task_statuses', 'task_status_plan_years'] as const;
const EVENTS = ['insert', 'update', 'delete'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('plans')
    .addColumn('data_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('registry_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`insert into registry_version (id, version) values (1, 0)`.execute(db);

  if (isPostgres(db)) {
    for (const event of EVENTS) {
      const rows = event === 'delete' ? 'old_rows' : 'new_rows';
      const ref = event === 'delete' ? 'old table as old_rows' : 'new table as new_rows';
      for (const table of PLAN_TABLES) {
        await sql
          .raw(`create function pw_bump_${table}_${event}() returns trigger language plpgsql as $$
begin
  update plans set data_version = data_version + 1 where id in (select distinct plan_id from ${rows});
  return null;
end $$`)
          .execute(db);
        await sql
          .raw(`create trigger pw_version_${table}_${event} after ${event} on ${table}
  referencing ${ref} for each statement execute function pw_bump_${table}_${event}()`)
          .execute(db);
      }
      await sql
        .raw(`create function pw_bump_task_agencies_${event}() returns trigger language plpgsql as $$
begin
  update plans set data_version = data_version + 1
   where id in (select distinct t.plan_id from ${rows} r join tasks t on t.id = r.task_id);
  return null;
end $$`)
        .execute(db);
      await sql
        .raw(`create trigger pw_version_task_agencies_${event} after ${event} on task_agencies
  referencing ${ref} for each statement execute function pw_bump_task_agencies_${event}()`)
        .execute(db);
    }
    await sql
      .raw(`create function pw_bump_registry() returns trigger language plpgsql as $$
begin
  update registry_version set version = version + 1 where id = 1;
  return null;
end $$`)
      .execute(db);
    await sql
      .raw(`create trigger pw_version_organisations after insert or update or delete on organisations
  for each statement execute function pw_bump_registry()`)
      .execute(db);
    return;
  }

  for (const event of EVENTS) {
    const ids =
      event === 'insert' ? 'new.plan_id' : event === 'delete' ? 'old.plan_id' : 'old.plan_id, new.plan_id';
    for (const table of PLAN_TABLES)
      await sql
        .raw(`create trigger pw_version_${table}_${event} after ${event} on ${table} for each row begin
  update plans set data_version = data_version + 1 where id in (${ids});
end`)
        .execute(db);
    const tasks =
      event === 'insert' ? 'new.task_id' : event === 'delete' ? 'old.task_id' : 'old.task_id, new.task_id';
    await sql
      .raw(`create trigger pw_version_task_agencies_${event} after ${event} on task_agencies for each row begin
  update plans set data_version = data_version + 1
   where id in (select plan_id from tasks where id in (${tasks}));
end`)
      .execute(db);
    await sql
      .raw(`create trigger pw_version_organisations_${event} after ${event} on organisations for each row begin
  update registry_version set version = version + 1 where id = 1;
end`)
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  for (const event of EVENTS) {
    for (const table of [...PLAN_TABLES, 'task_agencies']) {
      await sql.raw(`drop trigger pw_version_${table}_${event}${pg ? ` on ${table}` : ''}`).execute(db);
      if (pg) await sql.raw(`drop function pw_bump_${table}_${event}()`).execute(db);
    }
    if (!pg) await sql.raw(`drop trigger pw_version_organisations_${event}`).execute(db);
  }
  if (pg) {
    await sql`drop trigger pw_version_organisations on organisations`.execute(db);
    await sql`drop function pw_bump_registry()`.execute(db);
  }
  await db.schema.dropTable('registry_version').execute();
  await db.schema.alterTable('plans').dropColumn('data_version').execute();
}

import { type Kysely, sql } from 'kysely';
import { isPostgres } from './helpers';

// Versions for the audit log's and the notifications' page caches (issue 10: every list 25× ahead of
// Redmine; on PostgreSQL a page was 3–4 queries and 5–7 ms of server CPU). Kept by triggers in the
// writing transaction, as the other versions (20261201T0520, 0550), so no writer can forget them:
// - audit_version (one row) grows with every insert, update or delete of audit rows. Every product
//   write records one, so this is taken at the end of the writing transaction, where audit() runs.
// - notification_versions (a row per user) grows with any change to that user's notifications (a new
//   one, one read, all read): one user's reading moves no one else's version, and no write shares a row
//   with another user's.
// PostgreSQL bumps once per statement (transition tables: the users touched); SQLite has row triggers.

const EVENTS = ['insert', 'update', 'delete'] as const;
const AUDIT_BUMP = 'update audit_version set version = version + 1 where id = 1;';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`insert into audit_version (id, version) values (1, 0)`.execute(db);
  await db.schema
    .createTable('notification_versions')
    .addColumn('user_id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  if (isPostgres(db)) {
    await sql
      .raw(`create function pw_bump_audit_version() returns trigger language plpgsql as $$
begin
  ${AUDIT_BUMP}
  return null;
end $$`)
      .execute(db);
    await sql
      .raw(`create trigger pw_audit_version after insert or update or delete on audit_log
  for each statement execute function pw_bump_audit_version()`)
      .execute(db);
    for (const event of EVENTS) {
      const rows = event === 'delete' ? 'old_rows' : 'new_rows';
      const ref = event === 'delete' ? 'old table as old_rows' : 'new table as new_rows';
      await sql
        .raw(`create function pw_bump_notification_versions_${event}() returns trigger language plpgsql as $$
begin
  insert into notification_versions (user_id, version)
    select distinct user_id, 1 from ${rows}
    on conflict (user_id) do update set version = notification_versions.version + 1;
  return null;
end $$`)
        .execute(db);
      await sql
        .raw(`create trigger pw_notification_versions_${event} after ${event} on notifications
  referencing ${ref} for each statement execute function pw_bump_notification_versions_${event}()`)
        .execute(db);
    }
    return;
  }
  for (const event of EVENTS) {
    await sql
      .raw(
        `create trigger pw_audit_version_${event} after ${event} on audit_log for each row begin ${AUDIT_BUMP} end`,
      )
      .execute(db);
    const bump = (
      who: 'new' | 'old',
    ) => `insert into notification_versions (user_id, version) values (${who}.user_id, 1)
    on conflict (user_id) do update set version = version + 1;`;
    // An update that moves a notification to another user changes both users' lists.
    const body =
      event === 'insert' ? bump('new') : event === 'delete' ? bump('old') : `${bump('old')} ${bump('new')}`;
    await sql
      .raw(`create trigger pw_notification_versions_${event} after ${event} on notifications for each row begin
  ${body}
end`)
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger pw_audit_version on audit_log`.execute(db);
    await sql`drop function pw_bump_audit_version()`.execute(db);
    for (const event of EVENTS) {
      await sql.raw(`drop trigger pw_notification_versions_${event} on notifications`).execute(db);
      await sql.raw(`drop function pw_bump_notification_versions_${event}()`).execute(db);
    }
  } else {
    for (const event of EVENTS) {
      await sql.raw(`drop trigger pw_audit_version_${event}`).execute(db);
      await sql.raw(`drop trigger pw_notification_versions_${event}`).execute(db);
    }
  }
  await db.schema.dropTable('notification_versions').execute();
  await db.schema.dropTable('audit_version').execute();
}

import { type Kysely, sql } from 'kysely';
import { isPostgres } from './helpers';

// Stored task counts per plan-year and status category (issue 10: the all-plans dashboard in < 50 ms).
// Counting 100,000 stored statuses by plan and code took ~37 ms on PostgreSQL on every dashboard read;
// `task_status_counts` keeps the answer. Triggers on `task_statuses` keep it, in the same transaction as
// the change, so every writer (the refreshes, the daily roll, a task deleted with its statuses by
// cascade, the bench generator) keeps it right without knowing of it. A category may stay at 0.
// PostgreSQL adds each statement's net change per plan-year and code (transition tables: one upsert per
// statement, not per row); SQLite has only row triggers, each one indexed update. A plan being deleted
// takes its counts with it (cascade): its statuses deleted after it must not write counts back.

const EVENTS = ['insert', 'update', 'delete'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('task_status_counts')
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_status_counts_pk', ['plan_id', 'year', 'code'])
    .execute();
  // Backfill from the statuses already stored.
  await sql`insert into task_status_counts (plan_id, year, code, n)
    select plan_id, year, code, count(*) from task_statuses group by plan_id, year, code`.execute(db);

  if (isPostgres(db)) {
    for (const event of EVENTS) {
      const changes =
        event === 'insert'
          ? 'select plan_id, year, code, 1 as d from new_rows'
          : event === 'delete'
            ? 'select plan_id, year, code, -1 as d from old_rows'
            : 'select plan_id, year, code, 1 as d from new_rows union all select plan_id, year, code, -1 from old_rows';
      const ref =
        event === 'insert'
          ? 'new table as new_rows'
          : event === 'delete'
            ? 'old table as old_rows'
            : 'old table as old_rows new table as new_rows';
      await sql
        .raw(`create function pw_count_task_statuses_${event}() returns trigger language plpgsql as $$
begin
  insert into task_status_counts (plan_id, year, code, n)
  select plan_id, year, code, sum(d) from (${changes}) c
   where exists (select 1 from plans p where p.id = c.plan_id)
   group by plan_id, year, code having sum(d) <> 0
   order by plan_id, year, code
  on conflict (plan_id, year, code) do update set n = task_status_counts.n + excluded.n;
  return null;
end $$`)
        .execute(db);
      await sql
        .raw(`create trigger pw_count_task_statuses_${event} after ${event} on task_statuses
  referencing ${ref} for each statement execute function pw_count_task_statuses_${event}()`)
        .execute(db);
    }
    return;
  }

  // No `insert or ignore`: inside a trigger the outer statement's conflict policy (the refresh's upsert)
  // would override it. The row is created only when missing, then counted.
  const add = (row: 'new' | 'old', d: number) => `
  insert into task_status_counts (plan_id, year, code, n)
  select ${row}.plan_id, ${row}.year, ${row}.code, 0 where not exists (select 1 from task_status_counts
   where plan_id = ${row}.plan_id and year = ${row}.year and code = ${row}.code)
   and exists (select 1 from plans where id = ${row}.plan_id);
  update task_status_counts set n = n + (${d})
   where plan_id = ${row}.plan_id and year = ${row}.year and code = ${row}.code;`;
  await sql
    .raw(`create trigger pw_count_task_statuses_insert after insert on task_statuses for each row begin${add('new', 1)}
end`)
    .execute(db);
  await sql
    .raw(`create trigger pw_count_task_statuses_delete after delete on task_statuses for each row begin${add('old', -1)}
end`)
    .execute(db);
  await sql
    .raw(`create trigger pw_count_task_statuses_update after update of plan_id, year, code on task_statuses
  for each row when old.plan_id <> new.plan_id or old.year <> new.year or old.code <> new.code
  begin${add('old', -1)}${add('new', 1)}
end`)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  for (const event of EVENTS) {
    await sql.raw(`drop trigger pw_count_task_statuses_${event}${pg ? ' on task_statuses' : ''}`).execute(db);
    if (pg) await sql.raw(`drop function pw_count_task_statuses_${event}()`).execute(db);
  }
  await db.schema.dropTable('task_status_counts').execute();
}

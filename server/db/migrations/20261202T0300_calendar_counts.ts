import { type Kysely, sql } from 'kysely';
import { isPostgres } from './helpers';

// Deadline counts per day for the calendar's month grid (issue 10: every list p50 < 5.6 ms at national
// scale; December's month view read and sent 2,000 events, 715 KB, ~450 ms). `calendar_counts` keeps,
// per (kind, key, day), how many task deadlines or report due dates fall on that day:
// - kind 'task': tasks with one due date (date, month, quarter, year range: the stored end; "Năm …":
//   31/12 of its year), `day` = `until_day` = that date;
// - kind 'recurring': "Hằng năm" tasks, due each 31/12 from `day` (31/12 of their first year, or
//   0000-12-31) to `until_day` (31/12 of their last year, or 9999-12-31);
// - kind 'report': reports by their period's due date.
// Keys, chosen so an agency's count is a sum of disjoint rows:
// - tasks: 'all'; 'g:<group>' (tasks naming a named group); 'o:<id>' (tasks naming the agency itself
//   and not the group its kind belongs to — each kind belongs to at most one group, groups.ts), so
//   the tasks of agency X (named, or through its group) = 'o:X' + 'g:<group of X's kind>';
// - reports: 'all', 'acc' (accepted), 'o:<id>' (the agency's), 'oa:<id>' (the agency's accepted), so a
//   reporter's view (own agency's reports and others' accepted, report-policy.ts) = acc + o:own − oa:own.
// Triggers keep it in the writing transaction, so every writer (plan writer, imports, report workflow,
// period edits, the registry, the bench generator) keeps it right without knowing of it. SQLite: before
// a change, the touched task's or report's contribution (computed from the tables as they are) is taken
// back, after it added again; deleting a parent first takes back its children's contributions, and its
// cascaded children then find no parent and change nothing (SQLite fires them after the parent row is
// gone). PostgreSQL: statement triggers recount the touched rows (pgRefresh below). The kind → group map is frozen here from
// shared/domain/organisations/groups.ts: a change of groups needs a migration redefining the triggers.

const GROUP_OF_KIND: Record<string, string> = {
  so: 'so_ban_nganh',
  ban: 'so_ban_nganh',
  ubnd_huyen: 'ubnd_cap_huyen',
  ubnd_xa: 'ubnd_cap_xa',
  doan_the: 'doan_the_hiep_hoi',
  bao_dai: 'bao_dai',
  doanh_nghiep: 'doanh_nghiep',
};
const groupOf = (kind: string) =>
  `(case ${kind} ${Object.entries(GROUP_OF_KIND)
    .map(([k, g]) => `when '${k}' then '${g}'`)
    .join(' ')} end)`;

const DATED = `t.deadline_kind in ('date', 'month', 'quarter', 'year_range')`;
const DAY = `(case when ${DATED} then t.deadline_to
  when t.deadline_kind = 'year' then substr(coalesce(t.deadline_to, t.deadline_from), 1, 4) || '-12-31'
  when t.deadline_kind = 'recurring' then coalesce(substr(t.deadline_from, 1, 4), '0000') || '-12-31' end)`;
const UNTIL = `(case when t.deadline_kind = 'recurring'
  then coalesce(substr(t.deadline_to, 1, 4), '9999') || '-12-31' else ${DAY} end)`;
const KIND = `(case when t.deadline_kind = 'recurring' then 'recurring' else 'task' end)`;

/** The rows the tasks matching `pred` (over `t`) count in: (source_id, kind, key, day, until_day). */
function taskRows(where: string): string {
  // A task removed by a revision of its plan (20261202T0250_plan_revisions) has no deadline any more.
  const pred = `(${where}) and t.removed_on is null`;
  const cols = `t.id as source_id, ${KIND} as kind, ${DAY} as day, ${UNTIL} as until_day`;
  return `select source_id, kind, key, day, until_day from (
  select ${cols}, 'all' as key from tasks t where ${pred}
  union
  select ${cols}, 'g:' || ta.group_key from tasks t join task_agencies ta on ta.task_id = t.id
   where ${pred} and ta.group_key is not null
  union
  select ${cols}, 'o:' || ta.organisation_id from tasks t join task_agencies ta on ta.task_id = t.id
   join organisations o on o.id = ta.organisation_id
   where ${pred} and not exists (select 1 from task_agencies g
     where g.task_id = t.id and g.group_key = ${groupOf('o.kind')})
) x where day is not null`;
}

/** The rows the reports matching `pred` (over `r`) count in. */
function reportRows(pred: string): string {
  const from = `from reports r join reporting_periods p on p.id = r.period_id where ${pred}`;
  return `select source_id, 'report' as kind, key, day, day as until_day from (
  select r.id as source_id, p.due_on as day, 'all' as key ${from}
  union all select r.id, p.due_on, 'o:' || r.organisation_id ${from}
  union all select r.id, p.due_on, 'acc' ${from} and r.state = 'accepted'
  union all select r.id, p.due_on, 'oa:' || r.organisation_id ${from} and r.state = 'accepted'
) x`;
}

const grouped = (rows: string) =>
  `select kind, key, day, until_day, count(*) as n from (${rows}) r group by kind, key, day, until_day`;
const taskContribution = (pred: string) => grouped(taskRows(pred));
const reportContribution = (pred: string) => grouped(reportRows(pred));

/**
 * SQLite statements adding (sign 1) or taking back (sign -1) a contribution: no upsert inside a trigger
 * (the outer statement's conflict policy would override it, see 20261201T0540_task_status_counts), so
 * missing rows are created at 0, then updated.
 */
function apply(contribution: string, sign: 1 | -1): string {
  return `insert into calendar_counts (kind, key, day, until_day, n)
  select kind, key, day, until_day, 0 from (${contribution}) c where not exists (select 1 from calendar_counts x
   where x.kind = c.kind and x.key = c.key and x.day = c.day and x.until_day = c.until_day);
  update calendar_counts set n = n + (${sign}) * (select c.n from (${contribution}) c
   where c.kind = calendar_counts.kind and c.key = calendar_counts.key and c.day = calendar_counts.day
     and c.until_day = calendar_counts.until_day)
   where (kind, key, day, until_day) in (select kind, key, day, until_day from (${contribution}) c);`;
}

interface Trigger {
  name: string;
  table: string;
  /** e.g. 'insert', 'update of a, b', 'delete'. */
  event: string;
  timing: 'before' | 'after';
  body: string;
}

const TASK_COLUMNS = 'deadline_kind, deadline_from, deadline_to, removed_on';
const TA_COLUMNS = 'task_id, organisation_id, group_key';
const REPORT_COLUMNS = 'period_id, organisation_id, state';

/** SQLite's row triggers: each row's change is surrounded by taking back and adding again. */
function sqliteTriggers(): Trigger[] {
  const tasks = (ids: string, sign: 1 | -1) => apply(taskContribution(`t.id in (${ids})`), sign);
  const reports = (pred: string, sign: 1 | -1) => apply(reportContribution(pred), sign);
  const orgTasks = (row: string) =>
    `t.id in (select task_id from task_agencies where organisation_id = ${row}.id)`;
  return [
    { name: 'tasks_ins', table: 'tasks', event: 'insert', timing: 'after', body: tasks('new.id', 1) },
    { name: 'tasks_del', table: 'tasks', event: 'delete', timing: 'before', body: tasks('old.id', -1) },
    {
      name: 'tasks_upd_b',
      table: 'tasks',
      event: `update of ${TASK_COLUMNS}`,
      timing: 'before',
      body: tasks('old.id', -1),
    },
    {
      name: 'tasks_upd_a',
      table: 'tasks',
      event: `update of ${TASK_COLUMNS}`,
      timing: 'after',
      body: tasks('new.id', 1),
    },
    {
      name: 'ta_ins_b',
      table: 'task_agencies',
      event: 'insert',
      timing: 'before',
      body: tasks('new.task_id', -1),
    },
    {
      name: 'ta_ins_a',
      table: 'task_agencies',
      event: 'insert',
      timing: 'after',
      body: tasks('new.task_id', 1),
    },
    {
      name: 'ta_del_b',
      table: 'task_agencies',
      event: 'delete',
      timing: 'before',
      body: tasks('old.task_id', -1),
    },
    {
      name: 'ta_del_a',
      table: 'task_agencies',
      event: 'delete',
      timing: 'after',
      body: tasks('old.task_id', 1),
    },
    {
      name: 'ta_upd_b',
      table: 'task_agencies',
      event: `update of ${TA_COLUMNS}`,
      timing: 'before',
      body: tasks('old.task_id, new.task_id', -1),
    },
    {
      name: 'ta_upd_a',
      table: 'task_agencies',
      event: `update of ${TA_COLUMNS}`,
      timing: 'after',
      body: tasks('old.task_id, new.task_id', 1),
    },
    {
      name: 'org_upd_b',
      table: 'organisations',
      event: 'update of kind',
      timing: 'before',
      body: apply(taskContribution(orgTasks('old')), -1),
    },
    {
      name: 'org_upd_a',
      table: 'organisations',
      event: 'update of kind',
      timing: 'after',
      body: apply(taskContribution(orgTasks('new')), 1),
    },
    {
      name: 'reports_ins',
      table: 'reports',
      event: 'insert',
      timing: 'after',
      body: reports('r.id = new.id', 1),
    },
    {
      name: 'reports_del',
      table: 'reports',
      event: 'delete',
      timing: 'before',
      body: reports('r.id = old.id', -1),
    },
    {
      name: 'reports_upd_b',
      table: 'reports',
      event: `update of ${REPORT_COLUMNS}`,
      timing: 'before',
      body: reports('r.id = old.id', -1),
    },
    {
      name: 'reports_upd_a',
      table: 'reports',
      event: `update of ${REPORT_COLUMNS}`,
      timing: 'after',
      body: reports('r.id = new.id', 1),
    },
    {
      name: 'periods_del',
      table: 'reporting_periods',
      event: 'delete',
      timing: 'before',
      body: reports('r.period_id = old.id', -1),
    },
    {
      name: 'periods_upd_b',
      table: 'reporting_periods',
      event: 'update of due_on',
      timing: 'before',
      body: reports('r.period_id = old.id', -1),
    },
    {
      name: 'periods_upd_a',
      table: 'reporting_periods',
      event: 'update of due_on',
      timing: 'after',
      body: reports('r.period_id = new.id', 1),
    },
  ];
}

/**
 * PostgreSQL fires row AFTER triggers at the end of the statement, after every row's BEFORE trigger,
 * so a multi-row insert cannot be surrounded row by row. Instead, `calendar_count_sources` keeps the
 * rows each task and report is counted in; after each statement (transition tables) the touched tasks
 * or reports are recounted: the difference between what they contribute now and what they were counted
 * in goes to `calendar_counts`. Order of triggers and cascades does not matter: a deleted task
 * contributes nothing now, so what it was counted in is taken back, once.
 */
function pgRefresh(source: 'task' | 'report'): string {
  const rows = source === 'task' ? taskRows('t.id = any(ids)') : reportRows('r.id = any(ids)');
  return `create function pw_cal_refresh_${source}s(ids integer[]) returns void language plpgsql as $$
begin
  insert into calendar_counts (kind, key, day, until_day, n)
  select kind, key, day, until_day, sum(d) from (
    select kind, key, day, until_day, -1 as d from calendar_count_sources
     where source = '${source}' and source_id = any(ids)
    union all select kind, key, day, until_day, 1 from (${rows}) c
  ) x group by kind, key, day, until_day having sum(d) <> 0
  order by kind, key, day, until_day
  on conflict (kind, key, day, until_day) do update set n = calendar_counts.n + excluded.n;
  delete from calendar_count_sources where source = '${source}' and source_id = any(ids);
  insert into calendar_count_sources (source, source_id, kind, key, day, until_day)
  select '${source}', source_id, kind, key, day, until_day from (${rows}) c;
end $$`;
}

/** PostgreSQL's statement triggers: [table, event, refresh call over the transition tables]. */
const PG_TRIGGERS: [string, 'insert' | 'update' | 'delete', string][] = [
  ['tasks', 'insert', 'pw_cal_refresh_tasks(array(select id from new_rows))'],
  ['tasks', 'update', 'pw_cal_refresh_tasks(array(select id from new_rows))'],
  ['tasks', 'delete', 'pw_cal_refresh_tasks(array(select id from old_rows))'],
  ['task_agencies', 'insert', 'pw_cal_refresh_tasks(array(select distinct task_id from new_rows))'],
  [
    'task_agencies',
    'update',
    'pw_cal_refresh_tasks(array(select task_id from new_rows union select task_id from old_rows))',
  ],
  ['task_agencies', 'delete', 'pw_cal_refresh_tasks(array(select distinct task_id from old_rows))'],
  [
    'organisations',
    'update',
    `pw_cal_refresh_tasks(array(select distinct ta.task_id from task_agencies ta
      join new_rows n on n.id = ta.organisation_id join old_rows o on o.id = n.id where o.kind <> n.kind))`,
  ],
  ['reports', 'insert', 'pw_cal_refresh_reports(array(select id from new_rows))'],
  ['reports', 'update', 'pw_cal_refresh_reports(array(select id from new_rows))'],
  ['reports', 'delete', 'pw_cal_refresh_reports(array(select id from old_rows))'],
  [
    'reporting_periods',
    'update',
    `pw_cal_refresh_reports(array(select r.id from reports r join new_rows n on n.id = r.period_id
      join old_rows o on o.id = n.id where o.due_on <> n.due_on))`,
  ],
];

async function pgUp(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_count_sources')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('until_day', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('calendar_count_sources_idx')
    .on('calendar_count_sources')
    .columns(['source', 'source_id'])
    .execute();
  await sql
    .raw(`insert into calendar_count_sources (source, source_id, kind, key, day, until_day)
  select 'task', source_id, kind, key, day, until_day from (${taskRows('1 = 1')}) c`)
    .execute(db);
  await sql
    .raw(`insert into calendar_count_sources (source, source_id, kind, key, day, until_day)
  select 'report', source_id, kind, key, day, until_day from (${reportRows('1 = 1')}) c`)
    .execute(db);
  await sql.raw(pgRefresh('task')).execute(db);
  await sql.raw(pgRefresh('report')).execute(db);
  for (const [table, event, call] of PG_TRIGGERS) {
    const name = `pw_cal_${table}_${event}`;
    const ref =
      event === 'insert'
        ? 'new table as new_rows'
        : event === 'delete'
          ? 'old table as old_rows'
          : 'old table as old_rows new table as new_rows';
    await sql
      .raw(`create function ${name}() returns trigger language plpgsql as $$
begin
  perform ${call};
  return null;
end $$`)
      .execute(db);
    await sql
      .raw(`create trigger ${name} after ${event} on ${table}
  referencing ${ref} for each statement execute function ${name}()`)
      .execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  await db.schema
    .createTable('calendar_counts')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('until_day', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('calendar_counts_pk', ['kind', 'key', 'day', 'until_day'])
    .execute();
  // Backfill from the tasks and reports already stored.
  await sql
    .raw(`insert into calendar_counts (kind, key, day, until_day, n)
  select kind, key, day, until_day, n from (${taskContribution('1 = 1')}) c`)
    .execute(db);
  await sql
    .raw(`insert into calendar_counts (kind, key, day, until_day, n)
  select kind, key, day, until_day, n from (${reportContribution('1 = 1')}) c`)
    .execute(db);
  // A day's task list reads each (deadline kind, stored end) range in id order (calendar-repository.ts):
  // SQLite's `tasks_deadline_idx` ends with the rowid already, PostgreSQL's orders equal keys by place.
  await db.schema
    .createIndex('tasks_deadline_id_idx')
    .on('tasks')
    .columns(['deadline_kind', 'deadline_to', 'id'])
    .execute();
  if (pg) return pgUp(db);
  for (const t of sqliteTriggers())
    await sql
      .raw(`create trigger pw_cal_${t.name} ${t.timing} ${t.event} on ${t.table} for each row begin
  ${t.body}
end`)
      .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    for (const [table, event] of PG_TRIGGERS) {
      await sql.raw(`drop trigger pw_cal_${table}_${event} on ${table}`).execute(db);
      await sql.raw(`drop function pw_cal_${table}_${event}()`).execute(db);
    }
    await sql`drop function pw_cal_refresh_tasks(integer[])`.execute(db);
    await sql`drop function pw_cal_refresh_reports(integer[])`.execute(db);
    await db.schema.dropTable('calendar_count_sources').execute();
  } else {
    for (const t of sqliteTriggers()) await sql.raw(`drop trigger pw_cal_${t.name}`).execute(db);
  }
  await db.schema.dropIndex('tasks_deadline_id_idx').execute();
  await db.schema.dropTable('calendar_counts').execute();
}

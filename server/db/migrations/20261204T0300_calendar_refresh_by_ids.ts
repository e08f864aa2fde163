import { type Kysely, sql } from 'kysely';
import { isPostgres } from './helpers';

// PostgreSQL only. The calendar counts' statement trigger function (20261202T0300_calendar_counts,
// `pw_cal_refresh_tasks(ids)`) reads the touched tasks' agencies through `tasks t join task_agencies ta
// on ta.task_id = t.id where t.id = any(ids)`: the planner joined every task agency naming a group
// (30,000 rows on the national benchmark) and merged the "not named through its group" test over the
// whole table (124,000 index entries) whatever the number of tasks touched, so inserting 1,000 task
// agencies cost 0.25 s of that function alone, and more as the province's plans grow. The same
// condition written on the agencies' side too (`ta.task_id = any(ids)`, `g.task_id = any(ids)`:
// implied by the join, so the rows are the same) lets it read only the touched tasks' agencies through
// `task_agencies_task_idx`: 77–152 ms → 12–17 ms for 1,000 tasks there (docs/PERFORMANCE.md). The
// definitions below are the earlier ones with those conditions added; the kind → group map is the
// one frozen in 20261202T0300.

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

/** The rows the tasks `ids` count in; `byIds` adds the agencies' own id conditions (this migration). */
function taskRows(byIds: boolean): string {
  const pred = `(t.id = any(ids)) and t.removed_on is null`;
  const ta = byIds ? ' and ta.task_id = any(ids)' : '';
  const g = byIds ? ' and g.task_id = any(ids)' : '';
  const cols = `t.id as source_id, ${KIND} as kind, ${DAY} as day, ${UNTIL} as until_day`;
  return `select source_id, kind, key, day, until_day from (
  select ${cols}, 'all' as key from tasks t where ${pred}
  union
  select ${cols}, 'g:' || ta.group_key from tasks t join task_agencies ta on ta.task_id = t.id
   where ${pred}${ta} and ta.group_key is not null
  union
  select ${cols}, 'o:' || ta.organisation_id from tasks t join task_agencies ta on ta.task_id = t.id
   join organisations o on o.id = ta.organisation_id
   where ${pred}${ta} and not exists (select 1 from task_agencies g
     where g.task_id = t.id${g} and g.group_key = ${groupOf('o.kind')})
) x where day is not null`;
}

function refreshTasks(byIds: boolean): string {
  const rows = taskRows(byIds);
  return `create or replace function pw_cal_refresh_tasks(ids integer[]) returns void language plpgsql as $$
begin
  insert into calendar_counts (kind, key, day, until_day, n)
  select kind, key, day, until_day, sum(d) from (
    select kind, key, day, until_day, -1 as d from calendar_count_sources
     where source = 'task' and source_id = any(ids)
    union all select kind, key, day, until_day, 1 from (${rows}) c
  ) x group by kind, key, day, until_day having sum(d) <> 0
  order by kind, key, day, until_day
  on conflict (kind, key, day, until_day) do update set n = calendar_counts.n + excluded.n;
  delete from calendar_count_sources where source = 'task' and source_id = any(ids);
  insert into calendar_count_sources (source, source_id, kind, key, day, until_day)
  select 'task', source_id, kind, key, day, until_day from (${rows}) c;
end $$`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql.raw(refreshTasks(true)).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql.raw(refreshTasks(false)).execute(db);
}

import type { OrganisationGroupKey } from '../../../shared/domain/organisations/groups';
import type { Db } from '../../db/db';
import type { ReportReadScope } from '../reporting/report-policy';

/**
 * The SQL of the deadline calendar. The month grid reads `calendar_counts` (kept by triggers, migration
 * 20261202T0300): a few rows per day and key, never the tasks or reports themselves. A day's list reads
 * the tasks through `tasks_deadline_idx` (kind, deadline to) and the reports through
 * `reporting_periods_due_on_idx`, one page at a time.
 */

/** Tasks an agency takes part in: named directly, or through a group its kind belongs to. */
export interface AgencyFilter {
  organisationId: number;
  groups: readonly OrganisationGroupKey[];
}

/** The task deadline kinds due on their stored end date. */
const DATED_KINDS = ['date', 'month', 'quarter', 'year_range'] as const;

export interface CountRow {
  kind: string;
  key: string;
  day: string;
  until_day: string;
  n: number;
}

/** Counts of one kind ('task', 'report') and some keys on the days between `from` and `to`. */
export async function listDayCounts(
  db: Db,
  kind: 'task' | 'report',
  keys: readonly string[],
  from: string,
  to: string,
): Promise<CountRow[]> {
  if (keys.length === 0) return [];
  return db
    .selectFrom('calendar_counts')
    .select(['kind', 'key', 'day', 'until_day', 'n'])
    .where('kind', '=', kind)
    .where('key', 'in', [...keys])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .where('n', '<>', 0)
    .execute();
}

/** Counts of recurring tasks whose years overlap the range (each falls due on every 31/12 within). */
export async function listRecurringCounts(
  db: Db,
  keys: readonly string[],
  from: string,
  to: string,
): Promise<CountRow[]> {
  return db
    .selectFrom('calendar_counts')
    .select(['kind', 'key', 'day', 'until_day', 'n'])
    .where('kind', '=', 'recurring')
    .where('key', 'in', [...keys])
    .where('day', '<=', to)
    .where('until_day', '>=', from)
    .where('n', '<>', 0)
    .execute();
}

/** Where a page of a day's list ended: the segment (below), then the position inside it. */
export interface DayCursor {
  segment: number;
  /** Tasks: the stored end date (segment 4); reports: the period id. */
  at: string;
  id: number;
}

type TaskQuery = ReturnType<typeof taskColumns>;

function taskColumns(db: Db) {
  return (
    db
      .selectFrom('tasks')
      .innerJoin('plans', 'plans.id', 'tasks.plan_id')
      .select([
        'tasks.id',
        'tasks.plan_id',
        'tasks.ordinal',
        'tasks.content',
        'tasks.deadline_to',
        'plans.number as plan_number',
        'plans.title as plan_title',
      ])
      // A task removed by a revision of its plan has no deadline any more (nor a count in calendar_counts).
      .where('tasks.removed_on', 'is', null)
  );
}

/**
 * The tasks due on a day, as segments each read in the order of an index on (deadline kind, stored end,
 * id): one-off deadlines ending that day (one segment per kind), then on 31/12 the year's "Năm …"
 * tasks (by stored end, then those with only a start), then the recurring tasks whose years include it.
 * [segment, condition, ordered by stored end too].
 */
function taskSegments(date: string): [number, (q: TaskQuery) => TaskQuery, boolean][] {
  const year = date.slice(0, 4);
  const segments: [number, (q: TaskQuery) => TaskQuery, boolean][] = DATED_KINDS.map((kind, i) => [
    i,
    (q: TaskQuery) => q.where('tasks.deadline_kind', '=', kind).where('tasks.deadline_to', '=', date),
    false,
  ]);
  if (date.slice(5) !== '12-31') return segments;
  return [
    ...segments,
    [
      4,
      (q) =>
        q
          .where('tasks.deadline_kind', '=', 'year')
          .where('tasks.deadline_to', '>=', `${year}-01-01`)
          .where('tasks.deadline_to', '<=', `${year}-12-31`),
      true,
    ],
    [
      5,
      (q) =>
        q
          .where('tasks.deadline_kind', '=', 'year')
          .where('tasks.deadline_to', 'is', null)
          .where('tasks.deadline_from', '>=', `${year}-01-01`)
          .where('tasks.deadline_from', '<=', `${year}-12-31`),
      false,
    ],
    [
      6,
      (q) =>
        q
          .where('tasks.deadline_kind', '=', 'recurring')
          .where((eb) =>
            eb.or([eb('tasks.deadline_from', 'is', null), eb('tasks.deadline_from', '<=', date)]),
          )
          .where((eb) =>
            eb.or([eb('tasks.deadline_to', 'is', null), eb('tasks.deadline_to', '>=', `${year}-01-01`)]),
          ),
      false,
    ],
  ];
}

function forAgency(q: TaskQuery, agency: AgencyFilter | null): TaskQuery {
  if (!agency) return q;
  return q.where((eb) =>
    eb.exists(
      eb
        .selectFrom('task_agencies as ta')
        .select('ta.id')
        .whereRef('ta.task_id', '=', 'tasks.id')
        .where((w) =>
          agency.groups.length === 0
            ? w('ta.organisation_id', '=', agency.organisationId)
            : w.or([
                w('ta.organisation_id', '=', agency.organisationId),
                w('ta.group_key', 'in', [...agency.groups]),
              ]),
        ),
    ),
  );
}

/**
 * Up to `limit` tasks due on `date` after the cursor, optionally of one agency, each with the cursor
 * that follows it. Each segment is one index range read from where the last page ended.
 */
export async function listTasksDueOn(
  db: Db,
  date: string,
  agency: AgencyFilter | null,
  after: DayCursor | null,
  limit: number,
) {
  const rows: { row: Awaited<ReturnType<TaskQuery['execute']>>[number]; cursor: DayCursor }[] = [];
  for (const [segment, where, byEnd] of taskSegments(date)) {
    if (rows.length >= limit) break;
    if (after && segment < after.segment) continue;
    let q = forAgency(where(taskColumns(db)), agency);
    if (after && segment === after.segment) {
      q = byEnd
        ? q.where((eb) =>
            eb.or([
              eb('tasks.deadline_to', '>', after.at),
              eb.and([eb('tasks.deadline_to', '=', after.at), eb('tasks.id', '>', after.id)]),
            ]),
          )
        : q.where('tasks.id', '>', after.id);
    }
    if (byEnd) q = q.orderBy('tasks.deadline_to');
    const found = await q
      .orderBy('tasks.id')
      .limit(limit - rows.length)
      .execute();
    for (const row of found)
      rows.push({ row, cursor: { segment, at: byEnd ? (row.deadline_to ?? '') : '', id: row.id } });
  }
  return rows;
}

/** The lead agencies' names of the given tasks (the registry's name when linked). */
export async function listLeadNames(db: Db, taskIds: readonly number[]) {
  if (taskIds.length === 0) return [];
  return db
    .selectFrom('task_agencies as ta')
    .leftJoin('organisations as o', 'o.id', 'ta.organisation_id')
    .select(['ta.task_id', 'ta.agency_text', 'o.name'])
    .where('ta.task_id', 'in', [...taskIds])
    .where('ta.role', '=', 'lead')
    .orderBy('ta.task_id')
    .orderBy('ta.position')
    .execute();
}

/**
 * Up to `limit` reports due on `date` after the cursor that the reader may read, optionally of one
 * agency, in the order of the (period, agency) unique index.
 */
export async function listReportsDueOn(
  db: Db,
  date: string,
  organisationId: number | undefined,
  scope: ReportReadScope,
  after: DayCursor | null,
  limit: number,
) {
  if ('none' in scope) return [];
  let q = db
    .selectFrom('reporting_periods as p')
    .innerJoin('reports as r', 'r.period_id', 'p.id')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .innerJoin('plans as pl', 'pl.id', 'p.plan_id')
    .select([
      'r.id',
      'r.state',
      'r.period_id',
      'r.organisation_id',
      'p.title as period_title',
      'p.due_on',
      'pl.id as plan_id',
      'pl.number as plan_number',
      'pl.title as plan_title',
      'o.name as organisation_name',
    ])
    .where('p.due_on', '=', date);
  if (organisationId !== undefined) q = q.where('r.organisation_id', '=', organisationId);
  if ('ownAgencyOrAccepted' in scope) {
    const own = scope.ownAgencyOrAccepted;
    q = q.where((eb) => eb.or([eb('r.organisation_id', '=', own), eb('r.state', '=', 'accepted')]));
  }
  if (after) {
    const period = Number(after.at);
    q = q.where((eb) =>
      eb.or([
        eb('r.period_id', '>', period),
        eb.and([eb('r.period_id', '=', period), eb('r.organisation_id', '>', after.id)]),
      ]),
    );
  }
  return q.orderBy('r.period_id').orderBy('r.organisation_id').limit(limit).execute();
}

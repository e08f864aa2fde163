import type { OrganisationGroupKey } from '../../../shared/domain/organisations/groups';
import type { Db } from '../../db/db';
import type { ReportReadScope } from '../reporting/report-policy';

/**
 * The SQL of the deadline calendar. Both task queries go through `tasks_deadline_idx` (kind, deadline
 * to) and the report query through `reporting_periods_due_on_idx` (migration 20261201T0450), so a
 * month reads the rows falling due around it, not the whole table; the exact due date of each task is
 * then computed by shared/domain/task-status/due-date.ts.
 */

/** Tasks an agency takes part in: named directly, or through a group its kind belongs to. */
export interface AgencyFilter {
  organisationId: number;
  groups: readonly OrganisationGroupKey[];
}

function tasksQuery(db: Db, agency: AgencyFilter | null) {
  let q = db
    .selectFrom('tasks')
    .innerJoin('plans', 'plans.id', 'tasks.plan_id')
    .select([
      'tasks.id',
      'tasks.plan_id',
      'tasks.ordinal',
      'tasks.content',
      'tasks.deadline_kind',
      'tasks.deadline_from',
      'tasks.deadline_to',
      'tasks.deadline_text',
      'plans.number as plan_number',
      'plans.title as plan_title',
    ])
    // A task removed by a revision of its plan has no deadline any more.
    .where('tasks.removed_on', 'is', null);
  if (agency) {
    q = q.where((eb) =>
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
  return q;
}

export type CalendarTaskRow = Awaited<ReturnType<typeof listDatedTasksDueBetween>>[number];

/**
 * Tasks due on their stored end date (a date, month, quarter or year range) between two days, earliest
 * first, at most `limit`: the due date is `deadline_to` itself, so the index range is exact.
 */
export async function listDatedTasksDueBetween(
  db: Db,
  from: string,
  to: string,
  agency: AgencyFilter | null,
  limit: number,
) {
  return tasksQuery(db, agency)
    .where('tasks.deadline_kind', 'in', ['date', 'month', 'quarter', 'year_range'])
    .where('tasks.deadline_to', '>=', from)
    .where('tasks.deadline_to', '<=', to)
    .orderBy('tasks.deadline_to')
    .orderBy('tasks.id')
    .limit(limit)
    .execute();
}

/**
 * "Năm 2026" tasks of the given years: due on 31/12 whatever day their stored end has, so whole
 * years are read (the caller asks only for years whose 31/12 it shows), earliest year first.
 */
export async function listYearTasksOf(
  db: Db,
  firstYear: number,
  lastYear: number,
  agency: AgencyFilter | null,
  limit: number,
) {
  return tasksQuery(db, agency)
    .where('tasks.deadline_kind', '=', 'year')
    .where('tasks.deadline_to', '>=', `${String(firstYear).padStart(4, '0')}-01-01`)
    .where('tasks.deadline_to', '<=', `${String(lastYear).padStart(4, '0')}-12-31`)
    .orderBy('tasks.deadline_to')
    .orderBy('tasks.id')
    .limit(limit)
    .execute();
}

/** Recurring ("Hằng năm") tasks whose year range, when they have one, overlaps the given years. */
export async function listRecurringTasksDuring(
  db: Db,
  firstYear: number,
  lastYear: number,
  agency: AgencyFilter | null,
  limit: number,
) {
  const firstDay = `${String(firstYear).padStart(4, '0')}-01-01`;
  const lastDay = `${String(lastYear).padStart(4, '0')}-12-31`;
  return tasksQuery(db, agency)
    .where('tasks.deadline_kind', '=', 'recurring')
    .where((eb) => eb.or([eb('tasks.deadline_from', 'is', null), eb('tasks.deadline_from', '<=', lastDay)]))
    .where((eb) => eb.or([eb('tasks.deadline_to', 'is', null), eb('tasks.deadline_to', '>=', firstDay)]))
    .orderBy('tasks.id')
    .limit(limit)
    .execute();
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

/** Reports whose period falls due between the days, that the reader may read, optionally of one agency; earliest first, at most `limit`. */
export async function listReportsDueBetween(
  db: Db,
  from: string,
  to: string,
  organisationId: number | undefined,
  scope: ReportReadScope,
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
      'p.title as period_title',
      'p.due_on',
      'pl.id as plan_id',
      'pl.number as plan_number',
      'pl.title as plan_title',
      'o.name as organisation_name',
    ])
    .where('p.due_on', '>=', from)
    .where('p.due_on', '<=', to);
  if (organisationId !== undefined) q = q.where('r.organisation_id', '=', organisationId);
  if ('ownAgencyOrAccepted' in scope) {
    const own = scope.ownAgencyOrAccepted;
    q = q.where((eb) => eb.or([eb('r.organisation_id', '=', own), eb('r.state', '=', 'accepted')]));
  }
  return q.orderBy('p.due_on').orderBy('o.name').orderBy('r.id').limit(limit).execute();
}

import type { Db } from '../../db/db';
import type { TaskColumns } from '../plans/task-mapper';
import { withEntryFiles } from './entry-files';
import { ENTRY_TASK_COLUMNS } from './report-repository';

/**
 * All SQL behind task statuses and task history. The dashboard reads a plan's task statuses through
 * these (via task-status-service's `taskStatusesOfPlan`, which filters by agency or group).
 */

const TASK_COLUMNS = [
  'id',
  'plan_id',
  'ordinal',
  'group_label',
  'content',
  'product',
  'deadline_kind',
  'deadline_from',
  'deadline_to',
  'deadline_text',
] as const;

export async function listPlanTasks(db: Db, planId: number): Promise<TaskColumns[]> {
  return db
    .selectFrom('tasks')
    .select([...TASK_COLUMNS])
    .where('plan_id', '=', planId)
    .orderBy('position')
    .execute();
}

export async function findTask(db: Db, taskId: number): Promise<TaskColumns | undefined> {
  return db
    .selectFrom('tasks')
    .select([...TASK_COLUMNS])
    .where('id', '=', taskId)
    .executeTakeFirst();
}

/** Every agency named on the plan's tasks, with the registry name when linked, in table order. */
export async function listPlanTaskAgencies(db: Db, planId: number) {
  return db
    .selectFrom('task_agencies')
    .innerJoin('tasks', 'tasks.id', 'task_agencies.task_id')
    .leftJoin('organisations', 'organisations.id', 'task_agencies.organisation_id')
    .select([
      'task_agencies.task_id',
      'task_agencies.role',
      'task_agencies.organisation_id',
      'task_agencies.group_key',
      'task_agencies.agency_text',
      'organisations.name',
    ])
    .where('tasks.plan_id', '=', planId)
    .orderBy('task_agencies.position')
    .execute();
}

export async function findOrganisationKind(db: Db, id: number) {
  return db.selectFrom('organisations').select(['id', 'kind']).where('id', '=', id).executeTakeFirst();
}

/**
 * Submitted or accepted lead entries of the plan's periods up to `year`, newest first (period year,
 * due date, submission): the first one per task is its latest word.
 */
export async function listLeadEntriesUpTo(db: Db, planId: number, year: number) {
  return (
    db
      .selectFrom('report_entries as e')
      .innerJoin('reports as r', 'r.id', 'e.report_id')
      .innerJoin('reporting_periods as p', 'p.id', 'r.period_id')
      .select(['e.task_id', 'e.progress', 'e.completed_on', 'r.id as report_id', 'p.year'])
      .where('p.plan_id', '=', planId)
      .where('p.year', '<=', year)
      .where('r.state', 'in', ['submitted', 'accepted'])
      // A task's entry returned on its own (issue 13, item 7) does not speak for the task until sent again.
      .where('e.review_state', '!=', 'returned')
      .where('e.role', '=', 'lead')
      .orderBy('p.year', 'desc')
      .orderBy('p.due_on', 'desc')
      .orderBy('r.submitted_at', 'desc')
      .execute()
  );
}

/** Whether a period of the plan for `year` is already past its due date on `today`. */
export async function hasPeriodDueBefore(db: Db, planId: number, year: number, today: string) {
  const due = await db
    .selectFrom('reporting_periods')
    .select('id')
    .where('plan_id', '=', planId)
    .where('year', '=', year)
    .where('due_on', '<', today)
    .executeTakeFirst();
  return due !== undefined;
}

/** Every entry on a task across periods and agencies, newest period first, leads before supports. */
export async function listTaskEntries(db: Db, taskId: number) {
  const rows = await db
    .selectFrom('report_entries as e')
    .innerJoin('tasks as t', 't.id', 'e.task_id')
    .innerJoin('reports as r', 'r.id', 'e.report_id')
    .innerJoin('reporting_periods as p', 'p.id', 'r.period_id')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .selectAll('e')
    .select([
      ...ENTRY_TASK_COLUMNS,
      'r.state as report_state',
      'r.organisation_id',
      'o.name as organisation_name',
      'p.id as period_id',
      'p.kind as period_kind',
      'p.year as period_year',
      'p.title as period_title',
      'p.data_closing_on as period_data_closing_on',
      'p.due_on as period_due_on',
      'p.state as period_state',
    ])
    .where('e.task_id', '=', taskId)
    .orderBy('p.due_on', 'desc')
    .orderBy('p.id', 'desc')
    .orderBy('e.role')
    .orderBy('o.name')
    .execute();
  return withEntryFiles(db, rows);
}

import type { Db } from '../../../db/db';
import { inForceDuring, yearSpan } from '../../plans/task-in-force';

/** The plan with its consolidating agency and the body above that agency (the document's issuer). */
export async function findPlanWithConsolidator(db: Db, planId: number) {
  return db
    .selectFrom('plans')
    .leftJoin('organisations as c', 'c.id', 'plans.consolidator_org_id')
    .leftJoin('organisations as p', 'p.id', 'c.parent_id')
    .select([
      'plans.id',
      'plans.number',
      'plans.title',
      'plans.place',
      'plans.issued_on',
      'plans.issuer',
      'c.id as consolidator_id',
      'c.name as consolidator_name',
      'c.code as consolidator_code',
      'c.kind as consolidator_kind',
      'p.name as superior_name',
    ])
    .where('plans.id', '=', planId)
    .executeTakeFirst();
}

export async function findPeriodOfPlan(db: Db, periodId: number) {
  return db
    .selectFrom('reporting_periods')
    .select(['id', 'plan_id', 'kind', 'year', 'title'])
    .where('id', '=', periodId)
    .executeTakeFirst();
}

/** The period's accepted reports with their agencies, in the order of the agencies' names. */
export async function listAcceptedReports(db: Db, periodId: number) {
  return db
    .selectFrom('reports')
    .innerJoin('organisations', 'organisations.id', 'reports.organisation_id')
    .select([
      'reports.id',
      'reports.summary',
      'reports.difficulties',
      'reports.proposals',
      'organisations.name as organisation_name',
      'organisations.parent_id as organisation_parent_id',
    ])
    .where('reports.period_id', '=', periodId)
    .where('reports.state', '=', 'accepted')
    .orderBy('organisations.name')
    .orderBy('reports.id')
    .execute();
}

/**
 * The entries of those reports with the task they answer, in the plan's task order: only tasks in force
 * during the period's year (a task removed before it is left out, issue 13).
 */
export async function listAcceptedEntries(db: Db, periodId: number, year: number) {
  return db
    .selectFrom('report_entries')
    .innerJoin('reports', 'reports.id', 'report_entries.report_id')
    .innerJoin('organisations', 'organisations.id', 'reports.organisation_id')
    .innerJoin('tasks', 'tasks.id', 'report_entries.task_id')
    .select([
      'report_entries.task_id',
      'report_entries.role',
      'report_entries.progress',
      'report_entries.result',
      'report_entries.product_number',
      'report_entries.product_date',
      'report_entries.product_summary',
      'report_entries.difficulties',
      'report_entries.proposals',
      'organisations.name as organisation_name',
      'tasks.group_label',
      'tasks.position',
    ])
    .where('reports.period_id', '=', periodId)
    .where('reports.state', '=', 'accepted')
    .where(inForceDuring(yearSpan(year)))
    .orderBy('tasks.position')
    .orderBy('report_entries.role')
    .orderBy('organisations.name')
    .execute();
}

export type AcceptedReportRow = Awaited<ReturnType<typeof listAcceptedReports>>[number];
export type AcceptedEntryRow = Awaited<ReturnType<typeof listAcceptedEntries>>[number];

/** Plans by their number as written ("148/KH-UBND"), for the command line. */
export async function findPlansByNumber(db: Db, number: string) {
  return db.selectFrom('plans').select(['id', 'number', 'title']).where('number', '=', number).execute();
}

/** A plan's period of a kind for a year, if opened. */
export async function findPeriodByYear(
  db: Db,
  planId: number,
  kind: 'annual' | 'mid_term' | 'final',
  year: number,
) {
  return db
    .selectFrom('reporting_periods')
    .select(['id', 'year', 'title'])
    .where('plan_id', '=', planId)
    .where('kind', '=', kind)
    .where('year', '=', year)
    .executeTakeFirst();
}

import type { Db } from '../../db/db';

/**
 * The SQL only the dashboard needs. Each function reads one kind of fact for every plan (or every task
 * of a plan) at once, so the dashboard's cost does not grow with a query per plan or per task. Task
 * statuses, reporting rates, indicators and directives come from their own modules' repositories.
 */

/** Every plan, newest first (as the plan list orders them). */
/**
 * The plans in force on `asOf` (issue 13, item 6): a plan annulled or replaced by then drops out of the
 * board; its own page and dashboard stay readable.
 */
export async function listPlanHeads(db: Db, asOf: string) {
  return db
    .selectFrom('plans')
    .select(['id', 'number', 'title'])
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', asOf)]))
    .orderBy('issued_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function findPlanHeadRow(db: Db, planId: number) {
  return db.selectFrom('plans').select(['id', 'number', 'title']).where('id', '=', planId).executeTakeFirst();
}

/** The periods of several plans (all plans when omitted), latest due date first within each plan. */
export async function listPeriodsOfPlans(db: Db, planIds?: readonly number[]) {
  if (planIds?.length === 0) return [];
  let q = db
    .selectFrom('reporting_periods')
    .select(['id', 'plan_id', 'kind', 'year', 'title', 'data_closing_on', 'due_on', 'state']);
  if (planIds) q = q.where('plan_id', 'in', [...planIds]);
  return q.orderBy('plan_id').orderBy('due_on', 'desc').orderBy('id', 'desc').execute();
}
export type PeriodRow = Awaited<ReturnType<typeof listPeriodsOfPlans>>[number];

/**
 * The lead agencies of every task of a plan, in table order, with the agency that has taken over the
 * work when the named one has ended (the registry's successor; one step, as the registry records it).
 */
export async function listLeadAgenciesOfPlan(db: Db, planId: number) {
  return db
    .selectFrom('task_agencies as ta')
    .innerJoin('tasks as t', 't.id', 'ta.task_id')
    .leftJoin('organisations as o', 'o.id', 'ta.organisation_id')
    .leftJoin('organisations as s', 's.id', 'o.successor_id')
    .select([
      'ta.task_id',
      'ta.organisation_id',
      'ta.agency_text',
      'o.name',
      'o.valid_to',
      's.name as successor_name',
    ])
    .where('t.plan_id', '=', planId)
    .where('ta.role', '=', 'lead')
    .orderBy('ta.task_id')
    .orderBy('ta.position')
    .execute();
}
export type LeadAgencyRow = Awaited<ReturnType<typeof listLeadAgenciesOfPlan>>[number];

/**
 * Difficulties and proposals of a period's submitted or accepted reports (a draft is not yet the
 * agency's word): on the report as a whole, then on each task, by agency name and task order.
 */
export async function listConcerns(
  db: Db,
  periodId: number,
  f: { organisationId?: number | undefined; group?: string | undefined },
) {
  let overall = db
    .selectFrom('reports as r')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .select(['r.id as report_id', 'r.organisation_id', 'o.name', 'r.difficulties', 'r.proposals'])
    .where('r.period_id', '=', periodId)
    .where('r.state', 'in', ['submitted', 'accepted'])
    .where((eb) =>
      eb.or([
        eb.and([eb('r.difficulties', 'is not', null), eb('r.difficulties', '!=', '')]),
        eb.and([eb('r.proposals', 'is not', null), eb('r.proposals', '!=', '')]),
      ]),
    );
  let perTask = db
    .selectFrom('report_entries as e')
    .innerJoin('reports as r', 'r.id', 'e.report_id')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .innerJoin('tasks as t', 't.id', 'e.task_id')
    .select([
      'r.id as report_id',
      'r.organisation_id',
      'o.name',
      't.id as task_id',
      't.ordinal',
      'e.difficulties',
      'e.proposals',
    ])
    .where('r.period_id', '=', periodId)
    .where('r.state', 'in', ['submitted', 'accepted'])
    .where((eb) =>
      eb.or([
        eb.and([eb('e.difficulties', 'is not', null), eb('e.difficulties', '!=', '')]),
        eb.and([eb('e.proposals', 'is not', null), eb('e.proposals', '!=', '')]),
      ]),
    );
  if (f.organisationId) {
    overall = overall.where('r.organisation_id', '=', f.organisationId);
    perTask = perTask.where('r.organisation_id', '=', f.organisationId);
  }
  if (f.group) perTask = perTask.where('t.group_label', '=', f.group);
  const [a, b] = await Promise.all([
    overall.orderBy('o.name').execute(),
    perTask.orderBy('o.name').orderBy('t.position').execute(),
  ]);
  return { overall: f.group ? [] : a, perTask: b };
}

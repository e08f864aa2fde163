import type { Db } from '../../db/db';

/**
 * The reports a reporting rate counts, with their agency and period. The dashboard reads rates
 * through these too.
 */
function rateRows(db: Db) {
  return db
    .selectFrom('reports as r')
    .innerJoin('reporting_periods as p', 'p.id', 'r.period_id')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .select([
      'r.id',
      'r.state',
      'r.late',
      'r.submitted_at',
      'r.organisation_id',
      'o.name as organisation_name',
      'p.id as period_id',
      'p.plan_id',
      'p.kind',
      'p.year',
      'p.title',
      'p.data_closing_on',
      'p.due_on',
      'p.state as period_state',
    ]);
}
export type RateRow = Awaited<ReturnType<ReturnType<typeof rateRows>['execute']>>[number];

/** The reports of one period with their states, by agency name. */
export async function listRateRowsOfPeriod(db: Db, periodId: number): Promise<RateRow[]> {
  return rateRows(db).where('r.period_id', '=', periodId).orderBy('o.name').execute();
}

/** The reports of every period of a plan, latest period first, then by agency name. */
export async function listRateRowsOfPlan(db: Db, planId: number): Promise<RateRow[]> {
  return rateRows(db)
    .where('p.plan_id', '=', planId)
    .orderBy('p.due_on', 'desc')
    .orderBy('p.id', 'desc')
    .orderBy('o.name')
    .execute();
}

/** The reports of several periods at once (the dashboard's row per plan), by period then agency name. */
export async function listRateRowsOfPeriods(db: Db, periodIds: readonly number[]): Promise<RateRow[]> {
  if (periodIds.length === 0) return [];
  return rateRows(db)
    .where('r.period_id', 'in', [...periodIds])
    .orderBy('p.id')
    .orderBy('o.name')
    .execute();
}

/**
 * The reports of several periods counted by period, state and lateness (the all-plans dashboard's
 * rates): a few rows per period instead of every report with its agency.
 */
export async function countRatesOfPeriods(db: Db, periodIds: readonly number[]) {
  if (periodIds.length === 0) return [];
  const rows = await db
    .selectFrom('reports')
    .select((eb) => ['period_id', 'state', 'late', eb.fn.countAll<number | string>().as('n')])
    .where('period_id', 'in', [...periodIds])
    .groupBy(['period_id', 'state', 'late'])
    .execute();
  return rows.map((r) => ({ periodId: r.period_id, state: r.state, late: r.late === 1, count: Number(r.n) }));
}

export async function planExists(db: Db, planId: number): Promise<boolean> {
  return (
    (await db.selectFrom('plans').select('id').where('id', '=', planId).executeTakeFirst()) !== undefined
  );
}

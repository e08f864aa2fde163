import type { PeriodKind, PeriodState, ReportState } from '../../../shared/contracts/reporting';
import { reportingRate } from '../../../shared/domain/reporting/rates';
import type { AppContext } from '../../context';
import { notFound } from '../../http/errors';
import type { Db } from './common';

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
type RateRow = Awaited<ReturnType<ReturnType<typeof rateRows>['execute']>>[number];

const input = (r: RateRow) => ({ state: r.state as ReportState, late: r.late === 1 });

/** Reporting rate of one period, in total and per agency (DHIS2's reporting rate summary). */
export async function periodRates(ctx: AppContext, periodId: number) {
  const p = await ctx.db
    .selectFrom('reporting_periods')
    .selectAll()
    .where('id', '=', periodId)
    .executeTakeFirst();
  if (!p) throw notFound('kỳ báo cáo');
  const rows = await rateRows(ctx.db).where('r.period_id', '=', periodId).orderBy('o.name').execute();
  return {
    period: {
      id: p.id,
      planId: p.plan_id,
      kind: p.kind as PeriodKind,
      year: p.year,
      title: p.title,
      dataClosingOn: p.data_closing_on,
      dueOn: p.due_on,
      state: p.state as PeriodState,
    },
    totals: reportingRate(rows.map(input)),
    agencies: rows.map((r) => ({
      organisation: { id: r.organisation_id, name: r.organisation_name },
      reportId: r.id,
      state: r.state as ReportState,
      submittedAt: r.submitted_at,
      late: r.late === 1,
      rate: reportingRate([input(r)]),
    })),
  };
}

/** Every period of a plan, and every agency across the plan's periods. */
export async function planRates(ctx: AppContext, planId: number) {
  if (!(await ctx.db.selectFrom('plans').select('id').where('id', '=', planId).executeTakeFirst()))
    throw notFound('kế hoạch');
  const rows = await rateRows(ctx.db)
    .where('p.plan_id', '=', planId)
    .orderBy('p.due_on', 'desc')
    .orderBy('p.id', 'desc')
    .orderBy('o.name')
    .execute();
  const byPeriod = new Map<number, RateRow[]>();
  const byOrg = new Map<number, RateRow[]>();
  for (const r of rows) {
    byPeriod.set(r.period_id, [...(byPeriod.get(r.period_id) ?? []), r]);
    byOrg.set(r.organisation_id, [...(byOrg.get(r.organisation_id) ?? []), r]);
  }
  // Periods with no report at all (nobody had tasks) still show, with nothing expected.
  const periods = await ctx.db
    .selectFrom('reporting_periods')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('due_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return {
    periods: periods.map((p) => ({
      period: {
        id: p.id,
        planId: p.plan_id,
        kind: p.kind as PeriodKind,
        year: p.year,
        title: p.title,
        dataClosingOn: p.data_closing_on,
        dueOn: p.due_on,
        state: p.state as PeriodState,
      },
      totals: reportingRate((byPeriod.get(p.id) ?? []).map(input)),
    })),
    agencies: [...byOrg.values()]
      .map((rs) => ({
        organisation: { id: rs[0]!.organisation_id, name: rs[0]!.organisation_name },
        rate: reportingRate(rs.map(input)),
      }))
      .sort((a, b) => a.organisation.name.localeCompare(b.organisation.name, 'vi')),
  };
}

import { reportingRate } from '../../../shared/domain/reporting/rates';
import type { AppContext } from '../../context';
import { notFound } from '../../http/errors';
import { toPeriodRef } from './period-mapper';
import { findPeriodRow, listPeriodRows } from './period-repository';
import { listRateRowsOfPeriod, listRateRowsOfPlan, planExists, type RateRow } from './rate-repository';

const input = (r: RateRow) => ({ state: r.state, late: r.late === 1 });

/** Reporting rate of one period, in total and per agency (DHIS2's reporting rate summary). */
export async function periodRates(ctx: AppContext, periodId: number) {
  const p = await findPeriodRow(ctx.db, periodId);
  if (!p) throw notFound('kỳ báo cáo');
  const rows = await listRateRowsOfPeriod(ctx.db, periodId);
  return {
    period: toPeriodRef(p),
    totals: reportingRate(rows.map(input)),
    agencies: rows.map((r) => ({
      organisation: { id: r.organisation_id, name: r.organisation_name },
      reportId: r.id,
      state: r.state,
      submittedAt: r.submitted_at,
      late: r.late === 1,
      rate: reportingRate([input(r)]),
    })),
  };
}

/** Every period of a plan, and every agency across the plan's periods. */
export async function planRates(ctx: AppContext, planId: number) {
  if (!(await planExists(ctx.db, planId))) throw notFound('kế hoạch');
  const rows = await listRateRowsOfPlan(ctx.db, planId);
  const byPeriod = new Map<number, RateRow[]>();
  const byOrg = new Map<number, RateRow[]>();
  for (const r of rows) {
    byPeriod.set(r.period_id, [...(byPeriod.get(r.period_id) ?? []), r]);
    byOrg.set(r.organisation_id, [...(byOrg.get(r.organisation_id) ?? []), r]);
  }
  // Periods with no report at all (nobody had tasks) still show, with nothing expected.
  const periods = await listPeriodRows(ctx.db, planId);
  return {
    periods: periods.map((p) => ({
      period: toPeriodRef(p),
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

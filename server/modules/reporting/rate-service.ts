import type { AgencyAs } from '../../../shared/contracts/organisations';
import { localDate } from '../../../shared/domain/reporting/local-date';
import { reportingRate } from '../../../shared/domain/reporting/rates';
import type { AppContext } from '../../context';
import { notFound } from '../../http/errors';
import { agencyAs, byVietnameseName } from '../dashboard/lead-agencies';
import { loadSuccession, type Succession } from '../organisations/succession-repository';
import { toPeriodRef } from './period-mapper';
import { findPeriodRow, listPeriodRows } from './period-repository';
import { listRateRowsOfPeriod, listRateRowsOfPlan, planExists, type RateRow } from './rate-repository';

const input = (r: RateRow) => ({ state: r.state, late: r.late === 1 });

/**
 * Each report under its agency as counted (issue 14): as the plan named it, the agency it was written
 * for; as now, the agency answering for that agency's work today (a merged agency's reports are its
 * successor's), through the dashboard's own `agencyAs`.
 */
function counted(rows: readonly RateRow[], as: AgencyAs, succession: Succession, today: string) {
  return rows.flatMap((r) =>
    agencyAs(as, r.organisation_id, r.organisation_name, succession, today).map((a) => ({
      r,
      organisation: { id: a.organisationId!, name: a.name },
      formerName: a.formerName,
      currentName: a.currentName,
    })),
  );
}

/** Reporting rate of one period, in total and per agency (DHIS2's reporting rate summary). */
export async function periodRates(ctx: AppContext, periodId: number, as: AgencyAs = 'now') {
  const p = await findPeriodRow(ctx.db, periodId);
  if (!p) throw notFound('kỳ báo cáo');
  const [rows, succession] = await Promise.all([
    listRateRowsOfPeriod(ctx.db, periodId),
    loadSuccession(ctx.db),
  ]);
  return {
    period: toPeriodRef(p),
    totals: reportingRate(rows.map(input)),
    agencyAs: as,
    agencies: counted(rows, as, succession, localDate(new Date()))
      .sort((a, b) => byVietnameseName(a.organisation.name, b.organisation.name))
      .map(({ r, ...a }) => ({
        ...a,
        reportId: r.id,
        state: r.state,
        submittedAt: r.submitted_at,
        late: r.late === 1,
        rate: reportingRate([input(r)]),
      })),
  };
}

/** Every period of a plan, and every agency (as counted) across the plan's periods. */
export async function planRates(ctx: AppContext, planId: number, as: AgencyAs = 'now') {
  if (!(await planExists(ctx.db, planId))) throw notFound('kế hoạch');
  const [rows, succession] = await Promise.all([listRateRowsOfPlan(ctx.db, planId), loadSuccession(ctx.db)]);
  const byPeriod = new Map<number, RateRow[]>();
  for (const r of rows) byPeriod.set(r.period_id, [...(byPeriod.get(r.period_id) ?? []), r]);
  const byOrg = new Map<
    number,
    { head: ReturnType<typeof counted>[number]; former: Set<string>; rows: RateRow[] }
  >();
  for (const c of counted(rows, as, succession, localDate(new Date()))) {
    const g = byOrg.get(c.organisation.id) ?? { head: c, former: new Set<string>(), rows: [] };
    if (c.formerName) g.former.add(c.formerName);
    g.rows.push(c.r);
    byOrg.set(c.organisation.id, g);
  }
  // Periods with no report at all (nobody had tasks) still show, with nothing expected.
  const periods = await listPeriodRows(ctx.db, planId);
  return {
    periods: periods.map((p) => ({
      period: toPeriodRef(p),
      totals: reportingRate((byPeriod.get(p.id) ?? []).map(input)),
    })),
    agencyAs: as,
    agencies: [...byOrg.values()]
      .map((g) => ({
        organisation: g.head.organisation,
        formerName: g.former.size > 0 ? [...g.former].join(', ') : null,
        currentName: g.head.currentName,
        rate: reportingRate(g.rows.map(input)),
      }))
      .sort((a, b) => byVietnameseName(a.organisation.name, b.organisation.name)),
  };
}

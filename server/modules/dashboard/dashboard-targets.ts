import type { DashboardTarget } from '../../../shared/contracts/dashboard';
import type { EvaluationStatus } from '../../../shared/domain/indicators/types';
import type { Db } from '../../db/db';
import { listIndicatorRowsOfPlans, targetRowsOf, valueRowsOf } from '../indicators/indicator-repository';
import { groupBy, summaryView } from '../indicators/indicator-views';

/**
 * Every target of the given plans (all plans when omitted), evaluated on `today` by the indicators
 * module's own view, with the indicator's yearly series. Three queries whatever the number of plans.
 */
export async function targetsOfPlans(
  db: Db,
  planIds: readonly number[] | undefined,
  today: string,
): Promise<Map<number, DashboardTarget[]>> {
  const indicators = await listIndicatorRowsOfPlans(db, planIds);
  const ids = indicators.map((i) => i.id);
  const [targets, values] = await Promise.all([targetRowsOf(db, ids), valueRowsOf(db, ids)]);
  const targetsBy = groupBy(targets, (t) => t.indicator_id);
  const valuesBy = groupBy(values, (v) => v.indicator_id);
  const out = new Map<number, DashboardTarget[]>();
  for (const row of indicators) {
    const s = summaryView(row, targetsBy.get(row.id) ?? [], valuesBy.get(row.id) ?? [], today);
    const indicator = { id: s.id, code: s.code, name: s.name, unit: s.unit, valueKind: s.valueKind };
    const series = s.effectiveValues.map((v) => ({ year: v.year, value: v.value, status: v.status }));
    const list = out.get(row.plan_id) ?? [];
    for (const t of s.targets) list.push({ ...t, indicator, series });
    out.set(row.plan_id, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.ordinal - b.ordinal);
  return out;
}

const TALLY: Record<EvaluationStatus, 'atRisk' | 'missed' | 'onTrack' | 'noData'> = {
  met: 'onTrack',
  exceeded: 'onTrack',
  on_track: 'onTrack',
  at_risk: 'atRisk',
  off_track: 'atRisk',
  missed: 'missed',
  no_data: 'noData',
};

/** How many targets stand where: the all-plans table shows "at risk" and can sort by it. */
export function tallyTargets(targets: readonly DashboardTarget[]) {
  const tally = { total: targets.length, atRisk: 0, missed: 0, onTrack: 0, noData: 0 };
  for (const t of targets) tally[TALLY[t.evaluation.status]] += 1;
  return tally;
}

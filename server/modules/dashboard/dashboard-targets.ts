import type { DashboardTarget } from '../../../shared/contracts/dashboard';
import type { EvaluationStatus } from '../../../shared/domain/indicators/types';
import type { Db } from '../../db/db';
import { chooseEffective } from '../indicators/effective-values';
import { evaluateIndicatorTarget } from '../indicators/evaluate-indicator';
import { listIndicatorRowsOfPlans, targetRowsOf, valueRowsOf } from '../indicators/indicator-repository';
import { groupBy, summaryView } from '../indicators/indicator-views';
import { toTargetView } from '../plans/target-mapper';

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

/**
 * The all-plans row's tally of every plan's targets, evaluated on `today` as `targetsOfPlans` does, but
 * from the accepted values only (the only ones that can count), without who entered them, without the
 * series and without the targets' display views: a third of the work at 200 plans.
 */
export async function targetTallyOfAllPlans(db: Db, today: string): Promise<Map<number, Tally>> {
  // Kept for the day while no indicator, target or value changes (the triggers of migration
  // 20261201T0521 count every change): the evaluation is about 30 ms of CPU at 800 targets.
  const version = await db
    .selectFrom('indicator_version')
    .select('version')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  const key = `${today}|${version.version}`;
  const kept = tallies.get(db);
  if (kept?.key === key) return kept.tally;
  const tally = await evaluateTally(db, today);
  tallies.set(db, { key, tally });
  return tally;
}

/** The last tally per database (one per process), with the day and version it was computed at. */
const tallies = new WeakMap<Db, { key: string; tally: Map<number, Tally> }>();

async function evaluateTally(db: Db, today: string): Promise<Map<number, Tally>> {
  const [indicators, targets, values] = await Promise.all([
    db.selectFrom('indicators').select(['id', 'plan_id', 'value_kind']).execute(),
    db.selectFrom('plan_targets').selectAll().where('indicator_id', 'is not', null).execute(),
    db
      .selectFrom('indicator_values')
      .select(['id', 'indicator_id', 'year', 'value', 'status', 'review_state', 'entered_at'])
      .where('review_state', '=', 'accepted')
      .execute(),
  ]);
  const targetsBy = groupBy(targets, (t) => t.indicator_id!);
  const valuesBy = groupBy(values, (v) => v.indicator_id);
  const out = new Map<number, Tally>();
  for (const row of indicators) {
    const chosen = chooseEffective(
      (valuesBy.get(row.id) ?? []).map((v) => ({
        ...v,
        reviewState: v.review_state,
        enteredAt: v.entered_at,
      })),
    );
    const effective = [...chosen.values()]
      .sort((a, b) => a.year - b.year)
      .map((v) => ({ year: v.year, value: v.value, status: v.status }));
    const tally = out.get(row.plan_id) ?? emptyTally();
    for (const t of targetsBy.get(row.id) ?? []) {
      const status = evaluateIndicatorTarget(toTargetView(t), row.value_kind, effective, today).status;
      tally.total += 1;
      tally[TALLY[status]] += 1;
    }
    out.set(row.plan_id, tally);
  }
  return out;
}

type Tally = ReturnType<typeof emptyTally>;
export const emptyTally = () => ({ total: 0, atRisk: 0, missed: 0, onTrack: 0, noData: 0 });

/** How many targets stand where: the all-plans table shows "at risk" and can sort by it. */
const TALLY: Record<EvaluationStatus, 'atRisk' | 'missed' | 'onTrack' | 'noData'> = {
  met: 'onTrack',
  exceeded: 'onTrack',
  on_track: 'onTrack',
  at_risk: 'atRisk',
  off_track: 'atRisk',
  missed: 'missed',
  no_data: 'noData',
};

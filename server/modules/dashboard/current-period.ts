import type { PeriodRow } from './dashboard-repository';

/**
 * The period a plan is waiting for: the open one with the latest due date; when every period is
 * closed, the latest one (its figures are final). `periods` are one plan's, latest due date first.
 */
export function currentPeriod(periods: readonly PeriodRow[]): PeriodRow | undefined {
  return periods.find((p) => p.state === 'open') ?? periods[0];
}

/** The current period of each plan, from the periods of many plans. */
export function currentPeriods(periods: readonly PeriodRow[]): Map<number, PeriodRow> {
  const byPlan = new Map<number, PeriodRow[]>();
  for (const p of periods) byPlan.set(p.plan_id, [...(byPlan.get(p.plan_id) ?? []), p]);
  const out = new Map<number, PeriodRow>();
  for (const [planId, list] of byPlan) {
    const p = currentPeriod(list);
    if (p) out.set(planId, p);
  }
  return out;
}

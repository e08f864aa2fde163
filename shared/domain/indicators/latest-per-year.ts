import type { DataStatus, IndicatorValue } from './types';

const FINALITY: Record<DataStatus, number> = { estimate: 0, preliminary: 1, official: 2 };

/**
 * One figure per year, the most final one (official > preliminary > estimate); between figures of equal
 * finality the later entry wins, as a correction is entered after what it corrects. Figures that are not
 * numbers are dropped so they can never reach the arithmetic. Sorted by year.
 */
export function latestPerYear(values: readonly IndicatorValue[]): IndicatorValue[] {
  const byYear = new Map<number, IndicatorValue>();
  for (const v of values) {
    if (!Number.isInteger(v.year) || !Number.isFinite(v.value)) continue;
    const kept = byYear.get(v.year);
    if (kept === undefined || FINALITY[v.status] >= FINALITY[kept.status]) byYear.set(v.year, v);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** The least final status among figures, for saying "(số liệu ước tính)" when any is provisional. */
export function leastFinalStatus(values: readonly IndicatorValue[]): DataStatus | null {
  let least: DataStatus | null = null;
  for (const v of values) if (least === null || FINALITY[v.status] < FINALITY[least]) least = v.status;
  return least;
}

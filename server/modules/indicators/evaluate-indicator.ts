import type { ValueKind } from '../../../shared/contracts/indicators';
import { evaluateTarget } from '../../../shared/domain/indicators/evaluate';
import { cumulative, growthRate } from '../../../shared/domain/indicators/growth';
import type {
  IndicatorValue,
  TargetData,
  TargetEvaluation,
  TargetSpec,
} from '../../../shared/domain/indicators/types';

/** Yearly rates from consecutive levels, for years whose previous year is known too. */
function ratesFromLevels(levels: readonly IndicatorValue[]): IndicatorValue[] {
  const byYear = new Map(levels.map((v) => [v.year, v]));
  const out: IndicatorValue[] = [];
  for (const v of levels) {
    const prev = byYear.get(v.year - 1);
    const rate = prev ? growthRate(prev.value, v.value) : null;
    // The rate is only as firm as the looser of its two figures.
    if (prev && rate !== null) out.push({ year: v.year, value: rate, status: looser(prev, v) });
  }
  return out;
}

const FINALITY = { estimate: 0, preliminary: 1, official: 2 } as const;
const looser = (a: IndicatorValue, b: IndicatorValue) =>
  FINALITY[a.status] <= FINALITY[b.status] ? a.status : b.status;

/**
 * What the arithmetic needs from an indicator's effective values (sorted by year) for one target:
 * - growth target over yearly rates: the rates;
 * - growth target over levels: the levels with the level of the year before the period as base; without
 *   that base, the rates computed from consecutive levels;
 * - count indicator (new items a year): running totals over the period;
 * - level, share, percentage: the values as they are.
 */
export function targetData(
  target: TargetSpec,
  valueKind: ValueKind,
  values: readonly IndicatorValue[],
): TargetData {
  if (target.kind === 'average_growth' && valueKind !== 'rate') {
    const base = target.fromYear === null ? undefined : values.find((v) => v.year === target.fromYear! - 1);
    if (base) return { values, baseLevel: { year: base.year, value: base.value } };
    return { values: ratesFromLevels(values) };
  }
  if (valueKind === 'count') {
    const inPeriod = values.filter((v) => target.fromYear === null || v.year >= target.fromYear);
    const totals = cumulative(inPeriod.map((v) => v.value)) ?? [];
    return { values: inPeriod.map((v, i) => ({ ...v, value: totals[i]! })) };
  }
  return { values };
}

export function evaluateIndicatorTarget(
  target: TargetSpec,
  valueKind: ValueKind,
  values: readonly IndicatorValue[],
  today: string,
): TargetEvaluation {
  const result = evaluateTarget(target, targetData(target, valueKind, values), today);
  // Levels are there but no growth can be computed from them: say what is missing.
  if (
    result.status === 'no_data' &&
    target.kind === 'average_growth' &&
    valueKind !== 'rate' &&
    values.length > 0
  ) {
    const base = target.fromYear === null ? '' : `giá trị năm ${target.fromYear - 1} (năm gốc) hoặc `;
    return {
      ...result,
      reason: `Chưa tính được tốc độ tăng bình quân: đã có số liệu năm ${values.map((v) => v.year).join(', ')}, cần thêm ${base}số liệu của hai năm liền nhau`,
    };
  }
  return result;
}

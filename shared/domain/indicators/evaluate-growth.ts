import { formatFigureVi, formatPercentVi } from './format';
import {
  averageGrowthFromLevels,
  averageGrowthFromRates,
  requiredAverageGrowth,
  requiredAverageGrowthForRate,
} from './growth';
import { latestPerYear } from './latest-per-year';
import { type EvaluationContext, type PaceReading, type Progress, provisionalNote } from './progress';
import { describeGoalFigure, outlookFromPace, withUnit } from './target-goal';
import type { IndicatorValue, TargetData } from './types';
import { duringYears, formatYearSpan, yearsBetween } from './years';

/**
 * Averages are judged as published: rounded to two decimals, so the verdict always agrees with the
 * figure shown beside it (8,995% shows as "9%" and counts as 9%).
 */
function published(rate: number): number {
  return Math.round(rate * 100) / 100;
}

function rateText(rate: number, unit: string): string {
  return withUnit(formatFigureVi(rate), unit.trim() === '' ? '%/năm' : unit);
}

function achievedText(years: readonly number[], rate: number, unit: string, used: readonly IndicatorValue[]) {
  const what =
    years.length === 1
      ? `Năm ${formatYearSpan(years)} ${rate < 0 ? 'giảm' : 'tăng'} ${formatPercentVi(Math.abs(rate), 2, { trimZeros: true })}`
      : `Bình quân ${formatYearSpan(years)} đạt ${rateText(rate, unit)}`;
  return `${what}${provisionalNote(used)}`;
}

/** The pace sentence for an average-growth target; `required` is the average still needed. */
function paceReading(
  ctx: EvaluationContext,
  required: number | null,
  remaining: readonly number[],
): PaceReading {
  const { spec, goal } = ctx;
  const target = describeGoalFigure(spec, goal);
  if (required === null) {
    // Only reachable with a zero level; flag it for a person rather than pretend to know.
    return {
      outlook: 'at_risk',
      required: null,
      text: 'không tính được tốc độ tăng cần thiết từ số liệu hiện có',
    };
  }
  const single = remaining.length === 1;
  const average = single ? '' : 'bình quân ';
  const figure = `${formatFigureVi(Math.abs(required))}${single ? '%' : '%/năm'}`;
  const years = `${single ? 'năm' : 'các năm'} ${formatYearSpan(remaining)}`;
  let text: string;
  if (goal.direction === 'down') {
    text =
      required >= 0
        ? `${years} chỉ được tăng ${average}tối đa ${figure} để không vượt quá ${target}`
        : `${years} cần giảm ${average}ít nhất ${figure} để không vượt quá ${target}`;
  } else {
    text =
      required >= 0
        ? `cần tăng ${average}${figure} ${duringYears(remaining)} để đạt ${target}`
        : `${years} giảm ${average}không quá ${figure} vẫn đạt ${target}`;
  }
  return { outlook: outlookFromPace(goal, required, goal.figure), required, text };
}

/**
 * Average-growth target from yearly rates. The period runs fromYear–toYear (from the first figure when
 * the plan gives no start); years without a figure are the years still to come, even a gap in the middle:
 * the whole-period average cannot be known without them.
 */
function fromRates(ctx: EvaluationContext, values: readonly IndicatorValue[]): Progress | null {
  const { spec, goal } = ctx;
  const first = values[0];
  if (first === undefined) return null;
  const from = spec.fromYear ?? first.year;
  const to = spec.toYear;
  const used = values.filter((v) => v.year >= from && (to === null || v.year <= to));
  const latest = used.at(-1);
  const raw = averageGrowthFromRates(used.map((v) => v.value));
  if (latest === undefined || raw === null) return null;
  const achieved = published(raw);
  const years = used.map((v) => v.year);
  const remainingYears = to === null ? [] : yearsBetween(from, to).filter((y) => !years.includes(y));
  const pace =
    remainingYears.length === 0 || to === null
      ? null
      : paceReading(
          ctx,
          requiredAverageGrowthForRate(
            used.map((v) => v.value),
            goal.figure,
            to - from + 1,
          ),
          remainingYears,
        );
  return {
    latest,
    achieved,
    achievedText: achievedText(years, achieved, spec.unit, used),
    remainingYears,
    pace,
  };
}

/**
 * Average-growth target tracked through levels: the average is the compound growth from the level
 * before the period, and the target level at the end is that base grown at the target rate.
 */
function fromLevels(
  ctx: EvaluationContext,
  values: readonly IndicatorValue[],
  base: { year: number; value: number },
): Progress | null {
  const { spec, goal } = ctx;
  const to = spec.toYear;
  const used = values.filter((v) => v.year > base.year && (to === null || v.year <= to));
  const latest = used.at(-1);
  if (latest === undefined) return null;
  const raw = averageGrowthFromLevels(base.value, latest.value, latest.year - base.year);
  if (raw === null) return null;
  const achieved = published(raw);
  const years = yearsBetween(base.year + 1, latest.year);
  const remainingYears = to === null ? [] : yearsBetween(latest.year + 1, to);
  let pace: PaceReading | null = null;
  if (to !== null && remainingYears.length > 0) {
    const targetLevel = base.value * (1 + goal.figure / 100) ** (to - base.year);
    pace = paceReading(
      ctx,
      requiredAverageGrowth(latest.value, targetLevel, remainingYears.length),
      remainingYears,
    );
  }
  return {
    latest,
    achieved,
    achievedText: achievedText(years, achieved, spec.unit, [latest]),
    remainingYears,
    pace,
  };
}

export function averageGrowthProgress(ctx: EvaluationContext, data: TargetData): Progress | null {
  const values = latestPerYear(data.values);
  return data.baseLevel === undefined ? fromRates(ctx, values) : fromLevels(ctx, values, data.baseLevel);
}

import { formatFigureVi } from './format';
import { averageGrowthFromLevels, projectLinear, requiredAverageGrowth, type YearPoint } from './growth';
import { latestPerYear } from './latest-per-year';
import { type EvaluationContext, type PaceReading, type Progress, provisionalNote } from './progress';
import {
  amountText,
  bestOutlook,
  describeGoalFigure,
  type Outlook,
  outlookFromPace,
  outlookFromValue,
  reaches,
  shortfall,
  withUnit,
} from './target-goal';
import type { IndicatorValue, TargetData } from './types';
import { duringYears, yearsBetween } from './years';

/**
 * Money amounts grow multiplicatively, so a level target's pace is a growth rate (%/năm); shares,
 * percentages and counts move by additions (điểm phần trăm, KCN), so their pace is an amount a year.
 */
function pacesByGrowth(ctx: EvaluationContext): boolean {
  return ctx.spec.kind === 'level';
}

interface PaceFigures {
  required: number | null;
  planned: number | null;
  /** What `required` in the result means: a growth rate or the amount still missing. */
  reported: number | null;
  text: string;
}

function growthFigures(
  ctx: EvaluationContext,
  latest: IndicatorValue,
  start: YearPoint | null,
  remaining: readonly number[],
  to: number,
): PaceFigures {
  const { spec, goal } = ctx;
  const required = requiredAverageGrowth(latest.value, goal.figure, remaining.length);
  const planned = start === null ? null : averageGrowthFromLevels(start.value, goal.figure, to - start.year);
  const single = remaining.length === 1;
  const verb = goal.direction === 'up' ? 'tăng' : 'giảm';
  const target = `${goal.direction === 'up' ? 'để đạt' : 'để xuống'} ${describeGoalFigure(spec, goal)}`;
  const text =
    required === null
      ? `không tính được tốc độ tăng cần thiết từ mức hiện tại ${target}`
      : `cần ${verb} ${single ? '' : 'bình quân '}${formatFigureVi(Math.abs(required))}${single ? '%' : '%/năm'} ${duringYears(remaining)} ${target}`;
  return { required, planned, reported: required, text };
}

function additiveFigures(
  ctx: EvaluationContext,
  latest: IndicatorValue,
  start: YearPoint | null,
  remaining: readonly number[],
  to: number,
): PaceFigures {
  const { spec, goal } = ctx;
  const gap = shortfall(goal, latest.value, goal.figure);
  const perYear = gap / remaining.length;
  const sign = goal.direction === 'up' ? 1 : -1;
  const planned = start === null ? null : (goal.figure - start.value) / (to - start.year);
  const average = remaining.length > 1 ? ` (bình quân ${amountText(perYear, spec.unit)}/năm)` : '';
  const verb = goal.direction === 'up' ? 'tăng' : 'giảm';
  const target = `${goal.direction === 'up' ? 'để đạt' : 'để xuống'} ${describeGoalFigure(spec, goal)}`;
  return {
    required: sign * perYear,
    planned,
    reported: gap,
    text: `cần ${verb} thêm ${amountText(gap, spec.unit)}${average} ${duringYears(remaining)} ${target}`,
  };
}

/**
 * While years remain: on track when the pace still needed is no more than the planned pace (from the
 * first figure, or the base level, to the target) or the least-squares trend reaches the target by its
 * year; at risk when the needed pace is within 1.5 × the planned pace or the trend reaches ≥ 90% of the
 * target; off track otherwise. A single figure gives neither a planned pace nor a trend: at risk, since
 * nothing shows the target is in reach.
 */
function levelPace(
  ctx: EvaluationContext,
  history: readonly YearPoint[],
  latest: IndicatorValue,
  remaining: readonly number[],
  to: number,
): PaceReading {
  const { spec, goal } = ctx;
  if (reaches(goal, latest.value)) {
    const required = pacesByGrowth(ctx)
      ? requiredAverageGrowth(latest.value, goal.figure, remaining.length)
      : 0;
    return {
      outlook: 'on_track',
      required,
      text: `đã đạt mục tiêu ${describeGoalFigure(spec, goal)} của năm ${to}`,
    };
  }
  const first = history[0];
  const start = first !== undefined && first.year < latest.year ? first : null;
  const figures = (pacesByGrowth(ctx) ? growthFigures : additiveFigures)(ctx, latest, start, remaining, to);
  const projection = projectLinear(history, to);
  const outlooks: Outlook[] = [];
  if (figures.required !== null && figures.planned !== null) {
    outlooks.push(outlookFromPace(goal, figures.required, figures.planned));
  }
  if (projection !== null) outlooks.push(outlookFromValue(goal, projection));
  const trend =
    projection === null
      ? '; chưa đủ số liệu để xác định xu hướng'
      : `; theo xu hướng, năm ${to} ước đạt ${withUnit(formatFigureVi(projection), spec.unit)}`;
  return {
    outlook: bestOutlook(outlooks) ?? 'at_risk',
    required: figures.reported,
    text: `${figures.text}${trend}`,
  };
}

/** Progress of a level, share, count or percentage target: the latest figure up to the target year. */
export function levelProgress(ctx: EvaluationContext, data: TargetData): Progress | null {
  const { spec } = ctx;
  const to = spec.toYear;
  const points = latestPerYear(data.values).filter((v) => to === null || v.year <= to);
  const latest = points.at(-1);
  const firstYear = points[0]?.year;
  if (latest === undefined || firstYear === undefined) return null;
  const base = data.baseLevel;
  const history: YearPoint[] = [
    ...(base !== undefined && Number.isFinite(base.value) && base.year < firstYear ? [base] : []),
    ...points.map(({ year, value }) => ({ year, value })),
  ];
  const remainingYears = to === null ? [] : yearsBetween(latest.year + 1, to);
  return {
    latest,
    achieved: latest.value,
    achievedText: `Năm ${latest.year} đạt ${withUnit(formatFigureVi(latest.value), spec.unit)}${provisionalNote([latest])}`,
    remainingYears,
    pace:
      to === null || remainingYears.length === 0 ? null : levelPace(ctx, history, latest, remainingYears, to),
  };
}

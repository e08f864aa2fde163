import { averageGrowthProgress } from './evaluate-growth';
import { levelProgress } from './evaluate-level';
import type { EvaluationContext, Progress } from './progress';
import {
  amountText,
  describeTarget,
  goalOf,
  outlookFromValue,
  reaches,
  shortfall,
  type Verdict,
  verdictOf,
} from './target-goal';
import {
  EVALUATION_LABELS,
  type EvaluationStatus,
  type IndicatorValue,
  type TargetData,
  type TargetEvaluation,
  type TargetSpec,
} from './types';
import { formatYearSpan, yearOfIsoDate } from './years';

function evaluation(
  status: EvaluationStatus,
  reason: string,
  required: number | null = null,
  latest: IndicatorValue | null = null,
): TargetEvaluation {
  return { status, label: EVALUATION_LABELS[status], reason, required, latest };
}

function verdictText(verdict: Verdict, progress: Progress, ctx: EvaluationContext): string {
  const target = describeTarget(ctx.spec);
  if (verdict === 'met') return `đạt mục tiêu ${target}`;
  if (verdict === 'exceeded') return `vượt mục tiêu ${target}`;
  const gap = shortfall(ctx.goal, progress.achieved, ctx.goal.figure);
  return `không đạt mục tiêu ${target} (thiếu ${amountText(gap, ctx.spec.unit)})`;
}

function noDataReason(spec: TargetSpec): string {
  if (spec.fromYear !== null && spec.toYear !== null) {
    return `Chưa có số liệu cho giai đoạn ${spec.fromYear}–${spec.toYear}`;
  }
  return spec.toYear === null ? 'Chưa có số liệu' : `Chưa có số liệu đến năm ${spec.toYear}`;
}

/**
 * Judges a plan target against its figures on `today`:
 * - no quantified figure in the target, or no figures in its period → no_data;
 * - the period is over (today after 31/12 of toYear) and its figures are all in → the final verdict:
 *   met, exceeded (above the upper bound of a "higher is better" target) or missed; a range "9–10" is
 *   met from 9; a "khoảng" target is met within 2% of its figure;
 * - the period is over but figures are missing (usually the final year's) → no final verdict yet: the
 *   outlook below, and the reason says which years are missing;
 * - years remain → on_track / at_risk / off_track by the pace still needed: for average growth,
 *   on track when the average still needed ≤ the target rate, at risk up to 1.5 × the target rate,
 *   off track beyond; for levels see evaluate-level (planned pace or trend, 90% of the target);
 * - the final year's figure is in before the year ends (an estimate) → on_track if it reaches the
 *   target, at_risk within 10% of it, off_track further off;
 * - no target year → met/exceeded when reached, else at_risk: a pace cannot be judged without a year,
 *   and a target without a deadline is never "missed".
 * Required paces use the plan's own figure; the "khoảng" tolerance only applies to judging a value.
 */
export function evaluateTarget(target: TargetSpec, data: TargetData, today: string): TargetEvaluation {
  const currentYear = yearOfIsoDate(today);
  const goal = goalOf(target);
  if (goal === null) return evaluation('no_data', 'Mục tiêu không có giá trị định lượng để đánh giá');
  const ctx: EvaluationContext = { spec: target, goal };
  const progress =
    target.kind === 'average_growth' ? averageGrowthProgress(ctx, data) : levelProgress(ctx, data);
  if (progress === null) return evaluation('no_data', noDataReason(target));
  const { latest, achieved, achievedText, pace } = progress;
  const to = target.toYear;

  if (to === null) {
    if (reaches(goal, achieved)) {
      const verdict = verdictOf(goal, achieved);
      return evaluation(verdict, `${achievedText}; ${verdictText(verdict, progress, ctx)}`, null, latest);
    }
    return evaluation(
      'at_risk',
      `${achievedText}; chưa đạt mục tiêu ${describeTarget(target)}, mục tiêu không ghi năm cần đạt nên chưa tính được tốc độ cần thiết`,
      null,
      latest,
    );
  }

  if (pace === null) {
    if (currentYear > to) {
      const verdict = verdictOf(goal, achieved);
      return evaluation(verdict, `${achievedText}; ${verdictText(verdict, progress, ctx)}`, null, latest);
    }
    const outlook = outlookFromValue(goal, achieved);
    const reached = outlook === 'on_track';
    // Nothing is left to grow, so only amount targets have a meaningful "still required": the gap.
    const byAmount = target.kind !== 'average_growth' && target.kind !== 'level';
    const required = byAmount ? (reached ? 0 : shortfall(goal, achieved, goal.figure)) : null;
    return evaluation(
      outlook,
      `${achievedText}; ${reached ? 'đạt' : 'chưa đạt'} mục tiêu ${describeTarget(target)}, năm ${to} chưa kết thúc nên chưa kết luận`,
      required,
      latest,
    );
  }

  const pending =
    currentYear > to
      ? `; chưa có số liệu năm ${formatYearSpan(progress.remainingYears)} nên chưa kết luận`
      : '';
  return evaluation(pace.outlook, `${achievedText}; ${pace.text}${pending}`, pace.required, latest);
}

import { formatFigureVi } from './format';
import type { TargetSpec } from './types';

/** A target said with "khoảng" (about) is met within 2% of its figure, relative: "khoảng 4 KCN" by 3,92. */
export const APPROXIMATE_TOLERANCE = 0.02;

/**
 * What a target asks for. Plans state targets as "higher is better" figures ("đạt 8,5 tỷ USD",
 * "tăng 9–10%/năm"), so a lower bound (min) means "reach at least". Only a target with an upper bound
 * and no lower bound ("dưới 1%", "không quá …") is read as "stay at or below".
 */
export interface Goal {
  direction: 'up' | 'down';
  /** The plan's figure to reach (min when going up, max when going down). */
  figure: number;
  /** The figure with the "khoảng" tolerance applied, used when judging an achieved value. */
  threshold: number;
  /** Above this an "up" target is exceeded ("Vượt"); null when the plan sets no upper bound. */
  exceededAbove: number | null;
}

export function goalOf(spec: TargetSpec): Goal | null {
  const tolerance = (x: number) => (spec.approximate ? APPROXIMATE_TOLERANCE * Math.abs(x) : 0);
  if (spec.min !== null && Number.isFinite(spec.min)) {
    const max = spec.max !== null && Number.isFinite(spec.max) ? spec.max : null;
    return {
      direction: 'up',
      figure: spec.min,
      threshold: spec.min - tolerance(spec.min),
      exceededAbove: max === null ? null : max + tolerance(max),
    };
  }
  if (spec.max !== null && Number.isFinite(spec.max)) {
    return {
      direction: 'down',
      figure: spec.max,
      threshold: spec.max + tolerance(spec.max),
      exceededAbove: null,
    };
  }
  return null;
}

/** Absorbs floating-point noise so a value of exactly the target is never "below" it. */
function epsilon(x: number): number {
  return 1e-9 * Math.max(1, Math.abs(x));
}

/** Signed shortfall: positive when `value` has not yet reached `target` in the goal's direction. */
export function shortfall(goal: Goal, value: number, target = goal.threshold): number {
  const gap = goal.direction === 'up' ? target - value : value - target;
  return gap <= epsilon(target) ? 0 : gap;
}

export function reaches(goal: Goal, value: number): boolean {
  return shortfall(goal, value) === 0;
}

export type Verdict = 'met' | 'exceeded' | 'missed';

/** The final verdict on an achieved value; a range "9–10" is met from 9 and exceeded above 10. */
export function verdictOf(goal: Goal, value: number): Verdict {
  if (!reaches(goal, value)) return 'missed';
  if (goal.exceededAbove !== null && value > goal.exceededAbove + epsilon(goal.exceededAbove))
    return 'exceeded';
  return 'met';
}

export type Outlook = 'on_track' | 'at_risk' | 'off_track';
const OUTLOOK_ORDER: readonly Outlook[] = ['on_track', 'at_risk', 'off_track'];

/** A required pace up to 1.5 times the planned pace is hard but plausible: "at risk", not "off track". */
export const AT_RISK_PACE_FACTOR = 1.5;
/** A value or projection within 10% of the target is "at risk"; further off is "off track". */
export const AT_RISK_LEVEL_SHARE = 0.9;

/**
 * Compares the pace still needed with the planned pace. Going up: on track when required ≤ planned,
 * at risk up to 1.5 × planned (i.e. planned + 50% of |planned|), off track beyond. Going down, mirrored.
 */
export function outlookFromPace(goal: Goal, required: number, planned: number): Outlook {
  const excess = goal.direction === 'up' ? required - planned : planned - required;
  if (excess <= epsilon(planned)) return 'on_track';
  return excess <= (AT_RISK_PACE_FACTOR - 1) * Math.abs(planned) ? 'at_risk' : 'off_track';
}

/** Compares a value expected at the end of the period with the target (with its tolerance). */
export function outlookFromValue(goal: Goal, value: number): Outlook {
  const gap = shortfall(goal, value);
  if (gap === 0) return 'on_track';
  return gap <= (1 - AT_RISK_LEVEL_SHARE) * Math.abs(goal.threshold) ? 'at_risk' : 'off_track';
}

/** The more hopeful of two readings: either a sufficient pace or a sufficient trend is enough. */
export function bestOutlook(outlooks: readonly Outlook[]): Outlook | null {
  let best: Outlook | null = null;
  for (const o of outlooks)
    if (best === null || OUTLOOK_ORDER.indexOf(o) < OUTLOOK_ORDER.indexOf(best)) best = o;
  return best;
}

/** "9%/năm", "8,5 tỷ USD", "66%": percent units stick to the number, words are spaced. */
export function withUnit(figure: string, unit: string): string {
  const u = unit.trim();
  if (u === '') return figure;
  return u.startsWith('%') ? `${figure}${u}` : `${figure} ${u}`;
}

/** The whole target as the plan states it: "9–10%/năm", "khoảng 4 KCN", "tối đa 1%". */
export function describeTarget(spec: TargetSpec): string {
  const about = spec.approximate ? 'khoảng ' : '';
  const { min, max } = spec;
  if (min !== null && max !== null && min !== max) {
    return `${about}${formatFigureVi(min)}–${withUnit(formatFigureVi(max), spec.unit)}`;
  }
  if (min !== null && max !== null) return `${about}${withUnit(formatFigureVi(min), spec.unit)}`;
  if (min !== null) return `tối thiểu ${about}${withUnit(formatFigureVi(min), spec.unit)}`;
  if (max !== null) return `tối đa ${about}${withUnit(formatFigureVi(max), spec.unit)}`;
  return 'không có giá trị định lượng';
}

/** The figure to reach: "9%/năm" for a 9–10%/năm range, "khoảng 4 KCN". */
export function describeGoalFigure(spec: TargetSpec, goal: Goal): string {
  const about = spec.approximate ? 'khoảng ' : '';
  return `${about}${withUnit(formatFigureVi(goal.figure), spec.unit)}`;
}

/** A difference of figures: percent differences are "điểm phần trăm", never "%" (66% − 62% is 4 points). */
export function amountText(amount: number, unit: string): string {
  return unit.trim().startsWith('%')
    ? `${formatFigureVi(amount)} điểm phần trăm`
    : withUnit(formatFigureVi(amount), unit);
}

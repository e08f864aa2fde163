import type { PlanTarget } from '../../../shared/contracts/plan-draft';
import { formatNumber } from './numbers';

type TargetValue = Pick<PlanTarget, 'min' | 'max' | 'unit' | 'approximate'>;

/** "%" and "%/năm" stick to the number ("70%"); words need a space ("8,5 tỷ USD"). */
function withUnit(number: string, unit: string): string {
  if (!unit) return number;
  return unit.startsWith('%') ? `${number}${unit}` : `${number} ${unit}`;
}

/**
 * The figure as an official would say it: "9,5–10 %/năm", "khoảng 70%", "ít nhất 60%".
 * A range keeps a space before the unit so the dash reads as joining the two numbers only.
 */
export function formatTargetValue(t: TargetValue): string {
  const about = t.approximate ? 'khoảng ' : '';
  if (t.min !== null && t.max !== null && t.min !== t.max) {
    const range = `${formatNumber(t.min)}–${formatNumber(t.max)}`;
    return `${about}${t.unit ? `${range} ${t.unit}` : range}`;
  }
  if (t.min !== null && t.max !== null) return `${about}${withUnit(formatNumber(t.min), t.unit)}`;
  if (t.min !== null) return `${about}ít nhất ${withUnit(formatNumber(t.min), t.unit)}`;
  if (t.max !== null) return `${about}tối đa ${withUnit(formatNumber(t.max), t.unit)}`;
  return '';
}

/** "2021–2025" for a period target, "đến năm 2025" for a level to reach by then. */
export function formatTargetYears(t: Pick<PlanTarget, 'fromYear' | 'toYear'>): string {
  if (t.fromYear !== null && t.toYear !== null && t.fromYear !== t.toYear) return `${t.fromYear}–${t.toYear}`;
  if (t.toYear !== null) return `đến năm ${t.toYear}`;
  if (t.fromYear !== null) return `từ năm ${t.fromYear}`;
  return '';
}

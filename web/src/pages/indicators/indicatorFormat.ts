import type { ReviewState, ValueStatus } from '../../../../shared/contracts/indicators';
import { formatNumberVi } from '../../../../shared/domain/indicators/format';
import { parseVietnameseNumber } from '../../../../shared/domain/plan-import/numbers';

export const VALUE_STATUS_COLORS: Record<ValueStatus, string> = {
  estimate: 'gold',
  preliminary: 'blue',
  official: 'green',
};

export const REVIEW_STATE_COLORS: Record<ReviewState, string> = {
  pending: 'orange',
  accepted: 'default',
  rejected: 'red',
};

/** Up to three decimals, Vietnamese style ("8,82", "6,3", "1.234,5"). */
export function formatValue(value: number): string {
  return formatNumberVi(value, 3, { trimZeros: true });
}

/** "8,82%", "6,3 tỷ USD", "2 KCN". */
export function formatValueWithUnit(value: number, unit: string): string {
  const u = unit.trim();
  if (u === '') return formatValue(value);
  return u.startsWith('%') ? `${formatValue(value)}${u}` : `${formatValue(value)} ${u}`;
}

/** A number as people type it: "7,6", "-1,5", "1.234,5" or "7.6"; null when it is not one. */
export function parseValueInput(text: string): number | null {
  const trimmed = text.trim().replace(/%$/, '');
  const negative = /^[-−]/.test(trimmed);
  const parsed = parseVietnameseNumber(negative ? trimmed.slice(1) : trimmed);
  return parsed === null ? null : negative ? -parsed : parsed;
}

/** Small calendar helpers; all dates are ISO strings (YYYY-MM-DD) as elsewhere in planwatch. */
import { daysInMonth, MAX_DATE_YEAR, MIN_DATE_YEAR } from '../calendar/iso-date';

export function isPlausibleYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_DATE_YEAR && year <= MAX_DATE_YEAR;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Null for impossible dates ("31/2/2022") so callers never store a date that does not exist. */
export function validIsoDate(year: number, month: number, day: number): string | null {
  if (!isPlausibleYear(year) || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return isoDate(year, month, day);
}

export function yearStart(year: number): string {
  return isoDate(year, 1, 1);
}

export function yearEnd(year: number): string {
  return isoDate(year, 12, 31);
}

export function monthEnd(year: number, month: number): string {
  return isoDate(year, month, daysInMonth(year, month));
}

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** "IV" → 4; null for anything that is not a well-formed small roman numeral. */
export function romanToNumber(roman: string): number | null {
  const upper = roman.toUpperCase();
  if (!/^[IVXLC]+$/.test(upper)) return null;
  let total = 0;
  for (let i = 0; i < upper.length; i++) {
    const value = ROMAN_VALUES[upper.charAt(i)] ?? 0;
    const next = ROMAN_VALUES[upper.charAt(i + 1)] ?? 0;
    total += value < next ? -value : value;
  }
  return total > 0 ? total : null;
}

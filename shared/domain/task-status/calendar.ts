/**
 * Calendar arithmetic on ISO dates ('YYYY-MM-DD'). Dates are read as UTC midnight and compared as whole
 * day numbers, so the server's time zone and daylight-saving changes can never shift a deadline by a day.
 */

import { parseCalendarDate } from '../calendar/iso-date';

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a real calendar date; null for malformed or impossible dates ("2022-02-30"). */
export function dayNumber(iso: string): number | null {
  const parsed = parseCalendarDate(iso);
  if (parsed === null) return null;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 onto 1900–1999.
  date.setUTCFullYear(parsed.year, parsed.month - 1, parsed.day);
  return Math.round(date.getTime() / MS_PER_DAY);
}

/** Like dayNumber, for dates the caller must supply correctly: a bad one is a bug, not a status. */
export function requireDayNumber(iso: string, what: string): number {
  const day = dayNumber(iso);
  if (day === null) throw new RangeError(`${what} không phải ngày hợp lệ dạng YYYY-MM-DD: "${iso}"`);
  return day;
}

export function isoFromDayNumber(day: number): string {
  const date = new Date(day * MS_PER_DAY);
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(date.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${dd}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return requireDayNumber(to, 'Ngày') - requireDayNumber(from, 'Ngày');
}

export function yearOf(iso: string): number | null {
  return dayNumber(iso) === null ? null : Number(iso.slice(0, 4));
}

export function yearStartIso(year: number): string {
  return `${String(year).padStart(4, '0')}-01-01`;
}

export function yearEndIso(year: number): string {
  return `${String(year).padStart(4, '0')}-12-31`;
}

/** 'YYYY-MM-DD' → 'dd/MM/yyyy', the way Vietnamese administrative documents write dates. */
export function formatDateVi(iso: string): string {
  if (dayNumber(iso) === null) return iso;
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

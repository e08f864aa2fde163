/**
 * The one reading of calendar dates ('YYYY-MM-DD') and instants (ISO 8601 with a zone) in planwatch.
 * Every request schema (shared/contracts/primitives.ts) and every date computation
 * (task-status/calendar.ts) goes through here, so "2026-02-31" or "9999-99-99" is refused everywhere
 * the same way instead of being stored and failing later.
 */

/** Years a plan, a report or an agency's validity can plausibly fall in. */
export const MIN_DATE_YEAR = 1900;
export const MAX_DATE_YEAR = 2200;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** The parts of a real calendar date written 'YYYY-MM-DD' (any four-digit year); null for anything else. */
export function parseCalendarDate(text: string): CalendarDate | null {
  const m = ISO_DATE.exec(text);
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** A date the application accepts as input: a real calendar date within MIN_DATE_YEAR..MAX_DATE_YEAR. */
export function parseIsoDate(text: string): CalendarDate | null {
  const date = parseCalendarDate(text);
  if (date === null || date.year < MIN_DATE_YEAR || date.year > MAX_DATE_YEAR) return null;
  return date;
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== null;
}

/** An instant such as "2026-11-30T21:05:00.000Z" or "2026-12-01T04:05:00+07:00", on a real date. */
export function isIsoDateTime(text: string): boolean {
  const m = ISO_DATE_TIME.exec(text);
  return m?.[1] !== undefined && isIsoDate(m[1]);
}

/** Vietnamese explanation used by every date field. */
export const ISO_DATE_MESSAGE = `Ngày phải là ngày có thật, viết dạng YYYY-MM-DD (ví dụ 2026-02-28), năm từ ${MIN_DATE_YEAR} đến ${MAX_DATE_YEAR}`;
export const ISO_DATE_TIME_MESSAGE =
  'Thời điểm phải viết dạng ISO 8601 có múi giờ (ví dụ 2026-02-28T08:30:00Z), vào một ngày có thật';

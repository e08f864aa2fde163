import type { Deadline } from '../../contracts/plan-draft';
import { normalizeText, searchKey } from '../text/normalize';
import {
  isPlausibleYear,
  monthEnd,
  romanToNumber,
  isoDate as toIso,
  validIsoDate,
  yearEnd,
  yearStart,
} from './dates';

/*
 * Patterns run on the search key (lowercase, no diacritics) so "Hằng năm", "Hàng năm" and
 * "hàng  năm" are one form. Order matters: a full date contains a month/year, which contains a year.
 */
const RECURRING = /\b(hang|moi) (nam|quy|thang)\b|\bdinh ky\b|\bdinh ki\b/;
const CONTINUOUS = /\bthuong xuyen\b|\blien tuc\b/;
const YEAR_RANGE = /(?<!\d)((?:19|20|21)\d{2})\s*(?:-|–|—|den|toi)\s*(?:nam\s+)?((?:19|20|21)\d{2})(?!\d)/;
const FULL_DATE = /(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/;
const WORDED_DATE = /\bngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})\b/;
/** "Quý I/2027", and lists "Quý III, IV/2026" (the span from the first quarter to the last). */
const QUARTER =
  /\bquy\s+((?:[ivx]+|[1-4])(?:\s*(?:,|va|-|–)\s*(?:[ivx]+|[1-4]))*)\s*(?:\/|-|nam)\s*(\d{4})\b/;
const MONTH = /(?<![\d/])(\d{1,2})\s*\/\s*(\d{4})(?!\d)/;
const MONTH_WORD = /\bthang\s+(\d{1,2})\s*(?:\/|-|nam)\s*(\d{4})\b/;
const YEAR = /(?<![\d/])((?:19|20|21)\d{2})(?![\d/])/;

function yearRange(key: string): { from: string; to: string } | null {
  const m = YEAR_RANGE.exec(key);
  if (m === null) return null;
  const from = Number(m[1]);
  const to = Number(m[2]);
  if (!isPlausibleYear(from) || !isPlausibleYear(to) || from > to) return null;
  return { from: yearStart(from), to: yearEnd(to) };
}

function unknown(text: string): Deadline {
  return { kind: 'unknown', from: null, to: null, text };
}

/** Reads a task's "Thời hạn" cell. Anything not understood is kept as text with kind 'unknown'. */
export function parseDeadline(raw: string): Deadline {
  const text = normalizeText(raw);
  const key = searchKey(text);
  if (key === '') return unknown(text);

  if (RECURRING.test(key)) {
    const range = yearRange(key);
    return { kind: 'recurring', from: range?.from ?? null, to: range?.to ?? null, text };
  }
  if (CONTINUOUS.test(key)) {
    const range = yearRange(key);
    return { kind: 'continuous', from: range?.from ?? null, to: range?.to ?? null, text };
  }

  const dateMatch = FULL_DATE.exec(key) ?? WORDED_DATE.exec(key);
  if (dateMatch !== null) {
    const date = validIsoDate(Number(dateMatch[3]), Number(dateMatch[2]), Number(dateMatch[1]));
    return date === null ? unknown(text) : { kind: 'date', from: null, to: date, text };
  }

  const quarterMatch = QUARTER.exec(key);
  if (quarterMatch !== null) {
    const quarters = (quarterMatch[1] ?? '')
      .split(/\s*(?:,|va|-|–)\s*/)
      .map((q) => (/^\d$/.test(q) ? Number(q) : romanToNumber(q)));
    const year = Number(quarterMatch[2]);
    const first = quarters[0];
    const last = quarters[quarters.length - 1];
    if (
      first == null ||
      last == null ||
      quarters.some((q) => q === null || q < 1 || q > 4) ||
      first > last ||
      !isPlausibleYear(year)
    ) {
      return unknown(text);
    }
    const firstMonth = (first - 1) * 3 + 1;
    return { kind: 'quarter', from: toIso(year, firstMonth, 1), to: monthEnd(year, last * 3), text };
  }

  const range = yearRange(key);
  if (range !== null) return { kind: 'year_range', ...range, text };

  const monthMatch = MONTH_WORD.exec(key) ?? MONTH.exec(key);
  if (monthMatch !== null) {
    const month = Number(monthMatch[1]);
    const year = Number(monthMatch[2]);
    if (month < 1 || month > 12 || !isPlausibleYear(year)) return unknown(text);
    return { kind: 'month', from: toIso(year, month, 1), to: monthEnd(year, month), text };
  }

  const yearMatch = YEAR.exec(key);
  if (yearMatch !== null) {
    const year = Number(yearMatch[1]);
    return { kind: 'year', from: yearStart(year), to: yearEnd(year), text };
  }
  return unknown(text);
}

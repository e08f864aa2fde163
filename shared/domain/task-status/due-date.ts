import type { Deadline } from '../../contracts/plan-draft';
import { dayNumber, yearEndIso, yearOf, yearStartIso } from './calendar';

/** A stored date the contract's regex let through but the calendar does not have ("2022-02-30") is no date. */
function validDate(iso: string | null): string | null {
  return iso !== null && dayNumber(iso) !== null ? iso : null;
}

function boundYear(iso: string | null): number | null {
  return iso === null ? null : yearOf(iso);
}

/** Whether `year` lies inside the deadline's own year range; a missing bound is open-ended. */
function insideRange(deadline: Deadline, year: number): boolean {
  const from = boundYear(deadline.from);
  const to = boundYear(deadline.to);
  return (from === null || year >= from) && (to === null || year <= to);
}

/**
 * The date a task must be done by, or null when it has none ("Thường xuyên", unreadable text, or a
 * "Hằng năm" task without the year being judged). Recurring tasks are due at the end of each year, and
 * only in the years of their range when the plan gives one.
 */
export function dueDateOf(deadline: Deadline, year?: number): string | null {
  switch (deadline.kind) {
    case 'year': {
      // Normalised to 31/12 so a "Năm 2023" stored with any date of 2023 still means the whole year.
      const y = boundYear(deadline.to) ?? boundYear(deadline.from);
      return y === null ? null : yearEndIso(y);
    }
    case 'year_range':
    case 'date':
    case 'month':
    case 'quarter':
      return validDate(deadline.to);
    case 'recurring':
      if (year === undefined || !Number.isInteger(year) || !insideRange(deadline, year)) return null;
      return yearEndIso(year);
    case 'continuous':
    case 'unknown':
      return null;
  }
}

/**
 * When the work of a deadline period begins, for telling "not started because it is not time yet" from
 * "not started although it should be". Null when the plan does not say.
 */
export function periodStartOf(deadline: Deadline, year?: number): string | null {
  switch (deadline.kind) {
    case 'year':
    case 'year_range':
    case 'month':
    case 'quarter':
      return validDate(deadline.from);
    case 'recurring':
    case 'continuous':
      return year !== undefined && Number.isInteger(year) ? yearStartIso(year) : validDate(deadline.from);
    case 'date':
    case 'unknown':
      return null;
  }
}

export interface OccursOptions {
  /** First year of the plan (usually the year it was issued); no lower bound when omitted. */
  planStartYear?: number;
}

/**
 * Whether a task belongs in the report for `year`:
 * - one-off tasks (year, year_range, date, quarter, month) from the plan's start until their due year —
 *   work towards a 2023 deadline is reported on in 2022 too, and a year range also starts no earlier
 *   than its own first year;
 * - recurring and continuous tasks every year, inside their year range when they have one;
 * - unknown deadlines every year from the plan's start: we cannot tell, so the task stays visible
 *   (it is never counted as overdue).
 */
export function occursInYear(deadline: Deadline, year: number, options: OccursOptions = {}): boolean {
  const { planStartYear } = options;
  if (planStartYear !== undefined && year < planStartYear) return false;
  switch (deadline.kind) {
    case 'year':
    case 'date':
    case 'month':
    case 'quarter': {
      const due = dueDateOf(deadline);
      const dueYear = due === null ? null : yearOf(due);
      return dueYear !== null && year <= dueYear;
    }
    case 'year_range': {
      const due = dueDateOf(deadline);
      const dueYear = due === null ? null : yearOf(due);
      const startYear = boundYear(deadline.from);
      return dueYear !== null && year <= dueYear && (startYear === null || year >= startYear);
    }
    case 'recurring':
    case 'continuous':
      return insideRange(deadline, year);
    case 'unknown':
      return true;
  }
}

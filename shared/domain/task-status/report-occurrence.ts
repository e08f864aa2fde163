import type { Deadline } from '../../contracts/plan-draft';
import { yearOf } from './calendar';
import { dueDateOf, occursInYear } from './due-date';

export interface ReportOccurrenceOptions {
  /** First year of the plan; nothing is reported before it. */
  planStartYear?: number;
  /** The year of the earliest period in which an ACCEPTED report said the task was completed. */
  completedYear?: number | null;
}

const ONE_OFF = new Set<Deadline['kind']>(['year', 'year_range', 'date', 'month', 'quarter']);

/**
 * Whether a task is listed in an agency's report for `year`. As occursInYear, and in addition:
 * a one-off task stays in the reports after its due year until an accepted report says it was
 * completed (late work is still reported on), and no task is listed after the year it was completed in.
 * Recurring and continuous tasks keep their own years.
 */
export function occursInReportYear(
  deadline: Deadline,
  year: number,
  { planStartYear, completedYear = null }: ReportOccurrenceOptions = {},
): boolean {
  if (planStartYear !== undefined && year < planStartYear) return false;
  const opts = planStartYear === undefined ? {} : { planStartYear };
  if (!ONE_OFF.has(deadline.kind)) return occursInYear(deadline, year, opts);
  if (completedYear !== null && year > completedYear) return false;
  if (occursInYear(deadline, year, opts)) return true;
  const due = dueDateOf(deadline);
  const dueYear = due === null ? null : yearOf(due);
  const startYear = deadline.kind === 'year_range' && deadline.from ? yearOf(deadline.from) : null;
  if (startYear !== null && year < startYear) return false;
  // Past its due year and not completed before this year: still owed, still reported on.
  return dueYear !== null && year > dueYear;
}

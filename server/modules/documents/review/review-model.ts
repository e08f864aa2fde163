import type { TaskStatusCode } from '../../../../shared/domain/task-status/categories';
import type { ConsolidatedData } from '../consolidated/consolidated-model';
import type { AcceptedEntryRow, AcceptedReportRow } from '../consolidated/consolidated-repository';

export const REVIEW_KINDS = ['midterm', 'final'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** The period kind a review is opened as. */
export const PERIOD_KIND_OF: Record<ReviewKind, 'mid_term' | 'final'> = {
  midterm: 'mid_term',
  final: 'final',
};

/** "Sơ kết" / "Tổng kết": the word the title, the headings and the file name use. */
export const REVIEW_WORD: Record<ReviewKind, string> = { midterm: 'Sơ kết', final: 'Tổng kết' };

/** The longest span a review covers: a plan with a stray old deadline does not get decades of columns. */
export const MAX_SPAN_YEARS = 10;

/** One year of the span: how many tasks fell due in it and the stored status counts judged for it. */
export interface YearTally {
  year: number;
  due: number;
  counts: Record<TaskStatusCode, number>;
}

/**
 * Everything a mid-term or final review is drafted from. `base` is the consolidated data of the review
 * period itself (plan, issuer, indicators, every task with its status judged for the review's year);
 * the rest spans the plan's years up to it.
 */
export interface ReviewData {
  kind: ReviewKind;
  base: ConsolidatedData;
  years: number[];
  tallies: YearTally[];
  /** Accepted reports and entries of every period in the span, each with its period's year. */
  reports: (AcceptedReportRow & { year: number })[];
  entries: (AcceptedEntryRow & { year: number })[];
}

/** The years from `start` to `end`, at most MAX_SPAN_YEARS of them (the latest). */
export function spanYears(start: number, end: number): number[] {
  const from = Math.max(Math.min(start, end), end - MAX_SPAN_YEARS + 1);
  return Array.from({ length: end - from + 1 }, (_, k) => from + k);
}

/** "(2021–2023)" for several years, "năm 2023" for one. */
export function spanText(years: readonly number[]) {
  return years.length > 1 ? `giai đoạn ${years[0]}–${years.at(-1)}` : `năm ${years[0]}`;
}

import { PERIOD_KIND_LABELS, type PeriodKind } from '../../contracts/reporting';

/**
 * A period's kind and year as one phrase: "Báo cáo năm 2026", "Sơ kết năm 2026".
 * The annual label already ends in "năm" (a yearly report), so writing "<label> năm <year>" read
 * "Báo cáo năm năm 2026"; here "năm" is written once, whatever the label ends with.
 */
export function periodKindYear(kind: PeriodKind, year: number): string {
  const label = PERIOD_KIND_LABELS[kind];
  return /\snăm$/u.test(label) ? `${label} ${year}` : `${label} năm ${year}`;
}

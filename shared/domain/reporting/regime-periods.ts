import type { PeriodKind } from '../../contracts/reporting';

export interface RegimeLike {
  annualDueDay: number | null;
  annualDueMonth: number | null;
  midTermYear: number | null;
  finalYear: number | null;
}

export interface ProposedPeriod {
  kind: PeriodKind;
  year: number;
  title: string;
  dataClosingOn: string | null;
  dueOn: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The day before an ISO date. */
export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Due date of a regular report in a year: the regime's day and month (the plan's "trước ngày 15/12"),
 * default 15/12; data close the day before (14/12, as Decree 09/2019/NĐ-CP sets for annual reports).
 * A day past the end of the month (31/2) falls back to the month's last day.
 */
export function regularDates(
  regime: RegimeLike | null,
  year: number,
): { dataClosingOn: string; dueOn: string } {
  const month = regime?.annualDueMonth ?? 12;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(regime?.annualDueDay ?? 15, lastDay);
  const dueOn = `${year}-${pad(month)}-${pad(day)}`;
  return { dataClosingOn: dayBefore(dueOn), dueOn };
}

export function defaultTitle(kind: PeriodKind, year: number): string {
  switch (kind) {
    case 'annual':
      return `Báo cáo kết quả thực hiện năm ${year}`;
    case 'mid_term':
      return `Sơ kết giữa kỳ (năm ${year})`;
    case 'final':
      return `Tổng kết thực hiện kế hoạch (năm ${year})`;
    case 'ad_hoc':
      return `Báo cáo đột xuất năm ${year}`;
  }
}

/**
 * Periods the regime calls for: an annual report every year from the plan's first year to its last
 * (the final review year, or the last year a task names), plus the mid-term and final reviews.
 */
export function proposePeriods(
  regime: RegimeLike | null,
  firstYear: number,
  lastYear: number,
): ProposedPeriod[] {
  const out: ProposedPeriod[] = [];
  const end = Math.max(firstYear, lastYear, regime?.finalYear ?? firstYear);
  for (let y = firstYear; y <= end && y - firstYear < 50; y++) {
    out.push({ kind: 'annual', year: y, title: defaultTitle('annual', y), ...regularDates(regime, y) });
    if (regime?.midTermYear === y) {
      out.push({ kind: 'mid_term', year: y, title: defaultTitle('mid_term', y), ...regularDates(regime, y) });
    }
    if (regime?.finalYear === y) {
      out.push({ kind: 'final', year: y, title: defaultTitle('final', y), ...regularDates(regime, y) });
    }
  }
  return out;
}

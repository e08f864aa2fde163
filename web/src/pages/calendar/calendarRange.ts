import type { Dayjs } from 'dayjs';

export type CalendarMode = 'month' | 'year';

/**
 * The dates a panel shows: the six weeks of a month view (with the ends of the neighbouring months,
 * weeks starting on Monday as in Vietnam), or a whole year in the year view.
 */
export function visibleRange(value: Dayjs, mode: CalendarMode): { from: string; to: string } {
  if (mode === 'year') {
    return { from: value.startOf('year').format('YYYY-MM-DD'), to: value.endOf('year').format('YYYY-MM-DD') };
  }
  const first = value.startOf('month');
  // day(): 0 = Sunday … 6 = Saturday; Monday-first weeks go back 0–6 days.
  const start = first.subtract((first.day() + 6) % 7, 'day');
  return { from: start.format('YYYY-MM-DD'), to: start.add(41, 'day').format('YYYY-MM-DD') };
}

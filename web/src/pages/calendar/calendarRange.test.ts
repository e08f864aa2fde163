import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { visibleRange } from './calendarRange';

describe('visibleRange', () => {
  it('covers the six Monday-first weeks a month view shows', () => {
    // 1/12/2026 is a Tuesday: the view starts on Monday 30/11.
    expect(visibleRange(dayjs('2026-12-15'), 'month')).toEqual({ from: '2026-11-30', to: '2027-01-10' });
    // 1/6/2026 is a Monday: no days of May.
    expect(visibleRange(dayjs('2026-06-20'), 'month')).toEqual({ from: '2026-06-01', to: '2026-07-12' });
    // 1/3/2026 is a Sunday: six days of February first.
    expect(visibleRange(dayjs('2026-03-01'), 'month')).toEqual({ from: '2026-02-23', to: '2026-04-05' });
  });

  it('covers the whole year in the year view', () => {
    expect(visibleRange(dayjs('2028-07-04'), 'year')).toEqual({ from: '2028-01-01', to: '2028-12-31' });
  });
});

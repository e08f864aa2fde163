import { describe, expect, it } from 'vitest';
import { dayNumber, daysBetween, formatDateVi, isoFromDayNumber } from './calendar';

describe('calendar', () => {
  it('counts whole days across month ends, year ends and leap days', () => {
    expect(daysBetween('2022-12-31', '2023-03-15')).toBe(74); // 31 (Jan) + 28 (Feb) + 15
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2); // 2024 has 29/02
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2023-03-15', '2022-12-31')).toBe(-74);
  });

  it('does not lose or gain a day over daylight-saving changes anywhere', () => {
    // Europe moves clocks on 26/03/2023; UTC day numbers are unaffected.
    expect(daysBetween('2023-03-25', '2023-03-27')).toBe(2);
  });

  it('refuses impossible dates rather than rolling them over', () => {
    expect(dayNumber('2022-02-29')).toBeNull();
    expect(dayNumber('2024-02-29')).not.toBeNull();
    expect(dayNumber('2022-13-01')).toBeNull();
    expect(dayNumber('31/12/2022')).toBeNull();
    expect(() => daysBetween('2022-02-30', '2022-03-01')).toThrow(RangeError);
  });

  it('round-trips ISO dates through day numbers', () => {
    for (const iso of ['1970-01-01', '2000-02-29', '2024-12-31', '0099-06-15']) {
      expect(isoFromDayNumber(dayNumber(iso) ?? Number.NaN)).toBe(iso);
    }
  });

  it('formats dates as dd/MM/yyyy', () => {
    expect(formatDateVi('2023-03-05')).toBe('05/03/2023');
  });
});

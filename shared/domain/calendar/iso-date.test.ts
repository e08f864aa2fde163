import { describe, expect, it } from 'vitest';
import { isIsoDate, isIsoDateTime, parseCalendarDate, parseIsoDate } from './iso-date';

describe('ISO calendar dates', () => {
  it.each(['2026-02-28', '2024-02-29', '2000-02-29', '1900-01-01', '2200-12-31'])(
    'accepts the real date %s',
    (text) => {
      expect(isIsoDate(text)).toBe(true);
    },
  );

  it.each([
    '2026-02-31',
    '2026-02-29',
    '1900-02-29',
    '9999-99-99',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-4-1',
    '2026-04-01T00:00:00Z',
    ' 2026-04-01',
    '1899-12-31',
    '2201-01-01',
    '',
  ])('refuses %j', (text) => {
    expect(isIsoDate(text)).toBe(false);
  });

  it('gives the parts of an accepted date', () => {
    expect(parseIsoDate('2026-11-30')).toEqual({ year: 2026, month: 11, day: 30 });
  });

  it('reads any four-digit year for arithmetic, but still refuses impossible days', () => {
    expect(parseCalendarDate('0099-06-15')).toEqual({ year: 99, month: 6, day: 15 });
    expect(parseCalendarDate('0099-02-29')).toBeNull();
  });

  it('reads instants with their zone on real dates only', () => {
    expect(isIsoDateTime('2026-11-30T21:05:00.000Z')).toBe(true);
    expect(isIsoDateTime('2026-12-01T04:05:00+07:00')).toBe(true);
    expect(isIsoDateTime('2026-12-01T04:05')).toBe(false);
    expect(isIsoDateTime('2026-02-31T04:05:00Z')).toBe(false);
    expect(isIsoDateTime('2026-02-01T24:05:00Z')).toBe(false);
  });
});

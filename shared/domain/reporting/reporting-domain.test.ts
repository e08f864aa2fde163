import { describe, expect, it } from 'vitest';
import { isLate, localDate, localTime } from './local-date';
import { reportingRate } from './rates';
import { proposePeriods, regularDates } from './regime-periods';
import { reminderDue } from './reminders';

describe('local dates (Vietnam time)', () => {
  it('reads instants as Vietnamese calendar days', () => {
    expect(localDate('2025-12-15T16:59:59Z')).toBe('2025-12-15');
    expect(localDate('2025-12-15T17:00:00Z')).toBe('2025-12-16');
    expect(localTime('2025-12-15T07:05:00Z')).toBe('14:05');
  });

  it('counts the whole due day as on time', () => {
    expect(isLate('2025-12-15T16:59:59Z', '2025-12-15')).toBe(false);
    expect(isLate('2025-12-15T17:00:00Z', '2025-12-15')).toBe(true);
  });
});

describe('periods from the regime', () => {
  it('defaults to due 15/12 and data closing 14/12', () => {
    expect(regularDates(null, 2025)).toEqual({ dataClosingOn: '2025-12-14', dueOn: '2025-12-15' });
    expect(
      regularDates({ annualDueDay: 1, annualDueMonth: 3, midTermYear: null, finalYear: null }, 2024),
    ).toEqual({
      dataClosingOn: '2024-02-29',
      dueOn: '2024-03-01',
    });
    expect(
      regularDates({ annualDueDay: 31, annualDueMonth: 2, midTermYear: null, finalYear: null }, 2023).dueOn,
    ).toBe('2023-02-28');
  });

  it('proposes annual periods plus sơ kết and tổng kết', () => {
    const p = proposePeriods(
      { annualDueDay: 15, annualDueMonth: 12, midTermYear: 2023, finalYear: 2025 },
      2021,
      2025,
    );
    expect(p.map((x) => `${x.kind}:${x.year}`)).toEqual([
      'annual:2021',
      'annual:2022',
      'annual:2023',
      'mid_term:2023',
      'annual:2024',
      'annual:2025',
      'final:2025',
    ]);
    expect(p[3]!.title).toBe('Sơ kết giữa kỳ (năm 2023)');
  });
});

describe('reporting rate', () => {
  it('counts submitted, on time and accepted against expected', () => {
    const r = reportingRate([
      { state: 'accepted', late: false },
      { state: 'submitted', late: true },
      { state: 'returned', late: false },
      { state: 'draft', late: false },
    ]);
    expect(r).toEqual({
      expected: 4,
      submitted: 2,
      submittedOnTime: 1,
      accepted: 1,
      submittedRate: 50,
      onTimeRate: 25,
      acceptedRate: 25,
    });
    expect(reportingRate([]).submittedRate).toBeNull();
    expect(
      reportingRate([{ state: 'accepted', late: false }, ...Array(2).fill({ state: 'draft', late: false })])
        .submittedRate,
    ).toBe(33.3);
  });
});

describe('reminderDue', () => {
  const offsets = [7, 3, 1];
  it('picks the smallest reached offset before the due date', () => {
    expect(reminderDue('2025-12-01', '2025-12-15', offsets)).toBeNull();
    expect(reminderDue('2025-12-08', '2025-12-15', offsets)).toEqual({
      kind: 'before',
      offset: 7,
      daysLeft: 7,
    });
    expect(reminderDue('2025-12-10', '2025-12-15', offsets)).toEqual({
      kind: 'before',
      offset: 7,
      daysLeft: 5,
    });
    expect(reminderDue('2025-12-12', '2025-12-15', offsets)).toEqual({
      kind: 'before',
      offset: 3,
      daysLeft: 3,
    });
    expect(reminderDue('2025-12-14', '2025-12-15', offsets)).toEqual({
      kind: 'before',
      offset: 1,
      daysLeft: 1,
    });
  });

  it('sends the due reminder on and after the due date', () => {
    expect(reminderDue('2025-12-15', '2025-12-15', offsets)).toEqual({ kind: 'due', daysLeft: 0 });
    expect(reminderDue('2025-12-17', '2025-12-15', offsets)).toEqual({ kind: 'due', daysLeft: -2 });
  });
});

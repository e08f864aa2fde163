import { describe, expect, it } from 'vitest';
import { dueDateOf, occursInYear } from './due-date';
import { deadlines } from './test-deadlines';

describe('dueDateOf', () => {
  it('gives the end of the year, range, quarter, month or the date itself', () => {
    expect(dueDateOf(deadlines.year(2022))).toBe('2022-12-31');
    expect(dueDateOf({ kind: 'year', from: null, to: '2022-06-30', text: '2022' })).toBe('2022-12-31');
    expect(dueDateOf(deadlines.range(2021, 2025))).toBe('2025-12-31');
    expect(dueDateOf(deadlines.quarter('2022-04-01', '2022-06-30', 'Quý II/2022'))).toBe('2022-06-30');
    expect(dueDateOf(deadlines.month('2024-02-01', '2024-02-29', 'Tháng 02/2024'))).toBe('2024-02-29');
    expect(dueDateOf(deadlines.date('2022-06-30'))).toBe('2022-06-30');
  });

  it('gives a recurring task the end of the judged year, inside its range only', () => {
    expect(dueDateOf(deadlines.recurring(), 2023)).toBe('2023-12-31');
    expect(dueDateOf(deadlines.recurring())).toBeNull();
    expect(dueDateOf(deadlines.recurring(2021, 2025), 2025)).toBe('2025-12-31');
    expect(dueDateOf(deadlines.recurring(2021, 2025), 2026)).toBeNull();
    expect(dueDateOf(deadlines.recurring(2021, 2025), 2020)).toBeNull();
  });

  it('has no due date for continuous, unknown or impossible dates', () => {
    expect(dueDateOf(deadlines.continuous(), 2023)).toBeNull();
    expect(dueDateOf(deadlines.unknown(), 2023)).toBeNull();
    expect(dueDateOf(deadlines.date('2022-02-30'))).toBeNull();
  });
});

describe('occursInYear', () => {
  it('keeps a one-off task from the plan start until its due year', () => {
    const d = deadlines.year(2023);
    expect(occursInYear(d, 2021, { planStartYear: 2021 })).toBe(true);
    expect(occursInYear(d, 2023, { planStartYear: 2021 })).toBe(true);
    expect(occursInYear(d, 2024, { planStartYear: 2021 })).toBe(false);
    expect(occursInYear(d, 2020, { planStartYear: 2021 })).toBe(false);
    expect(occursInYear(deadlines.quarter('2022-04-01', '2022-06-30', 'Quý II/2022'), 2022)).toBe(true);
    expect(occursInYear(deadlines.quarter('2022-04-01', '2022-06-30', 'Quý II/2022'), 2023)).toBe(false);
  });

  it('keeps a year-range task inside its range', () => {
    const d = deadlines.range(2022, 2024);
    expect([2021, 2022, 2024, 2025].map((y) => occursInYear(d, y))).toEqual([false, true, true, false]);
  });

  it('keeps recurring and continuous tasks every year, inside their range if any', () => {
    expect(occursInYear(deadlines.recurring(), 2030, { planStartYear: 2021 })).toBe(true);
    expect(occursInYear(deadlines.recurring(2021, 2025), 2026)).toBe(false);
    expect(occursInYear(deadlines.continuous(), 2024)).toBe(true);
    expect(occursInYear(deadlines.continuous(), 2020, { planStartYear: 2021 })).toBe(false);
  });

  it('keeps tasks with an unreadable deadline visible', () => {
    expect(occursInYear(deadlines.unknown(), 2025, { planStartYear: 2021 })).toBe(true);
  });
});

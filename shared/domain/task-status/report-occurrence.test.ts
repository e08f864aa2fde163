import { describe, expect, it } from 'vitest';
import type { Deadline } from '../../contracts/plan-draft';
import { occursInReportYear } from './report-occurrence';

const d = (kind: Deadline['kind'], from: string | null, to: string | null, text = ''): Deadline => ({
  kind,
  from,
  to,
  text,
});

describe('occursInReportYear', () => {
  const y2022 = d('year', '2022-01-01', '2022-12-31', '2022');
  it('lists a one-off task from the plan start until its due year', () => {
    expect(occursInReportYear(y2022, 2020, { planStartYear: 2021 })).toBe(false);
    expect(occursInReportYear(y2022, 2021, { planStartYear: 2021 })).toBe(true);
    expect(occursInReportYear(y2022, 2022, { planStartYear: 2021 })).toBe(true);
  });

  it('keeps a one-off task after its due year until an accepted report completes it', () => {
    expect(occursInReportYear(y2022, 2024, { planStartYear: 2021 })).toBe(true);
    expect(occursInReportYear(y2022, 2023, { planStartYear: 2021, completedYear: 2023 })).toBe(true);
    expect(occursInReportYear(y2022, 2024, { planStartYear: 2021, completedYear: 2023 })).toBe(false);
    expect(occursInReportYear(y2022, 2022, { planStartYear: 2021, completedYear: 2021 })).toBe(false);
  });

  it('starts a year range no earlier than its first year', () => {
    const r = d('year_range', '2023-01-01', '2025-12-31', '2023-2025');
    expect(occursInReportYear(r, 2022, { planStartYear: 2021 })).toBe(false);
    expect(occursInReportYear(r, 2023, { planStartYear: 2021 })).toBe(true);
    expect(occursInReportYear(r, 2026, { planStartYear: 2021 })).toBe(true);
  });

  it('lists recurring and continuous tasks in every year of their range, completed or not', () => {
    const rec = d('recurring', '2021-01-01', '2025-12-31', 'Hằng năm');
    expect(occursInReportYear(rec, 2023, { completedYear: 2022 })).toBe(true);
    expect(occursInReportYear(rec, 2026)).toBe(false);
    expect(
      occursInReportYear(d('continuous', null, null, 'Thường xuyên'), 2030, { planStartYear: 2021 }),
    ).toBe(true);
  });
});

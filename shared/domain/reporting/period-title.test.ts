import { describe, expect, it } from 'vitest';
import { PERIOD_KINDS } from '../../contracts/reporting';
import { periodKindYear } from './period-title';
import { defaultTitle, proposePeriods } from './regime-periods';

describe('period titles', () => {
  it('names each kind with its year once', () => {
    expect(PERIOD_KINDS.map((k) => periodKindYear(k, 2026))).toEqual([
      'Báo cáo năm 2026',
      'Sơ kết năm 2026',
      'Tổng kết năm 2026',
      'Báo cáo đột xuất năm 2026',
    ]);
  });

  it('gives every kind a default title with its year and no doubled word', () => {
    expect(PERIOD_KINDS.map((k) => defaultTitle(k, 2026))).toEqual([
      'Báo cáo kết quả thực hiện năm 2026',
      'Sơ kết giữa kỳ (năm 2026)',
      'Tổng kết thực hiện kế hoạch (năm 2026)',
      'Báo cáo đột xuất năm 2026',
    ]);
  });

  it('never writes "năm năm" in a proposed period, its kind line or the two together', () => {
    const regime = { annualDueDay: 15, annualDueMonth: 12, midTermYear: 2027, finalYear: 2030 };
    for (const p of proposePeriods(regime, 2025, 2030)) {
      for (const text of [
        p.title,
        periodKindYear(p.kind, p.year),
        `${p.title} (${periodKindYear(p.kind, p.year)})`,
      ]) {
        expect(text).not.toMatch(/năm\s+năm/iu);
        expect(text).toContain(String(p.year));
      }
    }
  });
});

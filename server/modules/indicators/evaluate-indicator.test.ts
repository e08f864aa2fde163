import { describe, expect, it } from 'vitest';
import type { IndicatorValue, TargetSpec } from '../../../shared/domain/indicators/types';
import { evaluateIndicatorTarget, targetData } from './evaluate-indicator';

const growth: TargetSpec = {
  kind: 'average_growth',
  min: 9.5,
  max: 10,
  unit: '%/năm',
  fromYear: 2021,
  toYear: 2025,
  approximate: false,
};
const v = (year: number, value: number, status: IndicatorValue['status'] = 'official'): IndicatorValue => ({
  year,
  value,
  status,
});

describe('what the arithmetic gets from an indicator’s values', () => {
  it('passes yearly rates as they are to a growth target over a rate indicator', () => {
    expect(targetData(growth, 'rate', [v(2021, 8.82)])).toEqual({ values: [v(2021, 8.82)] });
  });

  it('uses the level of the year before the period as base for a growth target over levels', () => {
    const values = [v(2020, 5), v(2022, 6.3, 'preliminary')];
    expect(targetData(growth, 'level', values)).toEqual({ values, baseLevel: { year: 2020, value: 5 } });
    // (6,3 / 5)^(1/2) − 1 = 12,25%/năm over 2021–2022.
    const e = evaluateIndicatorTarget(growth, 'level', values, '2023-03-01');
    expect(e.reason).toContain('Bình quân 2021–2022 đạt 12,25%/năm');
  });

  it('without a base level, computes rates from consecutive levels (as firm as the looser figure)', () => {
    const data = targetData(growth, 'level', [v(2021, 5.5), v(2022, 6.3, 'preliminary'), v(2024, 7)]);
    expect(data.baseLevel).toBeUndefined();
    expect(data.values).toHaveLength(1);
    expect(data.values[0]).toMatchObject({ year: 2022, status: 'preliminary' });
    expect(data.values[0]!.value).toBeCloseTo((6.3 / 5.5 - 1) * 100, 10);
  });

  it('says what is missing when levels give no growth at all', () => {
    const e = evaluateIndicatorTarget(growth, 'level', [v(2022, 6.3)], '2024-06-30');
    expect(e.status).toBe('no_data');
    expect(e.reason).toBe(
      'Chưa tính được tốc độ tăng bình quân: đã có số liệu năm 2022, cần thêm giá trị năm 2020 (năm gốc) hoặc số liệu của hai năm liền nhau',
    );
  });

  it('turns yearly counts into running totals over the period', () => {
    const count: TargetSpec = {
      kind: 'count',
      min: 4,
      max: 4,
      unit: 'KCN',
      fromYear: 2021,
      toYear: 2025,
      approximate: true,
    };
    const data = targetData(count, 'count', [v(2020, 3), v(2021, 1), v(2023, 2)]);
    expect(data.values.map((x) => [x.year, x.value])).toEqual([
      [2021, 1],
      [2023, 3],
    ]);
    // 3 of about 4 by the end of 2023; the last one still to come.
    const e = evaluateIndicatorTarget(count, 'count', [v(2021, 1), v(2023, 2), v(2024, 1)], '2025-03-01');
    expect(e.latest).toMatchObject({ year: 2024, value: 4 });
    expect(['met', 'on_track']).toContain(e.status);
  });

  it('passes levels and shares unchanged', () => {
    const share: TargetSpec = {
      kind: 'share',
      min: 66,
      max: 66,
      unit: '%',
      fromYear: null,
      toYear: 2025,
      approximate: false,
    };
    const values = [v(2022, 63.91), v(2023, 61.7, 'estimate')];
    expect(targetData(share, 'share', values)).toEqual({ values });
  });
});

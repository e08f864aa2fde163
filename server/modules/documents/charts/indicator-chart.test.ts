import { describe, expect, it } from 'vitest';
import type { IndicatorSummary, IndicatorTarget } from '../../../../shared/contracts/indicators';
import { hasSeries, indicatorChartOption, plottedAsFigure } from './indicator-chart-option';
import { chartPng, chartSvg } from './render-chart';

const target = (t: Partial<IndicatorTarget>): IndicatorTarget => ({
  id: 1,
  ordinal: 1,
  text: 'Tăng bình quân 9%/năm giai đoạn 2021-2025',
  subject: 'Giá trị sản xuất công nghiệp',
  kind: 'average_growth',
  min: 9,
  max: null,
  unit: '%',
  fromYear: 2021,
  toYear: 2025,
  approximate: false,
  evaluation: { status: 'on_track', label: 'Đúng tiến độ', reason: '', required: null, latest: null },
  ...t,
});

const indicator: IndicatorSummary = {
  id: 1,
  planId: 1,
  code: 'IIP',
  name: 'Tốc độ tăng giá trị sản xuất công nghiệp',
  unit: '%',
  definition: null,
  valueKind: 'rate',
  owner: null,
  targets: [target({})],
  effectiveValues: [
    { year: 2021, value: 8.82, status: 'official', valueId: 1 },
    { year: 2022, value: 10.5, status: 'official', valueId: 2 },
  ],
  pendingCount: 0,
};

describe('indicator chart', () => {
  it('draws a growth target over yearly rates, a level target over levels, never over new counts', () => {
    expect(plottedAsFigure({ valueKind: 'rate' }, target({}))).toBe(true);
    expect(plottedAsFigure({ valueKind: 'level' }, target({}))).toBe(false);
    expect(plottedAsFigure({ valueKind: 'level' }, target({ kind: 'level', min: 8.5 }))).toBe(true);
    expect(plottedAsFigure({ valueKind: 'count' }, target({ kind: 'count', min: 30 }))).toBe(false);
    expect(plottedAsFigure({ valueKind: 'rate' }, target({ min: null, max: null }))).toBe(false);
    expect(hasSeries(indicator, [2023, 2024])).toBe(false);
    expect(hasSeries(indicator, [2022])).toBe(true);
  });

  it('writes the Vietnamese title, figures in Vietnamese notation and the target line into the SVG', () => {
    const svg = chartSvg(indicatorChartOption(indicator, [2021, 2022, 2023]), 600, 250);
    expect(svg).toContain('Tốc độ tăng giá trị sản xuất công nghiệp');
    expect(svg).toContain('8,82');
    expect(svg).toContain('10,5');
    expect(svg).toContain('Mục tiêu 2021–2025: 9');
    expect(svg).toContain('2023');
  });

  it('rasterises to a PNG twice the drawn size', () => {
    const png = chartPng(indicatorChartOption(indicator, [2021, 2022]), 600, 250);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 500]);
  });
});

import type { IndicatorSummary, IndicatorTarget } from '../../../../shared/contracts/indicators';
import { formatFigureVi } from '../../../../shared/domain/indicators/format';

/**
 * The ECharts option of an indicator's chart in a report: its effective values by year as bars (the
 * years the report covers, a gap where a year has no figure), and each target whose figure is in the
 * unit of the bars as a dashed line across the target's years. Kept apart from the rendering so the
 * choices can be read and tested without drawing.
 */

/** The font the PNG is drawn with: DejaVu Sans has every Vietnamese letter (see render-chart.ts). */
export const CHART_FONT = 'DejaVu Sans';

const BAR_COLOR = '#2f54eb';
const TARGET_COLOR = '#d4380d';

/** A growth target (%/năm) is drawn over yearly rates; a level, share or count target over levels. */
export function plottedAsFigure(i: Pick<IndicatorSummary, 'valueKind'>, t: IndicatorTarget): boolean {
  if (t.min === null && t.max === null) return false;
  if (i.valueKind === 'rate') return t.kind === 'average_growth';
  // New units each year against a total to reach: the bars would never meet the line.
  if (i.valueKind === 'count') return false;
  return t.kind !== 'average_growth';
}

/** "Mục tiêu 2021–2025: 9" (the unit is on the axis). */
function targetName(t: IndicatorTarget, n: number, of: number) {
  const years =
    t.fromYear !== null && t.toYear !== null ? ` ${t.fromYear}–${t.toYear}` : t.toYear ? ` ${t.toYear}` : '';
  const figure =
    t.min !== null && t.max !== null && t.min !== t.max
      ? `${formatFigureVi(t.min)}–${formatFigureVi(t.max)}`
      : formatFigureVi((t.min ?? t.max)!);
  return `Mục tiêu${of > 1 ? ` ${n}` : ''}${years}: ${figure}`;
}

/** Whether the indicator has a figure to draw in any of the years. */
export function hasSeries(i: Pick<IndicatorSummary, 'effectiveValues'>, years: readonly number[]) {
  const shown = new Set(years);
  return i.effectiveValues.some((v) => shown.has(v.year));
}

export function indicatorChartOption(i: IndicatorSummary, years: readonly number[]) {
  const byYear = new Map(i.effectiveValues.map((v) => [v.year, v.value]));
  const targets = i.targets.filter((t) => plottedAsFigure(i, t));
  const first = years[0]!;
  const last = years.at(-1)!;
  const targetSeries = targets.map((t, k) => {
    const figure = t.min ?? t.max!;
    const from = Math.max(t.fromYear ?? first, first);
    const to = Math.min(t.toYear ?? last, last);
    return {
      type: 'line' as const,
      name: targetName(t, k + 1, targets.length),
      data: years.map((y) => (y >= from && y <= to ? figure : null)),
      symbol: 'none',
      lineStyle: { color: TARGET_COLOR, type: 'dashed' as const, width: 2 },
      itemStyle: { color: TARGET_COLOR },
      z: 3,
    };
  });
  const unit = i.valueKind === 'rate' ? '%' : i.unit;
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: CHART_FONT, color: '#000000' },
    title: {
      text: i.name.length > 70 ? `${i.name.slice(0, 69)}…` : i.name,
      left: 'center',
      textStyle: { fontFamily: CHART_FONT, fontSize: 13, fontWeight: 'bold' as const, color: '#000000' },
    },
    legend: { bottom: 0, textStyle: { fontFamily: CHART_FONT, fontSize: 11 } },
    grid: { left: 56, right: 16, top: 44, bottom: 52 },
    xAxis: {
      type: 'category' as const,
      data: years.map(String),
      axisLabel: { fontFamily: CHART_FONT, fontSize: 11, color: '#000000' },
    },
    yAxis: {
      type: 'value' as const,
      name: unit,
      nameTextStyle: { fontFamily: CHART_FONT, fontSize: 11, color: '#000000' },
      axisLabel: {
        fontFamily: CHART_FONT,
        fontSize: 11,
        color: '#000000',
        formatter: (v: number) => formatFigureVi(v),
      },
    },
    series: [
      {
        type: 'bar' as const,
        name: 'Thực hiện',
        data: years.map((y) => byYear.get(y) ?? null),
        barMaxWidth: 48,
        itemStyle: { color: BAR_COLOR },
        label: {
          show: true,
          position: 'top' as const,
          fontFamily: CHART_FONT,
          fontSize: 11,
          color: '#000000',
          formatter: (p: { value: number | null }) => (p.value === null ? '' : formatFigureVi(p.value)),
        },
      },
      ...targetSeries,
    ],
  };
}

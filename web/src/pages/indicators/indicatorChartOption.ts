import type { IndicatorDetail, IndicatorTarget } from '../../../../shared/contracts/indicators';
import { VALUE_STATUS_LABELS } from '../../../../shared/contracts/indicators';
import { formatTargetValue } from '../../lib/targets';
import type { ChartOption } from './EChart';
import { formatValue, formatValueWithUnit } from './indicatorFormat';

type Indicator = Pick<IndicatorDetail, 'valueKind' | 'unit' | 'name' | 'effectiveValues' | 'targets'>;

const TARGET_COLOR = '#d4380d';
const PATH_COLOR = '#7cb305';

function yearRange(i: Indicator): string[] {
  const years = [
    ...i.effectiveValues.map((v) => v.year),
    ...i.targets.flatMap((t) => [t.fromYear, t.toYear].filter((y): y is number => y !== null)),
  ];
  if (years.length === 0) return [];
  const from = Math.min(...years);
  const to = Math.max(...years);
  return Array.from({ length: to - from + 1 }, (_, k) => String(from + k));
}

/** Whether the target's figure is in the unit of the plotted values (a growth % on a level chart is not). */
function plottedAsFigure(i: Indicator, t: IndicatorTarget): boolean {
  return i.valueKind === 'rate' ? t.kind === 'average_growth' : t.kind !== 'average_growth';
}

function targetLabel(t: IndicatorTarget): string {
  const years = t.fromYear !== null && t.toYear !== null ? `${t.fromYear}–${t.toYear}` : (t.toYear ?? '');
  return `Mục tiêu ${years}: ${formatTargetValue(t)}`;
}

/** A band for a range (9–10%/năm), a line for a single figure (8,5 tỷ USD), over the target's years. */
function targetMarks(i: Indicator, years: readonly string[]) {
  const areas: unknown[] = [];
  const lines: unknown[] = [];
  for (const t of i.targets.filter((t) => plottedAsFigure(i, t))) {
    const low = t.min ?? t.max;
    const high = t.max ?? t.min;
    if (low === null || high === null) continue;
    const from = t.fromYear !== null ? String(t.fromYear) : years[0];
    const to = t.toYear !== null ? String(t.toYear) : years.at(-1);
    if (low !== high) {
      areas.push([
        { name: targetLabel(t), xAxis: from, yAxis: low },
        { xAxis: to, yAxis: high },
      ]);
    } else {
      lines.push([
        { name: targetLabel(t), xAxis: from, yAxis: low },
        { xAxis: to, yAxis: low },
      ]);
    }
  }
  return { areas, lines };
}

/** For a growth target over levels: the path from the base year at the target's lowest rate. */
function growthPath(i: Indicator, years: readonly string[]) {
  if (i.valueKind === 'rate') return null;
  const t = i.targets.find((t) => t.kind === 'average_growth' && t.fromYear !== null && t.min !== null);
  if (!t || t.fromYear === null || t.min === null) return null;
  const base = i.effectiveValues.find((v) => v.year === t.fromYear! - 1);
  if (!base) return null;
  const rate = t.min;
  return {
    name: `Lộ trình tăng ${formatValue(rate)}%/năm`,
    data: years.map((y) => {
      const n = Number(y) - base.year;
      return n >= 0 && (t.toYear === null || Number(y) <= t.toYear)
        ? base.value * (1 + rate / 100) ** n
        : null;
    }),
  };
}

/** The plotted target figures, which the value axis must reach even when the data stay below them. */
function targetFigures(i: Indicator): number[] {
  return i.targets
    .filter((t) => plottedAsFigure(i, t))
    .flatMap((t) => [t.min, t.max])
    .filter((v): v is number => v !== null);
}

/** A round step for an axis spanning `span` (1, 2 or 5 times a power of ten, about five ticks). */
function niceStep(span: number): number {
  const raw = span / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? power * 10;
}

/**
 * Bars start at zero (their length is the value); lines zoom to the data. Either way the axis covers the
 * target figures, on round numbers.
 */
function yBounds(bars: boolean, figures: readonly number[]) {
  const extent = (e: { min: number; max: number }) => {
    const low = Math.min(e.min, ...figures, ...(bars ? [0] : []));
    const high = Math.max(e.max, ...figures, ...(bars ? [0] : []));
    const step = niceStep(high - low || Math.abs(high) || 1);
    return { low: bars && low >= 0 ? 0 : Math.floor(low / step) * step, high: Math.ceil(high / step) * step };
  };
  return {
    min: (e: { min: number; max: number }) => extent(e).low,
    max: (e: { min: number; max: number }) => extent(e).high,
  };
}

/**
 * The chart of an indicator: its effective values by year (bars for yearly rates and counts, a line
 * for levels and shares), with each target drawn as a band (a range) or a line over its years.
 */
export function indicatorChartOption(i: Indicator): ChartOption {
  const years = yearRange(i);
  const byYear = new Map(i.effectiveValues.map((v) => [String(v.year), v]));
  const bars = i.valueKind === 'rate' || i.valueKind === 'count';
  const unitLabel = i.valueKind === 'rate' ? '% so với năm trước' : i.unit;
  const { areas, lines } = targetMarks(i, years);
  const path = growthPath(i, years);
  let running = 0;
  const cumulative =
    i.valueKind === 'count'
      ? years.map((y) => {
          running += byYear.get(y)?.value ?? 0;
          return byYear.has(y) ? running : null;
        })
      : null;

  return {
    grid: { left: 56, right: 24, top: 48, bottom: 32 },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value) =>
        typeof value === 'number' ? formatValueWithUnit(value, i.unit === '%' ? '%' : i.unit) : '—',
    },
    xAxis: { type: 'category', data: years },
    yAxis: {
      type: 'value',
      name: unitLabel,
      ...yBounds(bars, targetFigures(i)),
      axisLabel: { formatter: (v: number) => formatValue(v) },
    },
    series: [
      {
        name: i.valueKind === 'rate' ? 'Tốc độ tăng (%)' : `Số liệu (${i.unit})`,
        type: bars ? 'bar' : 'line',
        connectNulls: true,
        barMaxWidth: 36,
        data: years.map((y) => {
          const v = byYear.get(y);
          return v ? { value: v.value, status: VALUE_STATUS_LABELS[v.status] } : null;
        }),
        label: {
          show: true,
          position: 'top',
          formatter: (p) => (typeof p.value === 'number' ? formatValue(p.value) : ''),
        },
        markArea: {
          silent: true,
          itemStyle: { color: 'rgba(212, 56, 13, 0.12)' },
          label: {
            color: TARGET_COLOR,
            position: 'insideTopRight',
            backgroundColor: 'rgba(255,255,255,0.8)',
            padding: 2,
          },
          data: areas as never,
        },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: TARGET_COLOR, type: 'dashed', width: 2 },
          label: { color: TARGET_COLOR, position: 'insideStartTop', formatter: '{b}' },
          data: lines as never,
        },
      },
      ...(cumulative
        ? [{ name: 'Cộng dồn', type: 'line' as const, connectNulls: true, data: cumulative }]
        : []),
      ...(path
        ? [
            {
              name: path.name,
              type: 'line' as const,
              symbol: 'none',
              lineStyle: { type: 'dotted' as const, color: PATH_COLOR },
              itemStyle: { color: PATH_COLOR },
              data: path.data,
            },
          ]
        : []),
    ],
  };
}

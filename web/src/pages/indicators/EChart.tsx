import { BarChart, type BarSeriesOption, LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  MarkAreaComponent,
  type MarkAreaComponentOption,
  MarkLineComponent,
  type MarkLineComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useCallback, useEffect, useRef } from 'react';
import { A4_PRINT_WIDTH_PX, usePrintMedia } from '../../print/usePrintWhenReady';

// Only the parts the indicator chart uses, so the client bundle stays small.
use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkAreaComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

/** What a click on a bar or point tells: its series and its category (the x or y axis label). */
export interface ChartClick {
  seriesIndex: number;
  dataIndex: number;
  name: string;
}

/**
 * A small React wrapper around ECharts: one chart per element, resized with its container. `onClick`
 * makes bars clickable (the dashboard drills down from them); the pointer shows they are.
 */
export function EChart({
  option,
  height = 320,
  ariaLabel,
  onClick,
}: {
  option: ChartOption;
  height?: number;
  ariaLabel: string;
  onClick?: (p: ChartClick) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    if (!ref.current) return;
    const instance = init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (p) => {
      const e = p as unknown as ChartClick;
      click.current?.({ seriesIndex: e.seriesIndex, dataIndex: e.dataIndex, name: e.name });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  // Paper is narrower than most screens: redraw at most A4's printable width before the page is laid
  // out for print (a canvas scaled down by the printer would blur and keep the screen's proportions),
  // and at the container's width again after.
  usePrintMedia(
    useCallback(() => {
      const width = ref.current?.clientWidth ?? A4_PRINT_WIDTH_PX;
      chart.current?.resize({ width: Math.min(width, A4_PRINT_WIDTH_PX), height });
    }, [height]),
    useCallback(() => chart.current?.resize({ width: 'auto', height: 'auto' }), []),
  );

  return (
    <div
      ref={ref}
      role="img"
      aria-label={ariaLabel}
      className="print-chart"
      style={{ width: '100%', height }}
    />
  );
}

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Draws an ECharts option to a PNG without a browser: ECharts renders it to an SVG string on the
 * server (its `ssr` mode), and resvg (@resvg/resvg-js, a Rust SVG renderer shipped as prebuilt npm
 * platform packages) rasterises the SVG. Both load on first use, not at server start: ECharts alone
 * costs about 0.4 s to load, which a server that never drafts a report should not pay.
 */

const require = createRequire(import.meta.url);

type ECharts = typeof import('echarts');
type Resvg = typeof import('@resvg/resvg-js');

let echarts: ECharts | null = null;
let resvg: Resvg | null = null;

/** DejaVu Sans covers Vietnamese; where it is not installed, resvg looks through the system's fonts. */
const DEJAVU_DIR = '/usr/share/fonts/truetype/dejavu';

function fontOptions() {
  return existsSync(DEJAVU_DIR)
    ? { loadSystemFonts: false, fontDirs: [DEJAVU_DIR], defaultFontFamily: 'DejaVu Sans' }
    : { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' };
}

/** The chart's SVG, `width` × `height` CSS pixels. */
export function chartSvg(option: object, width: number, height: number): string {
  echarts ??= require('echarts') as ECharts;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option as Parameters<typeof chart.setOption>[0]);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The chart as PNG bytes, drawn at `scale` times its size so it stays sharp when printed. */
export function chartPng(option: object, width: number, height: number, scale = 2): Buffer {
  const svg = chartSvg(option, width, height);
  resvg ??= require('@resvg/resvg-js') as Resvg;
  const image = new resvg.Resvg(svg, {
    font: fontOptions(),
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
  });
  return image.render().asPng();
}

import { AlignmentType, ImageRun, Paragraph } from 'docx';
import type { IndicatorSummary } from '../../../../shared/contracts/indicators';
import { PARAGRAPH_AFTER, SIZE } from '../decree30/format';
import { centred } from '../decree30/text';
import { hasSeries, indicatorChartOption } from './indicator-chart-option';
import { chartPng } from './render-chart';

/** Drawn size in the document, in pixels at 96 dpi: 15,9 × 6,6 cm, inside the 16,5 cm text width. */
const WIDTH = 600;
const HEIGHT = 250;

/**
 * One chart per indicator that has a figure in `years`: the values by year against its targets,
 * embedded as a PNG under a caption ("Biểu đồ 1. …"), after the indicator table of part I.
 */
export function indicatorCharts(indicators: readonly IndicatorSummary[], years: readonly number[]) {
  if (years.length === 0) return [];
  const drawn = indicators.filter((i) => hasSeries(i, years));
  return drawn.flatMap((i, k) => [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [
        new ImageRun({
          type: 'png',
          data: chartPng(indicatorChartOption(i, years), WIDTH, HEIGHT),
          transformation: { width: WIDTH, height: HEIGHT },
          altText: {
            name: `Biểu đồ ${k + 1}`,
            title: i.name,
            description: `Giá trị ${i.name} các năm ${years[0]}–${years.at(-1)} so với mục tiêu`,
          },
        }),
      ],
    }),
    centred(
      `Biểu đồ ${k + 1}. ${i.name}${i.unit ? ` (${i.unit})` : ''}: thực hiện các năm so với mục tiêu`,
      { italics: true, size: SIZE.table },
      PARAGRAPH_AFTER,
    ),
  ]);
}

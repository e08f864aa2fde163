import ExcelJS from 'exceljs';
import type { IndicatorSummary, IndicatorValue } from '../../../shared/contracts/indicators';
import { describeTarget } from '../../../shared/domain/indicators/target-goal';
import { DATA_STATUS_LABELS } from '../../../shared/domain/indicators/types';
import { TARGETS_SHEET, VALUE_COLUMNS, VALUES_SHEET } from './xlsx-layout';

const TARGET_KIND_LABELS = {
  average_growth: 'Tăng bình quân/năm',
  level: 'Mức đạt trong năm',
  share: 'Tỷ trọng',
  count: 'Số lượng',
  percentage: 'Tỷ lệ',
} as const;

function yearsText(t: { fromYear: number | null; toYear: number | null }): string {
  if (t.fromYear !== null && t.toYear !== null) return `${t.fromYear}–${t.toYear}`;
  return t.toYear !== null ? `Đến năm ${t.toYear}` : '';
}

function styleHeader(sheet: ExcelJS.Worksheet): void {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

export interface ExportIndicator {
  summary: IndicatorSummary;
  /** The effective value rows, by year. */
  values: IndicatorValue[];
}

/**
 * The plan's indicator values as statisticians keep them (one row per indicator and year: the value
 * that counts), and a second sheet with every target and its evaluation. Reading the first sheet
 * back in changes nothing.
 */
export async function writeValuesWorkbook(
  plan: { number: string | null; title: string },
  indicators: readonly ExportIndicator[],
  today: string,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'planwatch';
  workbook.title = `Số liệu chỉ tiêu — ${plan.number ?? plan.title}`;

  const values = workbook.addWorksheet(VALUES_SHEET);
  values.columns = VALUE_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  for (const { summary, values: rows } of indicators) {
    for (const v of [...rows].sort((a, b) => a.year - b.year)) {
      values.addRow({
        code: summary.code,
        name: summary.name,
        unit: summary.unit,
        year: v.year,
        value: v.value,
        status: DATA_STATUS_LABELS[v.status],
        source: v.source,
        note: v.note ?? '',
        sourceUrl: v.sourceUrl ?? '',
      });
    }
  }
  styleHeader(values);

  const targets = workbook.addWorksheet(TARGETS_SHEET);
  targets.columns = [
    { header: 'Mã chỉ số', key: 'code', width: 12 },
    { header: 'Tên chỉ số', key: 'name', width: 36 },
    { header: 'Chỉ tiêu (theo kế hoạch)', key: 'text', width: 60 },
    { header: 'Loại chỉ tiêu', key: 'kind', width: 20 },
    { header: 'Mức', key: 'figure', width: 16 },
    { header: 'Thời gian', key: 'years', width: 14 },
    { header: `Đánh giá (ngày ${today.split('-').reverse().join('/')})`, key: 'label', width: 22 },
    { header: 'Lý do', key: 'reason', width: 80 },
  ];
  for (const { summary } of indicators) {
    for (const t of summary.targets) {
      targets.addRow({
        code: summary.code,
        name: summary.name,
        text: t.text,
        kind: TARGET_KIND_LABELS[t.kind],
        figure: describeTarget(t),
        years: yearsText(t),
        label: t.evaluation.label,
        reason: t.evaluation.reason,
      });
    }
  }
  styleHeader(targets);
  targets.getColumn('text').alignment = { wrapText: true, vertical: 'top' };
  targets.getColumn('reason').alignment = { wrapText: true, vertical: 'top' };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

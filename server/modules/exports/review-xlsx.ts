import { ENTRY_PROGRESS_LABELS } from '../../../shared/contracts/reporting';
import { TASK_STATUS_LABELS } from '../../../shared/domain/task-status/categories';
import type { AppContext } from '../../context';
import { planName, present, statusText } from '../documents/consolidated/consolidated-model';
import { resultText } from '../documents/narrative/narrative-draft';
import { REVIEW_WORD, type ReviewData, type ReviewKind, spanText } from '../documents/review/review-model';
import { loadReviewData } from '../documents/review/review-service';
import { RESULT_COLUMNS as CONSOLIDATED_RESULT_COLUMNS } from './consolidated-xlsx';
import {
  type SheetColumn,
  type SheetHead,
  TableSheet,
  workbookBuffer,
  xlsxDisposition,
} from './sheet-layout';

/**
 * The mid-term (sơ kết) or final (tổng kết) review's data as a workbook, one sheet per part of the
 * review (documents/review/review-sections.ts drafts the same parts as prose): every target with its
 * series by year and the evaluation, the year-by-year task completion table, the accepted results of
 * every year, and the appendix of every task. Read from the same data (`loadReviewData`), so the
 * figures are those of the .docx.
 */
export const REVIEW_SHEETS = {
  indicators: 'Chỉ tiêu',
  years: 'Nhiệm vụ qua từng năm',
  results: 'Kết quả qua các năm',
  appendix: 'Phụ lục',
} as const;

/** The status columns of the year table, in the order the .docx prints them. */
export const YEAR_STATUS_CODES = [
  'done_on_time',
  'done_late',
  'in_progress_on_time',
  'overdue',
  'not_reported',
  'not_due',
] as const;

const ROLE_LABELS: Record<string, string> = { lead: 'Chủ trì', support: 'Phối hợp' };

function indicatorSheet(d: ReviewData) {
  const columns: SheetColumn[] = [
    { header: 'STT', width: 6, kind: 'integer' },
    { header: 'Chỉ tiêu', width: 34, kind: 'wrap' },
    { header: 'Đơn vị tính', width: 12, kind: 'wrap' },
    { header: 'Mục tiêu', width: 40, kind: 'wrap' },
    ...d.years.map((y) => ({ header: `Năm ${y}`, width: 12, kind: 'decimal' as const })),
    { header: d.kind === 'final' ? 'Đánh giá cuối kỳ' : 'Đánh giá giữa kỳ', width: 18, kind: 'wrap' },
    { header: 'Căn cứ đánh giá', width: 50, kind: 'wrap' },
  ];
  const rows: (string | number | null)[][] = [];
  for (const i of d.base.indicators) {
    const byYear = new Map(i.effectiveValues.map((v) => [v.year, v.value]));
    for (const t of i.targets)
      rows.push([
        rows.length + 1,
        i.name,
        i.unit,
        t.text,
        ...d.years.map((y) => byYear.get(y) ?? null),
        t.evaluation.label,
        t.evaluation.reason,
      ]);
  }
  return { columns, rows };
}

const YEAR_COLUMNS: SheetColumn[] = [
  { header: 'Năm', width: 8, kind: 'centre' },
  { header: 'Nhiệm vụ đến hạn', width: 12, kind: 'integer' },
  ...YEAR_STATUS_CODES.map((c) => ({ header: TASK_STATUS_LABELS[c], width: 14, kind: 'integer' as const })),
];

// The consolidated report's results sheet, with the year after the ordinal (a review spans years).
const RESULT_COLUMNS: SheetColumn[] = [
  CONSOLIDATED_RESULT_COLUMNS[0] as SheetColumn,
  { header: 'Năm', width: 8, kind: 'centre' },
  ...CONSOLIDATED_RESULT_COLUMNS.slice(1),
];

const APPENDIX_COLUMNS = (lastYear: number): SheetColumn[] => [
  { header: 'STT', width: 6, kind: 'integer' },
  { header: 'Số thứ tự trong kế hoạch', width: 10, kind: 'centre' },
  { header: 'Nhóm nhiệm vụ', width: 24, kind: 'wrap' },
  { header: 'Nội dung nhiệm vụ', width: 56, kind: 'wrap' },
  { header: 'Cơ quan chủ trì', width: 28, kind: 'wrap' },
  { header: 'Sản phẩm', width: 24, kind: 'wrap' },
  { header: 'Thời hạn', width: 16, kind: 'wrap' },
  { header: 'Hạn hoàn thành', width: 13, kind: 'date' },
  { header: `Tình trạng đến năm ${lastYear}`, width: 22, kind: 'wrap' },
  { header: 'Kết quả gần nhất', width: 56, kind: 'wrap' },
  { header: 'Năm của kết quả', width: 9, kind: 'centre' },
];

/** The workbook of a review's data. */
export async function reviewWorkbook(d: ReviewData): Promise<Buffer> {
  const word = REVIEW_WORD[d.kind];
  const span = spanText(d.years);
  const subtitle = `${word} ${span} · Cơ quan tổng hợp: ${d.base.issuer.name}`;
  const head = (part: string): SheetHead => ({
    title: `${part} — ${planName(d.base.plan)} ${span}`,
    subtitle,
  });
  const taskOf = new Map(d.base.tasks.map((t) => [t.task.id, t.task]));
  const lastYear = d.years.at(-1)!;
  return workbookBuffer(`Số liệu ${word.toLocaleLowerCase('vi')} ${planName(d.base.plan)} ${span}`, (wb) => {
    const ind = indicatorSheet(d);
    const s1 = new TableSheet(
      wb,
      REVIEW_SHEETS.indicators,
      ind.columns,
      head('Kết quả thực hiện các chỉ tiêu'),
    );
    for (const r of ind.rows) s1.add(r);
    s1.finish();

    const s2 = new TableSheet(
      wb,
      REVIEW_SHEETS.years,
      YEAR_COLUMNS,
      head('Kết quả thực hiện nhiệm vụ qua từng năm'),
    );
    for (const t of d.tallies) s2.add([String(t.year), t.due, ...YEAR_STATUS_CODES.map((c) => t.counts[c])]);
    s2.finish();

    const s3 = new TableSheet(
      wb,
      REVIEW_SHEETS.results,
      RESULT_COLUMNS,
      head('Kết quả thực hiện các nhiệm vụ qua các năm'),
    );
    const ordered = [...d.entries].sort((a, b) => a.year - b.year || a.position - b.position);
    ordered.forEach((e, i) => {
      const t = taskOf.get(e.task_id);
      s3.add([
        i + 1,
        String(e.year),
        e.group_label ?? 'Các nhiệm vụ khác',
        t?.ordinal,
        t?.content,
        e.organisation_name,
        ROLE_LABELS[e.role] ?? e.role,
        e.progress ? ENTRY_PROGRESS_LABELS[e.progress] : null,
        resultText(e),
        e.product_number,
        e.product_date,
        e.product_summary,
      ]);
    });
    s3.finish();

    // The latest accepted lead result of each task across the span, as the .docx's appendix.
    const latest = new Map<number, { text: string; year: number }>();
    for (const e of [...d.entries].sort((a, b) => a.year - b.year))
      if (e.role === 'lead' && present(resultText(e)))
        latest.set(e.task_id, { text: resultText(e), year: e.year });
    const s4 = new TableSheet(
      wb,
      REVIEW_SHEETS.appendix,
      APPENDIX_COLUMNS(lastYear),
      head('Phụ lục: tình hình thực hiện các nhiệm vụ'),
    );
    d.base.tasks.forEach((t, i) => {
      const r = latest.get(t.task.id);
      s4.add([
        i + 1,
        t.task.ordinal,
        t.task.group,
        t.task.content,
        t.leads.join('\n'),
        t.task.product,
        t.task.deadline.text,
        t.status.dueDate,
        statusText(t),
        r?.text,
        r ? String(r.year) : null,
      ]);
    });
    s4.finish();
  });
}

/** The route's and the command's work: a plan's review data as bytes, with the file name. */
export async function reviewDataOfPlan(ctx: AppContext, planId: number, kind: ReviewKind, year?: number) {
  const d = await loadReviewData(ctx, { planId, kind, ...(year !== undefined ? { year } : {}) });
  const bytes = await reviewWorkbook(d);
  const number = (d.base.plan.number ?? 'ke-hoach').replace(/\//g, '-');
  const name = `Số liệu ${REVIEW_WORD[kind].toLocaleLowerCase('vi')} ${number} ${d.years[0]}-${d.years.at(-1)}.xlsx`;
  return { bytes, disposition: xlsxDisposition(name), data: d };
}

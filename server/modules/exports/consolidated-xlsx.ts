import { ENTRY_PROGRESS_LABELS } from '../../../shared/contracts/reporting';
import { htmlToText } from '../../../shared/domain/reporting/sanitize-html';
import type { AppContext } from '../../context';
import { notFound } from '../../http/errors';
import {
  type ConsolidatedData,
  deadlineYear,
  groupInOrder,
  indicatorYears,
  isOngoing,
  planName,
  present,
  statusText,
} from '../documents/consolidated/consolidated-model';
import { findPeriodOfPlan } from '../documents/consolidated/consolidated-repository';
import { loadConsolidatedData } from '../documents/consolidated/consolidated-service';
import { ADDRESSEE_GROUPS, addresseeOf, OTHER_HEADING } from '../documents/consolidated/proposal-addressee';
import {
  type SheetColumn,
  type SheetHead,
  TableSheet,
  workbookBuffer,
  xlsxDisposition,
} from './sheet-layout';

/**
 * The consolidated report's data as a workbook, one sheet per part of the report
 * (documents/consolidated/consolidated-sections.ts drafts the same parts as prose): the indicators,
 * I the results by task group, II the difficulties by agency, III the tasks of the next year, IV the
 * proposals by addressee, and the appendix of every task. Read from the same data
 * (`loadConsolidatedData`), so the figures are those of the .docx.
 */
export const CONSOLIDATED_SHEETS = {
  indicators: 'Chỉ tiêu',
  results: 'I. Kết quả',
  difficulties: 'II. Khó khăn, vướng mắc',
  next: 'III. Nhiệm vụ năm tới',
  proposals: 'IV. Kiến nghị, đề xuất',
  appendix: 'Phụ lục',
} as const;

type Entry = ConsolidatedData['entries'][number];
type Task = ConsolidatedData['tasks'][number];

const oneLine = (html: string | null) =>
  present(html)
    ? htmlToText(html)
        .replace(/\s*\n+\s*/g, ' ')
        .trim()
    : '';

const ROLE_LABELS: Record<string, string> = { lead: 'Chủ trì', support: 'Phối hợp' };

function indicatorSheet(d: ConsolidatedData): { columns: SheetColumn[]; rows: (string | number | null)[][] } {
  const years = indicatorYears(d.indicators, d.period.year);
  const columns: SheetColumn[] = [
    { header: 'STT', width: 6, kind: 'integer' },
    { header: 'Chỉ tiêu', width: 34, kind: 'wrap' },
    { header: 'Đơn vị tính', width: 12, kind: 'wrap' },
    { header: 'Mục tiêu', width: 40, kind: 'wrap' },
    ...years.map((y) => ({ header: `Năm ${y}`, width: 12, kind: 'decimal' as const })),
    { header: 'Đánh giá', width: 18, kind: 'wrap' },
    { header: 'Căn cứ đánh giá', width: 50, kind: 'wrap' },
  ];
  const rows: (string | number | null)[][] = [];
  for (const i of d.indicators) {
    const byYear = new Map(i.effectiveValues.map((v) => [v.year, v.value]));
    for (const t of i.targets) {
      rows.push([
        rows.length + 1,
        i.name,
        i.unit,
        t.text,
        ...years.map((y) => byYear.get(y) ?? null),
        t.evaluation.label,
        t.evaluation.reason,
      ]);
    }
  }
  return { columns, rows };
}

export const RESULT_COLUMNS: SheetColumn[] = [
  { header: 'STT', width: 6, kind: 'integer' },
  { header: 'Nhóm nhiệm vụ', width: 26, kind: 'wrap' },
  { header: 'Số thứ tự nhiệm vụ', width: 10, kind: 'centre' },
  { header: 'Nội dung nhiệm vụ', width: 46, kind: 'wrap' },
  { header: 'Cơ quan báo cáo', width: 28, kind: 'wrap' },
  { header: 'Vai trò', width: 10, kind: 'text' },
  { header: 'Tiến độ', width: 16, kind: 'wrap' },
  { header: 'Kết quả thực hiện', width: 56, kind: 'wrap' },
  { header: 'Số, ký hiệu sản phẩm', width: 18, kind: 'wrap' },
  { header: 'Ngày ban hành sản phẩm', width: 13, kind: 'date' },
  { header: 'Trích yếu sản phẩm', width: 36, kind: 'wrap' },
];

const CONCERN_COLUMNS = (what: string): SheetColumn[] => [
  { header: 'STT', width: 6, kind: 'integer' },
  { header: 'Cơ quan', width: 30, kind: 'wrap' },
  { header: 'Nhiệm vụ', width: 44, kind: 'wrap' },
  { header: what, width: 70, kind: 'wrap' },
];

const NEXT_COLUMNS: SheetColumn[] = [
  { header: 'STT', width: 6, kind: 'integer' },
  { header: 'Loại', width: 28, kind: 'wrap' },
  { header: 'Số thứ tự nhiệm vụ', width: 10, kind: 'centre' },
  { header: 'Nội dung nhiệm vụ', width: 56, kind: 'wrap' },
  { header: 'Cơ quan chủ trì', width: 28, kind: 'wrap' },
  { header: 'Thời hạn', width: 16, kind: 'wrap' },
  { header: 'Hạn hoàn thành', width: 13, kind: 'date' },
  { header: 'Tình trạng', width: 22, kind: 'wrap' },
];

const APPENDIX_COLUMNS: SheetColumn[] = [
  { header: 'STT', width: 6, kind: 'integer' },
  { header: 'Số thứ tự trong kế hoạch', width: 10, kind: 'centre' },
  { header: 'Nhóm nhiệm vụ', width: 24, kind: 'wrap' },
  { header: 'Nội dung nhiệm vụ', width: 56, kind: 'wrap' },
  { header: 'Cơ quan chủ trì', width: 28, kind: 'wrap' },
  { header: 'Sản phẩm', width: 24, kind: 'wrap' },
  { header: 'Thời hạn', width: 16, kind: 'wrap' },
  { header: 'Hạn hoàn thành', width: 13, kind: 'date' },
  { header: 'Tình trạng', width: 22, kind: 'wrap' },
  { header: 'Số ngày quá hạn', width: 10, kind: 'integer' },
  { header: 'Kết quả', width: 56, kind: 'wrap' },
];

/** What the reports and their entries say in one field, each with its agency and task ("" for the report). */
function concerns(d: ConsolidatedData, field: 'difficulties' | 'proposals') {
  const taskOf = new Map(d.tasks.map((t) => [t.task.id, t.task]));
  const items: { agency: string; task: string; text: string }[] = [];
  for (const r of d.reports)
    if (present(r[field])) items.push({ agency: r.organisation_name, task: 'Chung', text: r[field]!.trim() });
  for (const e of d.entries) {
    if (!present(e[field])) continue;
    const t = taskOf.get(e.task_id);
    items.push({
      agency: e.organisation_name,
      task: t ? `${t.ordinal}. ${t.content}` : '',
      text: e[field]!.trim(),
    });
  }
  return items;
}

/** The workbook of the consolidated data of a period. */
export async function consolidatedWorkbook(d: ConsolidatedData): Promise<Buffer> {
  const subtitle = `${d.period.title} · Cơ quan tổng hợp: ${d.issuer.name}`;
  const head = (part: string): SheetHead => ({
    title: `${part} — ${planName(d.plan)} năm ${d.period.year}`,
    subtitle,
  });
  const taskOf = new Map(d.tasks.map((t) => [t.task.id, t]));
  return workbookBuffer(`Số liệu tổng hợp ${planName(d.plan)} năm ${d.period.year}`, (wb) => {
    const ind = indicatorSheet(d);
    const s1 = new TableSheet(
      wb,
      CONSOLIDATED_SHEETS.indicators,
      ind.columns,
      head('Kết quả thực hiện các chỉ tiêu'),
    );
    for (const r of ind.rows) s1.add(r);
    s1.finish();

    const s2 = new TableSheet(
      wb,
      CONSOLIDATED_SHEETS.results,
      RESULT_COLUMNS,
      head('I. Kết quả thực hiện các nhiệm vụ theo nhóm'),
    );
    let n = 0;
    for (const [group, entries] of groupInOrder(d.entries, (e: Entry) => e.group_label ?? '')) {
      for (const e of entries) {
        const t = taskOf.get(e.task_id)?.task;
        s2.add([
          ++n,
          group || 'Các nhiệm vụ khác',
          t?.ordinal,
          t?.content,
          e.organisation_name,
          ROLE_LABELS[e.role] ?? e.role,
          e.progress ? ENTRY_PROGRESS_LABELS[e.progress] : null,
          oneLine(e.result),
          e.product_number,
          e.product_date,
          e.product_summary,
        ]);
      }
    }
    s2.finish();

    const s3 = new TableSheet(
      wb,
      CONSOLIDATED_SHEETS.difficulties,
      CONCERN_COLUMNS('Tồn tại, hạn chế, khó khăn, vướng mắc'),
      head('II. Tồn tại, hạn chế, khó khăn, vướng mắc'),
    );
    n = 0;
    for (const [agency, list] of groupInOrder(concerns(d, 'difficulties'), (i) => i.agency))
      for (const i of list) s3.add([++n, agency, i.task, i.text]);
    s3.finish();

    const next = d.period.year + 1;
    const s4 = new TableSheet(
      wb,
      CONSOLIDATED_SHEETS.next,
      NEXT_COLUMNS,
      head(`III. Nhiệm vụ, giải pháp trọng tâm năm ${next}`),
    );
    const kinds: [string, Task[]][] = [
      [
        `Đến hạn trong năm ${next}`,
        d.tasks.filter((t) => !isOngoing(t.task) && deadlineYear(t.task) === next),
      ],
      ['Thường xuyên, hằng năm', d.tasks.filter((t) => isOngoing(t.task))],
      [`Quá hạn, chuyển sang năm ${next}`, d.tasks.filter((t) => t.status.code === 'overdue')],
    ];
    n = 0;
    for (const [kind, tasks] of kinds)
      for (const t of tasks)
        s4.add([
          ++n,
          kind,
          t.task.ordinal,
          t.task.content,
          t.leads.join('\n'),
          t.task.deadline.text,
          t.status.dueDate,
          statusText(t),
        ]);
    s4.finish();

    const s5 = new TableSheet(
      wb,
      CONSOLIDATED_SHEETS.proposals,
      [
        { header: 'STT', width: 6, kind: 'integer' },
        { header: 'Kiến nghị với', width: 30, kind: 'wrap' },
        ...CONCERN_COLUMNS('Nội dung kiến nghị, đề xuất').slice(1),
      ],
      head('IV. Kiến nghị, đề xuất'),
    );
    const items = concerns(d, 'proposals');
    const groups: { key: string; heading: string }[] = [
      ...ADDRESSEE_GROUPS.map((g) => ({ key: g.key, heading: g.heading })),
      { key: 'other', heading: OTHER_HEADING },
    ];
    n = 0;
    for (const g of groups)
      for (const i of items.filter((x) => addresseeOf(x.text) === g.key))
        s5.add([++n, g.heading, i.agency, i.task, i.text]);
    s5.finish();

    // The appendix's result: the latest accepted lead answer of the period (as the .docx's appendix).
    const results = new Map<number, string>();
    for (const e of d.entries)
      if (e.role === 'lead' && present(oneLine(e.result))) results.set(e.task_id, oneLine(e.result));
    const s6 = new TableSheet(
      wb,
      CONSOLIDATED_SHEETS.appendix,
      APPENDIX_COLUMNS,
      head('Phụ lục: tình hình thực hiện các nhiệm vụ'),
    );
    d.tasks.forEach((t, i) => {
      s6.add([
        i + 1,
        t.task.ordinal,
        t.task.group,
        t.task.content,
        t.leads.join('\n'),
        t.task.product,
        t.task.deadline.text,
        t.status.dueDate,
        statusText(t),
        t.status.daysLate && t.status.daysLate > 0 ? t.status.daysLate : null,
        results.get(t.task.id),
      ]);
    });
    s6.finish();
  });
}

/** The route's and the command's work: the period's data as bytes, with the file name. */
export async function consolidatedDataOfPeriod(ctx: AppContext, periodId: number) {
  const period = await findPeriodOfPlan(ctx.db, periodId);
  if (!period) throw notFound('kỳ báo cáo');
  const d = await loadConsolidatedData(ctx, { planId: period.plan_id, periodId });
  const bytes = await consolidatedWorkbook(d);
  const number = (d.plan.number ?? 'ke-hoach').replace(/\//g, '-');
  return {
    bytes,
    disposition: xlsxDisposition(`Số liệu tổng hợp ${number} năm ${d.period.year}.xlsx`),
    data: d,
  };
}

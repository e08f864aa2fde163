import type { ReportEntry } from '../../../shared/contracts/reporting';
import { ENTRY_PROGRESS_LABELS } from '../../../shared/contracts/reporting';
import type { AppContext } from '../../context';
import { type AgencyReportData, loadAgencyReport } from '../documents/agency/agency-model';
import { plainText, planName } from '../documents/agency/agency-sections';
import {
  type SheetColumn,
  type SheetHead,
  TableSheet,
  workbookBuffer,
  xlsxDisposition,
} from './sheet-layout';

/**
 * An agency's report of a period as a workbook (the same content as its Word report,
 * documents/agency): every task of the report, lead tasks first, with what the agency entered, and the
 * report's general assessment. Read from the report as it stands now (saved drafts included), as the
 * .docx is.
 */
export const AGENCY_SHEETS = {
  tasks: 'Nhiệm vụ và kết quả',
  overall: 'Đánh giá chung',
} as const;

const TASK_COLUMNS: SheetColumn[] = [
  { header: 'STT', width: 6, kind: 'integer' },
  { header: 'Số thứ tự trong kế hoạch', width: 10, kind: 'centre' },
  { header: 'Nội dung nhiệm vụ', width: 50, kind: 'wrap' },
  { header: 'Vai trò', width: 10, kind: 'text' },
  { header: 'Thời hạn', width: 16, kind: 'wrap' },
  { header: 'Tình trạng', width: 22, kind: 'wrap' },
  { header: 'Tình hình thực hiện', width: 16, kind: 'wrap' },
  { header: 'Ngày hoàn thành', width: 13, kind: 'date' },
  { header: 'Kết quả thực hiện', width: 56, kind: 'wrap' },
  { header: 'Số, ký hiệu sản phẩm', width: 18, kind: 'wrap' },
  { header: 'Ngày ban hành sản phẩm', width: 13, kind: 'date' },
  { header: 'Trích yếu sản phẩm', width: 36, kind: 'wrap' },
  { header: 'Khó khăn, vướng mắc', width: 40, kind: 'wrap' },
  { header: 'Kiến nghị, đề xuất', width: 40, kind: 'wrap' },
];

const OVERALL_COLUMNS: SheetColumn[] = [
  { header: 'Nội dung', width: 30, kind: 'wrap' },
  { header: 'Đánh giá của cơ quan', width: 100, kind: 'wrap' },
];

const row = (e: ReportEntry, n: number) => [
  n,
  e.task.ordinal,
  e.task.content,
  e.role === 'lead' ? 'Chủ trì' : 'Phối hợp',
  e.task.deadline.text,
  e.status.label,
  e.progress ? ENTRY_PROGRESS_LABELS[e.progress] : null,
  e.completedOn,
  plainText(e.result),
  e.productNumber,
  e.productDate,
  e.productSummary,
  e.difficulties,
  e.proposals,
];

/** The workbook of an agency's report. */
export async function agencyWorkbook(d: AgencyReportData): Promise<Buffer> {
  const year = d.report.period_year;
  const head = (part: string): SheetHead => ({
    title: `${part} — ${d.agency.name}, ${planName(d.plan)} năm ${year}`,
    subtitle: `${d.report.period_title}${d.report.state === 'draft' || d.report.state === 'returned' ? ' · DỰ THẢO (báo cáo chưa gửi)' : ''}`,
  });
  return workbookBuffer(`Báo cáo của ${d.agency.name} năm ${year}`, (wb) => {
    const tasks = new TableSheet(wb, AGENCY_SHEETS.tasks, TASK_COLUMNS, head('Tình hình thực hiện nhiệm vụ'));
    for (const [i, e] of [...d.lead, ...d.support].entries()) tasks.add(row(e, i + 1));
    tasks.finish();
    const overall = new TableSheet(wb, AGENCY_SHEETS.overall, OVERALL_COLUMNS, head('Đánh giá chung'));
    overall.add(['Tóm tắt kết quả', plainText(d.report.summary)]);
    overall.add(['Khó khăn, vướng mắc chung', d.report.difficulties]);
    overall.add(['Kiến nghị, đề xuất chung', d.report.proposals]);
    overall.finish();
  });
}

/** The command's (and the route's) work: an agency's report as a workbook, with the file name. */
export async function agencyReportWorkbook(ctx: AppContext, reportId: number) {
  const d = await loadAgencyReport(ctx, reportId);
  const bytes = await agencyWorkbook(d);
  const name = `Số liệu báo cáo ${d.agency.code} ${(d.plan.number ?? 'kế hoạch').replace(/\//g, '-')} năm ${d.report.period_year}.xlsx`;
  return { bytes, disposition: xlsxDisposition(name), data: d };
}

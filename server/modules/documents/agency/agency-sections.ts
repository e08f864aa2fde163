import type { Paragraph, Table } from 'docx';
import type { ReportEntry } from '../../../../shared/contracts/reporting';
import { ENTRY_PROGRESS_LABELS } from '../../../../shared/contracts/reporting';
import { htmlToText } from '../../../../shared/domain/reporting/sanitize-html';
import { formatDateVi } from '../../../../shared/domain/task-status/calendar';
import { present } from '../consolidated/consolidated-model';
import { SIZE } from '../decree30/format';
import { gridTable } from '../decree30/table';
import { bodyParagraph, centred, headingParagraph } from '../decree30/text';
import type { AgencyReportData } from './agency-model';

type Block = Paragraph | Table;

/** Rich text from the editor as one line of plain text. */
export const plainText = (html: string | null) =>
  present(html)
    ? htmlToText(html)
        .replace(/\s*\n+\s*/g, ' ')
        .trim()
    : '';

/** "Kế hoạch số 148/KH-UBND" or the plan's title when it has no number. */
export const planName = (plan: AgencyReportData['plan']) =>
  plan.number ? `Kế hoạch số ${plan.number}` : plan.title;

/** "12/QĐ-UBND ngày 10/11/2026 Quyết định phê duyệt …": the product document as officers cite it. */
export function productText(e: ReportEntry) {
  return [e.productNumber, e.productDate ? `ngày ${formatDateVi(e.productDate)}` : null, e.productSummary]
    .filter(present)
    .join(' ');
}

const trimEnd = (s: string) => s.replace(/[.;:\s]+$/, '');

/** One task in the body: its content and status, then what the agency did and produced. */
function taskBlock(e: ReportEntry): Block[] {
  const out = [
    bodyParagraph(
      `- Nhiệm vụ ${e.task.ordinal}: ${trimEnd(e.task.content)} (thời hạn: ${e.task.deadline.text}).`,
      {
        bold: false,
        italics: true,
      },
    ),
  ];
  const progress = e.progress ? ENTRY_PROGRESS_LABELS[e.progress] : null;
  const done = e.completedOn ? `, ngày hoàn thành ${formatDateVi(e.completedOn)}` : '';
  out.push(
    bodyParagraph(
      `Tình trạng: ${e.status.label}${progress ? ` (${progress.toLocaleLowerCase('vi')}${done})` : ''}.`,
    ),
  );
  const result = plainText(e.result);
  out.push(bodyParagraph(`Kết quả: ${result ? `${trimEnd(result)}.` : 'chưa báo cáo.'}`));
  const product = productText(e);
  if (present(product)) out.push(bodyParagraph(`Sản phẩm: ${trimEnd(product)}.`));
  return out;
}

/** "3 nhiệm vụ, trong đó hoàn thành đúng hạn: 1; quá hạn: 1; …" by the statuses shown. */
function countLine(entries: readonly ReportEntry[]) {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.status.label, (counts.get(e.status.label) ?? 0) + 1);
  const parts = [...counts].map(([label, n]) => `${label.toLocaleLowerCase('vi')}: ${n}`).join('; ');
  return `${entries.length} nhiệm vụ${parts ? `, trong đó ${parts}` : ''}`;
}

/** What the report and its tasks say under one field, each task's remark naming the task. */
function gathered(d: AgencyReportData, field: 'difficulties' | 'proposals', none: string): Block[] {
  const out: Block[] = [];
  const general = d.report[field];
  if (present(general))
    for (const line of general.split(/\n+/)) if (present(line)) out.push(bodyParagraph(line.trim()));
  for (const e of [...d.lead, ...d.support]) {
    const text = e[field];
    if (present(text))
      out.push(bodyParagraph(`- Nhiệm vụ ${e.task.ordinal}: ${text.trim().replace(/\s*\n+\s*/g, ' ')}`));
  }
  return out.length > 0 ? out : [bodyParagraph(none)];
}

function planIntro(plan: AgencyReportData['plan']) {
  const date = plan.issuedOn ? ` ngày ${formatDateVi(plan.issuedOn)}` : '';
  const of = present(plan.issuer) ? ` của ${plan.issuer}` : '';
  return `${planName(plan)}${date}${of}`;
}

/** "kết quả thực hiện năm 2026" for an annual report; the period's own title otherwise ("sơ kết …"). */
function periodPhrase(r: AgencyReportData['report']) {
  if (r.period_kind === 'annual') return `kết quả thực hiện năm ${r.period_year}`;
  const title = r.period_title.replace(/^Báo cáo\s+/i, '').trim();
  return title.charAt(0).toLocaleLowerCase('vi') + title.slice(1);
}

/** Parts I to III of the body. */
export function agencyBody(d: AgencyReportData): Block[] {
  const year = d.report.period_year;
  const out: Block[] = [
    bodyParagraph(
      `Thực hiện ${planIntro(d.plan)}, ${d.agency.name} báo cáo ${periodPhrase(d.report)} như sau:`,
    ),
    headingParagraph('I. KẾT QUẢ THỰC HIỆN'),
  ];
  const summary = plainText(d.report.summary);
  if (summary) out.push(bodyParagraph(summary));
  out.push(headingParagraph('1. Các nhiệm vụ chủ trì thực hiện'));
  if (d.lead.length === 0) out.push(bodyParagraph('Trong kỳ, cơ quan không có nhiệm vụ chủ trì.'));
  else {
    out.push(bodyParagraph(`${d.agency.name} chủ trì ${countLine(d.lead)}.`));
    for (const e of d.lead) out.push(...taskBlock(e));
  }
  out.push(headingParagraph('2. Các nhiệm vụ phối hợp thực hiện'));
  if (d.support.length === 0) out.push(bodyParagraph('Trong kỳ, cơ quan không có nhiệm vụ phối hợp.'));
  else {
    out.push(bodyParagraph(`${d.agency.name} phối hợp thực hiện ${countLine(d.support)}.`));
    for (const e of d.support) out.push(...taskBlock(e));
  }
  out.push(headingParagraph('II. KHÓ KHĂN, VƯỚNG MẮC'));
  out.push(...gathered(d, 'difficulties', 'Không có khó khăn, vướng mắc.'));
  out.push(headingParagraph('III. KIẾN NGHỊ, ĐỀ XUẤT'));
  out.push(...gathered(d, 'proposals', 'Không có kiến nghị, đề xuất.'));
  out.push(
    bodyParagraph(
      `Trên đây là báo cáo kết quả thực hiện ${planName(d.plan)} năm ${year} của ${d.agency.name}./.`,
    ),
  );
  return out;
}

/** The appendix: every task of the report, lead tasks first, with role, product, deadline, status, result. */
export function agencyAppendix(d: AgencyReportData): Block[] {
  const entries = [...d.lead, ...d.support];
  return [
    centred('PHỤ LỤC', { bold: true }),
    centred(
      `TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ CỦA ${d.agency.name.toLocaleUpperCase('vi')} THEO ${planName(d.plan).toLocaleUpperCase('vi')} NĂM ${d.report.period_year}`,
      { bold: true },
    ),
    centred(`(Kèm theo Báo cáo số       /BC-${d.agency.code})`, { italics: true }, 120),
    gridTable(
      [
        { heading: 'TT', share: 0.06, align: 'center' },
        { heading: 'Nội dung nhiệm vụ', share: 0.26 },
        { heading: 'Vai trò', share: 0.09, align: 'center' },
        { heading: 'Sản phẩm', share: 0.17 },
        { heading: 'Thời hạn', share: 0.1, align: 'center' },
        { heading: 'Tình trạng', share: 0.12, align: 'center' },
        { heading: 'Kết quả', share: 0.2 },
      ],
      entries.map((e) => [
        e.task.ordinal,
        e.task.content,
        e.role === 'lead' ? 'Chủ trì' : 'Phối hợp',
        productText(e) || (e.task.product ?? ''),
        e.task.deadline.text,
        e.status.label,
        plainText(e.result),
      ]),
      SIZE.smallTable,
    ),
  ];
}

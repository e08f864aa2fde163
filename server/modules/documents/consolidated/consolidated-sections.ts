import type { Paragraph, Table } from 'docx';
import type { NarrativeSection } from '../../../../shared/contracts/consolidated';
import { formatFigureVi } from '../../../../shared/domain/indicators/format';
import { formatDateVi } from '../../../../shared/domain/task-status/calendar';
import { indicatorCharts } from '../charts/chart-blocks';
import { SIZE } from '../decree30/format';
import { gridTable } from '../decree30/table';
import { bodyParagraph, centred, headingParagraph } from '../decree30/text';
import { type DraftParagraph, draftNarrative, resultText } from '../narrative/narrative-draft';
import { type ConsolidatedData, indicatorYears, planName, present, statusText } from './consolidated-model';

type Block = Paragraph | Table;
function targetText(t: ConsolidatedData['indicators'][number]['targets'][number]) {
  return t.text;
}

/** I.1: one row per target of each indicator: target, the values by year, the evaluation and its reason. */
function indicatorTable(d: ConsolidatedData): Block[] {
  const rows: string[][] = [];
  const years = indicatorYears(d.indicators, d.period.year);
  let n = 0;
  for (const i of d.indicators) {
    const byYear = new Map(i.effectiveValues.map((v) => [v.year, v.value]));
    for (const t of i.targets) {
      n += 1;
      rows.push([
        String(n),
        `${i.name}${i.unit ? ` (${i.unit})` : ''}`,
        targetText(t),
        ...years.map((y) => (byYear.has(y) ? formatFigureVi(byYear.get(y)!) : '-')),
        `${t.evaluation.label}: ${t.evaluation.reason}`,
      ]);
    }
  }
  if (rows.length === 0) return [bodyParagraph('Kế hoạch chưa có chỉ tiêu được theo dõi bằng chỉ số.')];
  const yearShare = years.length === 0 ? 0 : Math.min(0.08, 0.36 / years.length);
  const rest = 1 - 0.05 - yearShare * years.length;
  return [
    bodyParagraph(
      `Tình hình thực hiện ${rows.length} chỉ tiêu của Kế hoạch (số liệu đến năm ${d.period.year}):`,
    ),
    gridTable(
      [
        { heading: 'TT', share: 0.05, align: 'center' },
        { heading: 'Chỉ tiêu', share: rest * 0.25 },
        { heading: 'Mục tiêu', share: rest * 0.3 },
        ...years.map((y) => ({ heading: `Năm ${y}`, share: yearShare, align: 'right' as const })),
        { heading: 'Đánh giá', share: rest * 0.45 },
      ],
      rows,
      SIZE.smallTable,
    ),
    centred('', {}, 120),
  ];
}

/** The latest accepted lead result of each task in the period, for the appendix. */
function leadResults(d: ConsolidatedData) {
  const out = new Map<number, string>();
  for (const e of d.entries)
    if (e.role === 'lead' && present(resultText(e))) out.set(e.task_id, resultText(e));
  return out;
}

/** The appendix: every task of the plan with its lead agency, product, deadline, status and result. */
export function appendix(d: ConsolidatedData): Block[] {
  const results = leadResults(d);
  return [
    centred('PHỤ LỤC', { bold: true }),
    centred(
      `TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ CỦA ${planName(d.plan).toLocaleUpperCase('vi')} NĂM ${d.period.year}`,
      {
        bold: true,
      },
    ),
    centred(`(Kèm theo Báo cáo số       /BC-${d.issuer.code})`, { italics: true }, 120),
    gridTable(
      [
        { heading: 'TT', share: 0.06, align: 'center' },
        { heading: 'Nội dung nhiệm vụ', share: 0.27 },
        { heading: 'Cơ quan chủ trì', share: 0.13 },
        { heading: 'Sản phẩm', share: 0.14 },
        { heading: 'Thời hạn', share: 0.1, align: 'center' },
        { heading: 'Tình trạng', share: 0.11, align: 'center' },
        { heading: 'Kết quả', share: 0.19 },
      ],
      d.tasks.map((t) => [
        t.task.ordinal,
        t.task.content,
        t.leads.join('\n'),
        t.task.product ?? '',
        t.task.deadline.text,
        statusText(t),
        results.get(t.task.id) ?? '',
      ]),
      SIZE.smallTable,
    ),
  ];
}

/** What a consolidated report or review is drawn from; "báo cáo của 0 cơ quan" would read as a mistake in a signed document. */
export function basisText(reporters: number): string {
  return reporters > 0
    ? `trên cơ sở báo cáo của ${reporters} cơ quan, đơn vị đã được tiếp nhận`
    : 'trên cơ sở dữ liệu theo dõi nhiệm vụ (chưa có báo cáo của cơ quan, đơn vị nào được tiếp nhận)';
}

/**
 * "Kế hoạch số 148/KH-UBND ngày 27/09/2021 (title)": a title stored in capitals, as plans print it, is
 * left out rather than lower-cased, which would spoil the proper nouns and symbols in it.
 */
export function planIntro(plan: ConsolidatedData['plan']) {
  const date = plan.issuedOn ? ` ngày ${formatDateVi(plan.issuedOn)}` : '';
  // Mostly capitals ("Kế hoạch THỰC HIỆN NGHỊ QUYẾT…"): how the document printed it, not how prose quotes it.
  const letters = [...plan.title].filter((c) => c.toLocaleLowerCase('vi') !== c.toLocaleUpperCase('vi'));
  const capitals = letters.filter((c) => c === c.toLocaleUpperCase('vi')).length;
  const shouting = letters.length > 0 && capitals / letters.length > 0.5;
  return `${planName(plan)}${date}${plan.number && !shouting ? ` (${plan.title})` : ''}`;
}

/** A narrative section's paragraphs (narrative/narrative-draft.ts) as body paragraphs. */
const prose = (paragraphs: readonly DraftParagraph[]) =>
  paragraphs.map((p) => bodyParagraph(p.text, p.subheading ? { italics: true, bold: true } : {}));

/**
 * Parts I to IV of the body. The narrative sections are the coordinator's saved text where there is
 * one, else drafted from the data (`narrative`, from narrative-draft.ts `narrativeParagraphs`).
 */
export function bodySections(
  d: ConsolidatedData,
  narrative: Record<NarrativeSection, DraftParagraph[]> = draftNarrative(d),
): Block[] {
  return [
    bodyParagraph(
      `Thực hiện ${planIntro(d.plan)}, ${basisText(d.reports.length)}, ${d.issuer.name} tổng hợp, báo cáo kết quả thực hiện năm ${d.period.year} như sau:`,
    ),
    headingParagraph('I. KẾT QUẢ THỰC HIỆN'),
    headingParagraph('1. Kết quả thực hiện các chỉ tiêu'),
    ...indicatorTable(d),
    ...indicatorCharts(d.indicators, indicatorYears(d.indicators, d.period.year)),
    headingParagraph('2. Kết quả thực hiện các nhiệm vụ'),
    ...prose(narrative.results),
    headingParagraph('II. TỒN TẠI, HẠN CHẾ, KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN'),
    ...prose(narrative.difficulties),
    headingParagraph(`III. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM NĂM ${d.period.year + 1}`),
    ...prose(narrative.next_tasks),
    headingParagraph('IV. KIẾN NGHỊ, ĐỀ XUẤT'),
    ...prose(narrative.proposals),
    bodyParagraph(
      `Trên đây là báo cáo kết quả thực hiện ${planName(d.plan)} năm ${d.period.year} của ${d.issuer.name}.`,
    ),
  ];
}

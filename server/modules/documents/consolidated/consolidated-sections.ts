import type { Paragraph, Table } from 'docx';
import { formatFigureVi } from '../../../../shared/domain/indicators/format';
import { htmlToText } from '../../../../shared/domain/reporting/sanitize-html';
import { formatDateVi } from '../../../../shared/domain/task-status/calendar';
import { indicatorCharts } from '../charts/chart-blocks';
import { SIZE } from '../decree30/format';
import { gridTable } from '../decree30/table';
import { bodyParagraph, centred, headingParagraph } from '../decree30/text';
import {
  type ConsolidatedData,
  deadlineYear,
  groupInOrder,
  indicatorYears,
  isOngoing,
  planName,
  present,
} from './consolidated-model';
import { ADDRESSEE_GROUPS, addresseeOf, OTHER_HEADING } from './proposal-addressee';

type Block = Paragraph | Table;
type Entry = ConsolidatedData['entries'][number];

/** An entry's result is sanitised HTML from the editor: the document gets its text. */
export const resultText = (e: Pick<Entry, 'result'>) =>
  present(e.result)
    ? htmlToText(e.result)
        .replace(/\s*\n+\s*/g, ' ')
        .trim()
    : '';

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

export function productOf(e: Pick<Entry, 'product_number' | 'product_date' | 'product_summary'>) {
  const parts = [
    e.product_number,
    e.product_date ? `ngày ${formatDateVi(e.product_date)}` : null,
    e.product_summary,
  ];
  return parts.filter(present).join(' ');
}

/** I.2: the results by task group from the accepted reports, naming each agency and its product. */
function resultsByGroup(d: ConsolidatedData): Block[] {
  const withResult = d.entries.filter((e) => present(resultText(e)) || present(e.product_summary));
  if (withResult.length === 0)
    return [bodyParagraph('Chưa có báo cáo của cơ quan, đơn vị được tiếp nhận trong kỳ.')];
  const out: Block[] = [];
  const groups = groupInOrder(withResult, (e) => e.group_label ?? '');
  for (const [group, entries] of groups) {
    // Tasks without a group are headed only when there are groups to tell them from.
    if (group !== '' || groups.length > 1)
      out.push(bodyParagraph(group || 'Các nhiệm vụ khác', { italics: true, bold: true }));
    for (const e of entries) {
      const product = productOf(e);
      const text = [resultText(e), present(product) ? `Sản phẩm: ${product}` : null]
        .filter(present)
        .map((x) => x.replace(/[.;\s]+$/, ''))
        .join('. ');
      out.push(bodyParagraph(`- ${e.organisation_name}: ${text}.`));
    }
  }
  return out;
}

/** II: what the reports (and their entries) say, gathered by agency. */
function gatheredByAgency(d: ConsolidatedData, field: 'difficulties', none: string): Block[] {
  const items: { agency: string; text: string }[] = [];
  for (const r of d.reports)
    if (present(r[field])) items.push({ agency: r.organisation_name, text: r[field]!.trim() });
  for (const e of d.entries)
    if (present(e[field])) items.push({ agency: e.organisation_name, text: e[field]!.trim() });
  if (items.length === 0) return [bodyParagraph(none)];
  return groupInOrder(items, (i) => i.agency).map(([agency, list]) =>
    bodyParagraph(`- ${agency}: ${[...new Set(list.map((i) => i.text))].join('; ')}`),
  );
}

/**
 * IV: the proposals of the reports and their entries, grouped by the level they are addressed to
 * (central, province, other), each naming the agency that made it.
 */
function proposals(d: ConsolidatedData): Block[] {
  const items: { agency: string; text: string }[] = [];
  for (const r of d.reports)
    if (present(r.proposals)) items.push({ agency: r.organisation_name, text: r.proposals.trim() });
  for (const e of d.entries)
    if (present(e.proposals)) items.push({ agency: e.organisation_name, text: e.proposals.trim() });
  if (items.length === 0) return [bodyParagraph('Các cơ quan, đơn vị không có kiến nghị, đề xuất.')];
  const groups = [
    ...ADDRESSEE_GROUPS.map((g) => ({ key: g.key as string, heading: g.heading })),
    { key: 'other', heading: OTHER_HEADING },
  ];
  const out: Block[] = [];
  let n = 0;
  for (const g of groups) {
    const mine = items.filter((i) => addresseeOf(i.text) === g.key);
    if (mine.length === 0) continue;
    n += 1;
    out.push(bodyParagraph(`${n}. ${g.heading}`, { italics: true, bold: true }));
    for (const [agency, list] of groupInOrder(mine, (i) => i.agency)) {
      out.push(bodyParagraph(`- ${agency}: ${[...new Set(list.map((i) => i.text))].join('; ')}`));
    }
  }
  return out;
}

/** III: the tasks due next year, the recurring ones, and the overdue ones carried over. */
function nextPeriod(d: ConsolidatedData): Block[] {
  const next = d.period.year + 1;
  const due = d.tasks.filter((t) => !isOngoing(t.task) && deadlineYear(t.task) === next);
  const ongoing = d.tasks.filter((t) => isOngoing(t.task));
  const overdue = d.tasks.filter((t) => t.status.code === 'overdue');
  const line = (t: ConsolidatedData['tasks'][number]) =>
    bodyParagraph(`- ${t.task.content}${t.leads.length ? ` (${t.leads.join(', ')} chủ trì)` : ''}.`);
  const out: Block[] = [];
  out.push(bodyParagraph(`1. Nhiệm vụ đến hạn trong năm ${next}: ${due.length} nhiệm vụ.`));
  out.push(...due.map(line));
  out.push(
    bodyParagraph(`2. Nhiệm vụ thường xuyên, hằng năm tiếp tục thực hiện: ${ongoing.length} nhiệm vụ.`),
  );
  out.push(
    bodyParagraph(
      `3. Nhiệm vụ quá hạn chưa hoàn thành, chuyển sang năm ${next} tiếp tục thực hiện: ${overdue.length} nhiệm vụ.`,
    ),
  );
  out.push(...overdue.map(line));
  return out;
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
        t.status.label,
        results.get(t.task.id) ?? '',
      ]),
      SIZE.smallTable,
    ),
  ];
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

/** Parts I to IV of the body. */
export function bodySections(d: ConsolidatedData): Block[] {
  const counts = new Map<string, number>();
  for (const t of d.tasks) counts.set(t.status.label, (counts.get(t.status.label) ?? 0) + 1);
  const countText = [...counts].map(([label, n]) => `${label.toLocaleLowerCase('vi')}: ${n}`).join('; ');
  return [
    bodyParagraph(
      `Thực hiện ${planIntro(d.plan)}, trên cơ sở báo cáo của ${d.reports.length} cơ quan, đơn vị đã được tiếp nhận, ${d.issuer.name} tổng hợp, báo cáo kết quả thực hiện năm ${d.period.year} như sau:`,
    ),
    headingParagraph('I. KẾT QUẢ THỰC HIỆN'),
    headingParagraph('1. Kết quả thực hiện các chỉ tiêu'),
    ...indicatorTable(d),
    ...indicatorCharts(d.indicators, indicatorYears(d.indicators, d.period.year)),
    headingParagraph('2. Kết quả thực hiện các nhiệm vụ'),
    bodyParagraph(
      `Kế hoạch có ${d.tasks.length} nhiệm vụ${countText ? `, trong đó ${countText}` : ''} (chi tiết tại Phụ lục kèm theo).`,
    ),
    ...resultsByGroup(d),
    headingParagraph('II. TỒN TẠI, HẠN CHẾ, KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN'),
    ...gatheredByAgency(d, 'difficulties', 'Các cơ quan, đơn vị không báo cáo khó khăn, vướng mắc.'),
    headingParagraph(`III. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM NĂM ${d.period.year + 1}`),
    ...nextPeriod(d),
    headingParagraph('IV. KIẾN NGHỊ, ĐỀ XUẤT'),
    ...proposals(d),
    bodyParagraph(
      `Trên đây là báo cáo kết quả thực hiện ${planName(d.plan)} năm ${d.period.year} của ${d.issuer.name}.`,
    ),
  ];
}

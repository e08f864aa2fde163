import type { Paragraph, Table } from 'docx';
import { formatFigureVi } from '../../../../shared/domain/indicators/format';
import { TASK_STATUS_LABELS } from '../../../../shared/domain/task-status/categories';
import { indicatorCharts } from '../charts/chart-blocks';
import { groupInOrder, planName, present, statusText } from '../consolidated/consolidated-model';
import { basisText, planIntro } from '../consolidated/consolidated-sections';
import { ADDRESSEE_GROUPS, addresseeOf, OTHER_HEADING } from '../consolidated/proposal-addressee';
import { SIZE } from '../decree30/format';
import { gridTable } from '../decree30/table';
import { bodyParagraph, centred, headingParagraph } from '../decree30/text';
import { productOf, resultText } from '../narrative/narrative-draft';
import { REVIEW_WORD, type ReviewData, spanText } from './review-model';

type Block = Paragraph | Table;

const DONE = new Set(['done_on_time', 'done_late']);

/** I.1: one row per target, a column per year of the span, and the evaluation with its reason. */
function indicatorTable(d: ReviewData): Block[] {
  const rows: string[][] = [];
  let n = 0;
  for (const i of d.base.indicators) {
    const byYear = new Map(i.effectiveValues.map((v) => [v.year, v.value]));
    for (const t of i.targets) {
      n += 1;
      rows.push([
        String(n),
        `${i.name}${i.unit ? ` (${i.unit})` : ''}`,
        t.text,
        ...d.years.map((y) => (byYear.has(y) ? formatFigureVi(byYear.get(y)!) : '-')),
        `${t.evaluation.label}: ${t.evaluation.reason}`,
      ]);
    }
  }
  if (rows.length === 0) return [bodyParagraph('Kế hoạch chưa có chỉ tiêu được theo dõi bằng chỉ số.')];
  // Year columns share at most 45% of the width; the words keep the rest.
  const yearShare = Math.min(0.08, 0.45 / d.years.length);
  const rest = 1 - 0.05 - yearShare * d.years.length;
  return [
    bodyParagraph(`Tình hình thực hiện ${rows.length} chỉ tiêu của Kế hoạch trong ${spanText(d.years)}:`),
    gridTable(
      [
        { heading: 'TT', share: 0.05, align: 'center' },
        { heading: 'Chỉ tiêu', share: rest * 0.25 },
        { heading: 'Mục tiêu', share: rest * 0.3 },
        ...d.years.map((y) => ({ heading: `Năm ${y}`, share: yearShare, align: 'right' as const })),
        { heading: d.kind === 'final' ? 'Đánh giá cuối kỳ' : 'Đánh giá giữa kỳ', share: rest * 0.45 },
      ],
      rows,
      SIZE.smallTable,
    ),
    centred('', {}, 120),
  ];
}

/** I.2: per year, the tasks due and the stored statuses judged for that year. */
function yearTable(d: ReviewData): Block[] {
  const codes = [
    'done_on_time',
    'done_late',
    'in_progress_on_time',
    'overdue',
    'not_reported',
    'not_due',
  ] as const;
  const last = d.tallies.at(-1)!;
  const done = last.counts.done_on_time + last.counts.done_late;
  return [
    bodyParagraph(
      `Kế hoạch có ${d.base.tasks.length} nhiệm vụ; đến năm ${last.year} đã hoàn thành ${done} nhiệm vụ (${last.counts.done_on_time} đúng hạn, ${last.counts.done_late} quá hạn), ${last.counts.overdue} nhiệm vụ quá hạn chưa hoàn thành. Tình hình thực hiện qua từng năm:`,
    ),
    gridTable(
      [
        { heading: 'Năm', share: 0.1, align: 'center' },
        { heading: 'Nhiệm vụ đến hạn', share: 0.13, align: 'center' },
        ...codes.map((c) => ({
          heading: TASK_STATUS_LABELS[c],
          share: 0.77 / codes.length,
          align: 'center' as const,
        })),
      ],
      d.tallies.map((t) => [String(t.year), String(t.due), ...codes.map((c) => String(t.counts[c]))]),
      SIZE.smallTable,
    ),
    centred(
      '(Nhiệm vụ đến hạn: có thời hạn trong năm, kể cả nhiệm vụ thường xuyên, hằng năm; tình trạng đánh giá đến cuối mỗi năm)',
      { italics: true, size: SIZE.recipients },
      120,
    ),
  ];
}

/** I.3: the accepted results by task group, across the years, naming each agency, year and product. */
function resultsByGroup(d: ReviewData): Block[] {
  const withResult = d.entries.filter((e) => present(resultText(e)) || present(e.product_summary));
  if (withResult.length === 0)
    return [bodyParagraph('Chưa có báo cáo của cơ quan, đơn vị được tiếp nhận trong giai đoạn.')];
  const out: Block[] = [];
  const ordered = [...withResult].sort((a, b) => a.position - b.position || a.year - b.year);
  const groups = groupInOrder(ordered, (e) => e.group_label ?? '');
  for (const [group, entries] of groups) {
    if (group !== '' || groups.length > 1)
      out.push(bodyParagraph(group || 'Các nhiệm vụ khác', { italics: true, bold: true }));
    for (const e of entries) {
      const product = productOf(e);
      const text = [resultText(e), present(product) ? `Sản phẩm: ${product}` : null]
        .filter(present)
        .map((x) => x.replace(/[.;\s]+$/, ''))
        .join('. ');
      out.push(bodyParagraph(`- ${e.organisation_name} (năm ${e.year}): ${text}.`));
    }
  }
  return out;
}

/** What the reports and their entries of the span say in one field, by agency, each with its years. */
function gathered(d: ReviewData, field: 'difficulties' | 'proposals') {
  const items: { agency: string; text: string; year: number }[] = [];
  for (const r of d.reports)
    if (present(r[field])) items.push({ agency: r.organisation_name, text: r[field]!.trim(), year: r.year });
  for (const e of d.entries)
    if (present(e[field])) items.push({ agency: e.organisation_name, text: e[field]!.trim(), year: e.year });
  return items;
}

/** "- Sở Tài chính: thiếu quỹ đất (năm 2022, 2023); …": the same words said in several years once. */
function byAgency(items: ReturnType<typeof gathered>): Block[] {
  return groupInOrder(items, (i) => i.agency).map(([agency, list]) => {
    const said = groupInOrder(list, (i) => i.text).map(
      ([text, xs]) => `${text} (năm ${[...new Set(xs.map((x) => x.year))].sort().join(', ')})`,
    );
    return bodyParagraph(`- ${agency}: ${said.join('; ')}`);
  });
}

function proposals(d: ReviewData): Block[] {
  const items = gathered(d, 'proposals');
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
    out.push(...byAgency(mine));
  }
  return out;
}

/** III: the tasks not completed by the review's year, to carry on (mid-term) or to settle (final). */
function unfinished(d: ReviewData): Block[] {
  const open = d.base.tasks.filter((t) => !DONE.has(t.status.code));
  const year = d.years.at(-1)!;
  const out: Block[] = [
    bodyParagraph(
      d.kind === 'final'
        ? `Đến năm ${year}, còn ${open.length} nhiệm vụ chưa hoàn thành, đề nghị các cơ quan chủ trì tiếp tục thực hiện hoặc đề xuất điều chỉnh, chuyển sang kế hoạch giai đoạn sau:`
        : `Đến năm ${year}, còn ${open.length} nhiệm vụ chưa hoàn thành, cần tập trung thực hiện trong thời gian còn lại của Kế hoạch:`,
    ),
  ];
  for (const t of open)
    out.push(
      bodyParagraph(
        `- ${t.task.content}${t.leads.length ? ` (${t.leads.join(', ')} chủ trì)` : ''}: ${t.status.label.toLocaleLowerCase('vi')}.`,
      ),
    );
  return out;
}

/** Parts I to IV of a review's body. */
export function reviewBody(d: ReviewData): Block[] {
  const word = REVIEW_WORD[d.kind];
  const span = spanText(d.years);
  const reporters = new Set(d.reports.map((r) => r.organisation_name)).size;
  return [
    bodyParagraph(
      `Thực hiện ${planIntro(d.base.plan)}, ${basisText(reporters)}, ${d.base.issuer.name} ${word.toLocaleLowerCase('vi')} kết quả thực hiện Kế hoạch ${span} như sau:`,
    ),
    headingParagraph(`I. KẾT QUẢ THỰC HIỆN ${span.toLocaleUpperCase('vi')}`),
    headingParagraph('1. Kết quả thực hiện các chỉ tiêu'),
    ...indicatorTable(d),
    ...indicatorCharts(d.base.indicators, d.years),
    headingParagraph('2. Kết quả thực hiện các nhiệm vụ qua từng năm'),
    ...yearTable(d),
    headingParagraph('3. Kết quả thực hiện theo nhóm nhiệm vụ'),
    ...resultsByGroup(d),
    headingParagraph('II. TỒN TẠI, HẠN CHẾ, KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN'),
    ...(gathered(d, 'difficulties').length
      ? byAgency(gathered(d, 'difficulties'))
      : [bodyParagraph('Các cơ quan, đơn vị không báo cáo khó khăn, vướng mắc.')]),
    headingParagraph(
      d.kind === 'final'
        ? 'III. NHIỆM VỤ CHƯA HOÀN THÀNH VÀ HƯỚNG XỬ LÝ'
        : 'III. NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN CÒN LẠI CỦA KẾ HOẠCH',
    ),
    ...unfinished(d),
    headingParagraph('IV. KIẾN NGHỊ, ĐỀ XUẤT'),
    ...proposals(d),
    bodyParagraph(
      `Trên đây là báo cáo ${word.toLocaleLowerCase('vi')} thực hiện ${planName(d.base.plan)} ${span} của ${d.base.issuer.name}.`,
    ),
  ];
}

/** The latest accepted lead result of each task across the span, with its year. */
function leadResults(d: ReviewData) {
  const out = new Map<number, string>();
  const ordered = [...d.entries].sort((a, b) => a.year - b.year);
  for (const e of ordered)
    if (e.role === 'lead' && present(resultText(e))) out.set(e.task_id, `${resultText(e)} (năm ${e.year})`);
  return out;
}

/** The appendix: every task of the plan with its lead, product, deadline, status and latest result. */
export function reviewAppendix(d: ReviewData): Block[] {
  const results = leadResults(d);
  return [
    centred('PHỤ LỤC', { bold: true }),
    centred(
      `TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ CỦA ${planName(d.base.plan).toLocaleUpperCase('vi')} ${spanText(d.years).toLocaleUpperCase('vi')}`,
      { bold: true },
    ),
    centred(`(Kèm theo Báo cáo số       /BC-${d.base.issuer.code})`, { italics: true }, 120),
    gridTable(
      [
        { heading: 'TT', share: 0.06, align: 'center' },
        { heading: 'Nội dung nhiệm vụ', share: 0.27 },
        { heading: 'Cơ quan chủ trì', share: 0.13 },
        { heading: 'Sản phẩm', share: 0.14 },
        { heading: 'Thời hạn', share: 0.1, align: 'center' },
        { heading: `Tình trạng đến năm ${d.years.at(-1)}`, share: 0.11, align: 'center' },
        { heading: 'Kết quả', share: 0.19 },
      ],
      d.base.tasks.map((t) => [
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

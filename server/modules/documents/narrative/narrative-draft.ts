import type { NarrativeSection } from '../../../../shared/contracts/consolidated';
import { htmlToText } from '../../../../shared/domain/reporting/sanitize-html';
import { formatDateVi } from '../../../../shared/domain/task-status/calendar';
import {
  type ConsolidatedData,
  deadlineYear,
  groupInOrder,
  isOngoing,
  present,
} from '../consolidated/consolidated-model';
import { ADDRESSEE_GROUPS, addresseeOf, OTHER_HEADING } from '../consolidated/proposal-addressee';

/**
 * The narrative sections of the consolidated report drafted from the data: the prose of part I (the
 * results by task group), II (difficulties), III (tasks for next year) and IV (proposals). Each is a
 * list of paragraphs; a sub-heading ("1. Kiến nghị với Trung ương") is marked so the document prints
 * it in bold italics. The coordinator sees the same paragraphs as plain text, one per line, and may
 * replace them (narrative-service.ts); the document then prints the saved lines instead.
 */
export interface DraftParagraph {
  text: string;
  subheading?: true;
}

type Entry = ConsolidatedData['entries'][number];

const sub = (text: string): DraftParagraph => ({ text, subheading: true });
const para = (text: string): DraftParagraph => ({ text });

/** An entry's result is sanitised HTML from the editor: the document gets its text. */
export const resultText = (e: Entry) =>
  present(e.result)
    ? htmlToText(e.result)
        .replace(/\s*\n+\s*/g, ' ')
        .trim()
    : '';

export function productOf(e: Entry) {
  const parts = [
    e.product_number,
    e.product_date ? `ngày ${formatDateVi(e.product_date)}` : null,
    e.product_summary,
  ];
  return parts.filter(present).join(' ');
}

/** I.2: the task count by status, then the results by task group, naming each agency and its product. */
function results(d: ConsolidatedData): DraftParagraph[] {
  const counts = new Map<string, number>();
  for (const t of d.tasks) counts.set(t.status.label, (counts.get(t.status.label) ?? 0) + 1);
  const countText = [...counts].map(([label, n]) => `${label.toLocaleLowerCase('vi')}: ${n}`).join('; ');
  const out: DraftParagraph[] = [
    para(
      `Kế hoạch có ${d.tasks.length} nhiệm vụ${countText ? `, trong đó ${countText}` : ''} (chi tiết tại Phụ lục kèm theo).`,
    ),
  ];
  const withResult = d.entries.filter((e) => present(resultText(e)) || present(e.product_summary));
  if (withResult.length === 0) {
    out.push(para('Chưa có báo cáo của cơ quan, đơn vị được tiếp nhận trong kỳ.'));
    return out;
  }
  const groups = groupInOrder(withResult, (e) => e.group_label ?? '');
  for (const [group, entries] of groups) {
    // Tasks without a group are headed only when there are groups to tell them from.
    if (group !== '' || groups.length > 1) out.push(sub(group || 'Các nhiệm vụ khác'));
    for (const e of entries) {
      const product = productOf(e);
      const text = [resultText(e), present(product) ? `Sản phẩm: ${product}` : null]
        .filter(present)
        .map((x) => x.replace(/[.;\s]+$/, ''))
        .join('. ');
      out.push(para(`- ${e.organisation_name}: ${text}.`));
    }
  }
  return out;
}

/** II: the difficulties the reports (and their entries) name, gathered by agency. */
function difficulties(d: ConsolidatedData): DraftParagraph[] {
  const items: { agency: string; text: string }[] = [];
  for (const r of d.reports)
    if (present(r.difficulties)) items.push({ agency: r.organisation_name, text: r.difficulties.trim() });
  for (const e of d.entries)
    if (present(e.difficulties)) items.push({ agency: e.organisation_name, text: e.difficulties.trim() });
  if (items.length === 0) return [para('Các cơ quan, đơn vị không báo cáo khó khăn, vướng mắc.')];
  return groupInOrder(items, (i) => i.agency).map(([agency, list]) =>
    para(`- ${agency}: ${[...new Set(list.map((i) => i.text))].join('; ')}`),
  );
}

/** III: the tasks due next year, the recurring ones, and the overdue ones carried over. */
function nextTasks(d: ConsolidatedData): DraftParagraph[] {
  const next = d.period.year + 1;
  const due = d.tasks.filter((t) => !isOngoing(t.task) && deadlineYear(t.task) === next);
  const ongoing = d.tasks.filter((t) => isOngoing(t.task));
  const overdue = d.tasks.filter((t) => t.status.code === 'overdue');
  const line = (t: ConsolidatedData['tasks'][number]) =>
    para(`- ${t.task.content}${t.leads.length ? ` (${t.leads.join(', ')} chủ trì)` : ''}.`);
  return [
    para(`1. Nhiệm vụ đến hạn trong năm ${next}: ${due.length} nhiệm vụ.`),
    ...due.map(line),
    para(`2. Nhiệm vụ thường xuyên, hằng năm tiếp tục thực hiện: ${ongoing.length} nhiệm vụ.`),
    para(
      `3. Nhiệm vụ quá hạn chưa hoàn thành, chuyển sang năm ${next} tiếp tục thực hiện: ${overdue.length} nhiệm vụ.`,
    ),
    ...overdue.map(line),
  ];
}

/**
 * IV: the proposals of the reports and their entries, grouped by the level they are addressed to
 * (central, province, other), each naming the agency that made it.
 */
function proposals(d: ConsolidatedData): DraftParagraph[] {
  const items: { agency: string; text: string }[] = [];
  for (const r of d.reports)
    if (present(r.proposals)) items.push({ agency: r.organisation_name, text: r.proposals.trim() });
  for (const e of d.entries)
    if (present(e.proposals)) items.push({ agency: e.organisation_name, text: e.proposals.trim() });
  if (items.length === 0) return [para('Các cơ quan, đơn vị không có kiến nghị, đề xuất.')];
  const groups = [
    ...ADDRESSEE_GROUPS.map((g) => ({ key: g.key as string, heading: g.heading })),
    { key: 'other', heading: OTHER_HEADING },
  ];
  const out: DraftParagraph[] = [];
  let n = 0;
  for (const g of groups) {
    const mine = items.filter((i) => addresseeOf(i.text) === g.key);
    if (mine.length === 0) continue;
    n += 1;
    out.push(sub(`${n}. ${g.heading}`));
    for (const [agency, list] of groupInOrder(mine, (i) => i.agency)) {
      out.push(para(`- ${agency}: ${[...new Set(list.map((i) => i.text))].join('; ')}`));
    }
  }
  return out;
}

/** Every narrative section drafted from the data. */
export function draftNarrative(d: ConsolidatedData): Record<NarrativeSection, DraftParagraph[]> {
  return {
    results: results(d),
    difficulties: difficulties(d),
    next_tasks: nextTasks(d),
    proposals: proposals(d),
  };
}

/** A draft as the coordinator edits it: one paragraph per line. */
export const draftText = (paragraphs: readonly DraftParagraph[]) => paragraphs.map((p) => p.text).join('\n');

/**
 * Saved text as paragraphs: one per non-blank line, trimmed (blank lines between paragraphs, as people
 * type them, add nothing). Saved text has no sub-headings of its own: the coordinator wrote it.
 */
export function textParagraphs(text: string): DraftParagraph[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => ({ text: l }));
}

/** The paragraphs a document prints for each section: the saved text where there is one, else the draft. */
export function narrativeParagraphs(
  d: ConsolidatedData,
  saved: Partial<Record<NarrativeSection, string | null>>,
): Record<NarrativeSection, DraftParagraph[]> {
  const draft = draftNarrative(d);
  const out = { ...draft };
  for (const key of Object.keys(draft) as NarrativeSection[]) {
    const text = saved[key];
    if (typeof text === 'string' && text.trim() !== '') out[key] = textParagraphs(text);
  }
  return out;
}

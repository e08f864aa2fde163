import type { ProposedChange } from '../../contracts/plan-amendments';
import type { PlanSection } from '../../contracts/plan-draft';
import type { AgencyLinkDraft, ReviewDraft, ReviewTask } from '../../contracts/plan-import';
import { CERTAIN_MATCH } from '../../contracts/plan-import';
import type { RevisionAgency, RevisionTaskFields } from '../../contracts/plan-revisions';
import { searchKey } from '../text/normalize';

/**
 * Reading an amending document (issue 13, item 2) against the plan it amends. The importer has already
 * read the document (header, sections, task table) into a review draft; this turns it into proposed
 * changes of the plan's tasks:
 * - a row of the document's task table is a new task, unless it says which task it adjusts
 *   ("Điều chỉnh nhiệm vụ số 5 mục IV" in its content or a note column): then it replaces that task's fields;
 * - a clause of the body naming a task ("Điều chỉnh thời hạn hoàn thành của nhiệm vụ số 3 … thành năm 2025",
 *   "Gia hạn … nhiệm vụ số 19 đến Quý IV/2024", "Điều chỉnh cơ quan chủ trì nhiệm vụ số 11 thành: Sở Tài chính",
 *   "Bãi bỏ nhiệm vụ số 7") changes that field, or ends the task.
 * Tasks are found by ordinal and, when the document names one, group ("mục IV": the group whose heading
 * starts with that numeral, else the fourth group). What cannot be read or found is a Vietnamese warning.
 * Pure: no I/O.
 */

export interface PlanTaskRef {
  id: number;
  fields: RevisionTaskFields;
}

export interface AmendmentContext {
  /** The plan's tasks in force, in the plan's order. */
  tasks: readonly PlanTaskRef[];
  /** Agency names of a cell, each linked to the registry where it can be. */
  agencies: (text: string) => RevisionAgency[];
  /** The day an ended task stops being in force: the document's date, at the latest today. */
  effectiveOn: string;
}

export interface AmendmentReading {
  changes: ProposedChange[];
  warnings: { message: string }[];
}

interface TaskReference {
  ordinal: string;
  section: string | null;
  /** As written: "nhiệm vụ số 5 mục IV". */
  text: string;
  end: number;
}

const REFERENCE =
  /(?:nhiệm vụ\s+)?(?:tại\s+)?(?:số\s+thứ\s+tự|số\s+TT|STT|TT|số)\s*(\d+(?:\.\d+)*[a-zđ]?)(?:\s*[,(]?\s*(?:thuộc\s+|tại\s+|của\s+)?(?:mục|phần|nhóm)\s+([IVXLC]+|\d+)\b)?/iu;
const NEEDS_TASK_WORD = /nhiệm vụ/iu;
const ENDING = /(bãi bỏ|không thực hiện|đưa ra khỏi|loại bỏ|thôi thực hiện)/iu;
const ADJUSTING = /(điều chỉnh|sửa đổi|thay thế|thay cho|gia hạn)/iu;
const CONNECTOR = /(?:^|[\s:,;])(?:thành|đến|là|sang|bằng)(?=[\s:“"])\s*:?\s*/iu;

const FIELD_WORDS: { field: keyof RevisionTaskFields; pattern: RegExp }[] = [
  {
    field: 'deadlineText',
    pattern:
      /(thời hạn(?: hoàn thành)?|gia hạn|tiến độ(?: thực hiện)?|thời gian(?: hoàn thành| thực hiện)?)/iu,
  },
  { field: 'leads', pattern: /((?:cơ quan|đơn vị) chủ trì(?: thực hiện)?)/iu },
  { field: 'coordinators', pattern: /((?:cơ quan|đơn vị) phối hợp(?: thực hiện)?)/iu },
  { field: 'product', pattern: /(sản phẩm(?: đầu ra)?)/iu },
  { field: 'content', pattern: /(nội dung(?: công việc| nhiệm vụ)?|tên nhiệm vụ)/iu },
];

function romanValue(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  const up = s.toUpperCase();
  for (let i = 0; i < up.length; i++) {
    const v = values[up[i] ?? ''];
    const nextV = values[up[i + 1] ?? ''] ?? 0;
    if (v === undefined) return null;
    total += v < nextV ? -v : v;
  }
  return total;
}

/** The numeral a group heading starts with ("IV. Phát triển hạ tầng" → 4), if any. */
function groupNumeral(label: string | null): number | null {
  const m = label?.trim().match(/^(?:mục\s+|phần\s+)?([IVXLC]+|\d+)[.:)\s-]/iu);
  return m?.[1] ? romanValue(m[1]) : null;
}

export function findReference(text: string): TaskReference | null {
  const m = REFERENCE.exec(text);
  if (!m || m.index === undefined) return null;
  // "số 35/TTr-SCT" is a document number, not a task: the word "nhiệm vụ" must name it.
  const before = text.slice(Math.max(0, m.index - 40), m.index + m[0].length);
  if (!NEEDS_TASK_WORD.test(before)) return null;
  if (/^\s*\//.test(text.slice(m.index + m[0].length))) return null;
  const ordinal = m[1] ?? '';
  const section = m[2] ? m[2].toUpperCase() : null;
  return {
    ordinal,
    section,
    text: section ? `nhiệm vụ số ${ordinal} mục ${section}` : `nhiệm vụ số ${ordinal}`,
    end: m.index + m[0].length,
  };
}

const distinctGroups = (tasks: readonly PlanTaskRef[]) => [
  ...new Set(tasks.map((t) => t.fields.group).filter((g): g is string => g !== null)),
];

/** The task a reference names, or a Vietnamese warning saying why none is taken. */
export function resolveReference(
  ref: Pick<TaskReference, 'ordinal' | 'section'>,
  tasks: readonly PlanTaskRef[],
): { task: PlanTaskRef } | { warning: string } {
  const named = ref.section ? `nhiệm vụ số ${ref.ordinal} mục ${ref.section}` : `nhiệm vụ số ${ref.ordinal}`;
  let pool = tasks;
  if (ref.section) {
    const n = romanValue(ref.section);
    const groups = distinctGroups(tasks);
    const numbered = groups.filter((g) => groupNumeral(g) !== null);
    const group =
      numbered.length > 0
        ? numbered.find((g) => groupNumeral(g) === n)
        : n !== null
          ? groups[n - 1]
          : undefined;
    if (group === undefined)
      return { warning: `Không tìm thấy ${named} trong kế hoạch: kế hoạch không có mục ${ref.section}.` };
    pool = tasks.filter((t) => t.fields.group === group);
  }
  const found = pool.filter((t) => t.fields.ordinal.replace(/\.$/, '') === ref.ordinal);
  if (found.length === 1 && found[0]) return { task: found[0] };
  if (found.length > 1)
    return {
      warning: `Kế hoạch có ${found.length} nhiệm vụ số ${ref.ordinal} ở các nhóm khác nhau; văn bản không ghi mục nào, hãy sửa trực tiếp nhiệm vụ cần điều chỉnh.`,
    };
  return { warning: `Không tìm thấy ${named} trong kế hoạch.` };
}

const clean = (value: string) =>
  value
    .trim()
    .replace(/^[“"']+|[”"']+$/gu, '')
    .replace(/[.;,]+$/u, '')
    .replace(/^[“"']+|[”"']+$/gu, '')
    .trim();

const withoutParentheses = (text: string) => text.replace(/\([^()]*\)/gu, ' ');

/** The field a clause changes and its new value, read after the reference. */
function readClause(
  clause: string,
  ref: TaskReference,
): { field: keyof RevisionTaskFields; value: string } | null {
  let field: { field: keyof RevisionTaskFields; end: number } | null = null;
  for (const f of FIELD_WORDS) {
    const m = f.pattern.exec(clause);
    if (m && m.index !== undefined) {
      field = { field: f.field, end: m.index + m[0].length };
      break;
    }
  }
  if (!field) return null;
  const from = Math.max(ref.end, field.end);
  const rest = withoutParentheses(clause.slice(from));
  const c = CONNECTOR.exec(rest);
  if (!c || c.index === undefined) return null;
  let value = clean(rest.slice(c.index + c[0].length));
  if (field.field === 'deadlineText') value = value.replace(/^năm\s+/iu, '');
  return value === '' ? null : { field: field.field, value };
}

function clauses(sections: readonly PlanSection[]): string[] {
  const out: string[] = [];
  const walk = (s: PlanSection) => {
    out.push([s.heading, ...s.paragraphs].join(' ').replace(/\s+/gu, ' ').trim());
    for (const c of s.children) walk(c);
  };
  for (const s of sections) walk(s);
  return out;
}

const toAgency = (link: AgencyLinkDraft): RevisionAgency => {
  const r = link.resolution;
  if (r.type === 'organisation' && r.confidence >= CERTAIN_MATCH && !r.notInForce)
    return { text: link.text, organisationId: r.organisationId, groupKey: null };
  if (r.type === 'group') return { text: link.text, organisationId: null, groupKey: r.groupKey };
  return { text: link.text, organisationId: null, groupKey: null };
};

/** The plan's group a row of the document belongs to: same numeral or same words, else as written. */
function placeInGroup(rowGroup: string | null, groups: readonly string[]): string | null {
  if (rowGroup === null) return null;
  const n = groupNumeral(rowGroup);
  const folded = searchKey(rowGroup.replace(/^(?:mục\s+|phần\s+)?([IVXLC]+|\d+)[.:)\s-]+/iu, '')).trim();
  return (
    groups.find((g) => n !== null && groupNumeral(g) === n) ??
    groups.find((g) => searchKey(g.replace(/^([IVXLC]+|\d+)[.:)\s-]+/iu, '')).trim() === folded) ??
    rowGroup
  );
}

function rowFields(row: ReviewTask, group: string | null): RevisionTaskFields {
  return {
    ordinal: row.ordinal.replace(/\.$/, '') || '?',
    group,
    content: row.content,
    product: row.product,
    deadlineText: row.deadline.text,
    leads: row.leads.map(toAgency),
    coordinators: row.coordinatorLinks.map(toAgency),
  };
}

const rowText = (row: ReviewTask) =>
  [row.ordinal, row.content, row.lead, row.coordinators.join(', '), row.product ?? '', row.deadline.text]
    .filter((s) => s !== '')
    .join(' | ');

export function readAmendment(draft: ReviewDraft, ctx: AmendmentContext): AmendmentReading {
  const warnings: { message: string }[] = [];
  const updates = new Map<number, { change: ProposedChange; fields: RevisionTaskFields }>();
  const changes: ProposedChange[] = [];
  const groups = distinctGroups(ctx.tasks);
  const added: RevisionTaskFields[] = [];
  let n = 0;
  const key = () => `c${++n}`;

  const updateOf = (task: PlanTaskRef, ref: TaskReference, source: string) => {
    let entry = updates.get(task.id);
    if (!entry) {
      const fields = structuredClone(task.fields);
      const change: ProposedChange = {
        key: key(),
        source,
        reference: ref.text,
        change: { kind: 'task_update', taskId: task.id, task: fields },
        current: task.fields,
      };
      entry = { change, fields };
      updates.set(task.id, entry);
      changes.push(change);
    } else if (!entry.change.source.includes(source)) entry.change.source += `\n${source}`;
    return entry.fields;
  };

  // The body's clauses.
  for (const clause of clauses(draft.sections)) {
    const ref = findReference(clause);
    if (!ref) continue;
    const ending = ENDING.test(clause);
    if (!ending && !ADJUSTING.test(clause)) continue;
    const found = resolveReference(ref, ctx.tasks);
    if ('warning' in found) {
      warnings.push({ message: found.warning });
      continue;
    }
    if (ending) {
      changes.push({
        key: key(),
        source: clause,
        reference: ref.text,
        change: { kind: 'task_remove', taskId: found.task.id, effectiveOn: ctx.effectiveOn },
        current: found.task.fields,
      });
      continue;
    }
    const read = readClause(clause, ref);
    if (!read) {
      warnings.push({
        message: `Không đọc được nội dung điều chỉnh ${ref.text}: “${clause.slice(0, 160)}”. Hãy sửa trực tiếp nhiệm vụ này.`,
      });
      continue;
    }
    const fields = updateOf(found.task, ref, clause);
    if (read.field === 'leads' || read.field === 'coordinators')
      fields[read.field] = ctx.agencies(read.value);
    else if (read.field === 'product' || read.field === 'group') fields[read.field] = read.value;
    else fields[read.field] = read.value;
  }

  // The task table: new tasks, or a row replacing the task it names.
  for (const row of draft.tasks) {
    const note = [row.content, ...(row.extra ?? []).map((e) => e.text)].join(' ');
    const ref = ADJUSTING.test(note) ? findReference(note) : null;
    if (ref) {
      const found = resolveReference(ref, ctx.tasks);
      if ('warning' in found) {
        warnings.push({ message: found.warning });
        continue;
      }
      const fields = updateOf(found.task, ref, rowText(row));
      const next = rowFields(row, found.task.fields.group);
      // The row's own words replace the task's; its ordinal and group stay the plan's.
      if (!ADJUSTING.test(row.content)) fields.content = next.content;
      if (next.product) fields.product = next.product;
      if (next.deadlineText) fields.deadlineText = next.deadlineText;
      if (next.leads.length > 0) fields.leads = next.leads;
      if (next.coordinators.length > 0) fields.coordinators = next.coordinators;
      continue;
    }
    const task = rowFields(row, placeInGroup(row.group, groups));
    const inGroup = [...ctx.tasks.map((t) => t.fields), ...added].filter((t) => t.group === task.group);
    if (inGroup.some((t) => t.ordinal === task.ordinal)) {
      // An appendix numbers its rows from 1: the task goes after the group's last one.
      const last = Math.max(0, ...inGroup.map((t) => Number.parseInt(t.ordinal, 10)).filter(Number.isFinite));
      const where = task.group ? ` (${task.group})` : '';
      warnings.push({
        message: `Nhiệm vụ bổ sung số ${task.ordinal}${where} trùng số thứ tự với nhiệm vụ đang có; đề xuất đánh số ${last + 1}, hãy kiểm tra lại.`,
      });
      task.ordinal = String(last + 1);
    }
    added.push(task);
    changes.push({
      key: key(),
      source: rowText(row),
      reference: null,
      change: { kind: 'task_add', task },
      current: null,
    });
  }

  // A changed task whose fields came out the same as now is no change.
  const kept = changes.filter(
    (c) => c.change.kind !== 'task_update' || JSON.stringify(c.change.task) !== JSON.stringify(c.current),
  );
  if (kept.length === 0 && warnings.length === 0)
    warnings.push({
      message:
        'Không đọc được thay đổi nào: văn bản không có bảng nhiệm vụ bổ sung, cũng không có câu điều chỉnh nhiệm vụ theo số thứ tự (ví dụ “Điều chỉnh thời hạn hoàn thành của nhiệm vụ số 5 mục IV thành năm 2026”).',
    });
  return { changes: kept, warnings };
}

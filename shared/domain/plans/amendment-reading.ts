import type { ProposedChange } from '../../contracts/plan-amendments';
import type { PlanSection } from '../../contracts/plan-draft';
import type { AgencyLinkDraft, ReviewDraft, ReviewTask } from '../../contracts/plan-import';
import { CERTAIN_MATCH } from '../../contracts/plan-import';
import type { RevisionAgency, RevisionTaskFields } from '../../contracts/plan-revisions';
import { searchKey } from '../text/normalize';
import {
  distinctGroups,
  findReferences,
  groupNumeral,
  type PlanTaskRef,
  type ReferenceList,
  resolveReference,
  type TaskReference,
} from './amendment-references';

export { type PlanTaskRef, resolveReference } from './amendment-references';

/**
 * Reading an amending document (issue 13, item 2) against the plan it amends. The importer has already
 * read the document (header, sections, task table) into a review draft; this turns it into proposed
 * changes of the plan's tasks:
 * - a row of the document's task table is a new task, unless it says which task it adjusts
 *   ("Điều chỉnh nhiệm vụ số 5 mục IV" in its content or a note column): then it replaces that task's fields;
 * - a clause of the body naming a task ("Điều chỉnh thời hạn hoàn thành của nhiệm vụ số 3 … thành năm 2025",
 *   "Gia hạn … nhiệm vụ số 19 đến Quý IV/2024", "Điều chỉnh cơ quan chủ trì nhiệm vụ số 11 thành: Sở Tài chính",
 *   "Bãi bỏ nhiệm vụ số 7") changes that field, or ends the task; a clause naming several tasks
 *   ("Bãi bỏ nhiệm vụ số 3 và số 4 mục II", amendment-references.ts) does so to each of them;
 * - a clause changing a target (chỉ tiêu) is a warning quoting it: an amendment changes tasks only
 *   (AmendmentChange), so the officer changes the target on the plan's page.
 * Tasks are found by ordinal and, when the document names one, group ("mục IV": the group whose heading
 * starts with that numeral, else the fourth group). What cannot be read or found is a Vietnamese warning.
 * Pure: no I/O.
 */

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

/** The first task a text names (a table row's note names at most one). */
export function findReference(text: string): (TaskReference & { end: number }) | null {
  const list = findReferences(text);
  const first = list?.refs[0];
  return list && first ? { ...first, end: list.end } : null;
}

/**
 * `value` without the characters of `start` at its start and of `end` at its end. A loop, not
 * `/[.;,]+$/`: a regex anchored at the end retries from every character of a long run ("....x"), which
 * is quadratic on hostile text (20 s for 100 KB).
 */
function trimSet(value: string, start: string, end: string): string {
  let from = 0;
  let to = value.length;
  while (from < to && start.includes(value[from] ?? '')) from++;
  while (to > from && end.includes(value[to - 1] ?? '')) to--;
  return value.slice(from, to);
}

const clean = (value: string) => {
  const unquoted = trimSet(value.trim(), '“"\'', '”"\'');
  return trimSet(trimSet(unquoted, '', '.;,'), '“"\'', '”"\'').trim();
};

const withoutParentheses = (text: string) => text.replace(/\([^()]*\)/gu, ' ');

/** The field a clause changes and its new value, read after the reference. */
function readClause(
  clause: string,
  ref: { end: number },
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

interface Clause {
  /** The section's heading and paragraphs, spaces collapsed. */
  text: string;
  /** The headings of the sections it is in ("II. ĐIỀU CHỈNH CHỈ TIÊU"), which may say what it changes. */
  context: string;
  /** A heading whose sub-sections say the details. */
  headingOnly: boolean;
}

const oneLine = (parts: readonly string[]) => parts.join(' ').replace(/\s+/gu, ' ').trim();

function clauses(sections: readonly PlanSection[]): Clause[] {
  const out: Clause[] = [];
  const walk = (s: PlanSection, context: string) => {
    out.push({
      text: oneLine([s.heading, ...s.paragraphs]),
      context,
      headingOnly: s.paragraphs.length === 0 && s.children.length > 0,
    });
    for (const c of s.children) walk(c, oneLine([context, s.heading]));
  };
  for (const s of sections) walk(s, '');
  return out;
}

const TARGET_WORD = /chỉ tiêu/iu;
const TARGET_ACTION = /(điều chỉnh|sửa đổi|thay thế|bổ sung|bãi bỏ|loại bỏ|không thực hiện)/iu;
/** "Nếu cần điều chỉnh chỉ tiêu, các sở báo cáo …" says how to ask for a change, it makes none. */
const CONDITIONAL = /(nếu|trường hợp|khi cần|đề xuất|kiến nghị)/iu;

/**
 * Whether the clause changes a target rather than a task: it (or the heading it is under) names a
 * target and a change, and names the target before any task ("chỉ tiêu số 2 mục II.1 … thành 90%").
 */
function changesTarget(clause: Clause, taskAt: number | null): boolean {
  if (clause.headingOnly || CONDITIONAL.test(clause.text)) return false;
  const target = TARGET_WORD.exec(clause.text);
  if (target) {
    if (taskAt !== null && taskAt < target.index) return false;
    return TARGET_ACTION.test(clause.text) || TARGET_ACTION.test(clause.context);
  }
  // "II. ĐIỀU CHỈNH CHỈ TIÊU" then "1. Tỷ lệ đô thị hóa: từ 45% thành 50%".
  return taskAt === null && TARGET_WORD.test(clause.context) && TARGET_ACTION.test(clause.context);
}

/** "nhiệm vụ số 2 mục I, nhiệm vụ số 5 mục III", at most ten of them. */
const namesOf = (refs: readonly TaskReference[]) =>
  refs
    .slice(0, 10)
    .map((r) => r.text)
    .join(', ') + (refs.length > 10 ? ', …' : '');

const quote = (text: string, max = 200) => `“${text.length > max ? `${text.slice(0, max)}…` : text}”`;

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

  const warned = new Set<string>();
  const warn = (message: string) => {
    if (warned.has(message)) return;
    warned.add(message);
    warnings.push({ message });
  };
  const removed = new Set<number>();

  /** Each task of the list is ended, or gets the field the clause changes. */
  const changeTasks = (clause: string, list: ReferenceList, ending: boolean) => {
    // Each task the clause names is found on its own: one the plan lacks is a warning of its own.
    const found: { ref: TaskReference; task: PlanTaskRef }[] = [];
    for (const ref of list.refs) {
      const r = resolveReference(ref, ctx.tasks);
      if ('warning' in r) warn(r.warning);
      else found.push({ ref, task: r.task });
    }
    if (found.length === 0) return;
    if (ending) {
      for (const { ref, task } of found) {
        if (removed.has(task.id)) continue;
        removed.add(task.id);
        changes.push({
          key: key(),
          source: clause,
          reference: ref.text,
          change: { kind: 'task_remove', taskId: task.id, effectiveOn: ctx.effectiveOn },
          current: task.fields,
        });
      }
      return;
    }
    const read = readClause(clause, list);
    if (!read) {
      warn(
        `Không đọc được nội dung điều chỉnh ${namesOf(found.map((f) => f.ref))}: ${quote(clause, 160)}. Hãy sửa trực tiếp nhiệm vụ này.`,
      );
      return;
    }
    for (const { ref, task } of found) {
      const fields = updateOf(task, ref, clause);
      if (read.field === 'leads' || read.field === 'coordinators')
        fields[read.field] = ctx.agencies(read.value);
      else if (read.field === 'product' || read.field === 'group') fields[read.field] = read.value;
      else fields[read.field] = read.value;
    }
  };

  /** One clause of the body: a target's change is a warning, a task's is read. */
  const readClauseInto = (clause: Clause) => {
    const list = findReferences(clause.text);
    if (changesTarget(clause, list?.start ?? null)) {
      warn(
        `Chưa đọc được tự động: ${quote(clause.text)} — hãy sửa chỉ tiêu trên trang kế hoạch (nút “Sửa chỉ tiêu”).`,
      );
      return;
    }
    if (!list) return;
    const ending = ENDING.test(clause.text);
    if (!ending && !ADJUSTING.test(clause.text)) return;
    changeTasks(clause.text, list, ending);
    // A clause doing two things ("Bãi bỏ nhiệm vụ số 2 và điều chỉnh thời hạn nhiệm vụ số 5 … thành
    // 2026") is read for its first list of tasks only: the tasks named later are not dropped silently.
    const more = findReferences(clause.text.slice(list.end));
    if (more)
      warn(
        `Chưa đọc được tự động thay đổi của ${namesOf(more.refs)} trong câu ${quote(clause.text, 160)} — hãy kiểm tra và sửa trực tiếp nhiệm vụ trên trang kế hoạch.`,
      );
  };

  // The body's clauses.
  for (const clause of clauses(draft.sections)) readClauseInto(clause);

  // The task table: new tasks, or a row replacing the task it names.
  for (const row of draft.tasks) {
    const note = [row.content, ...(row.extra ?? []).map((e) => e.text)].join(' ');
    const ref = ADJUSTING.test(note) ? findReference(note) : null;
    if (ref) {
      const found = resolveReference(ref, ctx.tasks);
      if ('warning' in found) {
        warn(found.warning);
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
      warn(
        `Nhiệm vụ bổ sung số ${task.ordinal}${where} trùng số thứ tự với nhiệm vụ đang có; đề xuất đánh số ${last + 1}, hãy kiểm tra lại.`,
      );
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

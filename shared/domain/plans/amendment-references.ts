import type { RevisionTaskFields } from '../../contracts/plan-revisions';

/**
 * The tasks a clause of an amending document names, and the plan's task each one is. A clause may name
 * one task ("nhiệm vụ số 5 mục IV") or several: "nhiệm vụ số 3 và số 4 mục II", "các nhiệm vụ số 2, 5, 7
 * mục III", "nhiệm vụ tại số thứ tự 3, 4 và 6 của mục IV", "từ số 8 đến số 10 mục I", "nhiệm vụ số 2
 * mục I và nhiệm vụ số 5 mục III". A group written after a run of numbers belongs to all of them.
 *
 * The text is hostile input (any uploaded file): every pattern here is either searched once or matched
 * at a fixed position (sticky), and none has nested unbounded quantifiers, so reading is linear.
 */

export interface PlanTaskRef {
  id: number;
  fields: RevisionTaskFields;
}

export interface TaskReference {
  ordinal: string;
  section: string | null;
  /** As the proposal names it: "nhiệm vụ số 5 mục IV". */
  text: string;
}

export interface ReferenceList {
  refs: TaskReference[];
  /** Where the list starts and ends in the clause: what the clause changes is written after it. */
  start: number;
  end: number;
}

/** "số 5", "số thứ tự 5", "STT 5", "TT 5": where a task number starts (searched, global). */
const NUMBER_WORD = /(?:số\s+thứ\s+tự|số\s+TT|STT|TT|số)\s*(?=\d)/giu;
/** The task word must be close before the first number: "số 35/TTr-SCT" names a document, not a task. */
const NEEDS_TASK_WORD = /nhiệm vụ/iu;
const TASK_WORD_REACH = 40;

// Matched at a fixed position (sticky) while walking along the list.
const ORDINAL = /(\d+(?:\.\d+)*[a-zđ]?)/iuy;
/** A document number ("số 35/TTr"), not a task: the list stops. */
const SLASH = /\s*\//y;
const SEPARATOR = /\s*(?:[,;]\s*(?:và\s+|hoặc\s+)?|(?:và|hoặc)\s+)/iuy;
/** The words before a later number of the list ("nhiệm vụ số", "số thứ tự"), each optional. */
const ITEM_PREFIX =
  /(?:các\s+)?(?:nhiệm vụ\s+)?(?:(?:tại|ở)\s+)?(?:(?:số\s+thứ\s+tự|số\s+TT|STT|TT|số)\s*)?/iuy;
/**
 * A number without "số" before it ("số 2, 5, 7") counts only when what follows belongs to a list, so
 * "nhiệm vụ số 7, 02 nhiệm vụ khác" does not read "02" as a task.
 */
const AFTER_BARE_NUMBER =
  /(?=\s*(?:$|[,;.:)]|(?:và|hoặc|mục|phần|nhóm|của|thuộc|tại|đến|tới|thành|sang|từ)(?:\s|$)|[-–]))/iuy;
/**
 * "đến số 10", "đến nhiệm vụ số 10", "8-10"; "đến 10" only after "từ số 8": in "nhiệm vụ số 19 đến
 * 2025" the number is a deadline.
 */
const RANGE_WITH_WORD = /\s*(?:đến|tới)\s+(?:nhiệm vụ\s+)?(?:số\s+(?:thứ\s+tự\s+)?|STT\s*)(\d+)(?![\d./])/iuy;
const RANGE_DASH = /\s*[-–]\s*(\d+)(?![\d./])/iuy;
const RANGE_BARE = /\s*(?:đến|tới)\s+(\d+)(?![\d./])/iuy;
const RANGE_AFTER_FROM = /(?:^|\s)từ\s+(?:số\s+(?:thứ\s+tự\s+)?|STT\s*)?$/iu;
/** A range longer than this is not a list of tasks but a misreading ("số 3 - 2024"). */
const MAX_RANGE = 100;
/** No clause names more tasks than this; a hostile "số 1, 2, 3, …" of 100 KB stops here. */
const MAX_TASKS = 300;
const SECTION =
  /\s*[,(]?\s*(?:thuộc\s+|tại\s+|của\s+|ở\s+)?(?:mục|phần|nhóm)\s+([IVXLC]+|\d+)(?![\p{L}\d])/iuy;

/** Matches `pattern` exactly at `at`, or null. */
function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

export const referenceText = (ordinal: string, section: string | null) =>
  section ? `nhiệm vụ số ${ordinal} mục ${section}` : `nhiệm vụ số ${ordinal}`;

/** The last number of a range read at `at` ("đến số 10"), if the range makes sense after `first`. */
function readRangeEnd(text: string, at: number, first: string, afterFrom: boolean) {
  const m =
    matchAt(RANGE_WITH_WORD, text, at) ??
    matchAt(RANGE_DASH, text, at) ??
    (afterFrom ? matchAt(RANGE_BARE, text, at) : null);
  if (!m?.[1] || !/^\d+$/.test(first)) return null;
  const from = Number(first);
  const to = Number(m[1]);
  if (to <= from || to - from > MAX_RANGE) return null;
  return { to, end: at + m[0].length };
}

/** The numbers of a list starting with the number at `at`, each with the group written after it, if any. */
function readList(
  text: string,
  at: number,
): { items: { ordinal: string; section: string | null }[]; end: number } {
  const items: { ordinal: string; section: string | null }[] = [];
  let pending = 0; // items read since the last group named: the next group named is theirs too
  let pos = at;
  let end = at;
  for (let first = true; items.length < MAX_TASKS; first = false) {
    let itemStart = pos;
    if (!first) {
      const sep = matchAt(SEPARATOR, text, pos);
      if (!sep) break;
      itemStart = pos + sep[0].length;
    }
    const prefix = matchAt(ITEM_PREFIX, text, itemStart);
    const numberAt = itemStart + (prefix?.[0].length ?? 0);
    const number = matchAt(ORDINAL, text, numberAt);
    if (!number?.[1]) break;
    let next = numberAt + number[0].length;
    if (matchAt(SLASH, text, next)) break;
    // A later bare number ("2, 5, 7") must look like a list item, not a count or a year.
    if (!first && prefix?.[0] === '' && !matchAt(AFTER_BARE_NUMBER, text, next)) break;

    const ordinal = number[1];
    const afterFrom = RANGE_AFTER_FROM.test(text.slice(Math.max(0, numberAt - 20), numberAt));
    const range = readRangeEnd(text, next, ordinal, afterFrom);
    const ordinals = range
      ? Array.from({ length: range.to - Number(ordinal) + 1 }, (_, i) => String(Number(ordinal) + i))
      : [ordinal];
    if (range) next = range.end;
    for (const o of ordinals) items.push({ ordinal: o, section: null });
    pending += ordinals.length;

    const section = matchAt(SECTION, text, next);
    if (section?.[1]) {
      const name = section[1].toUpperCase();
      for (let i = items.length - pending; i < items.length; i++) items[i] = { ...items[i]!, section: name };
      pending = 0;
      next += section[0].length;
    }
    pos = next;
    end = next;
  }
  return { items: items.slice(0, MAX_TASKS), end };
}

/**
 * The tasks the clause names, from its first task number that "nhiệm vụ" introduces; null when the
 * clause names none. Each task is named once, in the order written.
 */
export function findReferences(text: string): ReferenceList | null {
  for (const m of text.matchAll(NUMBER_WORD)) {
    const at = m.index + m[0].length;
    const before = text.slice(Math.max(0, m.index - TASK_WORD_REACH), at);
    if (!NEEDS_TASK_WORD.test(before)) continue;
    const { items, end } = readList(text, at);
    if (items.length === 0) continue;
    const seen = new Set<string>();
    const refs: TaskReference[] = [];
    for (const item of items) {
      const ref = { ...item, text: referenceText(item.ordinal, item.section) };
      if (seen.has(ref.text)) continue;
      seen.add(ref.text);
      refs.push(ref);
    }
    return { refs, start: m.index, end };
  }
  return null;
}

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
export function groupNumeral(label: string | null): number | null {
  const m = label?.trim().match(/^(?:mục\s+|phần\s+)?([IVXLC]+|\d+)[.:)\s-]/iu);
  return m?.[1] ? romanValue(m[1]) : null;
}

export const distinctGroups = (tasks: readonly PlanTaskRef[]) => [
  ...new Set(tasks.map((t) => t.fields.group).filter((g): g is string => g !== null)),
];

/** The task a reference names, or a Vietnamese warning saying why none is taken. */
export function resolveReference(
  ref: Pick<TaskReference, 'ordinal' | 'section'>,
  tasks: readonly PlanTaskRef[],
): { task: PlanTaskRef } | { warning: string } {
  const named = referenceText(ref.ordinal, ref.section);
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

import type { PlanTarget, TargetKind } from '../../contracts/plan-draft';
import { searchKey } from '../text/normalize';
import { isPlausibleYear } from './dates';
import { capitalizeFirst } from './lines';
import { findQuantities, type Quantity } from './quantities';
import type { SectionNode } from './sections';
import { wordCount } from './structure';

interface Period {
  fromYear: number | null;
  toYear: number | null;
}

const RANGE = /(\d{4})\s*(?:-|–|—|đến)\s*(?:năm\s+)?(\d{4})/u;
const BY_YEAR = /(?:đến|vào|tới|trong)\s+năm\s+(\d{4})|^(?:năm|đến)\s+(\d{4})/iu;
const PERIOD_IN_CLAUSE = /giai đoạn\s+(\d{4})\s*[-–—]\s*(\d{4})/iu;

function period(from: number | null, to: number | null): Period | null {
  if (to === null || !isPlausibleYear(to)) return null;
  if (from !== null && (!isPlausibleYear(from) || from > to)) return null;
  return { fromYear: from, toYear: to };
}

/** The time a prefix like "Giai đoạn 2021-2025" or "Định hướng đến năm 2030" sets. */
function prefixPeriod(text: string): Period | null {
  const range = RANGE.exec(text);
  if (range !== null) return period(Number(range[1]), Number(range[2]));
  const year = /(?:năm|đến)\s+(\d{4})/iu.exec(text) ?? /^\s*(\d{4})\s*$/u.exec(text);
  return year === null ? null : period(null, Number(year[1]));
}

/**
 * A time stated inside a clause. Deliberately narrow: "so với năm 2020" is a baseline, and years inside
 * document names are not targets, so only "giai đoạn A-B" and "đến/vào năm Y" count.
 */
function clausePeriod(text: string): Period | null {
  const range = PERIOD_IN_CLAUSE.exec(text);
  if (range !== null) return period(Number(range[1]), Number(range[2]));
  const year = BY_YEAR.exec(text);
  const value = year?.[1] ?? year?.[2];
  return value === undefined ? null : period(null, Number(value));
}

const TRAILING_FILLER =
  /(?:[\s,:-]*(?<!\p{L})(?:bình quân|tăng trưởng|tăng|giảm|đạt|chiếm|khoảng|xấp xỉ|gần|trên|dưới|hơn|tối thiểu|tối đa|ít nhất|không dưới|không quá|từ|là|có|ở mức|mức|phấn đấu|trở lên))?[\s,:-]*$/iu;

/** "Đến năm 2025, …", "Giai đoạn 2021-2025: …" in front of the subject. */
const LEADING_TIME =
  /^(?:định hướng\s+)?(?:(?:đến|vào|tới|trong)\s+)?(?:năm|giai đoạn)\s+\d{4}(?:\s*[-–]\s*\d{4})?\s*[,:]?\s*/iu;

/** Drops the verbs and qualifiers between what is measured and the number ("… bình quân tăng"). */
function cleanSubject(text: string): string {
  let out = text
    .replace(/^(?:\s|,|;|:|và\b)+/u, '')
    .replace(LEADING_TIME, '')
    .trim();
  for (let guard = 0; guard < 6; guard++) {
    const next = out.replace(TRAILING_FILLER, '').trim();
    if (next === out) break;
    out = next;
  }
  return out;
}

function kindOf(quantity: Quantity, before: string): TargetKind {
  const key = searchKey(before);
  if (quantity.family === 'percent_per_year') return 'average_growth';
  if (quantity.family === 'amount') return 'level';
  if (quantity.family === 'count') return 'count';
  if (/binh quan|tang truong/.test(key)) return 'average_growth';
  if (/ty trong|chiem|co cau/.test(key)) return 'share';
  return 'percentage';
}

function bounds(quantity: Quantity, before: string): { min: number | null; max: number | null } {
  if (quantity.low !== quantity.high) return { min: quantity.low, max: quantity.high };
  const key = searchKey(before.slice(-25));
  if (/(tren|hon|toi thieu|it nhat|khong duoi)\s*$/.test(key) && !/tren duoi\s*$/.test(key)) {
    return { min: quantity.low, max: null };
  }
  if (/(duoi|toi da|khong qua|khong vuot qua)\s*$/.test(key)) return { min: null, max: quantity.high };
  return { min: quantity.low, max: quantity.high };
}

const APPROXIMATE = /(khoang|xap xi|gan|tren duoi)\s*$/;

/** Reads the quantified targets of one clause ("… bình quân tăng 9- 10%/năm"). */
function clauseTargets(clause: string, time: Period | null): PlanTarget[] {
  const quantities = findQuantities(clause);
  const out: PlanTarget[] = [];
  const clausePrefix = cleanSubject(clause.slice(0, quantities[0]?.start ?? 0));
  let previousApproximate = false;
  quantities.forEach((quantity, index) => {
    const previousEnd = quantities[index - 1]?.end ?? 0;
    const before = clause.slice(previousEnd, quantity.start);
    const nextStart = quantities[index + 1]?.start ?? clause.length;
    // "khoảng 04 KCN và 10 CCN": "khoảng" covers every quantity of the enumeration.
    const approximate =
      APPROXIMATE.test(searchKey(before.slice(-20))) ||
      (index > 0 && previousApproximate && /^\s*(và|,)\s*$/u.test(before));
    previousApproximate = approximate;

    let subject: string;
    if (quantity.family === 'count') {
      const action = clausePrefix.split(',').pop()?.trim() ?? '';
      const noun = capitalizeFirst(quantity.unitText);
      subject = action !== '' && wordCount(action) <= 6 ? `${noun} ${action}` : noun;
    } else {
      const own = cleanSubject(before);
      subject = wordCount(own) >= 2 ? own : cleanSubject(clause.slice(quantity.end, nextStart));
    }
    out.push({
      text: clause.trim(),
      kind: kindOf(quantity, before),
      ...bounds(quantity, before),
      unit: quantity.unit,
      fromYear: time?.fromYear ?? null,
      toYear: time?.toYear ?? null,
      approximate,
      subject: capitalizeFirst(subject),
    });
  });
  return out;
}

/** The objective nodes: "II. MỤC TIÊU", or the "Mục tiêu" items of "QUAN ĐIỂM, MỤC TIÊU, YÊU CẦU". */
export function findObjectiveNodes(roots: readonly SectionNode[]): SectionNode[] {
  const out: SectionNode[] = [];
  for (const root of roots) {
    if (!searchKey(root.heading).includes('muc tieu')) continue;
    const children = root.children.filter((child) => searchKey(child.heading).includes('muc tieu'));
    out.push(...(children.length > 0 ? children : [root]));
  }
  return out;
}

function readNode(node: SectionNode, inherited: Period | null, out: PlanTarget[]): void {
  const nodeTime = prefixPeriod(node.heading) ?? inherited;
  let context: Period | null = null;
  for (const paragraph of node.paragraphs) {
    const isSub = /^\+/.test(paragraph);
    const body = paragraph.replace(/^(?:[-–—+•*]\s*|[a-zđ]\)\s*)/u, '');
    if (!isSub) context = null;
    const split = /^([^:]{2,80}):\s*(.*)$/su.exec(body);
    // "Đến năm 2030, tổ chức …; xây dựng …": a leading time governs every clause of the sentence.
    const leading = /^((?:đến|tới|trong|vào)\s+năm\s+\d{4}|giai đoạn\s+\d{4}\s*[-–]\s*\d{4})\s*,/iu.exec(
      body,
    );
    const ownTime =
      split?.[1] !== undefined
        ? prefixPeriod(split[1])
        : leading?.[1] !== undefined
          ? prefixPeriod(leading[1])
          : null;
    const rest = ownTime !== null && split?.[1] !== undefined ? (split[2] ?? '') : body;
    if (ownTime !== null && rest.trim() === '') {
      context = ownTime; // "- Đến năm 2025:" heads the "+" items that follow
      continue;
    }
    const time = ownTime ?? (isSub ? context : null) ?? nodeTime;
    const withoutAsides = rest.replace(/\([^()]*\)/g, ' ').replace(/\s{2,}/g, ' ');
    for (const clause of withoutAsides.split(/;|\.\s+(?=\p{Lu})|\.$/u)) {
      if (clause.trim() === '') continue;
      out.push(...clauseTargets(clause.trim(), clausePeriod(clause) ?? time));
    }
  }
  for (const child of node.children) readNode(child, nodeTime, out);
}

/** Quantified targets of the objectives section, in reading order. */
export function extractTargets(roots: readonly SectionNode[]): {
  targets: PlanTarget[];
  line: number | null;
} {
  const nodes = findObjectiveNodes(roots);
  const targets: PlanTarget[] = [];
  for (const node of nodes) readNode(node, null, targets);
  return { targets, line: nodes[0]?.line ?? null };
}

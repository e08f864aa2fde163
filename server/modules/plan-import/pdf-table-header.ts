import { columnKindOf } from '../../../shared/domain/plan-import/task-table';
import { normalizeText } from '../../../shared/domain/text/normalize';
import type { Chunk, Line } from './pdf-lines';

/*
 * The task table's header on a PDF page: the band of lines whose side-by-side cells name a task
 * table's columns, with each column's x extent.
 */

/** A row number alone in its cell: "1", "1.2.", "a)", "IV". */
export const ORDINAL = /^(\d{1,3}(\.\d{1,3})*\.?|[a-zđ]\)|[IVXL]{1,6}\.?)$/u;

export interface Column {
  label: string;
  left: number;
  right: number;
}

export interface TableHeader {
  columns: Column[];
  /** Indexes of the header's first and last lines on its page. */
  firstLine: number;
  lastLine: number;
  /** How many of its columns are named like a task table's. */
  score: number;
}

/** Side-by-side header cells: chunks of the band's lines that overlap horizontally form one column. */
function headerColumns(band: readonly Line[]): Column[] {
  const chunks = band.flatMap((line) => line.chunks).sort((a, b) => a.left - b.left);
  const groups: Chunk[][] = [];
  let right = Number.NEGATIVE_INFINITY;
  for (const chunk of chunks) {
    const group = groups[groups.length - 1];
    if (group !== undefined && chunk.left < right) {
      group.push(chunk);
      right = Math.max(right, chunk.right);
    } else {
      groups.push([chunk]);
      right = chunk.right;
    }
  }
  return groups.map((group) => ({
    label: normalizeText(
      [...group]
        .sort((a, b) => b.y - a.y || a.left - b.left)
        .map((c) => c.text)
        .join(' '),
    ),
    left: Math.min(...group.map((c) => c.left)),
    right: Math.max(...group.map((c) => c.right)),
  }));
}

/**
 * Whether a line belongs to the header band above it: header labels are short and centred, so a wrapped
 * label's next line sits within its cell's label ("Thời hạn" / "hoàn thành"), or starts a column of its own.
 * A line running out past a label it overlaps is the first body row of a table set without spacing.
 */
function continuesHeader(line: Line, columns: readonly Column[]): boolean {
  const slack = line.height;
  return line.chunks.every((chunk) =>
    columns
      .filter((c) => chunk.left < c.right && chunk.right > c.left)
      .every((c) => chunk.left >= c.left - slack && chunk.right <= c.right + slack),
  );
}

/** How many columns of a header band are named like a task table's columns, or 0 if it is not one. */
/** Header candidates repeat the same labels page after page; their kinds are looked up once. */
const kindCache = new Map<string, ReturnType<typeof columnKindOf>>();
export function kindOf(label: string): ReturnType<typeof columnKindOf> {
  let kind = kindCache.get(label);
  if (kind === undefined) {
    kind = columnKindOf(label);
    if (kindCache.size > 10_000) kindCache.clear();
    kindCache.set(label, kind);
  }
  return kind;
}

function headerScore(columns: readonly Column[]): number {
  const kinds = columns.map((c) => kindOf(c.label));
  const known = kinds.filter((k) => k !== null && k !== 'extra').length;
  if (columns.length < 3 || known < 3 || known < 0.6 * columns.length) return 0;
  if (!kinds.includes('content') || !(kinds.includes('lead') || kinds.includes('deadline'))) return 0;
  return known;
}

/**
 * The task table's header on a page: up to six close lines whose side-by-side cells name its columns. The
 * band grows while its score does not drop (a label wrapped over three lines needs all three) and stops
 * before a line opening with a row number, the table's first row.
 */
export function findHeader(
  lines: readonly Line[],
  from: number,
  maxStart = lines.length,
): TableHeader | null {
  let found = headers.get(lines);
  if (found === undefined) {
    found = lines.map(() => undefined);
    headers.set(lines, found);
  }
  const at = (i: number) => {
    let header = found[i];
    if (header === undefined) {
      header = headerAt(lines, i);
      found[i] = header;
    }
    return header;
  };
  for (let i = from; i < Math.min(lines.length, maxStart); i++) {
    let best = at(i);
    if (best === null) continue;
    // A title line right above the header ("DANH MỤC NHIỆM VỤ") may join its band without adding a
    // column: the header starts at the last line that still gives the same columns.
    for (
      let next = at(best.firstLine + 1);
      next !== null && next.score >= best.score;
      next = at(next.firstLine + 1)
    )
      best = next;
    return best;
  }
  return null;
}

/** Words a header cell starts with; a band with none of them is not a header (a cheap first test). */
const HEADER_WORD =
  /(^|\s)(S?TT|Nội dung|Nhiệm vụ|Tên|chủ trì|phối hợp|Thời hạn|Thời gian|Tiến độ|Cơ quan|Đơn vị|Sản phẩm|Kết quả|Ghi chú|Công việc)/iu;
/** Header found starting at each line of a page, computed once: the layout asks again from later lines. */
const headers = new WeakMap<readonly Line[], (TableHeader | null | undefined)[]>();

function headerAt(lines: readonly Line[], i: number): TableHeader | null {
  if (!lines.slice(i, i + 6).some((line) => line.chunks.some((c) => HEADER_WORD.test(c.text)))) return null;
  let best: TableHeader | null = null;
  let bestScore = 0;
  for (let size = 1; size <= 6 && i + size <= lines.length; size++) {
    const last = lines[i + size - 1];
    const before = lines[i + size - 2];
    if (size > 1 && last !== undefined && before !== undefined && before.y - last.y > 1.7 * before.height)
      break;
    if (size > 1 && ORDINAL.test(last?.chunks[0]?.parts[0]?.text.trim() ?? '')) break;
    if (size > 1 && last !== undefined && !continuesHeader(last, headerColumns(lines.slice(i, i + size - 1))))
      break;
    const columns = headerColumns(lines.slice(i, i + size));
    // More than a dozen side-by-side pieces, or one long sentence, is body text, not a header.
    if (columns.length > 12) break;
    const score = headerScore(columns);
    if (score > 0 && score >= bestScore) {
      best = { columns, firstLine: i, lastLine: i + size - 1, score };
      bestScore = score;
    } else if (best !== null) break;
  }
  return best;
}

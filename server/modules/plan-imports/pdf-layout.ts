import { columnKindOf } from '../../../shared/domain/plan-import/task-table';
import { normalizeText } from '../../../shared/domain/text/normalize';

/*
 * Rebuilds the text of a PDF page (or of an OCR'd image) from positioned pieces of text, in the layout the
 * plan parser reads: plain lines for the body, and for a task table each cell's lines followed by a "|"
 * line, row after row. PDFs carry no table structure, only where each piece of text is drawn, so the
 * table is recovered from geometry: the header row names the columns and gives their x positions, body
 * text is assigned to the column its x falls in, and rows are the bands of lines that belong together.
 * Pure: no I/O, so it is tested on coordinates as well as on real PDFs.
 */

/** One piece of text as drawn: x of its left edge and y of its baseline in PDF units (y grows upwards). */
export interface PlacedText {
  str: string;
  x: number;
  y: number;
  width: number;
  /** Font size, or line height for OCR words. */
  height: number;
}

export interface PlacedPage {
  items: PlacedText[];
  width: number;
  height: number;
}

/** Text drawn close together on one line. `parts` are the pieces it was made of, to cut it at a column edge. */
interface Chunk {
  text: string;
  left: number;
  right: number;
  y: number;
  height: number;
  parts: { text: string; left: number; right: number }[];
}

interface Line {
  y: number;
  height: number;
  chunks: Chunk[];
}

const SEPARATOR = '|';

/** Pieces closer than this (× font size) belong to the same chunk of text: a word, a cell's line. */
const CHUNK_GAP = 0.6;
/** A gap wider than this (× font size) inside a plain line separates two side-by-side blocks. */
const BLOCK_GAP = 2.5;

function median(values: number[], fallback: number): number {
  if (values.length === 0) return fallback;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? fallback;
}

/** Groups a page's pieces into lines (same baseline) and each line's pieces into chunks (no wide gap). */
export function pageLines(page: PlacedPage): Line[] {
  const items = page.items
    .filter((item) => item.str.trim() !== '' && item.height > 0)
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; height: number; items: PlacedText[] }[] = [];
  for (const item of items) {
    const last = lines[lines.length - 1];
    if (last !== undefined && Math.abs(last.y - item.y) <= 0.4 * Math.min(last.height, item.height)) {
      last.items.push(item);
      last.height = Math.max(last.height, item.height);
    } else {
      lines.push({ y: item.y, height: item.height, items: [item] });
    }
  }
  return lines.map((line) => {
    const sorted = line.items.sort((a, b) => a.x - b.x);
    const chunks: Chunk[] = [];
    for (const item of sorted) {
      const last = chunks[chunks.length - 1];
      const gap = last === undefined ? Number.POSITIVE_INFINITY : item.x - last.right;
      if (last !== undefined && gap < CHUNK_GAP * line.height) {
        const glue =
          gap > 0.12 * line.height && !last.text.endsWith(' ') && !item.str.startsWith(' ') ? ' ' : '';
        last.text += glue + item.str;
        last.right = Math.max(last.right, item.x + item.width);
        last.parts.push({ text: item.str, left: item.x, right: item.x + item.width });
      } else {
        const part = { text: item.str, left: item.x, right: item.x + item.width };
        chunks.push({ ...part, y: line.y, height: item.height, parts: [part] });
      }
    }
    for (const chunk of chunks) chunk.text = normalizeText(chunk.text);
    return { y: line.y, height: line.height, chunks: chunks.filter((c) => c.text !== '') };
  });
}

const lineText = (chunks: readonly Chunk[]) => chunks.map((c) => c.text).join(' ');

/**
 * Page furniture: running headers and footers (the same text at the same height on several pages, such as
 * a gazette's "CÔNG BÁO/Số …" line) and page numbers at the top or bottom of a page. Dropped so they do not
 * land inside a table cell that continues across the page break.
 */
function dropFurniture(pages: Line[][], pageWidths: number[]): Line[][] {
  const seen = new Map<string, number>();
  const keyOf = (line: Line) => `${Math.round(line.y / 3)}:${lineText(line.chunks).replace(/\d+/g, '#')}`;
  for (const lines of pages) {
    for (const key of new Set(lines.map(keyOf))) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const repeatedOn = Math.max(3, Math.ceil(pages.length / 2));
  return pages.map((lines, p) => {
    const width = pageWidths[p] ?? 0;
    // A table header repeated at the top of every page is repeated text too, but it is kept.
    const header = findHeader(lines, 0, 8);
    const kept = (i: number) => header !== null && i >= header.firstLine && i <= header.lastLine;
    return lines.filter((line, i) => {
      if (kept(i)) return true;
      // Only the first and last lines of a page can be furniture: a table's text may repeat itself.
      const margin = i < 3 || i >= lines.length - 3;
      if (margin && (seen.get(keyOf(line)) ?? 0) >= repeatedOn) return false;
      const edge = i === 0 || i === lines.length - 1;
      const only = line.chunks.length === 1 ? line.chunks[0] : undefined;
      const centre = only === undefined ? 0 : (only.left + only.right) / 2;
      const pageNumber =
        only !== undefined &&
        /^[-–]?\s*\d{1,4}\s*[-–]?$/.test(only.text) &&
        Math.abs(centre - width / 2) < width / 6;
      return !(edge && pageNumber);
    });
  });
}

interface Column {
  label: string;
  left: number;
  right: number;
}

interface TableHeader {
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
function kindOf(label: string): ReturnType<typeof columnKindOf> {
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
function findHeader(lines: readonly Line[], from: number, maxStart = lines.length): TableHeader | null {
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

/**
 * Where one column ends and the next begins. Header labels are often centred, so the boundary is not
 * simply between them: it is the x, between two labels, that the fewest body chunks cover (the white
 * gutter between cells), using the chunks that fit inside one column.
 */
function columnBoundaries(columns: readonly Column[], body: readonly Line[]): number[] {
  const tableWidth = (columns[columns.length - 1]?.right ?? 0) - (columns[0]?.left ?? 0);
  const chunks = body
    .flatMap((l) => l.chunks.flatMap((c) => c.parts))
    .filter((c) => c.right - c.left < 0.6 * tableWidth);
  const boundaries: number[] = [];
  for (let j = 0; j + 1 < columns.length; j++) {
    const from = columns[j]?.right ?? 0;
    const to = columns[j + 1]?.left ?? 0;
    if (to - from < 2) {
      boundaries.push((from + to) / 2);
      continue;
    }
    let bestStart = from;
    let bestLength = 0;
    let bestCover = Number.POSITIVE_INFINITY;
    let runStart = from;
    let runCover = -1;
    for (let x = from; x <= to + 0.5; x += 0.5) {
      const cover = x > to ? -2 : chunks.filter((c) => c.left <= x && c.right >= x).length;
      if (cover !== runCover) {
        const length = x - runStart;
        if (runCover >= 0 && (runCover < bestCover || (runCover === bestCover && length > bestLength))) {
          bestCover = runCover;
          bestLength = length;
          bestStart = runStart;
        }
        runStart = x;
        runCover = cover;
      }
    }
    boundaries.push(bestStart + bestLength / 2);
  }
  return boundaries;
}

const ORDINAL = /^(\d{1,3}(\.\d{1,3})*\.?|[a-zđ]\)|[IVXL]{1,6}\.?)$/u;
const ORDINAL_START = /^(\d{1,3}(\.\d{1,3})*\.?|[a-zđ]\)|[IVXL]{1,6}\.)(\s|$)/u;
/** Where a document's closing part begins (recipients, signature): the table has ended before it. */
const CLOSING = /^(Nơi nhận|TM\.|KT\.|Q\. ?CHỦ TỊCH|CHỦ TỊCH$)/u;

function columnOf(x: number, boundaries: readonly number[]): number {
  let index = 0;
  while (index < boundaries.length && x >= (boundaries[index] ?? 0)) index++;
  return index;
}

interface TableState {
  columns: Column[];
  boundaries: number[];
  ordinalColumn: number;
  left: number;
  /** Rows read so far, kept open so a row continued on the next page joins them; cells as lines. */
  rows: string[][][];
  /** Rows seen with their number on their first line, and beside a later line. */
  alignment: { top: number; centre: number };
}

/** Whether a body line has left the table: closing words, or text crossing columns that is no group row. */
function leavesTable(line: Line, table: TableState): boolean {
  const text = lineText(line.chunks);
  if (CLOSING.test(text)) return true;
  if (line.chunks.length === 0) return false;
  const first = line.chunks[0];
  if (first === undefined) return false;
  const spans = line.chunks.some((c) =>
    c.parts.some(
      (p) => columnOf(p.right - line.height, table.boundaries) - columnOf(p.left, table.boundaries) >= 2,
    ),
  );
  if (!spans) return false;
  // A group row ("II. NHÓM NHIỆM VỤ …") spans the table too; it starts with a number and stays inside it.
  const groupRow = ORDINAL_START.test(text) || (line.chunks.length > 1 && ORDINAL.test(first.text));
  return !(groupRow && first.left >= table.left - 2 * line.height);
}

/**
 * Some PDF writers draw two neighbouring cells' text in one run, which pdfjs returns as one piece
 * ("Ban Quản lý Sở Giáo dục" over two columns). A piece that crosses exactly one column edge is cut at the
 * space nearest to that edge, placed by the piece's average character width. A piece crossing several
 * edges is a heading spanning the table and stays whole.
 */
function splitAtGutter(
  part: { text: string; left: number; right: number },
  boundaries: readonly number[],
  height: number,
): { text: string; left: number; right: number }[] {
  const crossed = boundaries.filter((b) => part.left < b - 0.5 * height && part.right > b + 0.5 * height);
  const edge = crossed[0];
  // A heading in capitals ("NHÓM NHIỆM VỤ VỀ THỂ CHẾ") may overrun one edge too: it is not two cells.
  if (crossed.length !== 1 || edge === undefined || part.text === part.text.toUpperCase()) return [part];
  const at = ((edge - part.left) / (part.right - part.left)) * part.text.length;
  let best = -1;
  for (let k = 0; k < part.text.length; k++) {
    if (part.text[k] === ' ' && (best < 0 || Math.abs(k - at) < Math.abs(best - at))) best = k;
  }
  if (best < 0 || Math.abs(best - at) > 0.25 * part.text.length) return [part];
  const split = part.left + (best / part.text.length) * (part.right - part.left);
  return [
    { text: part.text.slice(0, best).trim(), left: part.left, right: split },
    { text: part.text.slice(best + 1).trim(), left: Math.max(split, edge), right: part.right },
  ];
}

/**
 * Adds a line's text to the cells of a row, each piece to the column its left edge falls in: a chunk that
 * runs across a narrow gutter (two cells' text drawn close together) is cut back into its pieces.
 */
function addToRow(cells: string[][], line: Line, table: TableState): void {
  const parts = new Map<number, string[]>();
  for (const chunk of line.chunks) {
    const pieces = new Map<number, string[]>();
    for (const piece of chunk.parts.flatMap((part) => splitAtGutter(part, table.boundaries, line.height))) {
      const c = columnOf(piece.left, table.boundaries);
      pieces.set(c, [...(pieces.get(c) ?? []), piece.text]);
    }
    const whole =
      pieces.size === 1 ? [[columnOf(chunk.left, table.boundaries), [chunk.text]] as const] : pieces;
    for (const [c, texts] of whole) parts.set(c, [...(parts.get(c) ?? []), normalizeText(texts.join(' '))]);
  }
  for (const [c, texts] of parts) cells[c]?.push(texts.join(' '));
}

/**
 * Splits a page's table body into rows: bands of lines whose cells overlap vertically (so a number centred
 * beside a five-line cell stays in its row). A band with no number of its own continues the row above,
 * also across a page break; a band holding several numbers (rows set without space) is cut at each.
 */
function addRows(lines: readonly Line[], table: TableState): void {
  if (lines.length === 0) return;
  const pitch = median(
    lines.slice(1).map((l, i) => (lines[i]?.y ?? 0) - l.y),
    (lines[0]?.height ?? 10) * 1.2,
  );
  // Blocks: for each column, runs of its lines spaced like the lines of one paragraph.
  const blocks: { top: number; bottom: number }[] = [];
  const columnCount = table.boundaries.length + 1;
  for (let c = 0; c < columnCount; c++) {
    let block: { top: number; bottom: number } | null = null;
    for (const line of lines) {
      if (!line.chunks.some((ch) => ch.parts.some((p) => columnOf(p.left, table.boundaries) === c))) continue;
      if (block !== null && block.bottom - line.y <= Math.max(1.5 * line.height, 1.05 * pitch)) {
        block.bottom = line.y;
      } else {
        block = { top: line.y, bottom: line.y };
        blocks.push(block);
      }
    }
  }
  blocks.sort((a, b) => b.top - a.top);
  const bands: { top: number; bottom: number }[] = [];
  const margin = 0.5 * (lines[0]?.height ?? 10);
  for (const block of blocks) {
    const band = bands[bands.length - 1];
    if (band !== undefined && block.top + margin >= band.bottom - margin)
      band.bottom = Math.min(band.bottom, block.bottom);
    else bands.push({ ...block });
  }
  const isAnchor = (line: Line) =>
    table.ordinalColumn >= 0 &&
    line.chunks.some(
      (c) =>
        columnOf(c.left, table.boundaries) === table.ordinalColumn &&
        (ORDINAL.test(c.text) || ORDINAL_START.test(c.text)),
    );
  const newRow = () => {
    const cells: string[][] = table.columns.map(() => []);
    table.rows.push(cells);
    return cells;
  };
  const banded = bands.map((band) => lines.filter((l) => l.y <= band.top && l.y >= band.bottom));
  // Is the table's number at the top of its row (top-aligned cells) or beside its middle (centred)?
  // Told by the bands of several lines holding a number, except one continuing a row from the last page.
  banded.forEach((inBand, b) => {
    const first = inBand[0];
    if (
      first === undefined ||
      inBand.length < 2 ||
      !inBand.some(isAnchor) ||
      (b === 0 && table.rows.length > 0)
    )
      return;
    if (isAnchor(first)) table.alignment.top++;
    else table.alignment.centre++;
  });
  const topAligned = table.alignment.top > table.alignment.centre;
  for (const inBand of banded) {
    const anchors = inBand.filter(isAnchor);
    const previous = table.rows[table.rows.length - 1];
    let cells: string[][] | undefined =
      table.ordinalColumn >= 0 && (anchors.length === 0 || topAligned) ? previous : undefined;
    let anchored = false;
    for (const line of inBand) {
      if (isAnchor(line)) {
        // Top-aligned: lines above a band's first number end the row before it (set without spacing).
        if (anchored || cells === undefined || topAligned) cells = newRow();
        anchored = true;
      }
      cells ??= newRow();
      addToRow(cells, line, table);
    }
  }
}

/** A year range the cell wrapped after its dash ("2026-" / "2030") is put back on one line. */
function mendRanges(cell: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of cell) {
    const previous = out[out.length - 1];
    if (previous !== undefined && /\d[-–]$/.test(previous) && /^\d/.test(line))
      out[out.length - 1] = previous + line;
    else out.push(line);
  }
  return out;
}

function emitRows(table: TableState, out: string[]): void {
  for (const cells of table.rows) for (const cell of cells) out.push(...mendRanges(cell), SEPARATOR);
  table.rows = [];
}

/** Plain lines; two blocks side by side (the issuer beside the national motto) come out one after another. */
function emitPlain(lines: readonly Line[], out: string[]): void {
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line === undefined) break;
    const split = sideBySideSplit(line);
    if (split === null) {
      out.push(lineText(line.chunks));
      i++;
      continue;
    }
    const left: string[] = [];
    const right: string[] = [];
    let previous = line;
    let j = i;
    for (; j < lines.length; j++) {
      const next = lines[j];
      if (next === undefined) break;
      if (j > i && previous.y - next.y > 2.2 * previous.height) break;
      if (next.chunks.some((c) => c.left < split && c.right > split)) break;
      left.push(lineText(next.chunks.filter((c) => c.right <= split)));
      right.push(lineText(next.chunks.filter((c) => c.left >= split)));
      previous = next;
    }
    out.push(...left.filter((t) => t !== ''), ...right.filter((t) => t !== ''));
    i = Math.max(j, i + 1);
  }
}

function sideBySideSplit(line: Line): number | null {
  for (let k = 1; k < line.chunks.length; k++) {
    const a = line.chunks[k - 1];
    const b = line.chunks[k];
    if (a !== undefined && b !== undefined && b.left - a.right > BLOCK_GAP * line.height)
      return (a.right + b.left) / 2;
  }
  return null;
}

function openTable(
  header: TableHeader,
  body: readonly Line[],
  rows: string[][][],
  alignment = { top: 0, centre: 0 },
): TableState {
  return {
    alignment,
    columns: header.columns,
    boundaries: columnBoundaries(header.columns, body),
    ordinalColumn: header.columns.findIndex((c) => kindOf(c.label) === 'ordinal'),
    left: header.columns[0]?.left ?? 0,
    rows,
  };
}

/** The text layout of a whole document from its pages' positioned text. */
export function layoutPages(pages: readonly PlacedPage[]): string {
  const linesByPage = dropFurniture(
    pages.map(pageLines),
    pages.map((p) => p.width),
  );
  const out: string[] = [];
  let table: TableState | null = null;
  for (const lines of linesByPage) {
    let i = 0;
    while (i < lines.length) {
      // An open table only looks for its header repeated at the top of the page.
      const header = findHeader(lines, i, table === null ? lines.length : i + 4);
      if (table === null) {
        if (header === null) {
          emitPlain(lines.slice(i), out);
          break;
        }
        emitPlain(lines.slice(i, header.firstLine), out);
        if (out.length > 0 && out[out.length - 1] !== SEPARATOR) out.push(SEPARATOR);
        for (const column of header.columns) out.push(column.label, SEPARATOR);
        i = header.lastLine + 1;
        table = openTable(header, lines.slice(i), []);
      } else if (
        header !== null &&
        header.firstLine - i < 4 &&
        header.columns.length === table.columns.length
      ) {
        // The header repeated at the top of a continuation page: skip it, measure the columns again.
        i = header.lastLine + 1;
        table = openTable(header, lines.slice(i), table.rows, table.alignment);
      }
      const open: TableState = table;
      let end = i;
      while (end < lines.length && !leavesTable(lines[end] as Line, open)) end++;
      addRows(lines.slice(i, end), open);
      if (end === lines.length) break;
      emitRows(open, out);
      table = null;
      i = end;
    }
  }
  if (table !== null) emitRows(table, out);
  return out.join('\n');
}

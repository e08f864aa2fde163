import { normalizeText } from '../../../shared/domain/text/normalize';
import { type Line, lineText, median } from './pdf-lines';
import { type Column, kindOf, ORDINAL, type TableHeader } from './pdf-table-header';

/*
 * The body of a task table on a PDF page: each line's text given to the column its x falls in, rows
 * found from the row numbers, and the rows written out as each cell's lines followed by a "|" line.
 */

export const SEPARATOR = '|';

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

const ORDINAL_START = /^(\d{1,3}(\.\d{1,3})*\.?|[a-zđ]\)|[IVXL]{1,6}\.)(\s|$)/u;
/** Where a document's closing part begins (recipients, signature): the table has ended before it. */
const CLOSING = /^(Nơi nhận|TM\.|KT\.|Q\. ?CHỦ TỊCH|CHỦ TỊCH$)/u;

function columnOf(x: number, boundaries: readonly number[]): number {
  let index = 0;
  while (index < boundaries.length && x >= (boundaries[index] ?? 0)) index++;
  return index;
}

export interface TableState {
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
export function leavesTable(line: Line, table: TableState): boolean {
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
export function addRows(lines: readonly Line[], table: TableState): void {
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

export function emitRows(table: TableState, out: string[]): void {
  for (const cells of table.rows) for (const cell of cells) out.push(...mendRanges(cell), SEPARATOR);
  table.rows = [];
}

export function openTable(
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

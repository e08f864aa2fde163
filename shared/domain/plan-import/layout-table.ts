import type { SourceLine } from './lines';
import { readOrdinal } from './ordinals';
import type { Piece } from './pieces';
import { wordCount } from './structure';
import { columnKindOf } from './task-table';

/*
 * Tables laid out with runs of spaces (`pdftotext -layout`, fixed-width copies): each column keeps
 * its place across lines, and the cells of different columns are interleaved line by line. Columns
 * are read from where the header's labels stand; every later line's chunks go to the column they
 * stand under. The result is a piece stream of whole cells, read like any other table.
 */

interface Chunk {
  start: number;
  end: number;
  text: string;
}

/** Splits a laid-out line at runs of two or more spaces, keeping where each chunk stands. */
export function chunksOf(raw: string): Chunk[] {
  const out: Chunk[] = [];
  const re = /\S+(?: \S+)*/g;
  for (let m = re.exec(raw); m !== null; m = re.exec(raw)) {
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

interface Column {
  start: number;
  end: number;
  label: string;
}

/** Groups the chunks of one to three header lines into columns by overlapping position. */
function headerColumns(lines: readonly SourceLine[], allowUnknown: boolean): Column[] | null {
  const chunks = lines.flatMap((l) => chunksOf(l.raw ?? l.text));
  const columns: { start: number; end: number; texts: string[] }[] = [];
  for (const chunk of chunks) {
    const column = columns.find((c) => chunk.start < c.end + 1 && chunk.end > c.start - 1);
    if (column === undefined) columns.push({ start: chunk.start, end: chunk.end, texts: [chunk.text] });
    else {
      column.start = Math.min(column.start, chunk.start);
      column.end = Math.max(column.end, chunk.end);
      column.texts.push(chunk.text);
    }
  }
  columns.sort((a, b) => a.start - b.start);
  const labelled = columns.map((c) => ({ start: c.start, end: c.end, label: c.texts.join(' ') }));
  const kinds = labelled.map((c) => columnKindOf(c.label));
  const known = kinds.filter((k) => k !== null);
  if (
    labelled.length < 3 ||
    kinds[0] !== 'ordinal' ||
    !known.includes('content') ||
    !(known.includes('lead') || known.includes('deadline')) ||
    labelled.some((c, i) => kinds[i] === null && (wordCount(c.label) > 6 || !allowUnknown))
  ) {
    return null;
  }
  return labelled;
}

/** The column a chunk stands under: the last one starting at or before it (a little slack for drift). */
function columnOf(columns: readonly Column[], chunk: Chunk): number {
  let index = 0;
  columns.forEach((column, i) => {
    if (chunk.start >= column.start - 2) index = i;
  });
  return index;
}

/**
 * A chunk that runs on under the next column's label (two spaces lost in the copy, or a cell wider
 * than its column): which column it belongs to is a guess; says between which two it stood.
 */
function columnDoubt(columns: readonly Column[], chunk: Chunk, c: number): string | undefined {
  const next = columns[c + 1];
  const here = columns[c];
  if (next === undefined || here === undefined || chunk.end <= next.start + 1) return undefined;
  return `giữa cột «${here.label}» và cột «${next.label}»`;
}

export interface LayoutTable {
  pieces: Piece[];
  headerLine: number;
}

/** Reads a space-laid-out task table into whole-cell pieces; null when the text has none. */
export function readLayoutTable(lines: readonly SourceLine[]): LayoutTable | null {
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]?.raw === undefined) continue;
    // A label wrapped over two or three lines ("Cơ quan" / "chủ trì") needs them all: try taller
    // headers before settling for one with unknown labels.
    for (const allowUnknown of [false, true]) {
      for (let height = 1; height <= 3; height++) {
        const headerLines = lines.slice(i, i + height);
        if (headerLines.some((l) => l.text === '')) break;
        const columns = headerColumns(headerLines, allowUnknown);
        if (columns !== null) return readRows(lines, i, i + height, columns);
      }
    }
  }
  return null;
}

function readRows(
  lines: readonly SourceLine[],
  headerAt: number,
  from: number,
  columns: Column[],
): LayoutTable {
  const headerLine = lines[headerAt]?.no ?? 0;
  const pieces: Piece[] = columns.map((column, c) => ({
    text: column.label,
    line: headerLine,
    lastLine: headerLine,
    hard: true,
    rowEnd: c === columns.length - 1,
    pageStart: false,
  }));
  const headerText = lines.slice(headerAt, from).map((l) => l.text);
  let row: { cells: string[][]; lines: number[][]; doubts: (string | undefined)[] } | null = null;
  const flush = () => {
    if (row === null) return;
    const current = row;
    current.cells.forEach((texts, c) => {
      const cellLines = current.lines[c] ?? [];
      pieces.push({
        text: texts.join(' ').trim(),
        line: cellLines[0] ?? headerLine,
        lastLine: cellLines[cellLines.length - 1] ?? headerLine,
        hard: true,
        rowEnd: c === current.cells.length - 1,
        pageStart: false,
        ...(current.doubts[c] === undefined ? {} : { columnGuess: current.doubts[c] }),
      });
    });
    row = null;
  };
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (line === undefined || line.text === '') continue;
    if (/^(Nơi\s+nhận|TM\.|KT\.|T\/M|K\/T)/u.test(line.text) || /^PHỤ\s+LỤC/u.test(line.text)) break;
    // A page repeats the header: skip its lines.
    if (headerText[0] === line.text) {
      i += headerText.length - 1;
      continue;
    }
    const chunks = chunksOf(line.raw ?? line.text);
    const first = chunks[0];
    const startsRow =
      first !== undefined && columnOf(columns, first) === 0 && readOrdinal(first.text) !== null;
    if (startsRow || row === null) {
      flush();
      row = {
        cells: columns.map(() => []),
        lines: columns.map(() => []),
        doubts: columns.map(() => undefined),
      };
    }
    const current = row;
    for (const chunk of chunks) {
      // A group heading runs across the whole width from the first column: it is one cell.
      const c = chunks.length === 1 && chunk === first && startsRow ? 0 : columnOf(columns, chunk);
      current.cells[c]?.push(chunk.text);
      current.lines[c]?.push(line.no);
      const doubt =
        chunks.length === 1 && chunk === first && startsRow ? undefined : columnDoubt(columns, chunk, c);
      if (doubt !== undefined) current.doubts[c] ??= doubt;
    }
  }
  flush();
  return { pieces: splitOrdinalCells(pieces), headerLine };
}

/** "I. Nhóm nhiệm vụ …" in the number column is a group row: its ordinal and heading are two cells. */
function splitOrdinalCells(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k];
    if (piece === undefined) continue;
    const startsRow = k === 0 || pieces[k - 1]?.rowEnd === true;
    const match = startsRow ? readOrdinal(piece.text) : null;
    const next = pieces[k + 1];
    if (
      match !== null &&
      match.rest.trim() !== '' &&
      !piece.rowEnd &&
      next !== undefined &&
      next.text === ''
    ) {
      // The heading stood in the number column; it belongs in the (empty) content cell beside it.
      out.push(
        { ...piece, text: match.ordinal.label },
        { ...next, text: match.rest.trim(), line: piece.line },
      );
      k++;
    } else out.push(piece);
  }
  return out;
}

import { isSeparator, joinPieces, type SourceLine } from './lines';

/*
 * A table as a stream of pieces, whatever the source did to it. A "hard" piece is a whole cell whose
 * edges the source marked ("| a | b |" rows, text between "|" lines, columns of a -layout page); a
 * "soft" piece is one line whose cell edges are lost (gazette and web copies, one cell per line).
 */
export interface Piece {
  text: string;
  /** Source line of the piece (its first line for a multi-line hard cell). */
  line: number;
  /** Last source line the piece covers. */
  lastLine: number;
  hard: boolean;
  /** The last cell of a row the source marked ("| … |" line, -layout row). */
  rowEnd: boolean;
  /** The piece is the first text after a page break: a row may continue here. */
  pageStart: boolean;
  /** Set when the piece's column was chosen from a position between two columns: says which two. */
  columnGuess?: string;
}

/** "| a | b |" or "a | b | c" with at least two cells: a Markdown / web table row. */
export function pipeCells(text: string): string[] | null {
  if (!text.includes('|') || text === '|') return null;
  const trimmed = text.replace(/^\|/, '').replace(/\|$/, '');
  const cells = trimmed.split('|').map((c) => c.trim());
  if (cells.length < 2) return null;
  return cells;
}

/** "| --- | :---: |": the line under a Markdown header. */
export function isPipeRule(text: string): boolean {
  return /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/.test(text);
}

/** Strips Markdown emphasis and escapes a web copy leaves around cell text. */
export function cleanCellText(text: string): string {
  return text
    .replace(/\*\*|__/g, '')
    .replace(/(^|\s)\*(\S[^*]*\S|\S)\*(?=\s|$|[.,;:])/g, '$1$2')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/\\([|*_])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Turns lines into pieces. Markdown rows give hard cells; text between lone "|" lines gives one hard
 * cell; every other non-empty line is a soft piece.
 */
export function toPieces(lines: readonly SourceLine[], pageStarts: ReadonlySet<number>): Piece[] {
  const pieces: Piece[] = [];
  const hasSeparatorLines = lines.some(isSeparator);
  let pendingCell: SourceLine[] | null = null;
  const flushCell = () => {
    if (pendingCell === null) return;
    const first = pendingCell[0];
    const last = pendingCell[pendingCell.length - 1];
    if (first !== undefined && last !== undefined) {
      pieces.push({
        text: cleanCellText(joinPieces(pendingCell.map((l) => l.text))),
        line: first.no,
        lastLine: last.no,
        hard: true,
        rowEnd: false,
        pageStart: pendingCell.some((l) => pageStarts.has(l.no)),
      });
    }
    pendingCell = null;
  };
  for (const line of lines) {
    if (hasSeparatorLines && isSeparator(line)) {
      // "|" lines: whatever stood since the last one is one cell, even when empty.
      if (pendingCell === null) pendingCell = [];
      if (pendingCell.length === 0) pendingCell.push({ no: line.no, text: '' });
      flushCell();
      pendingCell = [];
      continue;
    }
    if (line.text === '') continue;
    if (isPipeRule(line.text)) continue;
    const cells = pipeCells(line.text);
    if (cells !== null) {
      flushCell();
      cells.forEach((cell, index) => {
        pieces.push({
          text: cleanCellText(cell),
          line: line.no,
          lastLine: line.no,
          hard: true,
          rowEnd: index === cells.length - 1,
          pageStart: index === 0 && pageStarts.has(line.no),
        });
      });
      continue;
    }
    if (pendingCell !== null) {
      pendingCell.push(line);
      continue;
    }
    pieces.push({
      text: cleanCellText(line.text),
      line: line.no,
      lastLine: line.no,
      hard: false,
      rowEnd: false,
      pageStart: pageStarts.has(line.no),
    });
  }
  flushCell();
  return pieces.filter((p) => p.hard || p.text !== '');
}

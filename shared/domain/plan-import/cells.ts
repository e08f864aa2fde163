import { isSeparator, joinPieces, type SourceLine } from './lines';

/** One table cell of the text layout: the lines between two "|" lines. */
export interface Cell {
  lines: SourceLine[];
  text: string;
  /** Line of the cell's first text, or of the separator before it when the cell is empty. */
  line: number;
}

export function makeCell(lines: SourceLine[], fallbackLine: number): Cell {
  const content = lines.filter((l) => l.text !== '');
  return {
    lines: content,
    text: joinPieces(content.map((l) => l.text)),
    line: content[0]?.no ?? fallbackLine,
  };
}

/**
 * Cuts the document at "|" lines. The layout marks no row ends, so rows are rebuilt later from the
 * number of header columns; empty cells ("|" right after "|") are kept so that count stays right.
 */
export function splitCells(lines: readonly SourceLine[]): Cell[] {
  const cells: Cell[] = [];
  let current: SourceLine[] = [];
  let startLine = lines[0]?.no ?? 1;
  for (const line of lines) {
    if (isSeparator(line)) {
      cells.push(makeCell(current, startLine));
      current = [];
      startLine = line.no;
    } else {
      current.push(line);
    }
  }
  cells.push(makeCell(current, startLine));
  return cells;
}

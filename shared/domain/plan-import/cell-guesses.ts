import type { PlanTask, ReviewNote } from '../../contracts/plan-draft';
import type { SourceLine } from './lines';
import type { Piece } from './pieces';
import type { Segmentation } from './row-segments';
import type { ColumnKind } from './task-table';

/*
 * What the parser guessed in one row, cell by cell, said in words an officer can check: which cell,
 * why it is a guess, and the source lines it came from. A row is rebuilt from the layout as a whole
 * (the row note); these notes point at the cells where the rebuilding could have gone another way.
 */

/** The field of the task a column fills; extra columns are told apart by their label. */
function fieldOf(kind: ColumnKind): string {
  return kind === 'notes' ? 'extra' : kind;
}

const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text);

/** Most source lines a note carries: a cell is a few lines; longer spans are shown in the original. */
const MAX_NOTE_LINES = 8;
const MAX_LINE_LENGTH = 300;

interface RowContext {
  pieces: readonly Piece[];
  columns: readonly ColumnKind[];
  /** Header labels of `columns`, as the plan writes them. */
  labels: readonly string[];
}

function note(
  context: RowContext,
  column: number,
  reason: NonNullable<ReviewNote['reason']>,
  message: string,
  lines: readonly number[],
): ReviewNote {
  return {
    field: fieldOf(context.columns[column] ?? 'extra'),
    column: context.labels[column] ?? '',
    reason,
    message,
    fromLine: Math.min(...lines),
    toLine: Math.max(...lines),
    // The cell's own lines (a continued cell skips what lies between); attachSourceLines writes the text.
    source: [...new Set(lines)]
      .sort((a, b) => a - b)
      .slice(0, MAX_NOTE_LINES)
      .map((line) => ({ line, text: '' })),
  };
}

/** Notes for the cells of one row whose edges the source did not mark and the reading could doubt. */
export function cellGuesses(segmentation: Segmentation, context: RowContext): ReviewNote[] {
  const { pieces, labels } = context;
  const label = (column: number) => `«${labels[column] ?? ''}»`;
  const notes: ReviewNote[] = [];
  const noted = new Set<string>();
  const add = (n: ReviewNote) => {
    const key = `${n.column}|${n.reason}|${n.fromLine}`;
    if (noted.has(key)) return;
    noted.add(key);
    notes.push(n);
  };

  // A line that could as well sit in the neighbouring cell: both cells are marked.
  for (const doubt of segmentation.doubts) {
    const piece = pieces[doubt.piece];
    if (piece === undefined) continue;
    const chosen = segmentation.runs.find((r) => doubt.piece >= r.from && doubt.piece < r.to)?.column;
    const other = chosen === doubt.left ? doubt.right : doubt.left;
    const message = `Dòng ${piece.line} («${excerpt(piece.text)}») nằm ở ranh giới giữa ô ${label(doubt.left)} và ô ${label(doubt.right)}: đã xếp vào ô ${label(chosen ?? doubt.left)}, nhưng cũng có thể thuộc ô ${label(other)}.`;
    for (const column of [doubt.left, doubt.right]) {
      const own = segmentation.cells[column]?.pieces.map((p) => p.line) ?? [];
      add(note(context, column, 'cell_edge', message, [...own, piece.line]));
    }
  }

  // A cell whose text was found in two places (a row carried over a page or past its last column).
  const runsOf = new Map<number, Array<{ from: number; to: number }>>();
  for (const run of segmentation.runs) {
    const list = runsOf.get(run.column) ?? [];
    list.push({ from: run.from, to: run.to });
    runsOf.set(run.column, list);
  }
  for (const [column, runs] of runsOf) {
    if (runs.length < 2 || runs.every((r) => pieces.slice(r.from, r.to).every((p) => p.hard))) continue;
    const spans = runs.map((r) => {
      const first = pieces[r.from]?.line ?? 0;
      const last = pieces[r.to - 1]?.lastLine ?? first;
      return first === last ? `${first}` : `${first}–${last}`;
    });
    // The lines either side of each join: where the officer checks that the parts belong together.
    const lines = runs.flatMap((r, k) => {
      const own = pieces.slice(r.from, r.to).map((p) => p.line);
      return k === 0 ? own.slice(-3) : own.slice(0, 3);
    });
    add(
      note(
        context,
        column,
        'continued',
        `Ô ${label(column)} được ghép từ chữ ở nhiều chỗ (dòng ${spans.join(' và ')}), thường do bảng bị ngắt trang giữa dòng; kiểm tra phần được nối.`,
        lines,
      ),
    );
  }

  // One physical line shared out between two cells: the cut inside it is a guess.
  const columnsOfLine = new Map<number, Set<number>>();
  segmentation.cells.forEach((cell, column) => {
    for (const piece of cell.pieces) {
      if (piece.hard) continue;
      const set = columnsOfLine.get(piece.line) ?? new Set<number>();
      set.add(column);
      columnsOfLine.set(piece.line, set);
    }
  });
  for (const [line, columns] of columnsOfLine) {
    if (columns.size < 2) continue;
    for (const column of columns) {
      const part = segmentation.cells[column]?.pieces.find((p) => p.line === line)?.text ?? '';
      add(
        note(
          context,
          column,
          'split_line',
          `Dòng ${line} chứa chữ của nhiều ô và được cắt ra: phần «${excerpt(part)}» được đoán là ô ${label(column)}.`,
          [line],
        ),
      );
    }
  }

  // A column read from where its text stands on the page, where the text stood between two columns.
  segmentation.cells.forEach((cell, column) => {
    for (const piece of cell.pieces) {
      if (piece.columnGuess === undefined) continue;
      const lines: number[] = [];
      for (let l = piece.line; l <= piece.lastLine && lines.length < MAX_NOTE_LINES; l++) lines.push(l);
      const where =
        piece.line === piece.lastLine ? `dòng ${piece.line}` : `các dòng ${piece.line}–${piece.lastLine}`;
      add(
        note(
          context,
          column,
          'column',
          `Ô ${label(column)} (${where}) có chữ đứng lệch giữa hai cột (${piece.columnGuess}); đã xếp vào cột ${label(column)}, cần kiểm tra phần cuối của ô.`,
          lines,
        ),
      );
    }
  });
  return notes;
}

/**
 * Gives every cell note the text of its source lines, as written, so the review can show them beside
 * the guessed cell. Row notes point at their lines and leave the text to the original's panel.
 */
export function attachSourceLines(tasks: PlanTask[], lines: readonly SourceLine[]): void {
  const wanted = new Set<number>();
  for (const task of tasks)
    for (const n of task.review ?? []) for (const s of n.source ?? []) wanted.add(s.line);
  if (wanted.size === 0) return;
  const byNumber = new Map<number, string>();
  // A laid-out line keeps its runs of spaces: they show which column each part stood in.
  for (const line of lines)
    if (wanted.has(line.no)) byNumber.set(line.no, (line.raw ?? line.text).slice(0, MAX_LINE_LENGTH));
  for (const task of tasks) {
    for (const n of task.review ?? []) {
      if (n.source === undefined) continue;
      n.source = n.source
        .map((s) => ({ line: s.line, text: byNumber.get(s.line) ?? '' }))
        .filter((s) => s.text !== '');
    }
  }
}

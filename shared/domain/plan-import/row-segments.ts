import { searchKey } from '../text/normalize';
import { endsDangling, looksLikeDeadline, startsLowercase, startsWithAgency } from './cell-signals';
import type { Piece } from './pieces';
import { wordCount } from './structure';
import type { ColumnKind } from './task-table';

/*
 * Rebuilds the cells of one table row whose cell edges were lost (one cell per line, cells wrapped
 * over several lines, a row broken by a page). The row's lines are cut into runs, each run given to a
 * column; the cut with the lowest cost wins. Costs come from what real layouts do: a cell starts with
 * a capital, does not end on "và" or a comma, a deadline cell reads as a deadline, an agency cell
 * opens with an agency name, and a wrapped cell's lines are no wider than its column. After a page
 * break the row starts again at whichever columns still had text to give ("a second pass").
 */

export interface SegmentedCell {
  kind: ColumnKind;
  pieces: Piece[];
}

export interface Segmentation {
  cells: SegmentedCell[];
  /** The rows' lines were more than one per column, or a second pass was needed: a guess. */
  guessed: boolean;
  /** The runs of pieces each column was given, in reading order (a column met twice was continued). */
  runs: Run[];
  /** Cell edges a line could as well have crossed: the two readings cost nearly the same. */
  doubts: EdgeDoubt[];
}

/** Piece `piece` sits on the edge between columns `left` and `right`: either could hold it. */
export interface EdgeDoubt {
  left: number;
  right: number;
  piece: number;
}

/** Two cuts whose costs differ by less than this are a coin toss the officer should settle. */
const DOUBT_MARGIN = 1;

const SKIP_COST: Partial<Record<ColumnKind, number>> = { content: 8, lead: 3.5, deadline: 3.5 };
const DEFAULT_SKIP = 2;
const PASS_AT_PAGE = 0.5;
const PASS_ELSEWHERE = 2.5;
const SPLIT_COST = 1.5;

export type Widths = Partial<Record<ColumnKind, number>>;

/** Pieces cut from one physical line keep its line number; width is measured per physical line. */
function physicalLines(pieces: readonly Piece[]): string[] {
  const out: string[] = [];
  let lastLine = -1;
  for (const piece of pieces) {
    if (piece.line === lastLine && out.length > 0) out[out.length - 1] += ` ${piece.text}`;
    else out.push(piece.text);
    lastLine = piece.line;
  }
  return out;
}

/** What the text of a run of pieces says, computed once per run and shared by every column tried. */
interface RunInfo {
  empty: boolean;
  hard: boolean;
  firstLower: boolean;
  /** Inner line starts: lowercase after a full stop, capital after "." or ";", other capitals. */
  lowerAfterStop: number;
  capitalAfterEnd: number;
  capitalOther: number;
  /** Inner lines that open a "- " list item: the content column's own lists. */
  bullets: number;
  lastDangling: boolean;
  words: number;
  deadline: boolean;
  agency: boolean;
  /** Physical line lengths and the first word length of the line after each. */
  lineLengths: number[];
  nextWordLengths: number[];
}

interface PieceInfo {
  key: string;
  lower: boolean;
  bullet: boolean;
  fullStop: boolean;
  closes: boolean;
  dangling: boolean;
  words: number;
}

/** Per-piece facts, each read once; run facts are built from them (normalising text is the costly part). */
class RowSignals {
  private readonly infos: PieceInfo[];
  private readonly runs = new Map<number, RunInfo>();

  constructor(private readonly pieces: readonly Piece[]) {
    this.infos = pieces.map((p) => {
      const key = searchKey(p.text);
      return {
        key,
        // "II/2026", "2027": the rest of a date carries on a cell as a lowercase word does.
        lower: startsLowercase(p.text) || /^(?:\d|[IVX]+\/\d)/.test(p.text),
        bullet: /^[-–+•]\s/.test(p.text),
        fullStop: /\.$/.test(p.text) && !/\.\.\.$|…$/.test(p.text),
        closes: /[.;]$/.test(p.text),
        dangling: endsDangling(p.text, key),
        words: wordCount(p.text),
      };
    });
  }

  run(i: number, j: number): RunInfo {
    const key = i * (this.pieces.length + 1) + j;
    const cached = this.runs.get(key);
    if (cached !== undefined) return cached;
    const run = this.pieces.slice(i, j);
    const infos = this.infos.slice(i, j);
    let lowerAfterStop = 0;
    let capitalAfterEnd = 0;
    let capitalOther = 0;
    let bullets = 0;
    for (let k = 1; k < infos.length; k++) {
      const previous = infos[k - 1];
      const current = infos[k];
      if (previous === undefined || current === undefined) continue;
      if (current.lower) {
        if (previous.fullStop) lowerAfterStop++;
      } else if (current.bullet) bullets++;
      else if (previous.closes) capitalAfterEnd++;
      else capitalOther++;
    }
    const words = infos.reduce((sum, info) => sum + info.words, 0);
    const text = run.map((p) => p.text).join(' ');
    const lines = physicalLines(run);
    const info: RunInfo = {
      empty: run.length === 1 && run[0]?.text === '',
      hard: run.some((p) => p.hard),
      firstLower: infos[0]?.lower ?? false,
      lowerAfterStop,
      capitalAfterEnd,
      capitalOther,
      bullets,
      lastDangling: infos[infos.length - 1]?.dangling ?? false,
      words,
      // Long text is never a deadline: skip reading it as one.
      deadline: words <= 14 && looksLikeDeadline(text, infos.map((x) => x.key).join(' ')),
      agency: startsWithAgency(run[0]?.text ?? '', infos[0]?.key ?? ''),
      lineLengths: lines.map((l) => l.length),
      // A line before a "- " item ends that item, not a wrap: nothing to measure against.
      nextWordLengths: lines.map((_, k) =>
        /^[-–+•]\s/.test(lines[k + 1] ?? '') ? -1 : ((lines[k + 1] ?? '').split(' ')[0]?.length ?? 0),
      ),
    };
    this.runs.set(key, info);
    return info;
  }
}

function cellCost(
  kind: ColumnKind,
  run: RunInfo,
  length: number,
  continuation: boolean,
  breakLater: boolean,
  widths: Widths | null,
): number {
  if (run.hard && length > 1) return Number.POSITIVE_INFINITY;
  if (run.hard) return run.empty ? 0 : kindCost(kind, run, continuation);
  let cost = 0;
  if (continuation) cost += run.firstLower ? 0 : 1;
  else if (run.firstLower) cost += 3;
  // "… hiểm y tế." then "quan, tổ chức": a closed sentence is not continued in lowercase.
  cost += run.lowerAfterStop * 1.5;
  // A capital after a closed sentence: a new cell more often than a second sentence of this one,
  // above all in the short fragment a row carries over a page or past its last column.
  cost += run.capitalAfterEnd * (kind !== 'content' ? 1 : continuation ? 1.5 : 0.3);
  cost += run.capitalOther * 0.2;
  if (kind !== 'content') cost += run.bullets * 0.5;
  if (run.lastDangling) cost += breakLater ? 0.6 : 2;
  cost += kindCost(kind, run, continuation);
  const width = widths?.[kind];
  if (width !== undefined) {
    const lines = run.lineLengths;
    lines.forEach((line, index) => {
      if (line > width * 1.15 + 4) cost += 4;
      else if (width >= 30 && index < lines.length - 1 && (run.nextWordLengths[index] ?? 0) >= 0) {
        if (line < width * 0.55) cost += 1;
        // The next line's first word would have fitted here with room to spare: the break was not
        // a wrap of this column, so the next line belongs to another one.
        if (line + 1 + (run.nextWordLengths[index] ?? 0) + 6 <= width) cost += 1.5;
      }
    });
  }
  return cost;
}

function kindCost(kind: ColumnKind, run: RunInfo, continuation: boolean): number {
  // Only the content column holds long prose; agency, product and deadline cells are short.
  const words = run.words;
  const length = kind === 'content' ? 0 : kind === 'deadline' ? (words > 10 ? 2 : 0) : words > 22 ? 1.5 : 0;
  return length + shapeCost(kind, run, continuation);
}

function shapeCost(kind: ColumnKind, run: RunInfo, continuation: boolean): number {
  if (continuation) return 0;
  const deadline = run.deadline;
  switch (kind) {
    case 'deadline':
      return deadline ? -2 : 3;
    case 'lead':
    case 'coordinators':
      return (run.agency ? -1 : 0.5) + (deadline ? 3 : 0);
    case 'product':
      return deadline ? 3 : 0;
    case 'content':
      return deadline && words(run) < 6 ? 3 : 0;
    default:
      return deadline ? 1 : 0;
  }
}

function words(run: RunInfo): number {
  return run.words;
}

export interface Run {
  column: number;
  from: number;
  to: number;
  /** The run carries on a column in a later pass (after a page break or past the last column). */
  continuation?: boolean;
}

interface Solution {
  cost: number;
  runs: Run[];
}

/**
 * Finds the cheapest cut of `pieces` into runs over `columns` (the row's columns after the ordinal).
 * First pass: runs over increasing columns from the row's start (dynamic programming over pieces used
 * and last column filled). A row that goes on past its last column, or past a page break, continues
 * in further passes; those are read knowing how each column's first-pass text ended, since a
 * continuation belongs to a cell left mid-phrase ("… các bộ, ngành, cơ" / "quan, tổ chức").
 */
export function segmentRow(
  pieces: readonly Piece[],
  columns: readonly ColumnKind[],
  widths: Widths | null,
): Segmentation {
  const n = pieces.length;
  const width = columns.length;
  const cells: SegmentedCell[] = columns.map((kind) => ({ kind, pieces: [] }));
  if (n === 0 || width === 0) return { cells, guessed: false, runs: [], doubts: [] };
  const breakAt = pieces.map((p) => p.pageStart);
  const breakAfter = breakAt.map(() => false);
  for (let i = n - 2; i >= 0; i--) breakAfter[i] = (breakAfter[i + 1] ?? false) || (breakAt[i + 1] ?? false);
  const skipCost = (c: number) => {
    const kind = columns[c];
    return kind === undefined ? 0 : (SKIP_COST[kind] ?? DEFAULT_SKIP);
  };
  // Prefix sums keep the inner loops of the search constant-time.
  const skipPrefix = [0];
  for (let c = 0; c < width; c++) skipPrefix.push((skipPrefix[c] ?? 0) + skipCost(c));
  const skipRange = (from: number, to: number) =>
    to <= from ? 0 : (skipPrefix[to] ?? 0) - (skipPrefix[from] ?? 0);
  const hardPrefix = [0];
  for (let k = 0; k < n; k++) hardPrefix.push((hardPrefix[k] ?? 0) + (pieces[k]?.hard ? 1 : 0));
  // A cut between two pieces of one physical line costs a little: the source did not mark it.
  const cutCost = (i: number) =>
    i > 0 && i < n && pieces[i]?.line === pieces[i - 1]?.line && !pieces[i]?.hard ? SPLIT_COST : 0;
  const signals = new RowSignals(pieces);
  const memo = new Float64Array(width * (n + 1) * (n + 1) * 2).fill(Number.NaN);
  const runCost = (column: number, i: number, j: number, continuation: boolean) => {
    const k = ((column * (n + 1) + i) * (n + 1) + j) * 2 + (continuation ? 1 : 0);
    let value = memo[k] ?? Number.NaN;
    if (Number.isNaN(value)) {
      const kind = columns[column] ?? 'extra';
      value = cellCost(kind, signals.run(i, j), j - i, continuation, breakAfter[j - 1] ?? false, widths);
      memo[k] = value;
    }
    return value;
  };
  const runAllowed = (i: number, j: number) =>
    j - i === 1 || (hardPrefix[j] ?? 0) - (hardPrefix[i] ?? 0) === 0;

  // First pass: first[i][c] = cheapest way to cover pieces [0, i) ending with column c.
  const first: ({ cost: number; from: number; fromColumn: number } | undefined)[][] = Array.from(
    { length: n + 1 },
    () => new Array(width).fill(undefined),
  );
  for (let j = 1; j <= n; j++) {
    for (let next = 0; next < width; next++) {
      let bestHere: { cost: number; from: number; fromColumn: number } | undefined;
      for (let i = 0; i < j; i++) {
        if (!runAllowed(i, j)) continue;
        const run = runCost(next, i, j, false);
        if (!Number.isFinite(run)) continue;
        if (i === 0) {
          const cost = skipRange(0, next) + run;
          if (bestHere === undefined || cost < bestHere.cost) bestHere = { cost, from: 0, fromColumn: -1 };
          continue;
        }
        for (let c = 0; c < next; c++) {
          const previous = first[i]?.[c];
          if (previous === undefined) continue;
          const cost = previous.cost + skipRange(c + 1, next) + cutCost(i) + run;
          if (bestHere === undefined || cost < bestHere.cost) bestHere = { cost, from: i, fromColumn: c };
        }
      }
      const row = first[j];
      if (row !== undefined) row[next] = bestHere;
    }
  }
  const firstRuns = (e: number, column: number): Run[] => {
    const runs: Run[] = [];
    let j = e;
    let c = column;
    while (j > 0 && c >= 0) {
      const state = first[j]?.[c];
      if (state === undefined) break;
      runs.unshift({ column: c, from: state.from, to: j });
      j = state.from;
      c = state.fromColumn;
    }
    return runs;
  };

  let best: Solution | null = null;
  for (let e = 1; e <= n; e++) {
    // The first pass ends at e with its best last column.
    let head: Solution | null = null;
    for (let c = 0; c < width; c++) {
      const state = first[e]?.[c];
      if (state === undefined) continue;
      const cost = state.cost + skipRange(c + 1, width);
      if (head === null || cost < head.cost) head = { cost, runs: firstRuns(e, c) };
    }
    if (head === null) continue;
    if (e === n) {
      if (best === null || head.cost < best.cost) best = head;
      continue;
    }
    // A row goes on in a new pass after a page break, or once its first pass reached the last column.
    if (!breakAt[e] && first[e]?.[width - 1] === undefined) continue;
    const tail = continuationPasses(e, head.runs);
    if (tail === null) continue;
    const total = head.cost + tail.cost;
    if (best === null || total < best.cost) best = { cost: total, runs: [...head.runs, ...tail.runs] };
  }

  /** Later passes over [e, n), each run joining the text its column already has. */
  function continuationPasses(e: number, headRuns: readonly Run[]): Solution | null {
    const lastText: (string | null)[] = columns.map(() => null);
    for (const run of headRuns) lastText[run.column] = pieces[run.to - 1]?.text ?? null;
    const joinCosts = columns.map((_, column) => joinCostOf(column));
    const joinCost = (column: number) => joinCosts[column] ?? 0;
    function joinCostOf(column: number): number {
      const text = lastText[column];
      if (text === null || text === undefined) return 1;
      // A deadline that already reads as one ("Hằng năm") is complete: it is not continued.
      if (columns[column] === 'deadline') {
        // "Quý" / "II/2026": a deadline that does not yet read as one waits for its other half.
        if (!looksLikeDeadline(text)) return -1.5;
        if (!endsDangling(text)) return 2;
      }
      // An agency cell that already ends on a whole name is less often continued than prose.
      if ((columns[column] === 'lead' || columns[column] === 'coordinators') && !endsDangling(text))
        return 0.5;
      if (endsDangling(text)) return -1;
      return /[.;!?]$/.test(text) ? 1 : 0;
    }
    // tail[i][c]: cheapest way to cover [e, i) with column c last filled in the current pass.
    const tail: ({ cost: number; from: number; fromColumn: number } | undefined)[][] = Array.from(
      { length: n + 1 },
      () => new Array(width).fill(undefined),
    );
    for (let j = e + 1; j <= n; j++) {
      for (let next = 0; next < width; next++) {
        let bestHere: { cost: number; from: number; fromColumn: number } | undefined;
        for (let i = e; i < j; i++) {
          if (!runAllowed(i, j)) continue;
          const run = runCost(next, i, j, true) + joinCost(next);
          if (!Number.isFinite(run)) continue;
          const passCost = breakAt[i] ? PASS_AT_PAGE : PASS_ELSEWHERE;
          if (i === e) {
            const cost = passCost + run;
            if (bestHere === undefined || cost < bestHere.cost) bestHere = { cost, from: e, fromColumn: -1 };
            continue;
          }
          for (let c = 0; c < width; c++) {
            const previous = tail[i]?.[c];
            if (previous === undefined) continue;
            const cost = previous.cost + cutCost(i) + (next > c ? 0 : passCost) + run;
            if (bestHere === undefined || cost < bestHere.cost) bestHere = { cost, from: i, fromColumn: c };
          }
        }
        const row = tail[j];
        if (row !== undefined) row[next] = bestHere;
      }
    }
    let end: { cost: number; column: number } | null = null;
    for (let c = 0; c < width; c++) {
      const state = tail[n]?.[c];
      if (state !== undefined && (end === null || state.cost < end.cost))
        end = { cost: state.cost, column: c };
    }
    if (end === null) return null;
    const runs: Run[] = [];
    let j = n;
    let c = end.column;
    while (j > e && c >= 0) {
      const state = tail[j]?.[c];
      if (state === undefined) break;
      runs.unshift({ column: c, from: state.from, to: j, continuation: true });
      j = state.from;
      c = state.fromColumn;
    }
    return { cost: end.cost, runs };
  }

  if (best === null) {
    cells[0]?.pieces.push(...pieces);
    return { cells, guessed: true, runs: [{ column: 0, from: 0, to: n }], doubts: [] };
  }
  for (const run of best.runs) cells[run.column]?.pieces.push(...pieces.slice(run.from, run.to));
  const allHard = pieces.every((p) => p.hard);
  const continued = best.runs.some((run, k) => k > 0 && run.column <= (best?.runs[k - 1]?.column ?? -1));
  const runs = best.runs;

  /**
   * Each edge between two neighbouring cells of one pass is tried one line over either way: when the
   * other reading costs nearly as much, the line could belong to either cell and the edge is a doubt.
   */
  const doubts: EdgeDoubt[] = [];
  const pairCost = (a: Run, b: Run, edge: number) =>
    runCost(a.column, a.from, edge, a.continuation === true) +
    cutCost(edge) +
    runCost(b.column, edge, b.to, b.continuation === true);
  for (let k = 1; k < runs.length; k++) {
    const a = runs[k - 1];
    const b = runs[k];
    if (a === undefined || b === undefined || b.column <= a.column || a.to !== b.from) continue;
    if (pieces[a.to - 1]?.hard || pieces[b.from]?.hard) continue;
    const chosen = pairCost(a, b, a.to);
    const back = a.to - a.from >= 2 ? pairCost(a, b, a.to - 1) : Number.POSITIVE_INFINITY;
    const forward = b.to - b.from >= 2 ? pairCost(a, b, b.from + 1) : Number.POSITIVE_INFINITY;
    if (Math.min(back, forward) - chosen >= DOUBT_MARGIN) continue;
    doubts.push({ left: a.column, right: b.column, piece: back <= forward ? a.to - 1 : b.from });
  }
  return { cells, guessed: !allHard && (continued || n !== width || runs.length !== n), runs, doubts };
}

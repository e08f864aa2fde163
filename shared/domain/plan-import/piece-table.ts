import type { PlanTask, PlanWarning, ReviewNote } from '../../contracts/plan-draft';
import { cleanAgencyName, splitAgencyList } from '../organisations/match';
import { searchKey } from '../text/normalize';
import { cellGuesses } from './cell-guesses';
import { parseDeadline } from './deadline';
import { joinPieces, startsLowercase } from './lines';
import { WARNINGS } from './messages';
import { type Ordinal, OrdinalSequence, readOrdinal } from './ordinals';
import type { Piece } from './pieces';
import { type Segmentation, segmentRow, type Widths } from './row-segments';
import { wordCount } from './structure';
import { type ColumnKind, columnKindOf } from './task-table';

/*
 * Reads a task table from pieces (see pieces.ts): Markdown rows, tables shattered into small pipe
 * tables mixed with plain lines, and tables whose cells lost their edges (one cell per line, cells
 * wrapped over lines, rows broken by pages). Rows are found from the ordinal sequence; the cells of
 * a row from the header's columns (row-segments.ts).
 */

/** Columns the known kinds do not cover but plans use; kept as extra fields of the task. */
const KNOWN_EXTRA =
  /^(cap trinh|can cu|dia diem|dia ban|nguon (kinh phi|von)|kinh phi|du toan|ca nhan phu trach|nguoi phu trach|lanh dao phu trach|linh vuc|muc tieu|chi tieu|hinh thuc van ban|loai van ban|co quan trinh|co quan ban hanh|tong muc dau tu|quy mo)/;

export interface PieceHeader {
  columns: ColumnKind[];
  labels: string[];
  /** Index of the first piece after the header. */
  end: number;
  start: number;
  line: number;
  /** The header's label texts, to recognise it when a page repeats it. */
  signature: string[];
}

function labelKind(text: string, allowUnknown: boolean): ColumnKind | null {
  const kind = columnKindOf(text);
  if (kind !== null) return kind;
  const key = searchKey(text);
  if (KNOWN_EXTRA.test(key) && wordCount(key) <= 8) return 'extra';
  if (allowUnknown && key !== '' && wordCount(key) <= 6 && !/\d{3,}/.test(key) && readOrdinal(text) === null)
    return 'extra';
  return null;
}

interface Label {
  kind: ColumnKind;
  text: string;
  next: number;
  texts: string[];
}

/** A label from piece k: a hard cell, or a soft line plus the lowercase lines that continue it. */
function readLabel(pieces: readonly Piece[], k: number, allowUnknown: boolean): Label | null {
  const first = pieces[k];
  if (first === undefined) return null;
  if (first.hard) {
    const kind = labelKind(first.text, allowUnknown);
    return kind === null ? null : { kind, text: first.text, next: k + 1, texts: [first.text] };
  }
  const texts = [first.text];
  let m = k + 1;
  while (m < pieces.length && m - k < 4) {
    const piece = pieces[m];
    if (piece === undefined || piece.hard || !startsLowercase(piece.text) || wordCount(piece.text) > 4) break;
    texts.push(piece.text);
    m++;
  }
  const text = joinPieces(texts);
  const kind = labelKind(text, false);
  return kind === null ? null : { kind, text, next: m, texts };
}

/** Merges header rows that one Markdown table split over several rows ("Cơ quan" / "chủ trì"). */
function mergedHardHeader(pieces: readonly Piece[], k: number): { labels: string[]; next: number } | null {
  const rows: string[][] = [];
  let m = k;
  for (let r = 0; r < 3 && m < pieces.length; r++) {
    const row: string[] = [];
    let p = m;
    while (p < pieces.length && pieces[p]?.hard) {
      row.push(pieces[p]?.text ?? '');
      if (pieces[p]?.rowEnd) break;
      p++;
    }
    if (!pieces[p]?.rowEnd) break;
    if (rows.length > 0 && (row.length !== rows[0]?.length || readOrdinal(row[0] ?? '') !== null)) break;
    rows.push(row);
    m = p + 1;
    if (rows.length > 1 && row.every((c) => c === '' || labelKind(c, false) !== null || startsLowercase(c))) {
      // keep merging while rows look like header pieces
    }
  }
  if (rows.length < 2) return null;
  const width = rows[0]?.length ?? 0;
  const labels = Array.from({ length: width }, (_, c) => joinPieces(rows.map((row) => row[c] ?? '')));
  return { labels, next: m };
}

function validHeader(columns: readonly ColumnKind[]): boolean {
  return (
    columns.length >= 3 &&
    columns.includes('content') &&
    (columns.includes('lead') || columns.includes('deadline'))
  );
}

/** Finds the task table header among the pieces. */
export function findPieceHeader(pieces: readonly Piece[], from = 0): PieceHeader | null {
  for (let k = from; k < pieces.length; k++) {
    const start = readLabel(pieces, k, false);
    if (start === null || (start.kind !== 'ordinal' && start.kind !== 'content')) continue;
    const piece = pieces[k];
    if (piece?.hard) {
      const merged = mergedHardHeader(pieces, k);
      if (merged !== null) {
        const kinds = merged.labels.map((l) => labelKind(l, true));
        if (kinds.every((kind) => kind !== null) && validHeader(kinds as ColumnKind[])) {
          return {
            columns: kinds as ColumnKind[],
            labels: merged.labels,
            start: k,
            end: merged.next,
            line: piece.line,
            signature: merged.labels,
          };
        }
      }
    }
    const columns: ColumnKind[] = [start.kind];
    const labels = [start.text];
    const signature = [...start.texts];
    let m = start.next;
    while (m < pieces.length && columns.length < 14) {
      if (pieces[m - 1]?.rowEnd && pieces[m - 1]?.hard && !(pieces[m]?.hard === false)) {
        // A Markdown header row ended; a soft label may still follow it (a header cell the copy
        // pushed onto its own line), handled by the next iteration.
      }
      const candidate = pieces[m];
      if (candidate === undefined) break;
      const ordinal = readOrdinal(candidate.text);
      if (ordinal !== null && columns[0] === 'ordinal' && columnKindOf(candidate.text) === null) break;
      const label = readLabel(pieces, m, columns[0] === 'ordinal' && candidate.hard);
      if (label === null) break;
      columns.push(label.kind);
      labels.push(label.text);
      signature.push(...label.texts);
      m = label.next;
    }
    // Trailing unknown labels are more likely the first row's text than columns.
    while (
      columns[columns.length - 1] === 'extra' &&
      !KNOWN_EXTRA.test(searchKey(labels[labels.length - 1] ?? ''))
    ) {
      columns.pop();
      labels.pop();
      m--;
    }
    if (validHeader(columns)) {
      return { columns, labels, start: k, end: m, line: piece?.line ?? 0, signature };
    }
  }
  return null;
}

/** A page that repeats the header: its pieces are dropped and the row continues after them. */
function repeatedHeaderLength(pieces: readonly Piece[], p: number, signature: readonly string[]): number {
  const texts: string[] = [];
  let m = p;
  while (m < pieces.length && texts.length < signature.length) {
    texts.push(pieces[m]?.text ?? '');
    m++;
  }
  const same =
    texts.length === signature.length &&
    texts.every((t, i) => searchKey(t) === searchKey(signature[i] ?? ''));
  return same ? m - p : 0;
}

/** "1 | 2 | 3 | 4 | 5" or "(1) | (2) | …": the column numbers some tables print under the header. */
function columnNumberRowLength(pieces: readonly Piece[], p: number, width: number): number {
  for (let c = 0; c < width; c++) {
    const text = (pieces[p + c]?.text ?? '').replace(/[()]/g, '');
    if (text !== String(c + 1)) return 0;
  }
  return width;
}

/** The end of the table: signature, "Nơi nhận", the next appendix. */
function endsTable(text: string): boolean {
  return (
    /^Nơi\s+nhận\b/iu.test(text) ||
    /^(TM|KT|T\/M|K\/T)\.?\s+\p{Lu}/u.test(text) ||
    /^(PHỤ\s+LỤC|Phụ\s+lục)(\s+[IVX\d]+)?\s*$/u.test(text) ||
    /^(PHỤ\s+LỤC)\s+[IVX\d]+\b/u.test(text)
  );
}

interface RawRow {
  ordinal: Ordinal;
  label: string;
  pieces: Piece[];
  line: number;
}

export interface PieceTableResult {
  tasks: PlanTask[];
  headerLine: number | null;
  warnings: PlanWarning[];
  /** Source lines the table read, for the coverage count. */
  usedLines: Set<number>;
  /** Index of the first piece after the table. */
  end: number;
  /** Last source line the table read. */
  endLine: number;
}

function rowLabel(ordinal: Ordinal, sequence: OrdinalSequence): string {
  if (ordinal.kind === 'letter' && ordinal.parent === null && sequence.currentNumber !== null) {
    return `${sequence.currentNumber}${ordinal.label}`;
  }
  return ordinal.label;
}

/** Cuts the pieces after the header into rows at ordinals that follow the numbering. */
function collectRows(
  pieces: readonly Piece[],
  header: PieceHeader,
): { rows: RawRow[]; end: number; consumed: number[] } {
  const rows: RawRow[] = [];
  const consumed: number[] = [];
  for (let k = header.start; k < header.end; k++) consumed.push(k);
  const sequence = new OrdinalSequence();
  const width = header.columns.length;
  let p = header.end;
  p += columnNumberRowLength(pieces, p, width);
  let pendingBreak = false;
  for (; p < pieces.length; p++) {
    const piece = pieces[p];
    if (piece === undefined) break;
    if (!piece.hard && endsTable(piece.text)) break;
    const repeated = repeatedHeaderLength(pieces, p, header.signature);
    if (repeated > 0) {
      for (let k = p; k < p + repeated; k++) consumed.push(k);
      p += repeated - 1;
      pendingBreak = true;
      continue;
    }
    const current = rows[rows.length - 1];
    const match = readOrdinal(piece.text);
    const ready =
      current === undefined ||
      current.ordinal.kind === 'group' ||
      current.ordinal.kind === 'subgroup' ||
      (piece.hard
        ? pieces[p - 1]?.rowEnd === true || !pieces[p - 1]?.hard
        : current.pieces.length >= width - 1) ||
      (match !== null && (match.ordinal.kind === 'letter' || match.ordinal.kind === 'dotted'));
    const isRowStart =
      match !== null &&
      ready &&
      sequence.accepts(match.ordinal) &&
      (!piece.hard || match.rest === '') &&
      (match.ordinal.kind !== 'group' || match.rest !== '' || piece.hard || true);
    if (isRowStart && match !== null) {
      const label = rowLabel(match.ordinal, sequence);
      sequence.advance(match.ordinal);
      const row: RawRow = { ordinal: match.ordinal, label, pieces: [], line: piece.line };
      if (match.rest.trim() !== '') {
        row.pieces.push({ ...piece, text: match.rest.trim(), hard: false, pageStart: false });
      }
      rows.push(row);
      consumed.push(p);
      pendingBreak = false;
      continue;
    }
    if (current === undefined) continue;
    // A row the source closed ("| … |" with every cell) takes no loose line after it: such a line
    // is not part of the table and is left for the count of unused lines.
    const closed =
      !piece.hard &&
      current.ordinal.kind !== 'group' &&
      current.ordinal.kind !== 'subgroup' &&
      current.pieces.length >= width - 1 &&
      current.pieces.every((q) => q.hard);
    if (closed) continue;
    current.pieces.push(pendingBreak ? { ...piece, pageStart: true } : piece);
    consumed.push(p);
    pendingBreak = false;
  }
  return { rows, end: p, consumed };
}

/** Typical width of each column's lines, from a first reading; wrapped cells never exceed it. */
function estimateWidths(segmentations: readonly Segmentation[]): Widths | null {
  const wrapped = new Map<ColumnKind, number[]>();
  const single = new Map<ColumnKind, number[]>();
  for (const seg of segmentations) {
    for (const cell of seg.cells) {
      if (cell.pieces.length === 0 || cell.pieces.some((p) => p.hard)) continue;
      const target = cell.pieces.length === 1 ? single : wrapped;
      const list = target.get(cell.kind) ?? [];
      const measured = cell.pieces.length === 1 ? cell.pieces : cell.pieces.slice(0, -1);
      for (const piece of measured) list.push(piece.text.length);
      target.set(cell.kind, list);
    }
  }
  const widths: Widths = {};
  let any = false;
  const kinds = new Set([...wrapped.keys(), ...single.keys()]);
  for (const kind of kinds) {
    const lines = (wrapped.get(kind) ?? []).sort((a, b) => a - b);
    const cells = single.get(kind) ?? [];
    if (lines.length >= 4) widths[kind] = lines[Math.floor(lines.length * 0.9)] ?? 0;
    // A column that never wrapped: its longest one-line cell is as wide as it is known to be.
    else if (cells.length >= 3) widths[kind] = Math.max(...cells, ...lines);
    else continue;
    any = true;
  }
  return any ? widths : null;
}

/**
 * A long soft line whose tail opens another cell ("… theo lộ trình phù hợp Bộ Y tế", "văn bản phối
 * hợp Thường xuyên") is offered to the row reader as two pieces; cutting there costs a little.
 */
function splitOverlongLines(pieces: readonly Piece[], widths: Widths | null): Piece[] {
  const widest = Math.max(0, ...Object.values(widths ?? {}).map((w) => w ?? 0));
  const narrowest = Math.min(...Object.values(widths ?? {}).map((w) => w ?? Number.POSITIVE_INFINITY));
  if (widths === null || !Number.isFinite(narrowest)) return [...pieces];
  const out: Piece[] = [];
  for (const piece of pieces) {
    if (piece.hard || piece.text.length <= narrowest + 4) {
      out.push(piece);
      continue;
    }
    const split = tailCell(piece.text, piece.text.length > widest + 2);
    if (split === null) out.push(piece);
    else out.push({ ...piece, text: split[0] }, { ...piece, text: split[1], pageStart: false });
  }
  return out;
}

const TAIL_DEADLINE =
  /\s((?:Thường xuyên|Hằng năm|Hàng năm|Đã hoàn thành|Quý\s+[IV\d]+(?:[,\s]+[IV\d]+)*\s*\/\s*\d{4}|Tháng\s+\d{1,2}\s*\/\s*\d{4}|Năm\s+\d{4}|\d{4})[\s,.]*)$/u;
const TAIL_AGENCY = /\s((?:Bộ|Sở|Cục|Vụ|UBND|Ủy ban|Uỷ ban|Ban|Viện)\s[\p{L}\s,]{2,40})$/u;

function tailCell(text: string, overWidest: boolean): [string, string] | null {
  const deadline = TAIL_DEADLINE.exec(text);
  if (deadline?.[1] !== undefined && deadline.index > 0) {
    return [text.slice(0, deadline.index).trim(), deadline[1].trim()];
  }
  if (!overWidest) return null;
  const agency = TAIL_AGENCY.exec(text);
  if (agency?.[1] !== undefined && agency.index > 0 && wordCount(agency[1]) <= 6) {
    return [text.slice(0, agency.index).trim(), agency[1].trim()];
  }
  return null;
}

function cellText(pieces: readonly Piece[]): string {
  return joinPieces(pieces.map((p) => p.text));
}

function lineSpan(pieces: readonly Piece[]): { fromLine: number; toLine: number } | null {
  if (pieces.length === 0) return null;
  return {
    fromLine: Math.min(...pieces.map((p) => p.line)),
    toLine: Math.max(...pieces.map((p) => p.lastLine)),
  };
}

/** Columns a task table is expected to have; a missing one is reported (content is required). */
const COLUMN_LABELS: Partial<Record<ColumnKind, string>> = {
  lead: 'Cơ quan chủ trì',
  coordinators: 'Cơ quan phối hợp',
  product: 'Sản phẩm',
  deadline: 'Thời hạn hoàn thành',
};

/** Reads the task table from the pieces. Null when no header is found. */
export function parsePieceTable(pieces: readonly Piece[]): PieceTableResult | null {
  const header = findPieceHeader(pieces);
  if (header === null || header.columns[0] !== 'ordinal') return null;
  const columns = header.columns.slice(1);
  const { rows, end, consumed } = collectRows(pieces, header);
  const warnings: PlanWarning[] = [];
  for (const [kind, label] of Object.entries(COLUMN_LABELS) as Array<[ColumnKind, string]>) {
    if (!header.columns.includes(kind)) warnings.push(WARNINGS.missingColumn(label, header.line));
  }
  const usedLines = new Set<number>();
  for (const k of consumed) {
    const piece = pieces[k];
    if (piece === undefined) continue;
    for (let l = piece.line; l <= piece.lastLine; l++) usedLines.add(l);
  }

  const dataRows = rows.filter((r) => r.ordinal.kind !== 'group' && r.ordinal.kind !== 'subgroup');
  const firstPass = dataRows.map((row) => segmentRow(row.pieces, columns, null));
  const widths = estimateWidths(firstPass);

  const tasks: PlanTask[] = [];
  let group: string | null = null;
  let parent: { label: string; heading: string } | null = null;
  rows.forEach((row, index) => {
    if (row.ordinal.kind === 'group' || row.ordinal.kind === 'subgroup') {
      const heading = cellText(row.pieces.filter((p) => p.text !== ''));
      const title = `${row.label}. ${heading}`.trim();
      if (row.ordinal.kind === 'group') group = title;
      else group = title;
      parent = null;
      return;
    }
    const pieces = splitOverlongLines(row.pieces, widths);
    const seg = segmentRow(pieces, columns, widths);
    const text = (kind: ColumnKind) => {
      const cell = seg.cells.find((c) => c.kind === kind);
      return cell === undefined ? null : cellText(cell.pieces);
    };
    const next = rows[index + 1];
    const hasChildren =
      next !== undefined &&
      (next.ordinal.kind === 'letter' || next.ordinal.kind === 'dotted') &&
      row.ordinal.kind === 'number';
    const lead = text('lead') ?? '';
    const deadline = text('deadline') ?? '';
    if (hasChildren && lead === '' && deadline === '') {
      // "1 | Tổ chức tuyên truyền …" over rows a), b), c): a heading for the rows under it.
      parent = { label: row.label, heading: `${row.label}. ${text('content') ?? ''}`.trim() };
      return;
    }
    if (row.ordinal.kind === 'number') parent = null;
    const extra = seg.cells
      .map((cell, c) => ({ cell, label: header.labels[c + 1] ?? '' }))
      .filter(({ cell }) => cell.kind === 'extra' || cell.kind === 'notes')
      .map(({ cell, label }) => ({ label, text: cellText(cell.pieces) }))
      .filter((field) => field.text !== '');
    const review: ReviewNote[] = [];
    const span = lineSpan(row.pieces);
    if (seg.guessed && span !== null) {
      review.push({
        field: 'row',
        reason: 'row_cells',
        message: `Ranh giới các ô của dòng ${row.label} được đoán từ bố cục (văn bản gốc không đánh dấu ô); đối chiếu với các dòng ${span.fromLine}–${span.toLine}.`,
        ...span,
      });
    }
    review.push(...cellGuesses(seg, { pieces, columns, labels: header.labels.slice(1) }));
    const product = text('product');
    const task: PlanTask = {
      ordinal: row.label,
      group: (parent as { heading: string } | null)?.heading ?? group,
      content: text('content') ?? '',
      lead: cleanAgencyName(lead),
      coordinators: splitAgencyList(text('coordinators') ?? ''),
      product: product === null || product === '' ? null : product,
      deadline: parseDeadline(deadline),
      ...(extra.length > 0 ? { extra } : {}),
      ...(review.length > 0 ? { review } : {}),
    };
    if (task.deadline.kind === 'unknown' && task.deadline.text !== '') {
      warnings.push(WARNINGS.unknownDeadline(task.ordinal, task.deadline.text, row.line));
    }
    if (task.content === '' || (columns.includes('lead') && task.lead === '')) {
      warnings.push(WARNINGS.incompleteRow(task.ordinal, row.line));
    }
    tasks.push(task);
  });
  if (tasks.length === 0) warnings.push(WARNINGS.emptyTaskTable(header.line));
  const guessedRows = tasks.filter((t) => t.review !== undefined).length;
  if (guessedRows > 0) warnings.push(WARNINGS.guessedRows(guessedRows, header.line));
  let endLine = header.line;
  for (const l of usedLines) endLine = Math.max(endLine, l);
  return { tasks, headerLine: header.line, warnings, usedLines, end, endLine };
}

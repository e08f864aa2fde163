import type { PlanTask, PlanWarning } from '../../contracts/plan-draft';
import { cleanAgencyName, splitAgencyList } from '../organisations/match';
import { searchKey } from '../text/normalize';
import { type Cell, makeCell, splitCells } from './cells';
import { parseDeadline } from './deadline';
import { joinPieces, type SourceLine } from './lines';
import { WARNINGS } from './messages';
import { wordCount } from './structure';

export type ColumnKind =
  | 'ordinal'
  | 'content'
  | 'lead'
  | 'coordinators'
  | 'product'
  | 'deadline'
  | 'notes'
  | 'extra';

const COLUMN_LABELS: Record<Exclude<ColumnKind, 'notes' | 'extra'>, string> = {
  ordinal: 'TT',
  content: 'Nội dung',
  lead: 'Cơ quan chủ trì',
  coordinators: 'Cơ quan phối hợp',
  product: 'Sản phẩm',
  deadline: 'Thời hạn hoàn thành',
};

/** What a header cell names. Checked most specific first: "Thời gian thực hiện" is a deadline, not a lead. */
export function columnKindOf(text: string): ColumnKind | null {
  const key = searchKey(text).replace(/[()]/g, '');
  if (key === '' || wordCount(key) > 10) return null;
  if (/^(s?tt|so tt|so thu tu|thu tu)\.?$/.test(key)) return 'ordinal';
  if (/^(thoi han|thoi gian|tien do|thoi diem)/.test(key)) return 'deadline';
  if (/phoi hop/.test(key)) return 'coordinators';
  if (/chu tri|^(co quan|don vi) (thuc hien|chiu trach nhiem)/.test(key)) return 'lead';
  if (/^(san pham|ket qua|hinh thuc)/.test(key)) return 'product';
  if (/^ghi chu/.test(key)) return 'notes';
  if (/^(noi dung|nhiem vu|ten nhiem vu|ten de an|cong viec|ten)/.test(key)) return 'content';
  return null;
}

const ROW_ORDINAL = /^(\d{1,4}(?:\.\d{1,3})*\.?|\d{1,4}[a-zđ]\)?|[a-zđ]\)?|[IVXL]{1,6}\.?)$/u;
const GROUP_ORDINAL_ONLY = /^([IVXL]{1,6})\.?$/u;
const GROUP_WITH_TEXT = /^([IVXL]{1,6})\s*[.\-–]\s*\p{L}/u;

interface TableHeader {
  columns: ColumnKind[];
  labels: string[];
  line: number;
  /** Index of the first data cell. */
  dataStart: number;
}

/** The header cell may share its cell with the appendix title above it; try its last few lines. */
function headerStart(cell: Cell): { kind: ColumnKind; label: string; line: number } | null {
  for (let take = 1; take <= Math.min(4, cell.lines.length); take++) {
    const suffix = cell.lines.slice(-take);
    const label = joinPieces(suffix.map((l) => l.text));
    const kind = columnKindOf(label);
    if (kind !== null) return { kind, label, line: suffix[0]?.no ?? cell.line };
  }
  return null;
}

function findHeader(cells: readonly Cell[]): TableHeader | null {
  for (let k = 0; k < cells.length; k++) {
    const cell = cells[k];
    const start = cell === undefined ? null : headerStart(cell);
    if (start === null) continue;
    const columns: ColumnKind[] = [start.kind];
    const labels = [start.label];
    let m = k + 1;
    for (; m < cells.length && columns.length < 12; m++) {
      const text = cells[m]?.text ?? '';
      const kind = columnKindOf(text);
      if (columns[0] === 'ordinal' && (ROW_ORDINAL.test(text) || GROUP_WITH_TEXT.test(text))) break;
      if (kind !== null) columns.push(kind);
      else if (columns[0] === 'ordinal' && text !== '' && wordCount(text) <= 8 && !/\d{3,}/.test(text))
        columns.push('extra');
      else break;
      labels.push(text);
    }
    if (
      columns.length >= 3 &&
      columns.includes('content') &&
      (columns.includes('lead') || columns.includes('deadline'))
    ) {
      return { columns, labels, line: start.line, dataStart: m };
    }
  }
  return null;
}

export interface TaskTableResult {
  tasks: PlanTask[];
  /** Line of the table header; the plan body ends before it. Null when no table was found. */
  headerLine: number | null;
  warnings: PlanWarning[];
  /** Last source line the table read (for the count of lines used). */
  endLine?: number;
  /** Exactly which source lines the table read, when the reader knows (else header to endLine). */
  usedLines?: ReadonlySet<number>;
}

/** Reads the appendix task table ("DANH MỤC NHIỆM VỤ …") out of the whole document. */
export function parseTaskTable(lines: readonly SourceLine[]): TaskTableResult {
  const cells = splitCells(lines);
  const header = findHeader(cells);
  if (header === null) return { tasks: [], headerLine: null, warnings: [WARNINGS.missingTaskTable()] };

  const warnings: PlanWarning[] = [];
  for (const kind of Object.keys(COLUMN_LABELS) as Array<keyof typeof COLUMN_LABELS>) {
    if (kind !== 'content' && !header.columns.includes(kind)) {
      warnings.push(WARNINGS.missingColumn(COLUMN_LABELS[kind], header.line));
    }
  }
  header.columns.forEach((kind, index) => {
    if (kind === 'extra') warnings.push(WARNINGS.extraColumn(header.labels[index] ?? '', header.line));
  });

  const width = header.columns.length;
  const ordinalFirst = header.columns[0] === 'ordinal';
  const tasks: PlanTask[] = [];
  let group: string | null = null;
  let p = header.dataStart;
  while (p < cells.length) {
    const first = cells[p];
    if (first === undefined) break;
    if (
      ordinalFirst &&
      GROUP_ORDINAL_ONLY.test(first.text) &&
      (cells[p + 1]?.text ?? '') !== '' &&
      !ROW_ORDINAL.test(cells[p + 1]?.text ?? '')
    ) {
      // A group row: "I" | "Heading", possibly followed by the empty cells of a full-width row.
      group = `${first.text.replace(/\.$/, '')}. ${cells[p + 1]?.text ?? ''}`;
      p = skipEmpty(cells, p + 2, width - 2);
      continue;
    }
    if (ordinalFirst && GROUP_WITH_TEXT.test(first.text)) {
      group = first.text;
      p = skipEmpty(cells, p + 1, width - 1);
      continue;
    }
    const row = cells.slice(p, p + width);
    p += width;
    if (row.every((cell) => cell.text === '')) continue;
    const task = buildTask(row, header.columns, group, tasks.length + 1, header.labels);
    if (row.length < width)
      warnings.push(WARNINGS.truncatedRow(task.ordinal, width - row.length, first.line));
    const ordinalIndex = header.columns.indexOf('ordinal');
    const ordinalCell = row[ordinalIndex];
    if (ordinalIndex >= 0 && ordinalCell !== undefined && !ROW_ORDINAL.test(ordinalCell.text)) {
      warnings.push(WARNINGS.misalignedRow(ordinalCell.text.slice(0, 40), ordinalCell.line));
    }
    if (task.deadline.kind === 'unknown' && task.deadline.text !== '') {
      const deadlineCell = row[header.columns.indexOf('deadline')];
      warnings.push(
        WARNINGS.unknownDeadline(task.ordinal, task.deadline.text, deadlineCell?.line ?? first.line),
      );
    }
    tasks.push(task);
  }
  if (tasks.length === 0) warnings.push(WARNINGS.emptyTaskTable(header.line));
  const lastCell = cells[Math.min(p, cells.length) - 1];
  const endLine = lastCell?.lines[lastCell.lines.length - 1]?.no ?? lastCell?.line ?? header.line;
  return { tasks, headerLine: header.line, warnings, endLine };
}

function skipEmpty(cells: readonly Cell[], from: number, max: number): number {
  let p = from;
  while (p < cells.length && p - from < max && cells[p]?.text === '') p++;
  return p;
}

function buildTask(
  row: readonly Cell[],
  columns: readonly ColumnKind[],
  group: string | null,
  position: number,
  labels: readonly string[] = [],
): PlanTask {
  const cellOf = (kind: ColumnKind): Cell | null => {
    const index = columns.indexOf(kind);
    return index < 0 ? null : (row[index] ?? makeCell([], 0));
  };
  const text = (kind: ColumnKind): string | null => cellOf(kind)?.text ?? null;
  const ordinal = text('ordinal');
  const product = text('product');
  return {
    ordinal: ordinal === null || ordinal === '' ? String(position) : ordinal.replace(/\.$/, ''),
    group,
    content: text('content') ?? '',
    lead: cleanAgencyName(text('lead') ?? ''),
    coordinators: splitAgencyList(text('coordinators') ?? ''),
    product: product === null || product === '' ? null : product,
    deadline: parseDeadline(text('deadline') ?? ''),
    ...extraFields(row, columns, labels),
  };
}

/** Extra columns ("Cấp trình", "Địa điểm", "Nguồn kinh phí") kept as written, as fields of the task. */
function extraFields(
  row: readonly Cell[],
  columns: readonly ColumnKind[],
  labels: readonly string[],
): { extra?: { label: string; text: string }[] } {
  const extra = columns
    .map((kind, index) => ({ kind, label: labels[index] ?? '', text: row[index]?.text ?? '' }))
    .filter((c) => (c.kind === 'extra' || c.kind === 'notes') && c.text !== '')
    .map(({ label, text }) => ({ label, text }));
  return extra.length > 0 ? { extra } : {};
}

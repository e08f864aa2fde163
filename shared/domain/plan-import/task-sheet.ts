import Papa from 'papaparse';
import type { PlanTask } from '../../contracts/plan-draft';
import { cleanAgencyName, splitAgencyList } from '../organisations/match';
import { normalizeText } from '../text/normalize';
import { parseDeadline } from './deadline';
import { type ColumnKind, columnKindOf } from './task-table';

/*
 * A task table pasted from a spreadsheet (Excel, LibreOffice Calc, Google Sheets): rows separated by
 * line breaks, cells by tabs; a cell holding a line break, a tab or a quote comes wrapped in double
 * quotes, its own quotes doubled ("" → "). Papa Parse reads that quoting (a maintained parser that runs
 * in the browser, where the paste is read), rather than a hand-written scanner.
 */

/** The rows of pasted text, each a list of cells, quoting undone. */
export function splitTsv(text: string): string[][] {
  // The line break after the last row (spreadsheets add one) leaves no row of its own.
  const body = text.replace(/(\r\n|\n|\r)$/, '');
  if (body === '') return [['']];
  const quoted = Papa.parse<string[]>(body, { delimiter: '\t', quoteChar: '"', skipEmptyLines: false });
  if (!quoted.errors.some((e) => e.type === 'Quotes')) return quoted.data;
  // A cell that only starts with a quoted word ('"Xanh" hóa …', typed rather than copied) is not
  // quoting: the paste is read as written, quotes kept, as the spreadsheet would show it.
  return Papa.parse<string[]>(body, { delimiter: '\t', quoteChar: '\u0000', skipEmptyLines: false }).data;
}

/** Something wrong with one pasted row; `kept` says whether the row still became a task. */
export interface SheetProblem {
  row: number;
  column: string | null;
  message: string;
  kept: boolean;
}

export interface SheetResult {
  tasks: PlanTask[];
  problems: SheetProblem[];
  /** The row read as column names, when the paste had one. */
  headerRow: number | null;
  /** What each column was read as, with its name as pasted or the default. */
  columns: { kind: ColumnKind; label: string }[];
}

/** The columns of a paste without a header row, in the order plans print them. */
const DEFAULT_COLUMNS: { kind: ColumnKind; label: string }[] = [
  { kind: 'ordinal', label: 'STT' },
  { kind: 'content', label: 'Nội dung' },
  { kind: 'lead', label: 'Cơ quan chủ trì' },
  { kind: 'coordinators', label: 'Cơ quan phối hợp' },
  { kind: 'deadline', label: 'Thời gian hoàn thành' },
  { kind: 'product', label: 'Sản phẩm' },
];

const GROUP_ONLY = /^([IVXL]{1,6})\.?$/u;
const GROUP_WITH_TEXT = /^([IVXL]{1,6})\s*[.\-–]\s*(\p{L}.*)$/su;
const ORDINAL_LIKE = /^(\d{1,4}(?:\.\d{1,3})*\.?|\d{1,4}[a-zđ]\)?|[a-zđ]\)|[IVXL]{1,6}\.?)$/u;

const clean = (cell: string | undefined) => normalizeText(cell ?? '');

function headerColumns(cells: readonly string[]): { kind: ColumnKind; label: string }[] | null {
  const kinds = cells.map((c) => columnKindOf(clean(c)));
  const known = kinds.filter((k) => k !== null);
  if (!kinds.includes('content') || known.length < 2) return null;
  return cells.map((c, i) => ({ kind: kinds[i] ?? 'extra', label: clean(c) || `Cột ${i + 1}` }));
}

function defaultColumns(firstRow: readonly string[]): { kind: ColumnKind; label: string }[] {
  // Without a number column, the paste starts at the content.
  const first = clean(firstRow[0]);
  const columns =
    first === '' || ORDINAL_LIKE.test(first) || GROUP_WITH_TEXT.test(first)
      ? DEFAULT_COLUMNS
      : DEFAULT_COLUMNS.slice(1);
  const width = Math.max(columns.length, firstRow.length);
  return Array.from(
    { length: width },
    (_, i) => columns[i] ?? { kind: 'extra' as const, label: `Cột ${i + 1}` },
  );
}

/** The group a row opens ("I" | "Nhiệm vụ chung", or "II. Nhiệm vụ …" alone), or null for a task row. */
function groupOf(cells: readonly string[], columns: readonly { kind: ColumnKind }[]): string | null {
  const values = cells.map(clean);
  const filled = values.map((v, i) => ({ v, i })).filter((c) => c.v !== '');
  const first = filled[0];
  if (first === undefined) return null;
  const ordinalAt = columns.findIndex((c) => c.kind === 'ordinal');
  const withText = GROUP_WITH_TEXT.exec(first.v);
  if (filled.length === 1 && withText) return `${withText[1]}. ${normalizeText(withText[2] ?? '')}`;
  const only = GROUP_ONLY.exec(first.v);
  if (only && (ordinalAt < 0 || first.i === ordinalAt)) {
    const rest = filled.slice(1);
    // "I" | "Tên nhóm" with nothing else on the row: a group heading, not a task.
    if (rest.length === 1 && rest[0] !== undefined) return `${only[1]}. ${rest[0].v}`;
  }
  return null;
}

/**
 * Reads tasks from a pasted table. A header row (recognised by its column names, as in a plan's own
 * table) sets the columns; without one the plan's usual order is assumed. Rows "I" / "II. …" open a task
 * group. A row with no task content is left out; an agency or deadline the row lacks or that cannot be
 * read is named, the task kept for the officer to complete.
 */
export function readTaskSheet(text: string, startGroup: string | null = null): SheetResult {
  const rows = splitTsv(text.replace(/^\uFEFF/, ''));
  const problems: SheetProblem[] = [];
  const tasks: PlanTask[] = [];
  const firstFilled = rows.findIndex((r) => r.some((c) => clean(c) !== ''));
  if (firstFilled < 0) {
    return { tasks, problems: [noRows()], headerRow: null, columns: DEFAULT_COLUMNS };
  }
  const header = headerColumns(rows[firstFilled] ?? []);
  const columns = header ?? defaultColumns(rows[firstFilled] ?? []);
  const indexOf = (kind: ColumnKind) => columns.findIndex((c) => c.kind === kind);
  const labelOf = (kind: ColumnKind) =>
    columns[indexOf(kind)]?.label ?? DEFAULT_COLUMNS.find((c) => c.kind === kind)?.label ?? kind;
  let group = startGroup;
  rows.forEach((cells, index) => {
    const row = index + 1;
    if (header && index === firstFilled) return;
    if (cells.every((c) => clean(c) === '')) return;
    const opened = groupOf(cells, columns);
    if (opened !== null) {
      group = opened;
      return;
    }
    const cell = (kind: ColumnKind) => {
      const at = indexOf(kind);
      return at < 0 ? '' : clean(cells[at]);
    };
    const content = cell('content');
    if (content === '') {
      problems.push({ row, column: null, message: `Dòng ${row}: thiếu nội dung nhiệm vụ`, kept: false });
      return;
    }
    if (cells.length > columns.length && cells.slice(columns.length).some((c) => clean(c) !== '')) {
      problems.push({
        row,
        column: null,
        message: `Dòng ${row}: có ${cells.length} cột, nhiều hơn ${columns.length} cột của bảng; phần thừa bị bỏ qua`,
        kept: true,
      });
    }
    const lead = cleanAgencyName(cell('lead'));
    if (lead === '') {
      problems.push({
        row,
        column: labelOf('lead'),
        message: `Dòng ${row}, cột ${labelOf('lead')}: thiếu cơ quan chủ trì`,
        kept: true,
      });
    }
    const deadlineText = cell('deadline');
    const deadline = parseDeadline(deadlineText);
    if (deadline.kind === 'unknown') {
      problems.push({
        row,
        column: labelOf('deadline'),
        message:
          deadlineText === ''
            ? `Dòng ${row}, cột ${labelOf('deadline')}: thiếu thời hạn hoàn thành`
            : `Dòng ${row}, cột ${labelOf('deadline')}: không hiểu “${deadlineText}”`,
        kept: true,
      });
    }
    const ordinal = cell('ordinal').replace(/\.$/, '');
    const product = cell('product');
    const extra = columns
      .map((c, i) => ({ kind: c.kind, label: c.label, text: clean(cells[i]) }))
      .filter((c) => (c.kind === 'extra' || c.kind === 'notes') && c.text !== '')
      .map(({ label, text: value }) => ({ label, text: value }));
    tasks.push({
      ordinal: ordinal === '' ? String(tasks.length + 1) : ordinal,
      group,
      content,
      lead,
      coordinators: splitAgencyList(cell('coordinators')),
      product: product === '' ? null : product,
      deadline,
      ...(extra.length > 0 ? { extra } : {}),
    });
  });
  if (tasks.length === 0 && problems.length === 0) problems.push(noRows());
  return { tasks, problems, headerRow: header ? firstFilled + 1 : null, columns };
}

function noRows(): SheetProblem {
  return {
    row: 0,
    column: null,
    message:
      'Chưa có dòng nhiệm vụ nào: hãy sao chép các dòng của bảng (cả tiêu đề cột nếu có) rồi dán vào đây',
    kept: false,
  };
}

import ExcelJS from 'exceljs';
import { VALUE_STATUSES, type ValueStatus } from '../../../shared/contracts/indicators';
import { DATA_STATUS_LABELS } from '../../../shared/domain/indicators/types';
import { parseVietnameseNumber } from '../../../shared/domain/plan-import/numbers';
import { searchKey } from '../../../shared/domain/text/normalize';
import { checkXlsxBounds, XLSX_LIMITS } from './xlsx-bounds';
import { columnOfHeader, headerOf, VALUE_COLUMNS, VALUES_SHEET, type ValueColumnKey } from './xlsx-layout';

/** One data row of an uploaded values sheet, read but not yet checked against the plan. */
export interface SheetValueRow {
  row: number;
  code: string;
  year: number;
  value: number;
  status: ValueStatus;
  source: string;
  note: string | null;
  sourceUrl: string | null;
}

export interface SheetProblem {
  row: number | null;
  column: ValueColumnKey | null;
  message: string;
}

/** Either the file cannot be read as a values sheet at all, or its rows: those read well, and the problems. */
export type SheetReading =
  | { ok: true; rows: SheetValueRow[]; problems: SheetProblem[] }
  | { ok: false; problems: SheetProblem[] };

const MAX_IMPORT_ROWS = 5000;
const HEADER_SEARCH_ROWS = 10;

/** The text a person sees in a cell, whatever exceljs made of it. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('hyperlink' in value) return String(value.text ?? value.hyperlink).trim();
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  return '';
}

/** A number cell as it is; a text cell in Vietnamese style ("7,6", "-1,5", "1.234,5") or "7.6". */
function cellNumber(value: ExcelJS.CellValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value !== null && typeof value === 'object' && 'result' in value) {
    return cellNumber(value.result as ExcelJS.CellValue);
  }
  const text = cellText(value).replace(/%$/, '');
  const negative = /^[-−]/.test(text);
  const parsed = parseVietnameseNumber(negative ? text.slice(1) : text);
  return parsed === null ? null : negative ? -parsed : parsed;
}

function statusOf(text: string): ValueStatus | null {
  const key = searchKey(text);
  return VALUE_STATUSES.find((s) => searchKey(DATA_STATUS_LABELS[s]) === key || s === key) ?? null;
}

function hyperlinkOf(value: ExcelJS.CellValue): string | null {
  return value !== null && typeof value === 'object' && 'hyperlink' in value ? value.hyperlink : null;
}

function findHeader(sheet: ExcelJS.Worksheet): { row: number; columns: Map<ValueColumnKey, number> } | null {
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); r++) {
    const columns = new Map<ValueColumnKey, number>();
    sheet.getRow(r).eachCell((cell, col) => {
      const key = columnOfHeader(cellText(cell.value));
      if (key && !columns.has(key)) columns.set(key, col);
    });
    if (columns.has('code') && columns.has('value')) return { row: r, columns };
  }
  return null;
}

/**
 * Reads the values sheet of an uploaded workbook: the header row found by column names (any order),
 * then every non-empty row, each cell checked for its type. Every problem is reported, with its row
 * and column, so the user can fix the whole file at once.
 */
export async function readValuesWorkbook(bytes: Uint8Array): Promise<SheetReading> {
  const bounds = checkXlsxBounds(bytes);
  if (!bounds.ok && bounds.reason !== 'not_zip') {
    const message =
      bounds.reason === 'too_many_entries'
        ? `Tệp Excel chứa quá nhiều thành phần (tối đa ${XLSX_LIMITS.maxEntries}); hãy xuất lại bảng số liệu từ planwatch rồi nhập.`
        : `Tệp Excel khi giải nén vượt quá ${XLSX_LIMITS.maxUnpackedBytes / 1024 / 1024} MB; hãy chỉ giữ trang số liệu rồi nhập lại.`;
    return { ok: false, problems: [{ row: null, column: null, message }] };
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return {
      ok: false,
      problems: [{ row: null, column: null, message: 'Tệp không phải là bảng tính Excel (.xlsx) đọc được.' }],
    };
  }
  const candidates = [
    workbook.getWorksheet(VALUES_SHEET),
    ...workbook.worksheets.filter((s) => s.name !== VALUES_SHEET),
  ].filter((s): s is ExcelJS.Worksheet => s !== undefined);
  let sheet: ExcelJS.Worksheet | undefined;
  let header: ReturnType<typeof findHeader> = null;
  for (const s of candidates) {
    header = findHeader(s);
    if (header) {
      sheet = s;
      break;
    }
  }
  if (!sheet || !header) {
    return {
      ok: false,
      problems: [
        {
          row: null,
          column: null,
          message: `Không tìm thấy dòng tiêu đề có các cột ${VALUE_COLUMNS.filter((c) => c.required)
            .map((c) => `“${c.header}”`)
            .join(', ')} trong 10 dòng đầu của trang tính “${VALUES_SHEET}”.`,
        },
      ],
    };
  }
  const missing = VALUE_COLUMNS.filter((c) => c.required && !header.columns.has(c.key));
  if (missing.length > 0) {
    return {
      ok: false,
      problems: missing.map((c) => ({
        row: header.row,
        column: c.key,
        message: `Dòng ${header.row}: thiếu cột “${c.header}”.`,
      })),
    };
  }
  const problems: SheetProblem[] = [];
  const rows: SheetValueRow[] = [];
  for (let r = header.row + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const raw = (key: ValueColumnKey): ExcelJS.CellValue => {
      const col = header.columns.get(key);
      return col === undefined ? null : row.getCell(col).value;
    };
    const text = (key: ValueColumnKey) => cellText(raw(key));
    if (VALUE_COLUMNS.every((c) => text(c.key) === '')) continue;
    if (rows.length + problems.length >= MAX_IMPORT_ROWS) {
      problems.push({
        row: r,
        column: null,
        message: `Tệp có quá ${MAX_IMPORT_ROWS} dòng số liệu; hãy chia nhỏ tệp.`,
      });
      break;
    }
    const problem = (column: ValueColumnKey, message: string) =>
      problems.push({ row: r, column, message: `Dòng ${r}, cột ${headerOf(column)}: ${message}` });
    const before = problems.length;

    const code = text('code');
    if (code === '') problem('code', 'chưa ghi mã chỉ số.');
    const yearText = text('year');
    const year = cellNumber(raw('year'));
    if (yearText === '') problem('year', 'chưa ghi năm.');
    else if (year === null || !Number.isInteger(year)) problem('year', `“${yearText}” không phải là năm.`);
    const valueText = text('value');
    const value = cellNumber(raw('value'));
    if (valueText === '') problem('value', 'chưa ghi giá trị.');
    else if (value === null) problem('value', `“${valueText}” không phải là số.`);
    const statusText = text('status');
    const status = statusOf(statusText);
    if (status === null) {
      problem(
        'status',
        statusText === ''
          ? 'chưa ghi trạng thái (Ước tính, Sơ bộ hoặc Chính thức).'
          : `“${statusText}” không phải là Ước tính, Sơ bộ hoặc Chính thức.`,
      );
    }
    const source = text('source');
    if (source === '') problem('source', 'chưa ghi nguồn số liệu.');
    const url = text('sourceUrl') || hyperlinkOf(raw('source'));
    if (url && !/^https?:\/\//i.test(url)) problem('sourceUrl', `“${url}” không phải là đường dẫn http(s).`);

    if (problems.length === before) {
      rows.push({
        row: r,
        code,
        year: year!,
        value: value!,
        status: status!,
        source,
        note: text('note') || null,
        sourceUrl: url || null,
      });
    }
  }
  return { ok: true, rows, problems };
}

import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * The one look of every spreadsheet planwatch writes (task lists, reporting rates, the consolidated
 * data, the audit log): a title naming the plan and period, then a bold, shaded, wrapped header row
 * that stays frozen while scrolling and carries the filter buttons, columns as wide as their content
 * reads well, long text wrapped, dates as real Excel dates shown dd/mm/yyyy and numbers as numbers (so
 * officers can sort, filter and sum them in Excel).
 *
 * Workbooks are written with exceljs's streaming writer: each row is committed to the zip as soon as it
 * is added, so a sheet of 100,000 tasks never holds more than one batch of rows in memory.
 */

/** How a column's cells are written. */
export type ColumnKind =
  /** short text on one line */
  | 'text'
  /** long text, wrapped within the column's width */
  | 'wrap'
  /** a whole number, "1.234" in a Vietnamese Excel */
  | 'integer'
  /** a figure as entered (decimals kept) */
  | 'decimal'
  /** a percentage given as 0–100 (the API's rates), shown "66,7%" */
  | 'percent'
  /** an ISO date "2026-12-31", written as an Excel date shown 31/12/2026 */
  | 'date'
  /** short text centred (ordinals, codes) */
  | 'centre';

export interface SheetColumn {
  header: string;
  /** In characters, as Excel measures widths. */
  width: number;
  kind?: ColumnKind;
}

export type CellInput = string | number | null | undefined;

export interface SheetHead {
  /** "Danh sách nhiệm vụ — Kế hoạch số 148/KH-UBND": names what the sheet holds. */
  title: string;
  /** A second line: the period, the filter, when it was exported. */
  subtitle?: string | undefined;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FFB7B7B7' } };
const HEADER_BORDER: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };
export const DATE_FORMAT = 'dd/mm/yyyy';

const NUMBER_FORMAT: Partial<Record<ColumnKind, string>> = {
  integer: '#,##0',
  percent: '0.0%',
  date: DATE_FORMAT,
};

const ALIGNMENT: Record<ColumnKind, Partial<ExcelJS.Alignment>> = {
  text: { vertical: 'top' },
  wrap: { vertical: 'top', wrapText: true },
  integer: { vertical: 'top', horizontal: 'right' },
  decimal: { vertical: 'top', horizontal: 'right' },
  percent: { vertical: 'top', horizontal: 'right' },
  date: { vertical: 'top', horizontal: 'center' },
  centre: { vertical: 'top', horizontal: 'center' },
};

/** An ISO calendar date as the Excel date of that day (midnight UTC: exceljs counts days in UTC). */
export function excelDate(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

function cellValue(kind: ColumnKind, v: CellInput): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (kind === 'date') return typeof v === 'string' ? excelDate(v) : v;
  if (kind === 'percent') return typeof v === 'number' ? v / 100 : v;
  return v;
}

/** Points per line of 11-point text, as Excel's default row. */
const LINE_HEIGHT = 15;

/**
 * The height a row needs for its wrapped text: LibreOffice and some Excel versions keep the stored
 * height of a streamed row instead of growing it, which would print long contents over each other.
 * Lines are estimated from the characters that fit in each column's width.
 */
export function rowHeight(columns: readonly SheetColumn[], values: readonly unknown[]): number {
  let lines = 1;
  columns.forEach((c, i) => {
    const v = values[i];
    if (typeof v !== 'string' || (c.kind !== 'wrap' && c.kind !== undefined)) return;
    const perLine = Math.max(1, Math.floor(c.width * 1.1) - 1);
    const n = v.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, n);
  });
  return Math.min(409, lines * LINE_HEIGHT);
}

/** Excel's column letters: 1 → A, 28 → AB. */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/**
 * One table on one worksheet: title lines, the header, then rows added one by one and committed at
 * once. `finish()` sets the filter over the header and every row and closes the sheet.
 */
export class TableSheet {
  readonly headerRow: number;
  private last: number;

  private readonly sheet: ExcelJS.Worksheet;

  constructor(
    workbook: ExcelJS.Workbook,
    name: string,
    private readonly columns: readonly SheetColumn[],
    head?: SheetHead,
  ) {
    this.headerRow = head ? (head.subtitle ? 4 : 3) : 1;
    // Frozen below the header (and the title above it), so the headings stay in view. Given when the
    // sheet is made: the streaming writer writes a sheet's views before its first row.
    const sheet = workbook.addWorksheet(name, {
      views: [{ state: 'frozen', xSplit: 0, ySplit: this.headerRow, topLeftCell: `A${this.headerRow + 1}` }],
      // Printed (or opened in LibreOffice as a PDF) on A4 landscape, every column on one page's width.
      pageSetup: {
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      },
    });
    this.sheet = sheet;
    sheet.columns = columns.map((c, i) => ({ key: `c${i}`, width: c.width }));
    if (head) {
      const title = sheet.addRow([head.title]);
      title.font = { bold: true, size: 13 };
      title.commit();
      if (head.subtitle) {
        const sub = sheet.addRow([head.subtitle]);
        sub.font = { italic: true };
        sub.commit();
      }
      sheet.addRow([]).commit();
    }
    const header = sheet.addRow(columns.map((c) => c.header));
    header.height = rowHeight(
      columns.map((c) => ({ ...c, kind: 'wrap' })),
      columns.map((c) => c.header),
    );
    header.eachCell((cell) => {
      cell.font = { bold: true };
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
      cell.fill = HEADER_FILL;
      cell.border = HEADER_BORDER;
    });
    header.commit();
    this.last = this.headerRow;
  }

  /** One row, a value per column in the columns' order. */
  add(values: readonly CellInput[]): void {
    const row = this.sheet.addRow(values.map((v, i) => cellValue(this.columns[i]?.kind ?? 'text', v)));
    this.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const kind = c.kind ?? 'text';
      cell.alignment = ALIGNMENT[kind];
      const format = NUMBER_FORMAT[kind];
      if (format) cell.numFmt = format;
    });
    const height = rowHeight(this.columns, values);
    if (height > LINE_HEIGHT) row.height = height;
    row.commit();
    this.last = row.number;
  }

  /** Rows added so far (not counting the title and the header). */
  get rowCount(): number {
    return this.last - this.headerRow;
  }

  finish(): void {
    this.sheet.autoFilter = {
      from: { row: this.headerRow, column: 1 },
      to: { row: this.last, column: this.columns.length },
    };
    this.sheet.commit();
  }
}

/** The streaming workbook writing to `out`; call `commit()` when every sheet is finished. */
export function streamingWorkbook(out: Writable, title: string): ExcelJS.stream.xlsx.WorkbookWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'planwatch';
  workbook.title = title;
  workbook.created = new Date();
  return workbook;
}

/** A small workbook written whole into memory (a period's rates, the consolidated data). */
export async function workbookBuffer(
  title: string,
  fill: (workbook: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void> | void,
): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const workbook = streamingWorkbook(sink, title);
  await fill(workbook);
  await workbook.commit();
  await ended;
  return Buffer.concat(chunks);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Content-Disposition: plain ASCII for old clients, the Vietnamese name through RFC 5987. */
export function xlsxDisposition(vietnameseName: string): string {
  const ascii = vietnameseName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '-');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(vietnameseName)}`;
}

import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  WidthType,
} from 'docx';
import { SIZE, TEXT_WIDTH, tableTextStyle } from './format';
import { run } from './text';

export interface Column {
  heading: string;
  /** Share of the text width (the shares of a table add up to 1). */
  share: number;
  align?: 'left' | 'center' | 'right';
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = {
  top: LINE,
  bottom: LINE,
  left: LINE,
  right: LINE,
  insideHorizontal: LINE,
  insideVertical: LINE,
};

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

/** The padding of every cell, set once on the table (w:tblCellMar) rather than on each cell. */
const CELL_MARGINS = { left: 60, right: 60, top: 20, bottom: 20 };

function cell(text: string, width: number, align: Align, size: number, bold: boolean) {
  // A cell's text may hold line breaks (several agencies, several products): one paragraph per line.
  const lines = text.split('\n');
  // The size comes from the paragraph style when there is one for it, else from the run.
  const style = tableTextStyle(size);
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    children: lines.map(
      (line) =>
        new Paragraph({
          ...(style ? { style } : {}),
          alignment: align,
          children: [run(line, style ? { bold } : { size, bold })],
        }),
    ),
  });
}

/**
 * A bordered table across the text width with a bold heading row repeated on every page, as the tables
 * of an official report are drawn.
 */
export function gridTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  size: number = SIZE.table,
) {
  const widths = columns.map((c) => Math.floor(c.share * TEXT_WIDTH));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) => cell(c.heading, widths[i]!, AlignmentType.CENTER, size, true)),
  });
  const body = rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: columns.map((c, i) => cell(r[i] ?? '', widths[i]!, ALIGN[c.align ?? 'left'], size, false)),
      }),
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    margins: CELL_MARGINS,
    rows: [header, ...body],
  });
}

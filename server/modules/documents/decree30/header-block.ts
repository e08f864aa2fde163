import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
} from 'docx';
import { SIZE, TEXT_WIDTH } from './format';
import { type RunStyle, run } from './text';

/** Who issues the document: the superior body above, the issuing body's own name below it. */
export interface Issuer {
  superior: string | null;
  name: string;
  /** A line in italics under the name: "(nay là Sở Tài chính từ 01/03/2025)" for a reorganised agency. */
  note?: string;
  /** The code after "BC-" in the number ("SCT"). */
  code: string;
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};
/**
 * The motto in bold 13 pt capitals needs about 6,200 twips on one line, more than 60% of the text width:
 * as in the ministries' templates, the header table reaches a little into both margins.
 */
const OVERHANG = 280;
const TABLE_WIDTH = TEXT_WIDTH + 2 * OVERHANG;
const LEFT_WIDTH = Math.round(TABLE_WIDTH * 0.36);
const RIGHT_WIDTH = TABLE_WIDTH - LEFT_WIDTH;

const line = (text: string, s: RunStyle) =>
  new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, s)] });

/**
 * A rule under a heading, as long as `length` twips, centred in a cell `cellWidth` wide: an empty
 * paragraph whose bottom border is drawn between its indents.
 */
function rule(length: number, cellWidth: number) {
  const side = Math.max(0, Math.round((cellWidth - length) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { after: 120 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  });
}

const cell = (width: number, children: Paragraph[]) =>
  new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, children });

/** Rough width of bold Times New Roman text: about half an em per character. */
const textWidth = (text: string, halfPoints: number) => Math.round(text.length * (halfPoints / 2) * 20 * 0.5);

/**
 * The header of Phụ lục I: issuing body top-left (superior regular capitals, own name bold capitals, a
 * short rule), national motto top-right (bold 13 pt, "Độc lập - Tự do - Hạnh phúc" bold 14 pt over a rule
 * as long as itself); on the next row the number under the issuer and the place and date in italics.
 */
export function headerBlock(issuer: Issuer, placeDate: string) {
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  const left: Paragraph[] = [];
  if (issuer.superior) left.push(line(issuer.superior.toLocaleUpperCase('vi'), { size: SIZE.issuer }));
  left.push(line(issuer.name.toLocaleUpperCase('vi'), { size: SIZE.issuer, bold: true }));
  if (issuer.note) left.push(line(issuer.note, { size: SIZE.number, italics: true }));
  left.push(rule(Math.round(LEFT_WIDTH * 0.35), LEFT_WIDTH));
  left.push(line(`Số:        /BC-${issuer.code}`, { size: SIZE.number }));
  const right = [
    line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: SIZE.motto, bold: true }),
    line(motto, { size: SIZE.mottoLine, bold: true }),
    rule(textWidth(motto, SIZE.mottoLine), RIGHT_WIDTH),
    line(placeDate, { size: SIZE.placeDate, italics: true }),
  ];
  return new Table({
    width: { size: TABLE_WIDTH, type: WidthType.DXA },
    indent: { size: -OVERHANG, type: WidthType.DXA },
    columnWidths: [LEFT_WIDTH, RIGHT_WIDTH],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(LEFT_WIDTH, left), cell(RIGHT_WIDTH, right)] })],
  });
}

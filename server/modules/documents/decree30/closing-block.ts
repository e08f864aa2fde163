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
import { run } from './text';

/** The signer block: the authority line ("KT. GIÁM ĐỐC"), the title, and the name once signed. */
export interface Signer {
  authority: string | null;
  title: string;
  name: string | null;
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
const LEFT_WIDTH = Math.round(TEXT_WIDTH * 0.5);
const RIGHT_WIDTH = TEXT_WIDTH - LEFT_WIDTH;

const centredBold = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [run(text, { size: SIZE.signer, bold: true })],
  });

/**
 * "Nơi nhận:" (bold italic 12 pt) with its entries (11 pt) on the left, the signer block (bold capitals)
 * on the right, side by side as Phụ lục I draws them.
 */
export function closingBlock(recipients: readonly string[], signer: Signer) {
  const left = [
    new Paragraph({
      children: [run('Nơi nhận:', { size: SIZE.recipientsLabel, bold: true, italics: true })],
    }),
    ...recipients.map((r) => new Paragraph({ children: [run(`- ${r}`, { size: SIZE.recipients })] })),
  ];
  const right: Paragraph[] = [];
  if (signer.authority) right.push(centredBold(signer.authority.toLocaleUpperCase('vi')));
  right.push(centredBold(signer.title.toLocaleUpperCase('vi')));
  // Room for the signature and the seal.
  for (let i = 0; i < 4; i++) right.push(new Paragraph({ children: [] }));
  if (signer.name) right.push(centredBold(signer.name));
  const cell = (width: number, children: Paragraph[]) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, children });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LEFT_WIDTH, RIGHT_WIDTH],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(LEFT_WIDTH, left), cell(RIGHT_WIDTH, right)] })],
  });
}

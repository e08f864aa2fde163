import { AlignmentType, Paragraph, TextRun } from 'docx';
import { FIRST_LINE_INDENT, FONT, PARAGRAPH_AFTER, SIZE } from './format';

export interface RunStyle {
  size?: number;
  bold?: boolean;
  italics?: boolean;
}

export const run = (text: string, s: RunStyle = {}) =>
  new TextRun({
    text,
    font: FONT,
    size: s.size ?? SIZE.body,
    bold: s.bold ?? false,
    italics: s.italics ?? false,
  });

/** A body paragraph: 14 pt, justified, first line indented 1.27 cm, 6 pt after. */
export function bodyParagraph(text: string, s: RunStyle = {}) {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: { after: PARAGRAPH_AFTER },
    children: [run(text, s)],
  });
}

/** A section heading inside the body ("I. KẾT QUẢ THỰC HIỆN"): bold, same indent as the body. */
export const headingParagraph = (text: string) => bodyParagraph(text, { bold: true });

/** A centred line (title, summary, table captions). */
export function centred(text: string, s: RunStyle = {}, after = 0) {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children: [run(text, s)] });
}

import { AlignmentType, Paragraph, TextRun } from 'docx';
import { FIRST_LINE_INDENT, PARAGRAPH_AFTER, SIZE } from './format';

export interface RunStyle {
  size?: number;
  bold?: boolean;
  italics?: boolean;
}

/**
 * A run that writes only what differs from what it inherits: the font (Times New Roman) and the body
 * size are the document's defaults (decree30/document.ts), regular type is Word's default, and a table
 * paragraph's style gives its size. Word shows the same; a 1,000-row appendix no longer repeats seven
 * run properties in every cell, which made most of the time of packing the .docx.
 */
export const run = (text: string, s: RunStyle = {}) =>
  new TextRun({
    text,
    ...(s.size !== undefined && s.size !== SIZE.body ? { size: s.size } : {}),
    ...(s.bold ? { bold: true } : {}),
    ...(s.italics ? { italics: true } : {}),
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

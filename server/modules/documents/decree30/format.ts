/**
 * The measurements of Decree 30/2020/NĐ-CP, Phụ lục I, in Word's units: lengths in twips (1/1440 inch),
 * font sizes in half-points. One place, so the builder and its tests read the same numbers.
 */
const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (millimetres: number) => Math.round(millimetres * TWIPS_PER_MM);
export const pt = (points: number) => points * 2;

/** A4 portrait. */
export const PAGE = { width: 11906, height: 16838 } as const;

/** Top and bottom 20 mm, left 30 mm, right 15 mm; page numbers sit 10 mm from the top edge. */
export const MARGINS = {
  top: mm(20),
  bottom: mm(20),
  left: mm(30),
  right: mm(15),
  header: mm(10),
  footer: mm(10),
};

/** The width text may take between the margins. */
export const TEXT_WIDTH = PAGE.width - MARGINS.left - MARGINS.right;

export const FONT = 'Times New Roman';

export const SIZE = {
  issuer: pt(13),
  motto: pt(13),
  mottoLine: pt(14),
  number: pt(13),
  placeDate: pt(14),
  title: pt(14),
  body: pt(14),
  table: pt(12),
  smallTable: pt(11),
  recipientsLabel: pt(12),
  recipients: pt(11),
  signer: pt(14),
} as const;

/** First-line indent of body paragraphs: 1.27 cm. */
export const FIRST_LINE_INDENT = mm(12.7);
/** Space after each body paragraph: 6 pt (Word counts spacing in twentieths of a point). */
export const PARAGRAPH_AFTER = 6 * 20;

/**
 * The sizes of table text, each a paragraph style of the document ("TableText22" = 11 pt) so the cells of
 * a long table name their size once, in styles.xml, rather than on every run.
 */
export const TABLE_TEXT_SIZES = [SIZE.table, SIZE.smallTable] as const;
export const tableTextStyle = (size: number) =>
  (TABLE_TEXT_SIZES as readonly number[]).includes(size) ? `TableText${size}` : null;

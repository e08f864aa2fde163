/*
 * Line shapes of a plan body. Kept together because the header reader, the section reader and the
 * table reader must agree on what a heading or a bullet looks like.
 */

/** "I. MỤC ĐÍCH, YÊU CẦU", "IV- TỔ CHỨC THỰC HIỆN". */
export const ROMAN_HEADING = /^([IVXL]{1,6})\s*[.\-–]\s*([\p{L}“"(].*)$/u;

/** "1. Mục đích", "4.1. Phát triển nguồn nhân lực:", "4.2 Phát triển…". */
export const NUMBERED_HEADING =
  /^(\d{1,2}(?:\.\d{1,2})*)\.\s*([\p{L}“"(].*)$|^(\d{1,2}(?:\.\d{1,2})+)\s+([\p{L}“"(].*)$/u;

/** "- text", "+ text", "• text", "-Text" (sloppy, but a capital shows it is not "-2025"), "a) text". */
export const BULLET = /^(?:[-–—+•*]\s+|[-–+•](?=\p{Lu})|[a-zđ]\)\s+)/u;

/** Decorative rules under the issuer or the motto: "-------", "_____". */
export const RULE_LINE = /^[-_–—=.…\s]{3,}$/;

/** Opening words of a legal-basis sentence. */
/** `\b` is ASCII-only even with /u, so it never matched after "cứ": a lookahead ends the words instead. */
export const BASIS_START = /^\*?(Căn cứ|Thực hiện|Triển khai|Theo đề nghị|Xét đề nghị)(?![\p{L}\p{M}])/u;

export function parseNumberedHeading(text: string): { ordinal: string; rest: string } | null {
  const m = NUMBERED_HEADING.exec(text);
  if (m === null) return null;
  const ordinal = m[1] ?? m[3];
  const rest = m[2] ?? m[4];
  return ordinal === undefined || rest === undefined ? null : { ordinal, rest };
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => w !== '').length;
}

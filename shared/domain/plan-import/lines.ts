/** One line of the normalised plan text; `no` is 1-based so warnings can point at it. */
export interface SourceLine {
  no: number;
  text: string;
}

/** The line that separates table cells in the text layout of a published plan. */
export const CELL_SEPARATOR = '|';

/**
 * Everything downstream assumes one encoding form and one line ending: a BOM, Windows line endings or
 * NFD-decomposed letters (common from macOS copy-paste) must not change what the parser sees.
 */
export function normalizeInput(raw: string): string {
  return (
    raw
      .replace(/^\uFEFF+/, '')
      .replace(/\r\n?/g, '\n')
      // pdftotext separates pages with form feeds; a page break is a line break for the parser.
      .replace(/[\f\v\u2028\u2029]/g, '\n')
      .normalize('NFC')
      .replace(/[\u00A0\u2007\u202F\t]/g, ' ')
      .replace(/[\u200B-\u200D\uFEFF]/g, '')
  );
}

export function toLines(text: string): SourceLine[] {
  return text.split('\n').map((line, index) => ({ no: index + 1, text: line.replace(/ {2,}/g, ' ').trim() }));
}

export function isSeparator(line: SourceLine): boolean {
  return line.text === CELL_SEPARATOR;
}

/**
 * Re-joins the pieces of a sentence the layout broke across lines. A piece starting "-2025" after a
 * piece ending in a year is a year range broken at the dash ("2016\n-2025"), so it joins without a space.
 */
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

export function joinPieces(pieces: readonly string[]): string {
  let out = '';
  // The end of the text so far is the end of the last piece. Looking at `out` itself (/\d$/, or even
  // charCodeAt, which flattens the concatenated string) cost its whole length each time, which made a
  // text of many short lines quadratic.
  let last = '';
  for (const raw of pieces) {
    const piece = raw.trim();
    if (piece === '') continue;
    if (out === '') out = piece;
    else if (isDigit(last.charCodeAt(last.length - 1)) && /^[-–]\d/.test(piece)) out += piece;
    else out += ` ${piece}`;
    last = piece;
  }
  return out;
}

/** True when every letter is a capital (headings like "IV. TỔ CHỨC THỰC HIỆN"). */
export function isUpperLine(text: string): boolean {
  const letters = text.match(/\p{L}/gu);
  if (letters === null || letters.length < 2) return false;
  return letters.every((ch) => ch === ch.toLocaleUpperCase('vi') && ch !== ch.toLocaleLowerCase('vi'));
}

export function startsLowercase(text: string): boolean {
  const first = text.match(/\p{L}/u)?.[0];
  return first !== undefined && text.indexOf(first) === 0 && first !== first.toLocaleUpperCase('vi');
}

export function endsSentence(text: string): boolean {
  return /[.:;!?]["”’)]*$/.test(text);
}

export function capitalizeFirst(text: string): string {
  const first = text.charAt(0);
  return first.toLocaleUpperCase('vi') + text.slice(1);
}

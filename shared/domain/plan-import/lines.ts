/** One line of the normalised plan text; `no` is 1-based so warnings can point at it. */
export interface SourceLine {
  no: number;
  text: string;
  /** The line before spaces were collapsed, kept only when it has runs of spaces (a -layout column page). */
  raw?: string;
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
      .split('\n')
      .map(tabRowToPipes)
      .join('\n')
      .replace(/[\u00A0\u2007\u202F\t]/g, ' ')
      .replace(/[\u200B-\u200D\uFEFF]/g, '')
  );
}

/**
 * A table copied from a spreadsheet or a Word table separates its cells with tabs: a line with three
 * cells or more is read as a pipe row ("1\tNội dung\t\tSở X" → "| 1 | Nội dung |  | Sở X |"), empty
 * cells kept so the columns stay in place. Two cells are not a table row: a two-column header
 * ("ỦY BAN NHÂN DÂN\tCỘNG HÒA …") or an indent stays text, its tab read as a space.
 */
function tabRowToPipes(line: string): string {
  if (!line.includes('\t')) return line;
  const cells = line.trim().split('\t');
  if (cells.length < 3 || cells.filter((c) => c.trim() !== '').length < 2) return line;
  return `| ${cells.map((c) => c.trim().replace(/\|/g, '/')).join(' | ')} |`;
}

export function toLines(text: string): SourceLine[] {
  return text.split('\n').map((line, index) => {
    const out: SourceLine = { no: index + 1, text: line.replace(/ {2,}/g, ' ').trim() };
    if (/\S {3,}\S|^ {3,}\S/.test(line)) out.raw = line.replace(/\s+$/, '');
    return out;
  });
}

export function isSeparator(line: SourceLine): boolean {
  return line.text === CELL_SEPARATOR;
}

/**
 * Re-joins the pieces of a sentence the layout broke across lines. A piece starting "-2025" after a
 * piece ending in a year is a year range broken at the dash ("2016\n-2025"), so it joins without a space.
 */
export function joinPieces(pieces: readonly string[]): string {
  // Built as a list and joined once: testing the growing string itself with a regex flattens it on
  // every piece, which made a 10,000-line cell take minutes.
  const out: string[] = [];
  let previous = '';
  for (const raw of pieces) {
    const piece = raw.trim();
    if (piece === '') continue;
    if (out.length > 0) out.push(/\d$/.test(previous) && /^[-–]\d/.test(piece) ? '' : ' ');
    out.push(piece);
    previous = piece;
  }
  return out.join('');
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

import type { PlanWarning } from '../../contracts/plan-draft';
import { searchKey } from '../text/normalize';
import { validIsoDate } from './dates';
import { endsSentence, isSeparator, isUpperLine, joinPieces, type SourceLine } from './lines';
import { WARNINGS } from './messages';
import { BASIS_START, ROMAN_HEADING, RULE_LINE } from './structure';

export interface PlanHeader {
  number: string | null;
  issuer: string | null;
  place: string | null;
  issuedOn: string | null;
  title: string;
  /** Index (into lines) of the "KẾ HOẠCH" line, -1 when absent. */
  docTypeIndex: number;
  /** Index of the first line after the title. */
  titleEnd: number;
  /** True when the text names itself a plan ("KẾ HOẠCH" or a "…/KH-…" number). */
  looksLikePlan: boolean;
  warnings: PlanWarning[];
}

const DOC_TYPE = /^KẾ\s+HOẠCH(?![\p{L}])/u;
/** "Số: 148/KH-UBND"; the number may sit on the next line, which the flattened header absorbs. */
const NUMBER = /(?:^|[\s|])Số\s*:?\s*(\d+[a-zA-Z]?\s*\/\s*[\p{L}\p{N}]+(?:\s*[-–/]\s*[\p{L}\p{N}]+)*)/u;
const PLAN_NUMBER = /(?<![\p{L}\p{N}])\d+\s*\/\s*KH\s*-\s*[\p{Lu}\p{N}]+(?:-[\p{Lu}\p{N}]+)*/u;
const DATE = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;
const SHORT_DATE = /ngày\s+(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/iu;
/** The place before ", ngày": capitalised words, possibly joined by a dash ("Bà Rịa - Vũng Tàu"). */
const PLACE =
  /(?<![\p{L}\p{M}\p{N}/-])(\p{Lu}[\p{Ll}\p{M}]+(?:(?:\s+|\s*-\s*)\p{Lu}[\p{Ll}\p{M}]+)*)\s*,\s*ngày/u;
const MOTTO = /^(CỘNG\s*HÒA|CỘNG\s*HOÀ|CỘNG$|Độc lập)/u;

const UNIT_PREFIXES = ['THÀNH PHỐ', 'THỊ TRẤN', 'THỊ XÃ', 'TỈNH', 'HUYỆN', 'QUẬN', 'PHƯỜNG', 'XÃ'];

function titleCaseWords(text: string): string {
  return text
    .toLocaleLowerCase('vi')
    .split(' ')
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1))
    .join(' ');
}

/** "ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN" → "UBND tỉnh Hưng Yên". Other issuers are kept as written. */
export function formatIssuer(raw: string): string {
  const text = raw.replace(/\s+/g, ' ').trim();
  const m = /^(?:ỦY|UỶ|Ủy|Uỷ)\s+BAN\s+NHÂN\s+DÂN\s+(.+)$|^UBND\s+(.+)$/u.exec(text);
  const rest = m?.[1] ?? m?.[2];
  if (rest === undefined) return text;
  if (!isUpperLine(rest)) return `UBND ${rest}`;
  const prefix = UNIT_PREFIXES.find((p) => rest.startsWith(`${p} `));
  if (prefix === undefined) return `UBND ${titleCaseWords(rest)}`;
  return `UBND ${prefix.toLocaleLowerCase('vi')} ${titleCaseWords(rest.slice(prefix.length + 1))}`;
}

function readIssuer(lines: readonly SourceLine[]): string | null {
  const pieces: string[] = [];
  for (const line of lines) {
    const text = line.text;
    if (text === '' && pieces.length === 0) continue;
    if (isSeparator(line) || RULE_LINE.test(text) || MOTTO.test(text) || /^Số\s*:/u.test(text) || text === '')
      break;
    // Two-column headers flattened onto one line: "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI …".
    pieces.push(text.replace(/\s*CỘNG\s+H[OÒ]A\s+XÃ\s+HỘI.*$/u, ''));
  }
  const issuer = joinPieces(pieces);
  return issuer === '' ? null : formatIssuer(issuer);
}

function docTypeLabel(text: string): string {
  const lower = text.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/**
 * The summary under "KẾ HOẠCH". Capitals summaries run while lines stay in capitals; sentence-case
 * ones ("Thực hiện Nghị quyết …") run until a basis sentence, a heading or a closed sentence.
 */
function readTitle(
  lines: readonly SourceLine[],
  docTypeIndex: number,
  limit: number,
): { title: string; end: number } {
  const docLine = lines[docTypeIndex]?.text ?? '';
  const typeWords = /^KẾ\s+HOẠCH(?:\s+HÀNH\s+ĐỘNG)?/u.exec(docLine)?.[0] ?? 'KẾ HOẠCH';
  const summary: string[] = [];
  const remainder = docLine.slice(typeWords.length).trim();
  if (remainder !== '') summary.push(remainder);
  let uppercase = remainder === '' ? null : isUpperLine(remainder);
  let j = docTypeIndex + 1;
  for (; j < limit; j++) {
    const line = lines[j];
    if (line === undefined) break;
    const text = line.text;
    if (text === '' || isSeparator(line) || RULE_LINE.test(text)) {
      if (summary.length > 0) break;
      continue;
    }
    if (ROMAN_HEADING.test(text) || /^CĂN CỨ/u.test(text)) break;
    if (summary.length > 0 && BASIS_START.test(text)) break;
    if (summary.length === 0) {
      summary.push(text);
      uppercase = isUpperLine(text);
      continue;
    }
    if (
      uppercase === true
        ? !isUpperLine(text)
        : endsSentence(summary[summary.length - 1] ?? '') || summary.length >= 6
    ) {
      break;
    }
    summary.push(text);
  }
  const joined = joinPieces(summary);
  return { title: joined === '' ? docTypeLabel(typeWords) : `${docTypeLabel(typeWords)} ${joined}`, end: j };
}

/** Reads number, issuer, place, date and title from the top of the plan. */
export function parseHeader(lines: readonly SourceLine[]): PlanHeader {
  const warnings: PlanWarning[] = [];
  const firstRoman = lines.findIndex((l) => ROMAN_HEADING.test(l.text));
  const searchLimit = firstRoman >= 0 ? firstRoman : Math.min(lines.length, 120);
  const docTypeIndex = lines.slice(0, searchLimit).findIndex((l) => DOC_TYPE.test(l.text));
  const headerLines = lines.slice(0, docTypeIndex >= 0 ? docTypeIndex : Math.min(searchLimit, 40));
  const flat = joinPieces(
    headerLines.filter((l) => !isSeparator(l) && !RULE_LINE.test(l.text)).map((l) => l.text),
  );

  // Some layouts put "Số: …" below the title; look there only when the top has none.
  const wider = joinPieces(
    lines
      .slice(0, Math.min(searchLimit, 40))
      .filter((l) => !isSeparator(l))
      .map((l) => l.text),
  );
  const numberMatch =
    NUMBER.exec(flat)?.[1] ??
    PLAN_NUMBER.exec(flat)?.[0] ??
    NUMBER.exec(wider)?.[1] ??
    PLAN_NUMBER.exec(wider)?.[0] ??
    null;
  const number = numberMatch === null ? null : numberMatch.replace(/\s+/g, '');
  const anywhere = lines.slice(0, Math.max(searchLimit, 60)).some((l) => PLAN_NUMBER.test(l.text));
  const looksLikePlan = docTypeIndex >= 0 || (number !== null && /\/KH/u.test(number)) || anywhere;
  if (number === null) warnings.push(WARNINGS.missingNumber());

  const issuer = readIssuer(headerLines);
  if (issuer === null) warnings.push(WARNINGS.missingIssuer());

  const dateMatch = DATE.exec(flat) ?? SHORT_DATE.exec(flat);
  const issuedOn =
    dateMatch === null
      ? null
      : validIsoDate(Number(dateMatch[3]), Number(dateMatch[2]), Number(dateMatch[1]));
  if (issuedOn === null) warnings.push(WARNINGS.missingDate());

  let place = PLACE.exec(flat)?.[1] ?? null;
  if (place === null && issuer !== null) {
    // No place before the date: the issuer's locality is where a UBND signs its plans.
    place = /(?:tỉnh|thành phố|huyện|thị xã|quận)\s+(.+)$/u.exec(issuer)?.[1] ?? null;
  }
  if (place === null) warnings.push(WARNINGS.missingPlace());

  let title = '';
  let titleEnd = docTypeIndex >= 0 ? docTypeIndex + 1 : headerLines.length;
  if (docTypeIndex >= 0) {
    const read = readTitle(lines, docTypeIndex, firstRoman >= 0 ? firstRoman : lines.length);
    title = read.title;
    titleEnd = read.end;
  } else {
    warnings.push(WARNINGS.missingTitle());
  }
  return { number, issuer, place, issuedOn, title, docTypeIndex, titleEnd, looksLikePlan, warnings };
}

/** True for "Nơi nhận:", signature blocks and appendix titles: the plan body is over. */
export function isBodyEnd(text: string): boolean {
  return (
    /^Nơi\s+nhận\b/iu.test(text) ||
    /^(TM|KT|T\/M|K\/T)\.?\s+(ỦY|UỶ|UBND|CHỦ|CHÁNH|GIÁM)/u.test(text) ||
    /^(PHỤ\s+LỤC|DANH\s+MỤC)(?![\p{L}])/u.test(text) ||
    searchKey(text) === 'noi nhan'
  );
}

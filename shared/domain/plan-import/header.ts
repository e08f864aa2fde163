import type { PlanKind, PlanWarning } from '../../contracts/plan-draft';
import { searchKey } from '../text/normalize';
import { validIsoDate } from './dates';
import { endsSentence, isSeparator, isUpperLine, joinPieces, type SourceLine } from './lines';
import { WARNINGS } from './messages';
import { BASIS_START, ROMAN_HEADING, RULE_LINE } from './structure';

export interface PlanHeader {
  kind: PlanKind;
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
  /** Lines of the issuing Quyết định / Nghị quyết before the plan itself (its basis and articles). */
  issuingEnd: number;
  warnings: PlanWarning[];
}

/** The plan's own title line: a Kế hoạch, a Chương trình (hành động), a Chỉ thị. */
const DOC_TYPE = /^(?:KẾ\s+HOẠCH|CHƯƠNG\s+TRÌNH(?:\s+HÀNH\s+ĐỘNG)?|CHỈ\s+THỊ)(?![\p{L}])/u;
/** A Quyết định / Nghị quyết that issues the plan in its appendix ("QUYẾT ĐỊNH:" is its enacting word). */
const ISSUING_TYPE = /^(QUYẾT\s+ĐỊNH|NGHỊ\s+QUYẾT)\s*$/u;
/**
 * "Số: 148/KH-UBND", "Số 104 -CTr/TU", "Số: 188 /KH-UBND Huế, ngày …"; the number may sit on the next
 * line, which the flattened header absorbs.
 */
const NUMBER =
  /(?:^|[\s|*])Số\s*:?\s*(\d+[a-zA-Z]?\s*(?:\/|\s-|-)\s*[\p{L}\p{N}]+(?:\s*[-–/]\s*[\p{L}\p{N}]+)*)/u;
const PLAN_NUMBER =
  /(?<![\p{L}\p{N}])\d+\s*(?:\/\s*KH\s*-|-\s*CTr\s*\/)\s*[\p{Lu}\p{N}]+(?:-[\p{Lu}\p{N}]+)*/u;
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
    // A web copy puts the two-column header in a table row: the issuer is its first cell.
    const cells = /^\|.*\|$/.test(line.text) ? line.text.split('|').map((c) => c.trim()) : null;
    if (cells !== null) {
      const first = (cells[1] ?? '')
        .replace(/\s*[-_–—=]{3,}.*$/u, '')
        .replace(/\*/g, '')
        .trim();
      if (pieces.length === 0 && first !== '' && !/^-+$/.test(first)) pieces.push(first);
      break;
    }
    const text = line.text;
    if (text === '' && pieces.length === 0) continue;
    if (isSeparator(line) || RULE_LINE.test(text) || MOTTO.test(text) || /^Số\s*:/u.test(text) || text === '')
      break;
    // Two-column headers flattened onto one line: "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI …".
    const left = text.replace(/\s*CỘNG\s+H[OÒ]A\s+XÃ\s+HỘI.*$/u, '');
    // Copies that lost the first letter of the block ("Y BAN NHÂN DÂN", the "Ủ" dropped by a font
    // without it) still name a people's committee: nothing else opens an issuer block that way.
    pieces.push(pieces.length === 0 ? left.replace(/^Y(\s+BAN\s+NHÂN\s+DÂN\b)/u, 'ỦY$1') : left);
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
): { title: string; end: number; cut: boolean } {
  const docLine = lines[docTypeIndex]?.text ?? '';
  const typeWords =
    /^(?:KẾ\s+HOẠCH(?:\s+HÀNH\s+ĐỘNG)?|CHƯƠNG\s+TRÌNH(?:\s+HÀNH\s+ĐỘNG)?|CHỈ\s+THỊ)/u.exec(docLine)?.[0] ??
    'KẾ HOẠCH';
  const summary: string[] = [];
  const remainder = docLine.slice(typeWords.length).trim();
  if (remainder !== '') summary.push(remainder);
  let uppercase = remainder === '' ? null : isUpperLine(remainder);
  let cut = false;
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
    if (uppercase !== true && summary.length >= 6 && !endsSentence(summary[summary.length - 1] ?? '')) {
      cut = true;
      break;
    }
    if (uppercase === true ? !isUpperLine(text) : endsSentence(summary[summary.length - 1] ?? '')) {
      break;
    }
    summary.push(text);
  }
  const joined = joinPieces(summary);
  return {
    title: joined === '' ? docTypeLabel(typeWords) : `${docTypeLabel(typeWords)} ${joined}`,
    end: j,
    cut,
  };
}

/** Reads number, issuer, place, date and title from the top of the plan. */
export function parseHeader(lines: readonly SourceLine[]): PlanHeader {
  const warnings: PlanWarning[] = [];
  const firstRoman = lines.findIndex((l) => ROMAN_HEADING.test(l.text));
  const searchLimit = firstRoman >= 0 ? firstRoman : Math.min(lines.length, 120);
  const docTypeIndex = lines.slice(0, searchLimit).findIndex((l) => DOC_TYPE.test(l.text));
  const issuingIndex = lines.slice(0, Math.min(searchLimit, 40)).findIndex((l) => ISSUING_TYPE.test(l.text));
  const issuing = issuingIndex >= 0 && (docTypeIndex < 0 || issuingIndex < docTypeIndex) ? issuingIndex : -1;
  // A Quyết định issuing a plan: its own header (number, date, issuer) is the plan's.
  const headerEnd = issuing >= 0 ? issuing : docTypeIndex >= 0 ? docTypeIndex : Math.min(searchLimit, 40);
  const headerLines = lines.slice(0, headerEnd);
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
  const issuesPlan =
    issuing >= 0 &&
    lines
      .slice(issuing, Math.max(searchLimit, issuing + 60))
      // Web copies of PDFs glue words at line ends ("kèm theoQuyết định", "PHÊDUYỆT"), so spaces are optional.
      .some((l) =>
        /(?:ban\s*hành|phê\s*duyệt)\s*(?:kèm\s*theo\s*[^.]{0,40}?)?(?:Kế\s*hoạch|Chương\s*trình)/iu.test(
          l.text,
        ),
      );
  const looksLikePlan =
    docTypeIndex >= 0 || (number !== null && /\/KH|CTr\//u.test(number)) || anywhere || issuesPlan;
  const kind = documentKind(lines, issuing, docTypeIndex, number);
  if (number === null) warnings.push(WARNINGS.missingNumber());

  const issuer = readIssuer(headerLines);
  if (issuer === null) warnings.push(WARNINGS.missingIssuer());

  // The date after the place ("Hà Nội, ngày …") is the document's; other dates are cited documents'.
  const placed =
    /,\s*(ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|ngày\s+\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4})/iu.exec(
      flat,
    );
  const dateMatch =
    (placed?.[1] !== undefined ? (DATE.exec(placed[1]) ?? SHORT_DATE.exec(placed[1])) : null) ??
    DATE.exec(flat) ??
    SHORT_DATE.exec(flat);
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
    if (read.cut) warnings.push(WARNINGS.titleCut(lines[docTypeIndex]?.no ?? 0));
  } else if (issuing < 0) {
    warnings.push(WARNINGS.missingTitle());
  }
  if (issuing >= 0) {
    // The plan is known by the issuing document's summary ("Ban hành Kế hoạch …").
    const summary = readIssuingSummary(lines, issuing);
    if (summary !== null) title = sentenceCaseFrom(summary, lines);
    if (docTypeIndex < 0) titleEnd = Math.max(titleEnd, issuing + 1);
  }
  return {
    kind,
    number,
    issuer: issuer === null ? null : casedLike(issuer, lines),
    place,
    issuedOn,
    title,
    docTypeIndex,
    titleEnd,
    looksLikePlan,
    issuingEnd: issuing >= 0 ? (docTypeIndex >= 0 ? docTypeIndex : titleEnd) : 0,
    warnings,
  };
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

function documentKind(
  lines: readonly SourceLine[],
  issuing: number,
  docTypeIndex: number,
  number: string | null,
): PlanKind {
  if (issuing >= 0) return /^NGHỊ/u.test(lines[issuing]?.text ?? '') ? 'resolution' : 'decision';
  const docLine = docTypeIndex >= 0 ? (lines[docTypeIndex]?.text ?? '') : '';
  if (/^CHƯƠNG\s+TRÌNH/u.test(docLine) || (number !== null && /CTr\//u.test(number)))
    return 'action_programme';
  if (/^CHỈ\s+THỊ/u.test(docLine) || (number !== null && /\/CT-|-CT\//u.test(number))) return 'directive';
  return 'plan';
}

/** The summary under "QUYẾT ĐỊNH": its lines up to the signer's title, a basis sentence or a rule. */
function readIssuingSummary(lines: readonly SourceLine[], issuing: number): string | null {
  const pieces: string[] = [];
  for (let j = issuing + 1; j < Math.min(lines.length, issuing + 10); j++) {
    const text = (lines[j]?.text ?? '').replace(/\*/g, '').trim();
    if (text === '' || RULE_LINE.test(text)) {
      if (pieces.length > 0) break;
      continue;
    }
    if (BASIS_START.test(text) || /^(QUYẾT ĐỊNH|Điều\s+\d)/u.test(text)) break;
    // "THỦ TƯỚNG CHÍNH PHỦ", "BỘ TRƯỞNG BỘ …", "ỦY BAN NHÂN DÂN TỈNH …": who decides, not the summary.
    if (pieces.length > 0 && isUpperLine(text) && !isUpperLine(pieces[pieces.length - 1] ?? '')) break;
    if (
      pieces.length > 0 &&
      isUpperLine(text) &&
      /^(THỦ TƯỚNG|BỘ TRƯỞNG|CHỦ TỊCH|ỦY BAN|UỶ BAN|HỘI ĐỒNG|BAN THƯỜNG VỤ|BỘ CHÍNH TRỊ)/u.test(text)
    )
      break;
    pieces.push(text);
  }
  const summary = joinPieces(pieces);
  return summary === '' ? null : summary;
}

/** Words of the text outside capitals lines, with how each is written: the document's own casing. */
function casingsOf(lines: readonly SourceLine[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const line of lines) {
    if (isUpperLine(line.text)) continue;
    const words = line.text.split(/\s+/);
    words.forEach((raw, index) => {
      const word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      if (word === '' || index === 0) return; // a sentence's first word is capitalised whatever it is
      const key = word.toLocaleLowerCase('vi');
      const forms = out.get(key) ?? new Map<string, number>();
      forms.set(word, (forms.get(word) ?? 0) + 1);
      out.set(key, forms);
    });
  }
  return out;
}

/**
 * A summary written in capitals ("BAN HÀNH KẾ HOẠCH TRIỂN KHAI … CỦA CHÍNH PHỦ") in the casing the
 * document itself uses for the same words ("Ban hành Kế hoạch triển khai … của Chính phủ").
 */
export function sentenceCaseFrom(text: string, lines: readonly SourceLine[]): string {
  if (!isUpperLine(text)) return text;
  const casings = casingsOf(lines);
  const words = text.split(' ').map((raw, index) => {
    const lower = raw.toLocaleLowerCase('vi');
    if (index === 0) return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
    const core = lower.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    const forms = casings.get(core);
    if (forms === undefined) return /\d/.test(raw) ? raw : lower;
    const best = [...forms.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? core;
    return lower.replace(core, best);
  });
  return words.join(' ');
}

/** An issuer in capitals ("THỦ TƯỚNG CHÍNH PHỦ") as the text writes it elsewhere ("Thủ tướng Chính phủ"). */
function casedLike(issuer: string, lines: readonly SourceLine[]): string {
  if (!isUpperLine(issuer)) return issuer;
  const key = searchKey(issuer);
  for (const line of lines) {
    if (isUpperLine(line.text)) continue;
    const lineKey = searchKey(line.text);
    const at = lineKey.indexOf(key);
    // Same length after folding, so the offset in the key is the offset in the text.
    if (at >= 0 && lineKey.length === normalizeSpaces(line.text).length) {
      const found = normalizeSpaces(line.text).slice(at, at + key.length);
      if (/^\p{Lu}/u.test(found) && !isUpperLine(found)) return found;
    }
  }
  return issuer;
}

function normalizeSpaces(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

import { foldDiacritics } from './normalize';

/**
 * Plan titles are stored as published, and published titles are often in capitals ("Kế hoạch THỰC
 * HIỆN NGHỊ QUYẾT SỐ 07-NQ/TU … TỈNH HƯNG YÊN …"). A list of them shouts; lists show them in sentence
 * case instead, the way the same title is written inside a document:
 * "Kế hoạch thực hiện Nghị quyết số 07-NQ/TU … tỉnh Hưng Yên …".
 *
 * What stays as written: anything with a digit (numbers, dates, "07-NQ/TU"), abbreviations and Roman
 * numerals (a capital word that cannot be a Vietnamese syllable: "UBND", "CN", "XIX"). What gets its
 * capitals back: national institutions and document kinds before "số" (below), the name after an
 * administrative unit ("tỉnh Hưng Yên", "thành phố Hải Phòng"), and the names the caller knows from
 * data (an agency's or issuer's name as registered).
 */

/** Capitalised the same way in every province: state and Party bodies. Longest first when matching. */
const INSTITUTIONS = [
  'Cộng hòa xã hội chủ nghĩa Việt Nam',
  'Đảng Cộng sản Việt Nam',
  'Mặt trận Tổ quốc Việt Nam',
  'Mặt trận Tổ quốc',
  'Ban Chấp hành Trung ương',
  'Ban Chấp hành',
  'Ban Thường vụ',
  'Ban Bí thư',
  'Bộ Chính trị',
  'Ủy ban nhân dân',
  'Hội đồng nhân dân',
  'Thủ tướng Chính phủ',
  'Chính phủ',
  'Quốc hội',
  'Trung ương',
  'Tỉnh ủy',
  'Thành ủy',
  'Huyện ủy',
  'Đảng bộ',
  'Đại hội',
  'Việt Nam',
  'Đảng',
];

/** Document kinds are capitalised when they name one document: "Nghị quyết số 07-NQ/TU". */
const DOCUMENT_KINDS = [
  'Nghị quyết',
  'Nghị định',
  'Quyết định',
  'Chỉ thị',
  'Thông tư',
  'Kết luận',
  'Kế hoạch',
  'Chương trình',
  'Công văn',
  'Luật',
];

/** Administrative units whose next words are a place name ("xã" is left out: "kinh tế - xã hội"). */
const UNITS = ['thành phố', 'thị xã', 'thị trấn', 'tỉnh', 'huyện', 'quận', 'phường'];

/** Words that end a place name (or show there is none: "Đảng bộ tỉnh khóa XIX", "tỉnh giai đoạn …"). */
const NOT_IN_PLACE = new Set(
  (
    'ủy uỷ khóa khoá giai năm đến và về trên của theo trong tại thuộc lần với để nhằm là có cho từ các ' +
    'những mới trực đã sẽ đang giai đoạn thời kỳ nhiệm ban hành thực hiện triển khai phát triển ' +
    'xây dựng lập quy hoạch thông minh'
  ).split(' '),
);

const INITIAL = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?';
const NUCLEUS =
  '(?:oai|oay|oao|oeo|uay|uoi|uou|uya|uye|uyu|ieu|yeu|uai|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ye|a|e|i|o|u|y)';
const FINAL = '(?:ch|ng|nh|c|m|n|p|t)?';
const SYLLABLE = new RegExp(`^${INITIAL}${NUCLEUS}${FINAL}$`, 'u');

/** Whether a word (any case) could be a Vietnamese syllable; "UBND", "CN", "XIX" cannot. */
export function isVietnameseSyllable(word: string): boolean {
  return SYLLABLE.test(foldDiacritics(word).toLowerCase());
}

const lower = (s: string) => s.toLocaleLowerCase('vi');
const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/** Capitals over all cased letters: a title mostly in capitals is the one to rewrite. */
function capitalShare(text: string): number {
  const upper = (text.match(/\p{Lu}/gu) ?? []).length;
  const all = upper + (text.match(/\p{Ll}/gu) ?? []).length;
  return all === 0 ? 0 : upper / all;
}

/** One capital word → lower case, unless it is a code, a number or an abbreviation. */
function lowerWord(word: string): string {
  if (/\p{N}/u.test(word)) return word;
  return word
    .split(/([-/])/u)
    .map((part) => (part === '-' || part === '/' || !isVietnameseSyllable(part) ? part : lower(part)))
    .join('');
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LETTER = '[\\p{L}\\p{M}]';

/** Replaces every whole-word occurrence of `phrase` (any case) by `phrase` as written. */
function restore(text: string, phrase: string, after = ''): string {
  const re = new RegExp(`(?<!${LETTER})${escapeRe(phrase)}(?=${after}(?!${LETTER}))`, 'giu');
  return text.replace(re, phrase);
}

/** "tỉnh hưng yên giai đoạn" → "tỉnh Hưng Yên giai đoạn": up to four words after a unit. */
function restorePlaces(text: string): string {
  const unit = UNITS.map(escapeRe).join('|');
  const re = new RegExp(`(?<!${LETTER})(${unit})((?: ${LETTER}+){1,4})`, 'gu');
  return text.replace(re, (_m, u: string, rest: string) => {
    const words = rest.trim().split(' ');
    const name: string[] = [];
    for (const w of words) {
      if (NOT_IN_PLACE.has(lower(w))) break;
      name.push(w);
    }
    if (name.length === 0) return `${u}${rest}`;
    const tail = words.slice(name.length);
    return [u, ...name.map(capitalise), ...tail].join(' ');
  });
}

/**
 * A title for lists: in sentence case when it was written in capitals, as written otherwise (only
 * its first letter made a capital). `knownNames` are names as registered ("Sở Tài chính", "Hưng Yên")
 * whose capitals are put back wherever they occur.
 */
export function sentenceCaseTitle(title: string, knownNames: readonly string[] = []): string {
  const text = title.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (capitalShare(text) < 0.6) return capitalise(text);
  let out = text
    .split(/(\s+|[,;:()“”"'.])/u)
    .map((token) => (/^[\p{L}\p{M}\p{N}/-]+$/u.test(token) ? lowerWord(token) : token))
    .join('');
  out = restorePlaces(out);
  for (const kind of DOCUMENT_KINDS) out = restore(out, kind, ' số');
  for (const name of [...INSTITUTIONS, ...knownNames].sort((a, b) => b.length - a.length)) {
    if (name.trim() !== '') out = restore(out, name.normalize('NFC'));
  }
  return capitalise(out);
}

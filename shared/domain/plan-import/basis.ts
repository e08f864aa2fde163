import { searchKey } from '../text/normalize';
import { isSeparator, joinPieces, type SourceLine } from './lines';
import { allNodes, type SectionNode } from './sections';
import { BASIS_START, BULLET, RULE_LINE } from './structure';

/** ", UBND tỉnh ban hành Kế hoạch … như sau:" closes the last basis sentence; it is not part of it. */
const ENACTING_CLAUSE =
  /,?\s*(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Ủy ban|Sở|Ban)[^,;]{0,60}?\s(?:ban hành|xây dựng|triển khai)\s+(?:Kế hoạch|kế hoạch)[^;]*$/u;

function cleanItem(text: string): string {
  return text
    .replace(BULLET, '')
    .replace(ENACTING_CLAUSE, '')
    .replace(/[\s;,.:]+$/u, '')
    .trim();
}

/** Legal basis sentences between the title and section I ("Căn cứ …", "Thực hiện …"). */
export function readPreambleBasis(lines: readonly SourceLine[]): string[] {
  const items: string[][] = [];
  let current: string[] | null = null;
  let inBasisBlock = false;
  for (const line of lines) {
    const text = line.text;
    if (text === '' || isSeparator(line) || RULE_LINE.test(text)) {
      current = null;
      continue;
    }
    if (/^CĂN CỨ/u.test(text)) {
      inBasisBlock = true; // "CĂN CỨ XÂY DỰNG KẾ HOẠCH": what follows are basis bullets
      current = null;
      continue;
    }
    const previous = current?.[current.length - 1] ?? '';
    const startsItem =
      BASIS_START.test(text) || (inBasisBlock && BULLET.test(text)) || /[.;:]$/.test(previous);
    if (current === null || startsItem) {
      current = [text];
      items.push(current);
    } else {
      current.push(text);
    }
  }
  return items
    .map((pieces) => joinPieces(pieces))
    .flatMap((item) => item.split(/;\s*(?=Căn cứ|Thực hiện)/u))
    .filter((item) => /^(Căn cứ|Thực hiện|Triển khai)/u.test(item) || (inBasisBlock && BULLET.test(item)))
    .map(cleanItem)
    .filter((item) => item !== '');
}

/** Basis stated as a section of its own ("I. CĂN CỨ XÂY DỰNG KẾ HOẠCH"). */
export function readSectionBasis(roots: readonly SectionNode[]): string[] {
  return roots
    .filter((root) => searchKey(root.heading).startsWith('can cu'))
    .flatMap((root) => allNodes([root]).flatMap((node) => node.paragraphs))
    .map(cleanItem)
    .filter((item) => item !== '');
}

/**
 * A Quyết định / Nghị quyết that issues the plan: its "Căn cứ …" sentences and its articles
 * ("Điều 1. Ban hành kèm theo …") are the plan's basis.
 */
export function readIssuingBasis(lines: readonly SourceLine[]): string[] {
  const articles: string[][] = [];
  let current: string[] | null = null;
  for (const line of lines) {
    const text = line.text.replace(/^\*+|\*+$/g, '').trim();
    if (/^Điều\s+\d+\s*[.:]/u.test(text)) {
      current = [text];
      articles.push(current);
      continue;
    }
    if (current === null) continue;
    if (text === '' || /^(Nơi\s+nhận|TM\.|KT\.|\|)/u.test(text) || /\/\.\s*$/.test(current.join(' '))) {
      current = null;
      continue;
    }
    current.push(text);
  }
  const stripped = lines.map((l) => ({ ...l, text: l.text.replace(/^\*+|\*+$/g, '').trim() }));
  const beforeArticles = stripped.slice(
    0,
    Math.max(
      0,
      stripped.findIndex((l) => /^Điều\s+\d+\s*[.:]/u.test(l.text)),
    ),
  );
  return [
    ...readPreambleBasis(beforeArticles.length > 0 ? beforeArticles : stripped),
    ...articles.map((pieces) => {
      const article = joinPieces(pieces).replace(/\s*\/\.\s*$/, '');
      return /[.;:]$/.test(article) ? article : `${article}.`;
    }),
  ];
}

import type { SourceLine } from './lines';

/*
 * Page furniture: what a PDF or gazette copy repeats on every page and what is no part of the plan.
 * It must go before anything else reads the text, or a running head lands in the middle of a
 * sentence or a table cell ("… bảo hiểm y \nCÔNG BÁO/Số 286/Ngày 27-05-2026\n97\n tế …").
 */

/** "CÔNG BÁO/Số 286/Ngày 27-05-2026", "CÔNG BÁO/Số 12 + 13/Ngày …". */
const GAZETTE_HEAD = /^CÔNG\s*BÁO\s*\/\s*Số\s+[\d\s+]+\s*\/\s*Ngày\s+\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$/u;
/** "Trang 3", "Trang 3/12", "- 3 -" ("3/12" alone is left: it reads the same as a deadline "3/2025"). */
const PAGE_LABEL = /^(?:Trang\s+\d{1,4}(?:\s*\/\s*\d{1,4})?|[-–]\s*\d{1,4}\s*[-–])$/iu;
const PAGE_NUMBER = /^\d{1,4}$/u;
/** The digital-signature stamp a signed PDF prints: "Ký bởi: …", "Cơ quan: …", "Ngày ký: …". */
const STAMP_START = /^Ký\s+bởi\s*:/u;
const STAMP_LINE = /^(?:Ký\s+bởi|Cơ\s+quan|Email|Thời\s+gian\s+ký|Ngày\s+ký)\s*:/u;

export interface Furniture {
  /** Line numbers (1-based) that are page furniture, not document text. */
  dropped: Set<number>;
  /** Line numbers of the first text line after a page break (a row may continue there). */
  pageStarts: Set<number>;
}

/**
 * Finds running heads, page numbers and signature stamps. A lone number counts as a page number only
 * next to a running head or a page label, so a table cell holding "3" is never taken for one.
 */
export function findFurniture(lines: readonly SourceLine[]): Furniture {
  const dropped = new Set<number>();
  const breakAfter: number[] = [];
  const nonEmpty = lines.filter((l) => l.text !== '');
  for (let k = 0; k < nonEmpty.length; k++) {
    const line = nonEmpty[k];
    if (line === undefined) continue;
    if (GAZETTE_HEAD.test(line.text) || PAGE_LABEL.test(line.text)) {
      dropped.add(line.no);
      const next = nonEmpty[k + 1];
      const previous = nonEmpty[k - 1];
      if (next !== undefined && PAGE_NUMBER.test(next.text)) dropped.add(next.no);
      else if (previous !== undefined && PAGE_NUMBER.test(previous.text) && !dropped.has(previous.no)) {
        dropped.add(previous.no);
      }
      breakAfter.push(k);
      continue;
    }
    if (STAMP_START.test(line.text)) {
      let m = k;
      while (m < nonEmpty.length && STAMP_LINE.test(nonEmpty[m]?.text ?? '')) {
        dropped.add(nonEmpty[m]?.no ?? 0);
        m++;
      }
      k = m - 1;
    }
  }
  // The blank lines around a running head belong to it: left in, they would end a paragraph there.
  for (let i = 0; i < lines.length; i++) {
    if (!dropped.has(lines[i]?.no ?? 0)) continue;
    for (let j = i - 1; j >= 0 && lines[j]?.text === ''; j--) dropped.add(lines[j]?.no ?? 0);
    for (let j = i + 1; j < lines.length && lines[j]?.text === ''; j++) dropped.add(lines[j]?.no ?? 0);
  }
  const pageStarts = new Set<number>();
  for (const k of breakAfter) {
    const next = nonEmpty.slice(k + 1).find((l) => !dropped.has(l.no));
    if (next !== undefined) pageStarts.add(next.no);
  }
  return { dropped, pageStarts };
}

/** The lines without furniture; every kept line keeps its number, so warnings still point at the source. */
export function withoutFurniture(lines: readonly SourceLine[], furniture: Furniture): SourceLine[] {
  if (furniture.dropped.size === 0) return [...lines];
  return lines.filter((line) => !furniture.dropped.has(line.no));
}

import { type Line, lineText } from './pdf-lines';
import { findHeader } from './pdf-table-header';

/**
 * Page furniture: running headers and footers (the same text at the same height on several pages, such as
 * a gazette's "CÔNG BÁO/Số …" line) and page numbers at the top or bottom of a page. Dropped so they do not
 * land inside a table cell that continues across the page break.
 */
export function dropFurniture(pages: Line[][], pageWidths: number[]): Line[][] {
  const seen = new Map<string, number>();
  const keyOf = (line: Line) => `${Math.round(line.y / 3)}:${lineText(line.chunks).replace(/\d+/g, '#')}`;
  for (const lines of pages) {
    for (const key of new Set(lines.map(keyOf))) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const repeatedOn = Math.max(3, Math.ceil(pages.length / 2));
  return pages.map((lines, p) => {
    const width = pageWidths[p] ?? 0;
    // A table header repeated at the top of every page is repeated text too, but it is kept.
    const header = findHeader(lines, 0, 8);
    const kept = (i: number) => header !== null && i >= header.firstLine && i <= header.lastLine;
    return lines.filter((line, i) => {
      if (kept(i)) return true;
      // Only the first and last lines of a page can be furniture: a table's text may repeat itself.
      const margin = i < 3 || i >= lines.length - 3;
      if (margin && (seen.get(keyOf(line)) ?? 0) >= repeatedOn) return false;
      const edge = i === 0 || i === lines.length - 1;
      const only = line.chunks.length === 1 ? line.chunks[0] : undefined;
      const centre = only === undefined ? 0 : (only.left + only.right) / 2;
      const pageNumber =
        only !== undefined &&
        /^[-–]?\s*\d{1,4}\s*[-–]?$/.test(only.text) &&
        Math.abs(centre - width / 2) < width / 6;
      return !(edge && pageNumber);
    });
  });
}

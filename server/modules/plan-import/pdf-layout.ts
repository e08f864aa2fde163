import { dropFurniture } from './pdf-furniture';
import { type Line, type PlacedPage, pageLines } from './pdf-lines';
import { emitPlain } from './pdf-plain-text';
import { findHeader } from './pdf-table-header';
import { addRows, emitRows, leavesTable, openTable, SEPARATOR, type TableState } from './pdf-table-rows';

export type { PlacedPage, PlacedText } from './pdf-lines';

/*
 * Rebuilds the text of a PDF page (or of an OCR'd image) from positioned pieces of text, in the layout the
 * plan parser reads: plain lines for the body, and for a task table each cell's lines followed by a "|"
 * line, row after row. PDFs carry no table structure, only where each piece of text is drawn, so the
 * table is recovered from geometry: the header row names the columns and gives their x positions, body
 * text is assigned to the column its x falls in, and rows are the bands of lines that belong together.
 * Pure: no I/O, so it is tested on coordinates as well as on real PDFs.
 *
 * The steps live beside this file: pdf-lines.ts (pieces → lines and chunks), pdf-furniture.ts (running
 * heads, page numbers), pdf-table-header.ts (the task table's header and columns), pdf-table-rows.ts
 * (rows and cells), pdf-plain-text.ts (body text, side-by-side header blocks).
 */

/** The text layout of a whole document from its pages' positioned text. */
export function layoutPages(pages: readonly PlacedPage[]): string {
  const linesByPage = dropFurniture(
    pages.map(pageLines),
    pages.map((p) => p.width),
  );
  const out: string[] = [];
  let table: TableState | null = null;
  for (const lines of linesByPage) {
    let i = 0;
    while (i < lines.length) {
      // An open table only looks for its header repeated at the top of the page.
      const header = findHeader(lines, i, table === null ? lines.length : i + 4);
      if (table === null) {
        if (header === null) {
          emitPlain(lines.slice(i), out);
          break;
        }
        emitPlain(lines.slice(i, header.firstLine), out);
        if (out.length > 0 && out[out.length - 1] !== SEPARATOR) out.push(SEPARATOR);
        for (const column of header.columns) out.push(column.label, SEPARATOR);
        i = header.lastLine + 1;
        table = openTable(header, lines.slice(i), []);
      } else if (
        header !== null &&
        header.firstLine - i < 4 &&
        header.columns.length === table.columns.length
      ) {
        // The header repeated at the top of a continuation page: skip it, measure the columns again.
        i = header.lastLine + 1;
        table = openTable(header, lines.slice(i), table.rows, table.alignment);
      }
      const open: TableState = table;
      let end = i;
      while (end < lines.length && !leavesTable(lines[end] as Line, open)) end++;
      addRows(lines.slice(i, end), open);
      if (end === lines.length) break;
      emitRows(open, out);
      table = null;
      i = end;
    }
  }
  if (table !== null) emitRows(table, out);
  return out.join('\n');
}

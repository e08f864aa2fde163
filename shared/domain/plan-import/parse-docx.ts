import JSZip from 'jszip';
import type { PlanParseResult } from '../../contracts/plan-draft';
import { CELL_SEPARATOR } from './lines';
import { FAILURES } from './messages';
import { parsePlanText } from './parse-text';
import { childElements, findElement, parseXml, type XmlElement } from './xml';

/** Containers Word wraps runs in; their text belongs to the paragraph as if they were not there. */
const TRANSPARENT = new Set([
  'w:r',
  'w:hyperlink',
  'w:ins',
  'w:smartTag',
  'w:sdt',
  'w:sdtContent',
  'w:fldSimple',
  'w:customXml',
  'w:bdo',
  'w:dir',
]);

/** Text of one paragraph, split where Word has a manual line break. */
function paragraphLines(paragraph: XmlElement): string[] {
  const lines: string[] = [''];
  const walk = (element: XmlElement) => {
    for (const child of childElements(element)) {
      if (child.name === 'w:t') {
        const text = child.children.filter((c): c is string => typeof c === 'string').join('');
        lines[lines.length - 1] += text;
      } else if (child.name === 'w:tab') {
        lines[lines.length - 1] += ' ';
      } else if (child.name === 'w:br' || child.name === 'w:cr') {
        lines.push('');
      } else if (TRANSPARENT.has(child.name)) {
        walk(child);
      }
      // w:del (tracked deletions), w:instrText (field codes) and properties are not text.
    }
  };
  walk(paragraph);
  return lines;
}

/** Lines of block content (a body or a table cell): paragraphs in order, nested tables flattened. */
function blockLines(container: XmlElement, out: string[]): void {
  for (const child of childElements(container)) {
    if (child.name === 'w:p') out.push(...paragraphLines(child));
    else if (child.name === 'w:tbl') tableLines(child, out);
    else if (child.name === 'w:sdt' || child.name === 'w:sdtContent' || child.name === 'w:customXml')
      blockLines(child, out);
  }
}

/**
 * A table in the text layout the text parser reads: each cell's paragraphs as lines with a "|" line
 * between cells (rows are not marked; the parser rebuilds them from the header width). A cell spanning
 * n grid columns is followed by n-1 empty cells so every row keeps the header's width.
 */
function tableLines(table: XmlElement, out: string[]): void {
  if (out.length > 0 && out[out.length - 1] !== CELL_SEPARATOR) out.push(CELL_SEPARATOR);
  let first = true;
  for (const row of childElements(table, 'w:tr')) {
    for (const cell of childElements(row, 'w:tc')) {
      if (!first) out.push(CELL_SEPARATOR);
      first = false;
      const cellLines: string[] = [];
      blockLines(cell, cellLines);
      out.push(...cellLines.filter((line) => line.trim() !== '' && line.trim() !== CELL_SEPARATOR));
      const span = Number(findElement(cell, 'w:gridSpan')?.attributes['w:val'] ?? '1');
      for (let extra = 1; extra < (Number.isFinite(span) ? Math.min(span, 50) : 1); extra++)
        out.push(CELL_SEPARATOR);
    }
  }
  out.push(CELL_SEPARATOR);
}

/** The text layout of a document.xml, as the text parser expects it. Exported for tests. */
export function documentXmlToText(xml: string): string {
  const root = parseXml(xml);
  const body = findElement(root, 'w:body') ?? root;
  const lines: string[] = [];
  blockLines(body, lines);
  return lines.join('\n');
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
}

/** Reads a plan from a Word .docx file. Pure apart from unzipping in memory; never throws. */
export async function parsePlanDocx(bytes: Uint8Array): Promise<PlanParseResult> {
  if (!isZip(bytes)) return { ok: false, error: FAILURES.notDocx() };
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return { ok: false, error: FAILURES.notDocx() };
  }
  const entry = zip.file('word/document.xml');
  if (entry === null) return { ok: false, error: FAILURES.docxWithoutDocument() };
  let xml: string;
  try {
    xml = await entry.async('string');
  } catch {
    return { ok: false, error: FAILURES.docxUnreadable() };
  }
  return parsePlanText(documentXmlToText(xml));
}

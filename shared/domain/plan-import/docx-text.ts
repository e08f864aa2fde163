import { SaxesParser } from 'saxes';
import { CELL_SEPARATOR } from './lines';

/**
 * WordprocessingML (word/document.xml) to the text layout the plan parser reads, in one pass over a
 * streaming XML parser (saxes: linear, strict, no entity expansion beyond XML's own five and character
 * references). No tree is built, so memory follows the text, not the markup; element depth is capped
 * so hostile nesting is refused instead of being walked.
 *
 * Layout: each paragraph's text as lines (split at manual line breaks); a table as each cell's
 * paragraphs with a "|" line between cells (rows are not marked; the parser rebuilds them from the
 * header width), a cell spanning n grid columns followed by n-1 empty cells.
 */

/** Word nests a table in a cell in ~6 levels; real documents stay far below this. */
export const MAX_XML_DEPTH = 256;
/**
 * A 600-page plan has ~250,000 elements (about 8 per paragraph). Bounding the count as well as the
 * bytes keeps the pass short for markup made of nothing but tiny elements.
 */
export const MAX_XML_ELEMENTS = 150_000;

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
/** Block-level wrappers whose paragraphs and tables count as if they were not there. */
const BLOCK_WRAPPERS = new Set(['w:sdt', 'w:sdtContent', 'w:customXml']);

type Frame =
  | { kind: 'ignore' }
  | { kind: 'block'; out: string[] }
  | { kind: 'paragraph' | 'inline'; lines: string[]; out: string[] }
  | { kind: 'text'; lines: string[] }
  | { kind: 'table'; out: string[]; first: boolean }
  | { kind: 'row'; table: { out: string[]; first: boolean } }
  | { kind: 'cell'; out: string[]; table: { out: string[]; first: boolean }; span: number }
  | { kind: 'cellProperties'; cell: { span: number } };

export class DocxXmlError extends Error {
  constructor(
    readonly reason: 'malformed' | 'too_deep' | 'too_many_elements',
    readonly line: number | null,
  ) {
    super(reason);
  }
}

const IGNORE: Frame = { kind: 'ignore' };

function childFrame(parent: Frame, name: string, attributes: Record<string, string>): Frame {
  switch (parent.kind) {
    case 'block':
      if (name === 'w:p') return { kind: 'paragraph', lines: [''], out: parent.out };
      if (name === 'w:tbl') {
        const out = parent.out;
        if (out.length > 0 && out[out.length - 1] !== CELL_SEPARATOR) out.push(CELL_SEPARATOR);
        return { kind: 'table', out, first: true };
      }
      if (BLOCK_WRAPPERS.has(name)) return { kind: 'block', out: parent.out };
      return IGNORE;
    case 'paragraph':
    case 'inline':
      if (name === 'w:t') return { kind: 'text', lines: parent.lines };
      if (name === 'w:tab') parent.lines[parent.lines.length - 1] += ' ';
      else if (name === 'w:br' || name === 'w:cr') parent.lines.push('');
      else if (TRANSPARENT.has(name)) return { kind: 'inline', lines: parent.lines, out: parent.out };
      // w:del (tracked deletions), w:instrText (field codes) and properties are not text.
      return IGNORE;
    case 'table':
      return name === 'w:tr' ? { kind: 'row', table: parent } : IGNORE;
    case 'row':
      if (name !== 'w:tc') return IGNORE;
      if (!parent.table.first) parent.table.out.push(CELL_SEPARATOR);
      parent.table.first = false;
      return { kind: 'cell', out: [], table: parent.table, span: 1 };
    case 'cell':
      if (name === 'w:tcPr') return { kind: 'cellProperties', cell: parent };
      return childFrame({ kind: 'block', out: parent.out }, name, attributes);
    case 'cellProperties':
      if (name === 'w:gridSpan') {
        const span = Number(attributes['w:val'] ?? '1');
        parent.cell.span = Number.isFinite(span) ? Math.max(1, Math.min(span, 50)) : 1;
      }
      return IGNORE;
    default:
      return IGNORE;
  }
}

function closeFrame(frame: Frame): void {
  if (frame.kind === 'paragraph') frame.out.push(...frame.lines);
  else if (frame.kind === 'table') frame.out.push(CELL_SEPARATOR);
  else if (frame.kind === 'cell') {
    const out = frame.table.out;
    out.push(...frame.out.filter((line) => line.trim() !== '' && line.trim() !== CELL_SEPARATOR));
    for (let extra = 1; extra < frame.span; extra++) out.push(CELL_SEPARATOR);
  }
}

/**
 * The text layout of a document.xml. Only the first w:body is read (the whole document when there is
 * none). Throws DocxXmlError when the XML is not well-formed or goes past MAX_XML_DEPTH or
 * MAX_XML_ELEMENTS.
 */
export function documentXmlToText(
  xml: string,
  limits = { maxDepth: MAX_XML_DEPTH, maxElements: MAX_XML_ELEMENTS },
): string {
  const lines: string[] = [];
  const root: Frame = { kind: 'block', out: lines };
  const stack: Frame[] = [root];
  let bodySeen = false;
  let elements = 0;
  const parser = new SaxesParser({ xmlns: false, position: true });
  parser.on('error', () => {
    throw new DocxXmlError('malformed', parser.line);
  });
  parser.on('opentag', (tag) => {
    if (stack.length > limits.maxDepth) throw new DocxXmlError('too_deep', parser.line);
    if (++elements > limits.maxElements) throw new DocxXmlError('too_many_elements', parser.line);
    let frame: Frame;
    if (tag.name === 'w:body' && !bodySeen) {
      // The body's content is the document; anything read before it (nothing, in Word's files) is dropped.
      bodySeen = true;
      lines.length = 0;
      frame = { kind: 'block', out: lines };
    } else {
      frame = childFrame(stack[stack.length - 1] ?? root, tag.name, tag.attributes as Record<string, string>);
    }
    stack.push(frame); // self-closing tags get their closetag event too
  });
  parser.on('closetag', () => {
    const frame = stack.pop();
    if (frame) closeFrame(frame);
  });
  const onText = (text: string) => {
    const top = stack[stack.length - 1];
    if (top?.kind === 'text') top.lines[top.lines.length - 1] += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.write(xml).close();
  return lines.join('\n');
}

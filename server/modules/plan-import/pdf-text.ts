import { createRequire } from 'node:module';
import path from 'node:path';
import { restoreNativeBuiltins } from './native-builtins';
import { layoutPages, type PlacedPage } from './pdf-layout';

/*
 * The text layer of a PDF, read with pdfjs-dist (Mozilla's PDF reader, legacy build for Node): every piece
 * of text with its position, per page, then laid out by pdf-layout.ts. Runs in-process, with no font
 * loading and no script evaluation, page by page.
 */

export const MAX_PDF_PAGES = 500;
/** Fewer visible characters than this per page on average: the pages are images (a scan). */
const MIN_CHARS_PER_PAGE = 40;

export type PdfTextResult =
  | { kind: 'text'; text: string; pages: number }
  | { kind: 'scanned'; pages: number }
  | { kind: 'encrypted' }
  | { kind: 'too_many_pages'; pages: number }
  | { kind: 'unreadable'; detail: string };

const pdfjsDir = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;
/** Loaded on first use: most servers never read a PDF, and pdfjs is large. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((m) => {
    restoreNativeBuiltins();
    return m;
  });
  return pdfjs;
}

/** Reads the positioned text of every page and rebuilds the document's text and tables. */
export async function readPdfText(bytes: Uint8Array): Promise<PdfTextResult> {
  const { getDocument } = await loadPdfJs();
  const task = getDocument({
    // pdfjs takes ownership of the buffer it is given; the caller keeps the original.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    cMapUrl: `${path.join(pdfjsDir, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${path.join(pdfjsDir, 'standard_fonts')}/`,
  });
  try {
    const doc = await task.promise;
    if (doc.numPages > MAX_PDF_PAGES) return { kind: 'too_many_pages', pages: doc.numPages };
    const pages: PlacedPage[] = [];
    let visible = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: PlacedPage['items'] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [a, b, , d, e, f] = item.transform as number[];
        // Upright text only: rotated stamps and margin notes are not part of a plan's body.
        if (Math.abs(b ?? 0) > 0.01 * Math.abs(a ?? 1)) continue;
        visible += item.str.replace(/\s/g, '').length;
        items.push({
          str: item.str,
          x: e ?? 0,
          y: f ?? 0,
          width: item.width,
          height: Math.abs(d ?? 0) || item.height,
        });
      }
      pages.push({ items, width: viewport.width, height: viewport.height });
      page.cleanup();
    }
    if (visible < MIN_CHARS_PER_PAGE * doc.numPages) return { kind: 'scanned', pages: doc.numPages };
    return { kind: 'text', text: layoutPages(pages), pages: doc.numPages };
  } catch (error) {
    if (error instanceof Error && error.name === 'PasswordException') return { kind: 'encrypted' };
    return { kind: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
  } finally {
    await task.destroy();
    // Its worker module, loaded by the first document, replaces built-ins as the main module did.
    restoreNativeBuiltins();
  }
}

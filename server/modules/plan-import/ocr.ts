import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { layoutPages, type PlacedPage, type PlacedText } from './pdf-layout';

/*
 * OCR of a scanned PDF with the Debian tools: pdftoppm (poppler-utils) renders the pages, tesseract with
 * its Vietnamese data (tesseract-ocr-vie) reads them. tesseract's TSV output gives every word with its
 * box, so the page goes through the same layout as a PDF's text layer and its table comes back as
 * cells. Bounded in pages and in time: a scan of a whole gazette issue must not hold the server.
 */

const run = promisify(execFile);

export interface OcrOptions {
  maxPages: number;
  /** For the whole document, rendering and recognition together. */
  timeoutMs: number;
  /** Render resolution; 300 dpi is what tesseract is trained for. */
  dpi?: number;
}

export type OcrResult =
  | { kind: 'text'; text: string; pages: number }
  | { kind: 'unavailable'; missing: string }
  | { kind: 'timeout'; pagesRead: number }
  | { kind: 'failed'; detail: string };

async function hasCommand(command: string, args: string[]): Promise<boolean> {
  try {
    await run(command, args, { timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

let availability: Promise<string | null> | null = null;
/**
 * Null when OCR can run; otherwise the Debian package to install. Once found, the tools are remembered;
 * while missing they are looked for again on the next scan, so installing them needs no restart.
 */
export function ocrMissing(): Promise<string | null> {
  availability ??= (async () => {
    if (!(await hasCommand('pdftoppm', ['-v']))) return 'poppler-utils';
    try {
      const { stdout, stderr } = await run('tesseract', ['--list-langs'], { timeout: 10_000 });
      if (!/^vie$/m.test(`${stdout}\n${stderr}`)) return 'tesseract-ocr-vie';
    } catch {
      return 'tesseract-ocr-vie';
    }
    return null;
  })();
  const checked = availability;
  void checked.then((missing) => {
    if (missing !== null && availability === checked) availability = null;
  });
  return checked;
}

/**
 * tesseract TSV → positioned words in PDF units, y growing upwards. Words take the bottom of their line's
 * box (level 4) as baseline: their own boxes go up and down with accents and descenders.
 */
function tsvToPage(tsv: string, dpi: number): PlacedPage {
  const scale = 72 / dpi;
  const items: PlacedText[] = [];
  let pageWidth = 0;
  let pageHeight = 0;
  let lineBottom = 0;
  let lineHeight = 0;
  for (const row of tsv.split('\n').slice(1)) {
    const cols = row.split('\t');
    if (cols.length < 12) continue;
    const [level, , , , , , left, top, width, height, conf, ...rest] = cols;
    const text = rest.join('\t').trim();
    const [x, y, w, h] = [left, top, width, height].map(Number) as [number, number, number, number];
    if (level === '1') {
      pageWidth = w * scale;
      pageHeight = h * scale;
    } else if (level === '4') {
      lineBottom = y + h;
      lineHeight = h;
    }
    if (level !== '5' || text === '' || Number(conf) < 0) continue;
    items.push({
      str: text,
      x: x * scale,
      y: pageHeight - lineBottom * scale,
      width: w * scale,
      height: Math.max(0.8 * lineHeight * scale, 1),
    });
  }
  return { items, width: pageWidth, height: pageHeight };
}

/** Reads a scanned PDF's pages with OCR and lays them out like a text-layer PDF. */
export async function ocrPdf(bytes: Uint8Array, options: OcrOptions): Promise<OcrResult> {
  const missing = await ocrMissing();
  if (missing !== null) return { kind: 'unavailable', missing };
  const dpi = options.dpi ?? 300;
  const deadline = Date.now() + options.timeoutMs;
  const left = () => Math.max(1, deadline - Date.now());
  const dir = await mkdtemp(path.join(tmpdir(), 'planwatch-ocr-'));
  const pages: PlacedPage[] = [];
  try {
    const input = path.join(dir, 'input.pdf');
    await writeFile(input, bytes);
    for (let n = 1; n <= options.maxPages; n++) {
      if (Date.now() >= deadline) return { kind: 'timeout', pagesRead: pages.length };
      const prefix = path.join(dir, `page-${n}`);
      try {
        await run(
          'pdftoppm',
          [
            '-r',
            String(dpi),
            '-gray',
            '-png',
            '-singlefile',
            '-f',
            String(n),
            '-l',
            String(n),
            input,
            prefix,
          ],
          { timeout: left() },
        );
      } catch (error) {
        if (isTimeout(error)) return { kind: 'timeout', pagesRead: pages.length };
        // Past the last page pdftoppm writes nothing; any other failure is a damaged file.
        if (n > 1 && !(await readdir(dir)).includes(`page-${n}.png`)) break;
        return { kind: 'failed', detail: errorText(error) };
      }
      if (!(await readdir(dir)).includes(`page-${n}.png`)) break;
      try {
        const { stdout } = await run(
          'tesseract',
          [`${prefix}.png`, 'stdout', '-l', 'vie', '--psm', '3', 'tsv'],
          {
            timeout: left(),
            maxBuffer: 32 * 1024 * 1024,
            // One thread per recognition: the server shares its CPUs with everyone else's requests.
            env: { ...process.env, OMP_THREAD_LIMIT: '1' },
          },
        );
        pages.push(tsvToPage(stdout, dpi));
      } catch (error) {
        if (isTimeout(error)) return { kind: 'timeout', pagesRead: pages.length };
        return { kind: 'failed', detail: errorText(error) };
      }
      await rm(`${prefix}.png`, { force: true });
    }
    return { kind: 'text', text: layoutPages(pages), pages: pages.length };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function isTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'killed' in error && error.killed === true;
}

function errorText(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'stderr' in error && typeof error.stderr === 'string')
    return error.stderr.trim().split('\n').slice(-1)[0] ?? '';
  return error instanceof Error ? error.message : String(error);
}

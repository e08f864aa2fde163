import { strFromU8, unzipSync } from 'fflate';

/** A .docx opened back: its parts as text. */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

export interface RunInfo {
  text: string;
  bold: boolean;
  italic: boolean;
  /** Half-points; null when the run does not say. */
  size: number | null;
  font: string | null;
}

export interface ParagraphInfo {
  text: string;
  runs: RunInfo[];
  align: string | null;
  firstLine: number | null;
  after: number | null;
}

const xmlText = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

const on = (rPr: string, tag: string) => {
  const m = rPr.match(new RegExp(`<w:${tag}(?: w:val="([^"]*)")?/>`));
  return m !== null && m[1] !== 'false' && m[1] !== '0';
};

function runInfo(xml: string): RunInfo {
  const rPr = xml.match(/<w:rPr>([\s\S]*?)<\/w:rPr>/)?.[1] ?? '';
  const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => xmlText(m[1]!)).join('');
  return {
    text,
    bold: on(rPr, 'b'),
    italic: on(rPr, 'i'),
    size: Number(rPr.match(/<w:sz w:val="(\d+)"/)?.[1] ?? Number.NaN) || null,
    font: rPr.match(/<w:rFonts w:ascii="([^"]*)"/)?.[1] ?? null,
  };
}

/** The paragraphs of a part, in order, with their runs and the paragraph properties the tests read. */
export function paragraphsOf(xml: string): ParagraphInfo[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const body = m[1]!;
    const pPr = body.match(/<w:pPr>([\s\S]*?)<\/w:pPr>/)?.[1] ?? '';
    // A run holding a picture (a chart) carries no text and no font: it is not one of the text runs.
    const runs = [...body.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)]
      .filter((r) => !r[1]!.includes('<w:drawing>'))
      .map((r) => runInfo(r[1]!));
    return {
      text: runs.map((r) => r.text).join(''),
      runs,
      align: pPr.match(/<w:jc w:val="([^"]*)"/)?.[1] ?? null,
      firstLine: Number(pPr.match(/w:firstLine="(\d+)"/)?.[1] ?? Number.NaN) || null,
      after: Number(pPr.match(/w:after="(\d+)"/)?.[1] ?? Number.NaN) || null,
    };
  });
}

/** The tables of a part (top-level and nested alike), each as its rows of cell texts. */
export function tablesOf(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1]!.matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) =>
        paragraphsOf(c[1]!)
          .map((p) => p.text)
          .join('\n'),
      ),
    ),
  );
}

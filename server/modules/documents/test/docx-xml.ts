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

/** What one rPr says, each property null when it does not say it. */
interface RunProps {
  bold: boolean | null;
  italic: boolean | null;
  size: number | null;
  font: string | null;
}

const toggle = (rPr: string, tag: string) => {
  const m = rPr.match(new RegExp(`<w:${tag}(?: w:val="([^"]*)")?/>`));
  return m === null ? null : m[1] !== 'false' && m[1] !== '0';
};

function runProps(rPr: string): RunProps {
  return {
    bold: toggle(rPr, 'b'),
    italic: toggle(rPr, 'i'),
    size: Number(rPr.match(/<w:sz w:val="(\d+)"/)?.[1] ?? Number.NaN) || null,
    font: rPr.match(/<w:rFonts w:ascii="([^"]*)"/)?.[1] ?? null,
  };
}

/** The first of the layers (run, paragraph style and its bases, document defaults) that says each property. */
function resolve(layers: RunProps[]): Omit<RunInfo, 'text'> {
  const first = <K extends keyof RunProps>(k: K) => layers.map((l) => l[k]).find((v) => v !== null) ?? null;
  return {
    bold: first('bold') ?? false,
    italic: first('italic') ?? false,
    size: first('size'),
    font: first('font'),
  };
}

/**
 * The run properties styles.xml gives: the document defaults and, by paragraph style id, the style's own
 * and those of the styles it is based on, nearest first (how Word resolves a run's formatting).
 */
export interface StyleSheet {
  defaults: RunProps;
  paragraph: (styleId: string | null) => RunProps[];
}

export function styleSheet(stylesXml: string): StyleSheet {
  const defaultsRPr = stylesXml.match(/<w:rPrDefault>\s*<w:rPr>([\s\S]*?)<\/w:rPr>/)?.[1] ?? '';
  const styles = new Map<string, { basedOn: string | null; props: RunProps }>();
  for (const m of stylesXml.matchAll(/<w:style\s([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = m[1]!.match(/w:styleId="([^"]*)"/)?.[1];
    if (!id || !m[1]!.includes('w:type="paragraph"')) continue;
    styles.set(id, {
      basedOn: m[2]!.match(/<w:basedOn w:val="([^"]*)"/)?.[1] ?? null,
      props: runProps(m[2]!.match(/<w:rPr>([\s\S]*?)<\/w:rPr>/)?.[1] ?? ''),
    });
  }
  const defaultParagraph = stylesXml.match(
    /<w:style w:type="paragraph" w:styleId="([^"]*)" w:default="(?:1|true)"/,
  )?.[1];
  return {
    defaults: runProps(defaultsRPr),
    paragraph: (styleId) => {
      const chain: RunProps[] = [];
      for (let id = styleId ?? defaultParagraph ?? null; id !== null && chain.length < 20; ) {
        const st = styles.get(id);
        if (!st) break;
        chain.push(st.props);
        id = st.basedOn;
      }
      return chain;
    },
  };
}

function runInfo(xml: string, inherited: RunProps[]): RunInfo {
  const rPr = xml.match(/<w:rPr>([\s\S]*?)<\/w:rPr>/)?.[1] ?? '';
  const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => xmlText(m[1]!)).join('');
  return { text, ...resolve([runProps(rPr), ...inherited]) };
}

/**
 * The paragraphs of a part, in order, with their runs and the paragraph properties the tests read. Given
 * the document's styles.xml, each run's bold, italic, size and font are what Word shows: the run's own,
 * else its paragraph style's (through the styles it is based on), else the document defaults. Without
 * it, only what the run itself says.
 */
export function paragraphsOf(xml: string, stylesXml?: string): ParagraphInfo[] {
  const sheet = stylesXml === undefined ? null : styleSheet(stylesXml);
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const body = m[1]!;
    const pPr = body.match(/<w:pPr>([\s\S]*?)<\/w:pPr>/)?.[1] ?? '';
    const styleId = pPr.match(/<w:pStyle w:val="([^"]*)"/)?.[1] ?? null;
    const inherited = sheet ? [...sheet.paragraph(styleId), sheet.defaults] : [];
    // A run holding a picture (a chart) carries no text and no font: it is not one of the text runs.
    const runs = [...body.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)]
      .filter((r) => !r[1]!.includes('<w:drawing>'))
      .map((r) => runInfo(r[1]!, inherited));
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

/**
 * Rich text from the report editor is stored as a small, safe subset of HTML. Anything else is dropped:
 * unknown tags lose their markup but keep their text, script/style/iframe lose their content too, and
 * every attribute goes except href on links (http, https or mailto only). Stray "<" and ">" in text are
 * escaped, so the output can be shown with innerHTML without running anything.
 */

const ALLOWED = new Set(['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'ul', 'ol', 'li', 'blockquote', 'a']);
const VOID = new Set(['br']);
const DROP_WITH_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'template',
  'noscript',
  'svg',
  'math',
]);

const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<[!?][^>]*>?|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;

const escapeText = (t: string) => t.replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (t: string) =>
  t
    .replace(/&(?!(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);)/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

function decodeForCheck(url: string): string {
  // Entity- and whitespace-obfuscated schemes ("jav&#x61;script:", "java\tscript:") must not pass.
  return url
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .split('')
    .filter((ch) => ch.charCodeAt(0) > 0x20)
    .join('')
    .toLowerCase();
}

export function safeHref(raw: string): string | null {
  const url = decodeForCheck(raw);
  if (/^(https?:|mailto:)/.test(url)) return raw.trim();
  return null;
}

export function sanitizeHtml(input: string): string {
  let out = '';
  let last = 0;
  let dropping: string | null = null;
  for (const m of input.matchAll(TOKEN)) {
    const start = m.index;
    if (dropping === null) out += escapeText(input.slice(last, start));
    last = start + m[0].length;
    const name = m[2]?.toLowerCase();
    if (name === undefined) continue; // comment, doctype, processing instruction
    const closing = m[1] === '/';
    if (dropping !== null) {
      if (closing && name === dropping) dropping = null;
      continue;
    }
    if (DROP_WITH_CONTENT.has(name)) {
      if (!closing && !/\/\s*$/.test(m[3] ?? '')) dropping = name;
      continue;
    }
    if (!ALLOWED.has(name)) continue;
    if (closing) {
      if (!VOID.has(name)) out += `</${name}>`;
      continue;
    }
    if (name === 'a') {
      const h = HREF.exec(m[3] ?? '');
      const href = h ? safeHref(h[1] ?? h[2] ?? h[3] ?? '') : null;
      out += href ? `<a href="${escapeAttr(href)}" rel="noopener noreferrer" target="_blank">` : '<a>';
      continue;
    }
    out += `<${name}>`;
  }
  if (dropping === null) out += escapeText(input.slice(last));
  return out;
}

/** Plain text of sanitised HTML, for e-mails, comparisons and search. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br>/g, '\n')
    .replace(/<\/(p|li|blockquote)>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

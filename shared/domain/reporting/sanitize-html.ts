import { Parser } from 'htmlparser2';
import sanitize from 'sanitize-html';

/**
 * Rich text from the report editor is stored as a small, safe subset of HTML. The work is done by
 * sanitize-html (htmlparser2 underneath: one linear pass, chosen by bench/sanitize-html.ts over
 * js-xss and DOMPurify, see docs/ARCHITECTURE.md), configured here:
 * - kept: p, br, strong/b, em/i, u, s, ul, ol, li, blockquote and a; every attribute goes except href on
 *   links, and only http, https and mailto links keep it (entity- or whitespace-obfuscated schemes
 *   such as "jav&#x61;script:" are decoded by the parser before the check);
 * - unknown tags lose their markup but keep their text;
 * - script, style, iframe, object, embed, template, noscript, svg and math lose their content too —
 *   when they are closed. An unclosed one (`<svg>` or `<style>` typed in a sentence) drops only its
 *   tag, so it cannot swallow the rest of the text;
 * - stray "<" and ">" in text are escaped, so the output can be shown with innerHTML.
 */

const ALLOWED_TAGS = ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'ul', 'ol', 'li', 'blockquote', 'a'];

/**
 * Elements whose content is dropped with them. htmlparser2 reads the first group as raw text (their
 * content is not markup), the second as ordinary elements.
 */
const RAW_TEXT_DROPPED = ['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes'];
const DROPPED_WITH_CONTENT = new Set(['svg', 'math', 'template', 'object', 'embed', 'noscript']);

/**
 * The opening "<" of a raw-text element that is never closed, escaped, so the parser reads it as
 * text: in HTML such an element runs to the end of the input, and dropping it would drop everything
 * after it. One forward scan with indexOf (linear: the search for a closing tag never restarts).
 */
function escapeUnclosedRawText(html: string): string {
  const lower = html.toLowerCase();
  const escapeAt: number[] = [];
  for (const tag of RAW_TEXT_DROPPED) {
    let from = 0;
    for (;;) {
      const open = lower.indexOf(`<${tag}`, from);
      if (open === -1) break;
      const after = lower.charCodeAt(open + tag.length + 1);
      const isTag = Number.isNaN(after) || after === 0x3e || after === 0x2f || after <= 0x20;
      if (!isTag) {
        from = open + 1;
        continue;
      }
      const close = lower.indexOf(`</${tag}`, open);
      if (close === -1) {
        // No closing tag anywhere after this one: this and every later opener are unclosed.
        for (let at = open; at !== -1; at = lower.indexOf(`<${tag}`, at + 1)) escapeAt.push(at);
        break;
      }
      from = close + 1;
    }
  }
  if (escapeAt.length === 0) return html;
  escapeAt.sort((a, b) => a - b);
  let out = '';
  let last = 0;
  for (const at of escapeAt) {
    out += `${html.slice(last, at)}&lt;`;
    last = at + 1;
  }
  return out + html.slice(last);
}

function sanitizeOptions(): sanitize.IOptions {
  // Whether the element being closed was closed by the input (`</svg>`) or by the parser (end of
  // input, or a parent closing): set just before exclusiveFilter runs for the same element.
  let closedByParser = false;
  return {
    allowedTags: [...ALLOWED_TAGS, ...DROPPED_WITH_CONTENT],
    allowedAttributes: { a: ['href', 'rel', 'target'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: {},
    allowedSchemesAppliedToAttributes: ['href'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: RAW_TEXT_DROPPED,
    selfClosing: ['br'],
    transformTags: {
      a: (_tagName, attribs): sanitize.Tag => {
        const href = attribs.href === undefined ? null : safeHref(attribs.href);
        const kept: sanitize.Attributes = href ? { href, rel: 'noopener noreferrer', target: '_blank' } : {};
        return { tagName: 'a', attribs: kept };
      },
    },
    onCloseTag: (_name, isImplied) => {
      closedByParser = isImplied;
    },
    exclusiveFilter: (frame) => {
      if (!DROPPED_WITH_CONTENT.has(frame.tag)) return false;
      return closedByParser ? 'excludeTag' : true;
    },
  };
}

export function sanitizeHtml(input: string): string {
  // sanitize-html writes "<br />"; stored and compared values keep the "<br>" they always had.
  return sanitize(escapeUnclosedRawText(input), sanitizeOptions()).replaceAll('<br />', '<br>');
}

/**
 * A link target a report may carry: absolute http, https or mailto only (sanitize-html would also let
 * relative links through). The parser has already decoded entities in the attribute; control
 * characters and spaces are ignored as browsers ignore them ("java\tscript:").
 */
export function safeHref(raw: string): string | null {
  let folded = '';
  for (const ch of raw) if (ch.charCodeAt(0) > 0x20) folded += ch;
  return /^(https?:|mailto:)/i.test(folded) ? raw.trim() : null;
}

/** Plain text of sanitised HTML, for e-mails, comparisons and search (one htmlparser2 pass). */
export function htmlToText(html: string): string {
  let out = '';
  const parser = new Parser(
    {
      ontext: (text) => {
        out += text;
      },
      onopentag: (name) => {
        if (name === 'br') out += '\n';
      },
      onclosetag: (name) => {
        if (name === 'p' || name === 'li' || name === 'blockquote') out += '\n';
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return out.replace(/\n{3,}/g, '\n\n').trim();
}

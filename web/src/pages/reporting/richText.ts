/**
 * Results are stored as a small subset of HTML (the server sanitises to p, br, strong, em, u, s, ul, ol,
 * li, blockquote, a). Agency staff write in a plain text box with a Markdown shorthand instead of a
 * rich editor: it pastes cleanly from Word and e-mails, and it round-trips through that subset.
 *   **đậm**  *nghiêng*  ~~gạch~~  [chữ](https://…)  "- " gạch đầu dòng  "1. " danh sách số  "> " trích dẫn
 * Both directions use maintained libraries: markdown-it (text → HTML, only the rules above, raw HTML
 * off, so "<" typed in a result stays text) and Turndown (stored HTML → text, for editing).
 */
import MarkdownIt from 'markdown-it';
import TurndownService from 'turndown';

const markdown = new MarkdownIt('zero', { html: false, breaks: true, linkify: false }).enable([
  'paragraph',
  'newline',
  'escape',
  'emphasis',
  'strikethrough',
  'link',
  'list',
  'blockquote',
]);

/** "•" bullets pasted from Word are list items too. */
const WORD_BULLET = /^([ \t]*)•[ \t]+/gm;

/** The text box's content as the HTML the API stores; blank text is "no result" (null). */
export function textToHtml(text: string): string | null {
  if (text.trim() === '') return null;
  const source = text.replace(/\r\n?/g, '\n').replace(WORD_BULLET, '$1- ');
  // markdown-it puts a newline after each block and each <br>; the stored form has none.
  return markdown.render(source).replaceAll('\n', '');
}

const turndown = new TurndownService({
  bulletListMarker: '-',
  emDelimiter: '*',
  strongDelimiter: '**',
  br: '',
});
/*
 * Turndown escapes every character Markdown might use ("[Dữ liệu mẫu]" came back as "\[Dữ liệu mẫu\]"
 * in the officer's text box). Only what the shorthand above would misread is escaped: emphasis marks,
 * "~~", a "](" that would make a link, and list or quote markers at the start of a line.
 */
turndown.escape = (text: string) =>
  text
    .replace(/\\/g, '\\\\')
    .replace(/\*/g, '\\*')
    // "_" inside a word (ten_tep) is never emphasis; only one at a word's edge is escaped.
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/~~/g, '\\~\\~')
    .replace(/\]\(/g, '\\](')
    .replace(/^(\s*)([-+])(\s)/gm, '$1\\$2$3')
    .replace(/^(\s*\d+)\.(\s)/gm, '$1\\.$2')
    .replace(/^(\s*)>/gm, '$1\\>');

turndown.addRule('strikethrough', {
  filter: (node) => ['S', 'DEL', 'STRIKE'].includes(node.nodeName),
  replacement: (content) => `~~${content}~~`,
});
function trimNewlines(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === '\n') start++;
  while (end > start && text[end - 1] === '\n') end--;
  return text.slice(start, end);
}

// "- item" and "1. item" as people type them (Turndown's default pads markers to four columns).
turndown.addRule('listItem', {
  filter: 'li',
  replacement: (content, node) => {
    const parent = node.parentNode as Element | null;
    let marker = '- ';
    if (parent?.nodeName === 'OL') {
      const start = Number(parent.getAttribute('start') ?? '1') || 1;
      marker = `${Array.prototype.indexOf.call(parent.children, node) + start}. `;
    }
    const body = trimNewlines(content).replaceAll('\n', '\n   ');
    return `${marker}${body}${node.nextSibling ? '\n' : ''}`;
  },
});

/** Stored HTML back into the shorthand, for editing. */
export function htmlToText(html: string | null): string {
  if (!html) return '';
  return turndown.turndown(html);
}

/** Whether a stored value is HTML (results) rather than plain text (the other fields). */
export function looksLikeHtml(value: string): boolean {
  return /<(p|br|strong|b|em|i|u|s|ul|ol|li|blockquote|a)[\s>/]/i.test(value);
}

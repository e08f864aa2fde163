/**
 * Results are stored as a small subset of HTML (the server sanitises to p, br, strong, em, u, s, ul, ol,
 * li, blockquote, a). Agency staff write in a plain text box with a Markdown-like shorthand instead of a
 * rich editor: it pastes cleanly from Word and e-mails, and it round-trips through that subset.
 *   **đậm**  *nghiêng*  ~~gạch~~  [chữ](https://…)  "- " gạch đầu dòng  "1. " danh sách số  "> " trích dẫn
 */

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function inlineToHtml(line: string): string {
  return escapeHtml(line)
    .replace(/\[([^\]]+)\]\(((?:https?:\/\/|mailto:)[^\s)]+)\)/g, '<a href="$2">$1</a>')
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*])\*(?!\s)(.+?)\*(?!\*)/g, '$1<em>$2</em>')
    .replace(/~~(.+?)~~/g, '<s>$1</s>');
}

const BULLET = /^\s*[-•]\s+/;
const NUMBERED = /^\s*\d+[.)]\s+/;
const QUOTE = /^\s*>\s?/;

function blockToHtml(lines: string[]): string {
  if (lines.every((l) => BULLET.test(l))) {
    return `<ul>${lines.map((l) => `<li>${inlineToHtml(l.replace(BULLET, ''))}</li>`).join('')}</ul>`;
  }
  if (lines.every((l) => NUMBERED.test(l))) {
    return `<ol>${lines.map((l) => `<li>${inlineToHtml(l.replace(NUMBERED, ''))}</li>`).join('')}</ol>`;
  }
  if (lines.every((l) => QUOTE.test(l))) {
    return `<blockquote>${lines.map((l) => inlineToHtml(l.replace(QUOTE, ''))).join('<br>')}</blockquote>`;
  }
  return `<p>${lines.map(inlineToHtml).join('<br>')}</p>`;
}

/** The text box's content as the HTML the API stores; blank text is "no result" (null). */
export function textToHtml(text: string): string | null {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.split('\n').filter((l) => l.trim() !== ''))
    .filter((lines) => lines.length > 0);
  return blocks.length === 0 ? null : blocks.map(blockToHtml).join('');
}

function inlineToText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element)) return '';
  const inner = Array.from(node.childNodes).map(inlineToText).join('');
  switch (node.tagName.toLowerCase()) {
    case 'br':
      return '\n';
    case 'strong':
    case 'b':
      return `**${inner}**`;
    case 'em':
    case 'i':
      return `*${inner}*`;
    case 's':
      return `~~${inner}~~`;
    case 'a': {
      const href = node.getAttribute('href');
      return href ? `[${inner}](${href})` : inner;
    }
    default:
      return inner;
  }
}

function blockToText(node: Node): string {
  if (!(node instanceof Element)) return (node.textContent ?? '').trim();
  const tag = node.tagName.toLowerCase();
  const items = () => Array.from(node.children).filter((c) => c.tagName.toLowerCase() === 'li');
  if (tag === 'ul')
    return items()
      .map((li) => `- ${inlineToText(li).trim()}`)
      .join('\n');
  if (tag === 'ol')
    return items()
      .map((li, i) => `${i + 1}. ${inlineToText(li).trim()}`)
      .join('\n');
  if (tag === 'blockquote') {
    return inlineToText(node)
      .split('\n')
      .map((l) => `> ${l}`)
      .join('\n');
  }
  return inlineToText(node).trim();
}

/** Stored HTML back into the shorthand, for editing. */
export function htmlToText(html: string | null): string {
  if (!html) return '';
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return Array.from(doc.body.childNodes)
    .map(blockToText)
    .filter((b) => b !== '')
    .join('\n\n');
}

/** Whether a stored value is HTML (results) rather than plain text (the other fields). */
export function looksLikeHtml(value: string): boolean {
  return /<(p|br|strong|b|em|i|u|s|ul|ol|li|blockquote|a)[\s>/]/i.test(value);
}

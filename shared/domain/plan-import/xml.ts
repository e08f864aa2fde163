/**
 * A minimal XML reader for WordprocessingML: elements, attributes and text, nothing else.
 * Node has no DOMParser and document.xml needs no namespaces resolution beyond the literal "w:"
 * prefixes Word always writes, so a small tolerant tokenizer is enough and keeps the parser pure.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const TOKEN =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|</g;
const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith('#x')) return safeCodePoint(Number.parseInt(body.slice(2), 16)) ?? whole;
    if (body.startsWith('#')) return safeCodePoint(Number.parseInt(body.slice(1), 10)) ?? whole;
    return NAMED_ENTITIES[body] ?? whole;
  });
}

function safeCodePoint(code: number): string | null {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
}

/** Parses leniently: a stray closing tag is ignored, unclosed elements end with the document. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  for (const m of xml.matchAll(TOKEN)) {
    const top = stack[stack.length - 1] ?? root;
    const [, cdata, closing, name, attributeText, selfClosing, text] = m;
    if (cdata !== undefined) {
      top.children.push(cdata);
    } else if (text !== undefined) {
      top.children.push(decodeEntities(text));
    } else if (name !== undefined) {
      if (closing === '/') {
        const index = stack.map((e) => e.name).lastIndexOf(name);
        if (index > 0) stack.length = index;
        continue;
      }
      const attributes: Record<string, string> = {};
      for (const a of (attributeText ?? '').matchAll(ATTRIBUTE)) {
        if (a[1] !== undefined) attributes[a[1]] = decodeEntities(a[2] ?? a[3] ?? '');
      }
      const element: XmlElement = { name, attributes, children: [] };
      top.children.push(element);
      if (selfClosing !== '/') stack.push(element);
    }
  }
  return root;
}

export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter(
    (child): child is XmlElement => typeof child !== 'string' && (name === undefined || child.name === name),
  );
}

export function findElement(element: XmlElement, name: string): XmlElement | null {
  for (const child of childElements(element)) {
    if (child.name === name) return child;
    const found = findElement(child, name);
    if (found !== null) return found;
  }
  return null;
}

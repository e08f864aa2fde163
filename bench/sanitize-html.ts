/**
 * Rich-text sanitisers on adversarial input, for the choice recorded in docs/ARCHITECTURE.md and the
 * figures in docs/PERFORMANCE.md ("Rich text sanitiser"). Each input is ~100 KB (a report field's
 * ceiling); each library gets the same allowed tags and attributes. Times are CPU time of this process
 * (process.cpuUsage), median of 7 runs after 2 warm-up runs: the machine is shared, and wall time mostly measured the queue.
 *   node --import tsx bench/sanitize-html.ts
 */
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import sanitize from 'sanitize-html';
import { FilterXSS } from 'xss';
import { sanitizeHtml } from '../shared/domain/reporting/sanitize-html';

const SIZE = 100 * 1024;
const TAGS = ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'ul', 'ol', 'li', 'blockquote', 'a'];
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
const TAIL = ' PHẦN CUỐI';

const INPUTS: Record<string, string> = {
  'report text (realistic)': fill(
    '<p>Đã ban hành <strong>Quyết định</strong> số 12/QĐ-UBND; <a href="https://hungyen.gov.vn/vb?id=1&x=2">văn bản</a>.</p><ul><li>Một</li><li>Hai</li></ul>',
  ),
  '"<a<a<a…"': fill('<a'),
  '"<a x=\\"<a x=\\"…" (unterminated attributes)': fill('<a x="'),
  'deep nesting <b>×12k': `${'<b>'.repeat(12_000)}x${'</b>'.repeat(12_000)}`.slice(0, SIZE),
  'runs of "<!--"': fill('<!--'),
  'unclosed <svg> then text': `<p>x<svg>${fill('chữ ')}${TAIL}`,
  'unclosed <math> then text': `<p>x<math>${fill('chữ ')}${TAIL}`,
  'unclosed <style> then text': `<p>x<style>${fill('chữ ')}${TAIL}`,
  'many <p onclick> attributes': fill('<p onclick="alert(1)" style="x" class="y">t</p>'),
};

const window = new JSDOM('').window;
const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
const xss = new FilterXSS({
  whiteList: Object.fromEntries(TAGS.map((t) => [t, t === 'a' ? ['href'] : []])),
  stripIgnoreTag: true,
  stripIgnoreTagBody: ['script', 'style', 'svg', 'math', 'iframe', 'object', 'embed', 'template', 'noscript'],
});

const CANDIDATES: Record<string, (html: string) => string> = {
  'planwatch sanitizeHtml (sanitize-html 2.17.5, configured)': sanitizeHtml,
  'sanitize-html 2.17.5 (same tags, defaults)': (h) =>
    sanitize(h, { allowedTags: TAGS, allowedAttributes: { a: ['href'] } }),
  'xss 1.0.17 (js-xss)': (h) => xss.process(h),
  'DOMPurify 3.5.0 + jsdom 26': (h) => purify.sanitize(h, { ALLOWED_TAGS: TAGS, ALLOWED_ATTR: ['href'] }),
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

const rows: string[] = [];
for (const [inputName, input] of Object.entries(INPUTS)) {
  const cells: string[] = [];
  for (const [name, run] of Object.entries(CANDIDATES)) {
    const times: number[] = [];
    let out = '';
    let failed: string | null = null;
    try {
      run(input); // warm-up: the server sanitises many texts, so compiled code is the fair case
      run(input);
    } catch {
      // reported by the measured runs below
    }
    for (let i = 0; i < 7 && failed === null; i++) {
      const t0 = process.cpuUsage();
      try {
        out = run(input);
      } catch (err) {
        failed = err instanceof RangeError ? 'crashes (stack overflow)' : `throws ${String(err)}`;
      }
      const used = process.cpuUsage(t0);
      times.push((used.user + used.system) / 1000);
      if (times[times.length - 1]! > 5000) break; // a quadratic candidate: one run is enough
    }
    const swallowed = inputName.startsWith('unclosed') && !out.includes(TAIL) ? ' (swallows the rest)' : '';
    const cell = failed ?? `${median(times).toFixed(1)}${swallowed}`;
    cells.push(cell);
    process.stderr.write(`${inputName} | ${name}: ${cell}\n`);
  }
  rows.push(`| ${inputName} | ${cells.join(' | ')} |`);
}
console.log(`| input (~100 KB) | ${Object.keys(CANDIDATES).join(' | ')} |`);
console.log(
  `|---|${Object.keys(CANDIDATES)
    .map(() => '---:')
    .join('|')}|`,
);
for (const r of rows) console.log(r);

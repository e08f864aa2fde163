import { describe, expect, it } from 'vitest';
import { htmlToText, sanitizeHtml } from './sanitize-html';

describe('sanitizeHtml', () => {
  it('keeps the whitelisted formatting and drops every attribute', () => {
    expect(
      sanitizeHtml('<p class="x" style="color:red">Đã <strong>ban hành</strong> <em>Quyết định</em></p>'),
    ).toBe('<p>Đã <strong>ban hành</strong> <em>Quyết định</em></p>');
    expect(sanitizeHtml('<ul><li>Một</li><li>Hai<br/></li></ul>')).toBe(
      '<ul><li>Một</li><li>Hai<br></li></ul>',
    );
  });

  it('removes scripts, styles and their content, and event handlers', () => {
    expect(sanitizeHtml('a<script>alert(1)</script>b<style>p{}</style>c')).toBe('abc');
    expect(sanitizeHtml('<p onclick="alert(1)">x</p><img src=x onerror=alert(1)>')).toBe('<p>x</p>');
    expect(sanitizeHtml('<svg><script>alert(1)</script></svg>ok')).toBe('ok');
  });

  it('keeps unknown tags’ text but not their markup', () => {
    expect(sanitizeHtml('<div><span>Nội dung</span></div><h1>Tiêu đề</h1>')).toBe('Nội dungTiêu đề');
  });

  it('allows only http, https and mailto links', () => {
    expect(sanitizeHtml('<a href="https://hungyen.gov.vn/a?b=1&c=2">vb</a>')).toBe(
      '<a href="https://hungyen.gov.vn/a?b=1&amp;c=2" rel="noopener noreferrer" target="_blank">vb</a>',
    );
    expect(sanitizeHtml('<a href="javascript:alert(1)">x</a>')).toBe('<a>x</a>');
    expect(sanitizeHtml('<a href="jav&#x61;script:alert(1)">x</a>')).toBe('<a>x</a>');
    expect(sanitizeHtml("<a href='java\tscript:alert(1)'>x</a>")).toBe('<a>x</a>');
    expect(sanitizeHtml('<a href="x" title=">"><b>t</b></a>')).toBe('<a><b>t</b></a>');
  });

  it('escapes stray angle brackets and drops comments', () => {
    expect(sanitizeHtml('tăng > 9% và < 10%<!-- <script> -->')).toBe('tăng &gt; 9% và &lt; 10%');
    expect(sanitizeHtml('<<script>x</script>p>')).toBe('&lt;p&gt;');
  });

  it('leaves plain text alone, "&" written as the entity', () => {
    expect(sanitizeHtml('Hoàn thành 100% & đúng hạn')).toBe('Hoàn thành 100% &amp; đúng hạn');
    expect(htmlToText(sanitizeHtml('Hoàn thành 100% & đúng hạn'))).toBe('Hoàn thành 100% & đúng hạn');
  });
});

describe('sanitizeHtml on hostile input', () => {
  it('an unclosed svg, math or style drops only its tag, not the rest of the text', () => {
    expect(sanitizeHtml('<p>Đầu <svg> đã hoàn thành</p><p>Tiếp</p>')).toBe(
      '<p>Đầu  đã hoàn thành</p><p>Tiếp</p>',
    );
    expect(sanitizeHtml('<p>x <math><mi>y</mi> còn lại')).toBe('<p>x y còn lại</p>');
    expect(sanitizeHtml('Tăng <style> 5% <b>so với</b> năm trước')).toBe(
      'Tăng &lt;style&gt; 5% <b>so với</b> năm trước',
    );
    expect(sanitizeHtml('a <script>alert(1) <b>b</b>')).toBe('a &lt;script&gt;alert(1) <b>b</b>');
  });

  it('closed ones still lose their content, whatever they hide', () => {
    expect(sanitizeHtml('<svg><a href="javascript:x">y</a><script>alert(1)</script></svg>ok')).toBe('ok');
    expect(sanitizeHtml('<math><style>*{}</style>m</math>ok<style>p{}</style>')).toBe('ok');
    expect(sanitizeHtml('<STYLE>p{}</STYLE >a<Svg>b</sVg>')).toBe('a');
  });

  it('an unclosed raw-text tag never lets markup through as raw HTML', () => {
    const out = sanitizeHtml('<style><img src=x onerror=alert(1)><a href="javascript:1">x</a>');
    expect(out).not.toMatch(/<img|onerror=|javascript:/i);
  });

  it('reads runs of "<a" and deep nesting as text and tags, without the old parser’s backtracking', () => {
    const run = '<a'.repeat(20_000);
    expect(sanitizeHtml(run)).not.toContain('<a<');
    const deep = `${'<b>'.repeat(10_000)}x${'</b>'.repeat(10_000)}`;
    expect(sanitizeHtml(deep)).toBe(deep);
  });
});

describe('htmlToText', () => {
  it('turns paragraphs and breaks into lines', () => {
    expect(htmlToText('<p>Một</p><p>Hai &lt;3<br>Ba</p>')).toBe('Một\nHai <3\nBa');
  });
});

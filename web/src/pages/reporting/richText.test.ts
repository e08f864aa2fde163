import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../../../shared/domain/reporting/sanitize-html';
import { htmlToText, textToHtml } from './richText';

describe('report text shorthand ↔ stored HTML', () => {
  it('writes the shorthand as the stored subset', () => {
    expect(
      textToHtml('Đã **ban hành** *Quyết định* ~~cũ~~ [văn bản](https://hungyen.gov.vn/a?b=1&c=2)'),
    ).toBe(
      '<p>Đã <strong>ban hành</strong> <em>Quyết định</em> <s>cũ</s> <a href="https://hungyen.gov.vn/a?b=1&amp;c=2">văn bản</a></p>',
    );
    expect(textToHtml('- Một\n- Hai\n\n1. Ba\n2. Bốn\n\n> Trích\n> dẫn')).toBe(
      '<ul><li>Một</li><li>Hai</li></ul><ol><li>Ba</li><li>Bốn</li></ol><blockquote><p>Trích<br>dẫn</p></blockquote>',
    );
    expect(textToHtml('• Dán từ Word\n• Dòng hai')).toBe('<ul><li>Dán từ Word</li><li>Dòng hai</li></ul>');
    expect(textToHtml('Dòng một\nDòng hai')).toBe('<p>Dòng một<br>Dòng hai</p>');
    expect(textToHtml('  \n ')).toBeNull();
  });

  it('keeps typed markup as text and drops script links', () => {
    expect(textToHtml('tăng > 9% <script>alert(1)</script>')).toBe(
      '<p>tăng &gt; 9% &lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
    expect(textToHtml('[x](javascript:alert(1))')).not.toContain('href');
  });

  it('reads stored HTML back into the same shorthand', () => {
    for (const text of [
      'Đã **ban hành** *Quyết định* ~~cũ~~ [văn bản](https://hungyen.gov.vn/a)',
      '- Một\n- Hai',
      '1. Ba\n2. Bốn',
      '> Trích\n> dẫn',
      'Dòng một\nDòng hai\n\nĐoạn hai',
    ]) {
      const stored = sanitizeHtml(textToHtml(text) ?? '');
      expect(htmlToText(stored)).toBe(text);
    }
  });

  it('gives back ordinary brackets, dots and dashes as typed, escaping only what the shorthand would misread', () => {
    const typed = [
      '[Dữ liệu mẫu] Kết quả (năm 2025): đạt 1.234,5 tỷ đồng - vượt 5%.',
      '2025. Năm đầu tiên',
      '- không phải danh sách',
      'a*b*c và tệp ten_tep_ke_hoach và ~~x~~ và [chữ](không phải liên kết)',
      '> không phải trích dẫn',
    ];
    for (const text of typed) {
      // What the officer types as plain words is stored as those words (typed in the box as escaped text).
      const html = `<p>${text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')}</p>`;
      const back = htmlToText(html);
      expect(textToHtml(back)).toBe(html);
    }
    expect(htmlToText('<p>tệp ten_tep_ke_hoach.pdf</p>')).toBe('tệp ten_tep_ke_hoach.pdf');
    expect(htmlToText('<p>[Dữ liệu mẫu] Kết quả (năm 2025): 1.234,5 - vượt 5%.</p>')).toBe(
      '[Dữ liệu mẫu] Kết quả (năm 2025): 1.234,5 - vượt 5%.',
    );
  });

  it('the server’s sanitiser keeps everything the shorthand writes', () => {
    const html = textToHtml('**a** *b* ~~c~~ [d](mailto:x@y.vn)\n\n- e\n\n1. f\n\n> g') ?? '';
    expect(sanitizeHtml(html)).toBe(
      html.replace(
        '<a href="mailto:x@y.vn">',
        '<a href="mailto:x@y.vn" rel="noopener noreferrer" target="_blank">',
      ),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../../shared/domain/plan-import/parse-text';
import { layoutPages, type PlacedPage, type PlacedText } from './pdf-layout';

/*
 * The layout on hand-placed text: what a gazette page looks like to the PDF reader (running header, page
 * number, a table continued on the next page, side-by-side header blocks), without a PDF file.
 */

const SIZE = 12;
const LEADING = 14;
/** A page of lines; each line is [x, text] pieces drawn on one baseline, from the top of the page down. */
function page(lines: Array<Array<[number, string]>>, top = 800): PlacedPage {
  const items: PlacedText[] = [];
  lines.forEach((pieces, k) => {
    for (const [x, str] of pieces)
      items.push({ str, x, y: top - k * LEADING, width: str.length * SIZE * 0.5, height: SIZE });
  });
  return { items, width: 595, height: 842 };
}

// Columns: TT at 60, content at 90, lead at 300, deadline at 450.
const HEADER: Array<[number, string]> = [
  [60, 'TT'],
  [120, 'Nội dung'],
  [310, 'Cơ quan chủ trì'],
  [455, 'Thời hạn'],
];

describe('PDF page layout', () => {
  it('drops a running header and page numbers and continues a row across the page break', () => {
    const running: Array<[number, string]> = [[200, 'CÔNG BÁO/Số 286/Ngày 27-05-2026']];
    const pages = [
      page([
        running,
        [[290, '89']],
        [
          [60, 'ỦY BAN NHÂN DÂN'],
          [330, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
        ],
        [
          [60, 'TỈNH AN PHÚ'],
          [340, 'Độc lập - Tự do - Hạnh phúc'],
        ],
        [
          [60, 'Số: 7/KH-UBND'],
          [330, 'An Phú, ngày 02 tháng 3 năm 2026'],
        ],
        [],
        [[260, 'KẾ HOẠCH']],
        [[200, 'Thực hiện chuyển đổi số năm 2026']],
        HEADER,
        [
          [62, '1'],
          [90, 'Xây dựng kho dữ liệu'],
          [300, 'Sở Tài chính'],
          [450, 'Quý II/2026'],
        ],
        [[90, 'dùng chung của tỉnh']],
        [
          [62, '2'],
          [90, 'Số hóa hồ sơ đất đai'],
          [300, 'Sở Nông nghiệp và'],
          [450, 'Năm 2026'],
        ],
      ]),
      page([
        running,
        [[290, '90']],
        [
          [90, 'trên toàn tỉnh'],
          [300, 'Môi trường'],
        ],
        [
          [62, '3'],
          [90, 'Đào tạo kỹ năng số'],
          [300, 'Sở Nội vụ'],
          [450, 'Hằng năm'],
        ],
        [
          [60, 'Nơi nhận:'],
          [330, 'TM. ỦY BAN NHÂN DÂN'],
        ],
      ]),
      page([running, [[290, '91']], [[60, 'Phụ lục không có bảng']]]),
    ];
    const text = layoutPages(pages);
    expect(text).not.toContain('CÔNG BÁO');
    expect(text).not.toMatch(/^(89|90|91)$/m);
    const parsed = parsePlanText(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.draft).toMatchObject({
      number: '7/KH-UBND',
      issuedOn: '2026-03-02',
      issuer: 'UBND tỉnh An Phú',
    });
    // (The parser reads the text after a table as one more row, as it does for a .docx: rows are kept by number.)
    const numbered = parsed.draft.tasks.filter((t) => /^\d+$/.test(t.ordinal));
    expect(numbered.map((t) => [t.ordinal, t.content, t.lead, t.deadline.text])).toEqual([
      ['1', 'Xây dựng kho dữ liệu dùng chung của tỉnh', 'Sở Tài chính', 'Quý II/2026'],
      ['2', 'Số hóa hồ sơ đất đai trên toàn tỉnh', 'Sở Nông nghiệp và Môi trường', 'Năm 2026'],
      ['3', 'Đào tạo kỹ năng số', 'Sở Nội vụ', 'Hằng năm'],
    ]);
    // The closing block after the table is plain text again, not a fourth row.
    expect(text).toMatch(/\|\nNơi nhận:/);
  });

  it('puts two blocks side by side one after the other', () => {
    const text = layoutPages([
      page([
        [
          [60, 'ỦY BAN NHÂN DÂN'],
          [330, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
        ],
        [
          [70, 'TỈNH AN PHÚ'],
          [340, 'Độc lập - Tự do - Hạnh phúc'],
        ],
      ]),
    ]);
    expect(text.split('\n')).toEqual([
      'ỦY BAN NHÂN DÂN',
      'TỈNH AN PHÚ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
    ]);
  });

  it('reads the issuer alone when it shares a baseline with the national motto, however narrow the gap', () => {
    // "UBND TỈNH QUẢNG NAM" ends at x=174; the motto starts at 190: a gap narrower than a block gap.
    const text = layoutPages([
      page([
        [
          [60, 'UBND TỈNH QUẢNG NAM'],
          [190, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
        ],
        [
          [80, 'SỞ CÔNG THƯƠNG'],
          [215, 'Độc lập - Tự do - Hạnh phúc'],
        ],
      ]),
    ]);
    expect(text.split('\n')).toEqual([
      'UBND TỈNH QUẢNG NAM',
      'SỞ CÔNG THƯƠNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
    ]);
  });

  it('keeps a row number centred beside a long cell in that row', () => {
    const text = layoutPages([
      page([
        HEADER,
        [
          [90, 'Rà soát, sửa đổi quy chế'],
          [300, 'Sở Tư pháp'],
        ],
        [
          [62, '1'],
          [90, 'phối hợp trong quản lý'],
          [450, 'Quý I/2026'],
        ],
        [[90, 'nhà nước về văn bản']],
        [],
        [
          [62, '2'],
          [90, 'Kiểm tra văn bản'],
          [300, 'Sở Tư pháp'],
          [450, 'Hằng năm'],
        ],
      ]),
    ]);
    const parsed = parsePlanText(`KẾ HOẠCH\nSố: 1/KH-UBND\n${text}`);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.draft.tasks.map((t) => [t.ordinal, t.content, t.lead])).toEqual([
      ['1', 'Rà soát, sửa đổi quy chế phối hợp trong quản lý nhà nước về văn bản', 'Sở Tư pháp'],
      ['2', 'Kiểm tra văn bản', 'Sở Tư pháp'],
    ]);
  });
});

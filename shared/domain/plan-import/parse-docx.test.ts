import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parsePlanBytes } from './parse-bytes';
import { documentXmlToText, parsePlanDocx } from './parse-docx';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
  <Default Extension="xml" ContentType="application/xml"/>
  <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>`;

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A paragraph; "\n" inside the text becomes a manual line break (w:br), as Word writes it. */
function p(text: string): string {
  const runs = text
    .split('\n')
    .map((piece, i) => `${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXml(piece)}</w:t>`)
    .join('');
  return `<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:b/></w:rPr>${runs}</w:r></w:p>`;
}

function tc(content: string | string[], span = 1): string {
  const paragraphs = (Array.isArray(content) ? content : [content]).map(p).join('') || '<w:p/>';
  const grid = span > 1 ? `<w:gridSpan w:val="${span}"/>` : '';
  return `<w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/>${grid}</w:tcPr>${paragraphs}</w:tc>`;
}

const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
const tbl = (...rows: string[]) => `<w:tbl><w:tblPr/><w:tblGrid/>${rows.join('')}</w:tbl>`;

const DOCUMENT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
${tbl(
  tr(
    tc(['ỦY BAN NHÂN DÂN', 'TỈNH NAM ĐỊNH']),
    tc(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']),
  ),
  tr(tc('Số: 77/KH-UBND'), tc('Nam Định, ngày 02 tháng 8 năm 2022')),
)}
${p('KẾ HOẠCH')}
${p('PHÁT TRIỂN THƯƠNG MẠI ĐIỆN TỬ & LOGISTICS')}
${p('Căn cứ Quyết định số 645/QĐ-TTg ngày 15/5/2020 của Thủ tướng Chính phủ;')}
${p('I. MỤC TIÊU')}
${p('- Đến năm 2025: 50% doanh nghiệp\ncó website.')}
${p('II. TỔ CHỨC THỰC HIỆN')}
${p('1. Sở Công Thương: Chủ trì thực hiện.')}
${p('2. Chế độ báo cáo: Các đơn vị báo cáo trước ngày 10/12 hằng năm gửi Sở Công Thương tổng hợp.')}
${tbl(tr(tc(['Nơi nhận:', '- Như trên;']), tc(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'])))}
${p('PHỤ LỤC')}
${tbl(
  tr(tc('TT'), tc('Nội dung'), tc('Cơ quan chủ trì'), tc('Cơ quan phối hợp'), tc('Sản phẩm'), tc('Thời hạn')),
  tr(tc('I'), tc('NHÓM NHIỆM VỤ HẠ TẦNG'), tc('', 4)),
  tr(
    tc('1'),
    tc(['Xây dựng sàn', 'thương mại điện tử']),
    tc('Sở Công Thương'),
    tc('Sở Tài chính, Sở TT&TT'),
    tc('Sàn TMĐT'),
    tc('Quý III/2023'),
  ),
  tr(tc('2'), tc('Đào tạo doanh nghiệp'), tc('Sở Công Thương'), tc(''), tc(''), tc('Hằng năm')),
)}
<w:sectPr/></w:body></w:document>`;

async function docx(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array' });
}

describe('parsePlanDocx', () => {
  it('turns tables into the "|" cell layout, spans into empty cells', () => {
    const text = documentXmlToText(DOCUMENT);
    expect(text.startsWith('ỦY BAN NHÂN DÂN\nTỈNH NAM ĐỊNH\n|\nCỘNG HÒA')).toBe(true);
    expect(text).toContain('Thời hạn\n|\nI\n|\nNHÓM NHIỆM VỤ HẠ TẦNG\n|\n|\n|\n|\n|\n1\n|');
    expect(text).toContain('Xây dựng sàn\nthương mại điện tử');
    expect(text).toContain('PHÁT TRIỂN THƯƠNG MẠI ĐIỆN TỬ & LOGISTICS');
  });

  it('reads a plan from a .docx built in memory, including its task table', async () => {
    const bytes = await docx({ '[Content_Types].xml': CONTENT_TYPES, 'word/document.xml': DOCUMENT });
    const result = await parsePlanDocx(bytes);
    if (!result.ok) throw new Error(result.error.message);
    const { draft } = result;
    expect(draft).toMatchObject({
      number: '77/KH-UBND',
      issuer: 'UBND tỉnh Nam Định',
      place: 'Nam Định',
      issuedOn: '2022-08-02',
      title: 'Kế hoạch PHÁT TRIỂN THƯƠNG MẠI ĐIỆN TỬ & LOGISTICS',
      basis: ['Căn cứ Quyết định số 645/QĐ-TTg ngày 15/5/2020 của Thủ tướng Chính phủ'],
    });
    expect(draft.targets).toEqual([expect.objectContaining({ kind: 'percentage', min: 50, toYear: 2025 })]);
    expect(draft.duties).toEqual([
      { ordinal: '1', agencyText: 'Sở Công Thương', paragraphs: ['Chủ trì thực hiện.'] },
    ]);
    expect(draft.regime).toMatchObject({
      annualDueDay: 10,
      annualDueMonth: 12,
      consolidator: 'Sở Công Thương',
    });
    expect(draft.tasks).toEqual([
      {
        ordinal: '1',
        group: 'I. NHÓM NHIỆM VỤ HẠ TẦNG',
        content: 'Xây dựng sàn thương mại điện tử',
        lead: 'Sở Công Thương',
        coordinators: ['Sở Tài chính', 'Sở TT&TT'],
        product: 'Sàn TMĐT',
        deadline: { kind: 'quarter', from: '2023-07-01', to: '2023-09-30', text: 'Quý III/2023' },
      },
      {
        ordinal: '2',
        group: 'I. NHÓM NHIỆM VỤ HẠ TẦNG',
        content: 'Đào tạo doanh nghiệp',
        lead: 'Sở Công Thương',
        coordinators: [],
        product: null,
        deadline: { kind: 'recurring', from: null, to: null, text: 'Hằng năm' },
      },
    ]);
    expect(draft.warnings).toEqual([]);
  });

  it('is reached from raw bytes by the zip signature', async () => {
    const bytes = await docx({ '[Content_Types].xml': CONTENT_TYPES, 'word/document.xml': DOCUMENT });
    const result = await parsePlanBytes(bytes);
    expect(result.ok && result.draft.tasks.length).toBe(2);
  });

  it('refuses bytes that are not a zip', async () => {
    const result = await parsePlanDocx(new TextEncoder().encode('KẾ HOẠCH'));
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'not_docx' }) });
    if (!result.ok) expect(result.error.message).toContain('.docx');
    const broken = await parsePlanDocx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(broken.ok).toBe(false);
  });

  it('refuses a zip without word/document.xml', async () => {
    const result = await parsePlanDocx(await docx({ 'hello.txt': 'xin chào' }));
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'docx_no_document' }) });
  });
});

describe('parsePlanBytes', () => {
  it('refuses text that is not UTF-8 with the encoding message', async () => {
    const result = await parsePlanBytes(new Uint8Array([0x4b, 0xca, 0x20, 0x48, 0x4f, 0xa0, 0x43, 0x48]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^Tệp không phải mã UTF-8/);
  });

  it('reads UTF-8 and UTF-16 text', async () => {
    const text = 'KẾ HOẠCH\nSố: 1/KH-UBND';
    const utf8 = await parsePlanBytes(new TextEncoder().encode(text));
    expect(utf8.ok && utf8.draft.number).toBe('1/KH-UBND');
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    const decoded = await parsePlanBytes(utf16);
    expect(decoded.ok && decoded.draft.number).toBe('1/KH-UBND');
  });
});

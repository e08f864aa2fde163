import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readPlanUpload } from './read-upload';

const SAMPLE = readFileSync(
  path.join(import.meta.dirname, '../../../fixtures/plans/hung-yen-148-KH-UBND-2021.txt'),
);

describe('reading an uploaded plan file', () => {
  it('reads a UTF-8 text file and keeps its text to show beside the draft', async () => {
    const r = await readPlanUpload('kh.txt', SAMPLE);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.draft.tasks).toHaveLength(21);
    expect(r.sourceText).toBe(SAMPLE.toString('utf8'));
    expect(r.mediaType).toBe('text/plain; charset=utf-8');
  });

  it('reads a .docx and extracts its text', async () => {
    const zip = new JSZip();
    const para = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
    const body = [
      'ỦY BAN NHÂN DÂN',
      'TỈNH THÁI BÌNH',
      'Số: 12/KH-UBND',
      'Thái Bình, ngày 05 tháng 3 năm 2024',
      'KẾ HOẠCH',
      'Phát triển làng nghề',
    ]
      .map(para)
      .join('');
    zip.file(
      'word/document.xml',
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    );
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const r = await readPlanUpload('kh.docx', bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.draft.number).toBe('12/KH-UBND');
    expect(r.sourceText).toContain('TỈNH THÁI BÌNH');
    expect(r.mediaType).toContain('wordprocessingml');
  });

  it('names PDF and old Word files instead of reading garbage', async () => {
    const pdf = await readPlanUpload('kh.pdf', Buffer.from('%PDF-1.7 ...'));
    expect(pdf).toMatchObject({ ok: false, error: { code: 'unsupported_pdf' } });
    const doc = await readPlanUpload('kh.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]));
    expect(doc.ok).toBe(false);
    if (!doc.ok) expect(doc.error.message).toContain('lưu thành .docx');
  });

  it('refuses a Windows-1258 file with a message about the encoding and the line', async () => {
    const text = Buffer.concat([
      Buffer.from('KẾ HOẠCH\nSố: 1/KH-UBND\n'),
      Buffer.from([0x48, 0x75, 0xf0, 0x6e, 0x67, 0x0a]),
    ]);
    const r = await readPlanUpload('kh.txt', text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toContain('UTF-8');
      expect(r.error.line).toBe(3);
    }
  });
});

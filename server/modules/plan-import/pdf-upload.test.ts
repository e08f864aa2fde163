import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanTask } from '../../../shared/contracts/plan-draft';
import { parsePlanDocx } from '../../../shared/domain/plan-import/parse-docx';
import { readPlanUpload } from '../../../shared/domain/plan-import/read-upload';
import { type DocumentReading, documentReading } from '../../config';
import { findSoffice } from './doc-convert';
import { ocrMissing } from './ocr';
import { readPdfText } from './pdf-text';
import { uploadConverters } from './upload-converters';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, '../../../fixtures/pdf', name));
const settings = (overrides: Partial<DocumentReading> = {}) => ({ ...documentReading({}), ...overrides });
const read = (name: string, overrides: Partial<DocumentReading> = {}) =>
  readPlanUpload(name, fixture(name), uploadConverters(settings(overrides)));

const cells = (t: PlanTask) => [t.ordinal, t.content, t.lead, t.coordinators, t.deadline.text];

// Checked once: these tests need Debian packages that CI installs (.ci/run) but a laptop may lack.
const tesseractMissing = await ocrMissing();
const sofficeMissing = (await findSoffice()) === null;

describe('PDF with a text layer', () => {
  it('rebuilds a borderless table whose cells are centred vertically, cell by cell', async () => {
    const r = await read('plan-borderless.pdf');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.mediaType).toBe('application/pdf');
    expect(r.draft).toMatchObject({
      number: '57/KH-UBND',
      issuedOn: '2025-03-12',
      issuer: 'UBND tỉnh Thái Bình',
    });
    expect(r.draft.tasks.map(cells)).toEqual([
      [
        '1',
        'Xây dựng sàn giao dịch thương mại điện tử của tỉnh và hướng dẫn các doanh nghiệp tham gia sàn',
        'Sở Công Thương',
        ['Sở Tài chính', 'Sở Khoa học và Công nghệ'],
        'Quý II/2025',
      ],
      [
        '2',
        'Tập huấn kỹ năng bán hàng trực tuyến cho hợp tác xã',
        'Liên minh Hợp tác xã tỉnh',
        ['Sở Công Thương'],
        'Hằng năm',
      ],
      [
        '3',
        'Tuyên truyền về thương mại điện tử trên báo, đài',
        'Báo và Phát thanh, Truyền hình Thái Bình',
        ['Các sở, ban, ngành'],
        'Thường xuyên',
      ],
    ]);
    // The text shown beside the draft is the table as cells, in the layout a .docx gives.
    expect(r.sourceText).toContain('|\nCơ quan chủ trì\n|');
  });

  it('reads a six-page table with a repeated header and rows broken across pages as its .docx reads', async () => {
    const fromPdf = await read('plan-long.pdf');
    const fromDocx = await parsePlanDocx(fixture('plan-long.docx'));
    expect(fromPdf.ok && fromDocx.ok).toBe(true);
    if (!fromPdf.ok || !fromDocx.ok) return;
    const tasks = (list: PlanTask[]) =>
      list.filter((t) => /^\d+$/.test(t.ordinal)).map((t) => [...cells(t), t.group]);
    expect(tasks(fromDocx.draft.tasks)).toHaveLength(42);
    expect(tasks(fromPdf.draft.tasks)).toEqual(tasks(fromDocx.draft.tasks));
    expect(fromPdf.draft.tasks.filter((t) => /^\d+$/.test(t.ordinal))).toHaveLength(42);
    // Row 21 starts at the foot of page 3, where its lead and coordinator cells were drawn as one run.
    expect(cells(fromPdf.draft.tasks.find((t) => t.ordinal === '21') as PlanTask).slice(2, 4)).toEqual([
      'Ban Quản lý các khu công nghiệp',
      ['Sở Giáo dục và Đào tạo', 'Sở Nội vụ'],
    ]);
    // The header repeated at the top of every page is not read as a task.
    expect(fromPdf.sourceText.match(/^STT$/gm)).toHaveLength(1);
  });

  it('refuses a damaged PDF with a message naming the file', async () => {
    const r = await readPlanUpload(
      'hong.pdf',
      Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n'),
      uploadConverters(settings()),
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'pdf_unreadable' } });
    if (!r.ok) expect(r.error.message).toContain('"hong.pdf"');
  });

  it('still names PDF and .doc and refuses them when no converter is given', async () => {
    const pdf = await readPlanUpload('kh.pdf', fixture('plan-borderless.pdf'));
    expect(pdf).toMatchObject({ ok: false, error: { code: 'unsupported_pdf' } });
  });
});

describe('scanned PDF (no text layer)', () => {
  it('is recognised as a scan by the PDF reader', async () => {
    expect(await readPdfText(fixture('scan.pdf'))).toEqual({ kind: 'scanned', pages: 1 });
  });

  it('gets a clear message when OCR is off', async () => {
    const r = await read('scan.pdf', { ocr: 'off' });
    expect(r).toMatchObject({ ok: false, error: { code: 'pdf_scanned' } });
    if (!r.ok) {
      expect(r.error.message).toContain('bản quét');
      expect(r.error.message).toContain('.docx');
    }
  });

  it('is refused with the page limit when it is longer than OCR may read', async () => {
    const r = await read('scan.pdf', { ocrMaxPages: 0 });
    expect(r).toMatchObject({ ok: false, error: { code: 'ocr_too_long' } });
  });

  it.skipIf(tesseractMissing !== null)(
    `is read by OCR with Vietnamese data (skipped when ${tesseractMissing ?? 'tesseract-ocr-vie'} is not installed)`,
    async () => {
      const r = await read('scan.pdf');
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.draft.number).toBe('57/KH-UBND');
      expect(r.draft.issuedOn).toBe('2025-03-12');
      expect(r.sourceText).toContain('Phát triển thương mại điện tử');
    },
    60_000,
  );
});

describe('Word 97-2003 (.doc)', () => {
  it.skipIf(sofficeMissing)(
    'is converted by LibreOffice and read like its .docx (skipped when LibreOffice is not installed)',
    async () => {
      const r = await read('plan-long.doc');
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.mediaType).toBe('application/msword');
      expect(r.draft.number).toBe('211/KH-UBND');
      expect(r.draft.tasks.filter((t) => /^\d+$/.test(t.ordinal))).toHaveLength(42);
    },
    120_000,
  );

  it('asks for .docx or PDF when conversion is off', async () => {
    const r = await read('plan-long.doc', { docConversion: 'off' });
    expect(r).toMatchObject({ ok: false, error: { code: 'unsupported_doc' } });
    if (!r.ok) expect(r.error.message).toContain('.docx');
  });
});

import type { PlanParseError } from '../../../shared/contracts/plan-draft';
import { failure } from '../../../shared/domain/plan-import/messages';
import type { UploadConverters } from '../../../shared/domain/plan-import/read-upload';
import type { DocumentReading } from '../../config';
import { convertDocToDocx } from './doc-convert';
import { ocrPdf } from './ocr';
import { MAX_PDF_PAGES, readPdfText } from './pdf-text';

/*
 * The server's readers for PDF and Word 97 uploads, with the Vietnamese message for every way they can
 * fail: each says what is wrong with the file and what the officer can do instead.
 */

const MESSAGES = {
  scannedNoOcr: (f: string) =>
    failure(
      'pdf_scanned',
      `Tệp "${f}" là PDF dạng ảnh (bản quét), không có lớp chữ để đọc, và máy chủ chưa bật nhận dạng chữ (OCR). Hãy tải lên bản .docx hoặc PDF xuất từ Word (có lớp chữ); hoặc nhờ quản trị cài gói tesseract-ocr và tesseract-ocr-vie để đọc được bản quét.`,
    ),
  ocrMissing: (f: string, pkg: string) =>
    failure(
      'pdf_scanned',
      `Tệp "${f}" là PDF dạng ảnh (bản quét), không có lớp chữ để đọc. Máy chủ chưa cài gói ${pkg} để nhận dạng chữ (OCR); hãy tải lên bản .docx hoặc PDF có lớp chữ.`,
    ),
  ocrTooLong: (f: string, pages: number, max: number) =>
    failure(
      'ocr_too_long',
      `Tệp "${f}" là bản quét ${pages} trang; máy chủ chỉ nhận dạng chữ (OCR) tối đa ${max} trang. Hãy tải lên phần kế hoạch và phụ lục nhiệm vụ, hoặc bản .docx.`,
    ),
  ocrTimeout: (f: string, pages: number) =>
    failure(
      'ocr_timeout',
      `Nhận dạng chữ (OCR) tệp "${f}" quá thời gian cho phép (đã đọc ${pages} trang). Hãy tải lên bản .docx hoặc PDF có lớp chữ.`,
    ),
  ocrFailed: (f: string, detail: string) =>
    failure('ocr_failed', `Không nhận dạng được chữ trong tệp "${f}" (${detail}). Hãy tải lên bản .docx.`),
  ocrEmpty: (f: string) =>
    failure(
      'ocr_empty',
      `Nhận dạng chữ (OCR) tệp "${f}" không đọc được chữ nào; bản quét có thể quá mờ. Hãy tải lên bản .docx hoặc PDF có lớp chữ.`,
    ),
  encrypted: (f: string) =>
    failure('pdf_encrypted', `Tệp PDF "${f}" có mật khẩu; hãy gỡ mật khẩu hoặc tải lên bản .docx.`),
  tooManyPages: (f: string, pages: number) =>
    failure(
      'pdf_too_many_pages',
      `Tệp PDF "${f}" có ${pages} trang, quá ${MAX_PDF_PAGES} trang máy chủ đọc được; hãy tải lên riêng văn bản kế hoạch.`,
    ),
  unreadablePdf: (f: string, detail: string) =>
    failure(
      'pdf_unreadable',
      `Không đọc được tệp PDF "${f}": tệp hỏng hoặc không đúng định dạng (${detail}).`,
    ),
  docOff: (f: string) =>
    failure(
      'unsupported_doc',
      `Tệp "${f}" là Word 97-2003 (.doc) và máy chủ không chuyển đổi được định dạng này (chưa cài LibreOffice). Hãy mở bằng Word, lưu thành .docx (hoặc xuất PDF) rồi tải lên lại.`,
    ),
  docTimeout: (f: string) =>
    failure(
      'doc_timeout',
      `Chuyển đổi tệp Word 97-2003 "${f}" quá thời gian cho phép. Hãy lưu thành .docx rồi tải lên lại.`,
    ),
  docFailed: (f: string, detail: string) =>
    failure(
      'doc_failed',
      `Không chuyển đổi được tệp Word 97-2003 "${f}" (${detail}); tệp có thể hỏng. Hãy mở bằng Word, lưu thành .docx rồi tải lên lại.`,
    ),
};

const refuse = (error: PlanParseError) => ({ ok: false as const, error });

export function uploadConverters(settings: DocumentReading): UploadConverters {
  return {
    async pdfToText(filename, bytes) {
      const read = await readPdfText(bytes);
      switch (read.kind) {
        case 'text':
          return { ok: true, text: read.text };
        case 'encrypted':
          return refuse(MESSAGES.encrypted(filename));
        case 'too_many_pages':
          return refuse(MESSAGES.tooManyPages(filename, read.pages));
        case 'unreadable':
          return refuse(MESSAGES.unreadablePdf(filename, read.detail));
        case 'scanned':
          break;
      }
      if (settings.ocr === 'off') return refuse(MESSAGES.scannedNoOcr(filename));
      if (read.pages > settings.ocrMaxPages)
        return refuse(MESSAGES.ocrTooLong(filename, read.pages, settings.ocrMaxPages));
      const ocr = await ocrPdf(bytes, {
        maxPages: settings.ocrMaxPages,
        timeoutMs: settings.ocrTimeoutSeconds * 1000,
      });
      switch (ocr.kind) {
        case 'text':
          return ocr.text.trim() === '' ? refuse(MESSAGES.ocrEmpty(filename)) : { ok: true, text: ocr.text };
        case 'unavailable':
          return refuse(MESSAGES.ocrMissing(filename, ocr.missing));
        case 'timeout':
          return refuse(MESSAGES.ocrTimeout(filename, ocr.pagesRead));
        case 'failed':
          return refuse(MESSAGES.ocrFailed(filename, ocr.detail));
      }
    },
    async docToDocx(filename, bytes) {
      if (settings.docConversion === 'off') return refuse(MESSAGES.docOff(filename));
      const converted = await convertDocToDocx(bytes, settings.docConversionTimeoutSeconds * 1000);
      switch (converted.kind) {
        case 'docx':
          return { ok: true, docx: converted.bytes };
        case 'unavailable':
          return refuse(MESSAGES.docOff(filename));
        case 'timeout':
          return refuse(MESSAGES.docTimeout(filename));
        case 'failed':
          return refuse(MESSAGES.docFailed(filename, converted.detail));
      }
    },
  };
}

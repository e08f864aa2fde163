import type { PlanDraft, PlanParseError } from '../../contracts/plan-draft';
import { FAILURES, failure } from './messages';
import { decodeText } from './parse-bytes';
import { readDocxText } from './parse-docx';
import { parsePlanText } from './parse-text';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const TEXT_MEDIA_TYPE = 'text/plain; charset=utf-8';

export const PDF_MEDIA_TYPE = 'application/pdf';
export const DOC_MEDIA_TYPE = 'application/msword';

export type UploadReadResult =
  | { ok: true; draft: PlanDraft; sourceText: string; mediaType: string }
  | { ok: false; error: PlanParseError };

/**
 * Readers for formats that need more than pure code (a PDF library, OCR, LibreOffice): the server passes
 * them in; without them PDF and .doc are named and refused, as before.
 */
export interface UploadConverters {
  /** The text layout of a PDF (its text layer, or OCR of a scan), or why it cannot be read. */
  pdfToText?: (
    filename: string,
    bytes: Uint8Array,
  ) => Promise<{ ok: true; text: string } | { ok: false; error: PlanParseError }>;
  /** A Word 97-2003 file converted to .docx, or why it cannot be. */
  docToDocx?: (
    filename: string,
    bytes: Uint8Array,
  ) => Promise<{ ok: true; docx: Uint8Array } | { ok: false; error: PlanParseError }>;
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * An uploaded plan file, whatever the officer picked: the draft, the text to show beside it, and
 * the media type to store. Formats planwatch cannot read are named so the officer knows what to do.
 */
export async function readPlanUpload(
  filename: string,
  bytes: Uint8Array,
  converters: UploadConverters = {},
): Promise<UploadReadResult> {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46]) && converters.pdfToText !== undefined) {
    const pdf = await converters.pdfToText(filename, bytes);
    if (!pdf.ok) return pdf;
    const result = parsePlanText(pdf.text);
    if (!result.ok) return result;
    return { ok: true, draft: result.draft, sourceText: pdf.text, mediaType: PDF_MEDIA_TYPE };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]) && converters.docToDocx !== undefined) {
    const doc = await converters.docToDocx(filename, bytes);
    if (!doc.ok) return doc;
    if (!startsWith(doc.docx, [0x50, 0x4b, 0x03, 0x04])) return { ok: false, error: FAILURES.notDocx() };
    const result = await readPlanUpload(filename, doc.docx);
    return result.ok ? { ...result, mediaType: DOC_MEDIA_TYPE } : result;
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    return {
      ok: false,
      error: failure(
        'unsupported_pdf',
        `Tệp "${filename}" là PDF; hãy tải lên bản .docx hoặc .txt của văn bản.`,
      ),
    };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return {
      ok: false,
      error: failure(
        'unsupported_doc',
        `Tệp "${filename}" là Word 97-2003 (.doc); hãy mở bằng Word và lưu thành .docx.`,
      ),
    };
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const docx = readDocxText(bytes);
    if (!docx.ok) return docx;
    const result = parsePlanText(docx.text);
    if (!result.ok) return result;
    return { ok: true, draft: result.draft, sourceText: docx.text, mediaType: DOCX_MEDIA_TYPE };
  }
  const text = decodeText(bytes);
  const result = parsePlanText(text);
  if (!result.ok) return result;
  return { ok: true, draft: result.draft, sourceText: text, mediaType: TEXT_MEDIA_TYPE };
}

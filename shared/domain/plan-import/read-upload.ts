import type { PlanDraft, PlanParseError } from '../../contracts/plan-draft';
import { failure } from './messages';
import { decodeText } from './parse-bytes';
import { readDocxText } from './parse-docx';
import { parsePlanText } from './parse-text';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const TEXT_MEDIA_TYPE = 'text/plain; charset=utf-8';

export type UploadReadResult =
  | { ok: true; draft: PlanDraft; sourceText: string; mediaType: string }
  | { ok: false; error: PlanParseError };

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * An uploaded plan file, whatever the officer picked: the draft, the text to show beside it, and
 * the media type to store. Formats planwatch cannot read are named so the officer knows what to do.
 */
export async function readPlanUpload(filename: string, bytes: Uint8Array): Promise<UploadReadResult> {
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

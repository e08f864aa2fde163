import type { PlanParseError, PlanParseResult } from '../../contracts/plan-draft';
import { DocxXmlError, documentXmlToText } from './docx-text';
import { readDocumentXml } from './docx-zip';
import { FAILURES } from './messages';
import { parsePlanText } from './parse-text';

export { documentXmlToText } from './docx-text';

export type DocxTextResult = { ok: true; text: string } | { ok: false; error: PlanParseError };

/**
 * The text layout of a Word .docx: unzipped within bounds (docx-zip.ts), its document.xml read in one
 * linear pass (docx-text.ts). Bombs, hostile nesting and broken files come back as failures with a
 * message saying what is wrong; this never throws.
 */
export function readDocxText(bytes: Uint8Array): DocxTextResult {
  const zip = readDocumentXml(bytes);
  if (!zip.ok) {
    const error = {
      not_zip: FAILURES.notDocx,
      no_document: FAILURES.docxWithoutDocument,
      too_many_entries: FAILURES.docxTooManyParts,
      too_large: FAILURES.docxTooLarge,
      unreadable: FAILURES.docxUnreadable,
    }[zip.reason]();
    return { ok: false, error };
  }
  try {
    return { ok: true, text: documentXmlToText(zip.xml) };
  } catch (err) {
    if (!(err instanceof DocxXmlError)) throw err;
    const error =
      err.reason === 'too_deep'
        ? FAILURES.docxTooDeep()
        : err.reason === 'too_many_elements'
          ? FAILURES.docxTooComplex()
          : FAILURES.docxMalformed(err.line);
    return { ok: false, error };
  }
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
}

/** Reads a plan from a Word .docx file. Pure (unzipping happens in memory, within bounds); never throws. */
export async function parsePlanDocx(bytes: Uint8Array): Promise<PlanParseResult> {
  if (!isZip(bytes)) return { ok: false, error: FAILURES.notDocx() };
  const read = readDocxText(bytes);
  return read.ok ? parsePlanText(read.text) : read;
}

import type { PlanParseResult } from '../../contracts/plan-draft';
import { parsePlanDocx } from './parse-docx';
import { parsePlanText } from './parse-text';

/**
 * Reads an uploaded file's bytes: a .docx (zip) goes to the Word reader, anything else is decoded as
 * text. Invalid UTF-8 is decoded to U+FFFD on purpose, so the text parser refuses it with a message
 * about the encoding instead of reading garbage.
 */
export async function parsePlanBytes(bytes: Uint8Array): Promise<PlanParseResult> {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return parsePlanDocx(bytes);
  }
  return parsePlanText(decodeText(bytes));
}

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

import type { SourceLine } from './lines';

/*
 * A file saved as Windows-1258/1252 or decoded with the wrong charset shows up either as U+FFFD
 * or as UTF-8 bytes read as Latin-1/cp1252 ("á»‡" for "ệ", "Æ°" for "ư", "Ä‘" for "đ"). These
 * sequences never occur in real Vietnamese text, so one is enough to refuse the file.
 */
const MOJIBAKE = /\uFFFD|á[»º]|Ã[\u00A1-\u00BF]|Ä[\u2018\u2019]|Æ[°¯]/u;

/**
 * C0 controls other than tab/line breaks mean a binary file or UTF-16 read as UTF-8; C1 controls
 * (U+0080–U+009F) are what Latin-1 decoding makes of UTF-8 continuation bytes.
 */
function controlKind(text: string): 'binary' | 'mojibake' | null {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return 'binary';
    if (code >= 0x80 && code <= 0x9f) return 'mojibake';
  }
  return null;
}

export type EncodingProblem = { kind: 'mojibake' | 'binary'; line: number };

export function findEncodingProblem(lines: readonly SourceLine[]): EncodingProblem | null {
  for (const line of lines) {
    const control = controlKind(line.text);
    if (control !== null) return { kind: control, line: line.no };
    if (MOJIBAKE.test(line.text)) return { kind: 'mojibake', line: line.no };
  }
  return null;
}

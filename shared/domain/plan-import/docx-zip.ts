import { Unzip, UnzipInflate, unzipSync } from 'fflate';

/**
 * Bounds on what one uploaded .docx may unpack to. A Word plan of a hundred pages has a document.xml
 * of 1–3 MB and a few dozen parts; a zip bomb of 300 KB unpacks to GBs. Over these bounds the file is
 * refused before (or while) it is inflated, so no upload can hold more than this in memory, and the
 * cap also bounds the XML pass that follows (docs/PERFORMANCE.md, "Hostile .docx uploads").
 */
export const DOCX_LIMITS = {
  /** Decompressed size of word/document.xml. */
  maxDocumentBytes: 3 * 1024 * 1024,
  /** Parts (files) in the package: a .docx has ~10 plus one per image. */
  maxEntries: 2000,
  /** Compressed bytes handed to the inflater at a time; deflate expands at most ~1032×, so ≤ 16 MB. */
  pushBytes: 16 * 1024,
};

const DOCUMENT_PART = 'word/document.xml';

export type DocxZipResult =
  | { ok: true; xml: string }
  | { ok: false; reason: 'not_zip' | 'no_document' | 'too_many_entries' | 'too_large' | 'unreadable' };

/**
 * word/document.xml of a .docx, read with fflate (pure JavaScript, so this stays free of Node I/O).
 * The central directory is read first without inflating anything (entry count, declared size); the part
 * is then inflated as a stream in small pieces with a running byte count, so a header that lies about
 * the size cannot get past the cap: inflation stops as soon as the count passes it.
 */
export function readDocumentXml(bytes: Uint8Array, limits = DOCX_LIMITS): DocxZipResult {
  let entries = 0;
  let declared: number | null = null;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries++;
        if (file.name === DOCUMENT_PART) declared = file.originalSize;
        return false; // directory only: nothing is inflated here
      },
    });
  } catch {
    return { ok: false, reason: 'not_zip' };
  }
  if (entries > limits.maxEntries) return { ok: false, reason: 'too_many_entries' };
  if (declared === null) return { ok: false, reason: 'no_document' };
  if (declared > limits.maxDocumentBytes) return { ok: false, reason: 'too_large' };

  const chunks: Uint8Array[] = [];
  let size = 0;
  let seen = 0;
  let found = false;
  let failure: DocxZipResult | null = null;
  let done = false;
  const unzip = new Unzip((file) => {
    seen++;
    if (seen > limits.maxEntries) failure = { ok: false, reason: 'too_many_entries' };
    if (file.name !== DOCUMENT_PART || found || failure) return;
    found = true;
    file.ondata = (err, chunk, final) => {
      if (failure) return;
      if (err) {
        failure = { ok: false, reason: 'unreadable' };
        return;
      }
      size += chunk.length;
      if (size > limits.maxDocumentBytes) {
        failure = { ok: false, reason: 'too_large' };
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) done = true;
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !failure && !done; at += limits.pushBytes) {
      const end = Math.min(at + limits.pushBytes, bytes.length);
      unzip.push(bytes.subarray(at, end), end === bytes.length);
    }
  } catch {
    return failure ?? { ok: false, reason: 'unreadable' };
  }
  if (failure) return failure;
  if (!found) return { ok: false, reason: 'no_document' };
  if (!done) return { ok: false, reason: 'unreadable' };
  const whole = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    whole.set(c, offset);
    offset += c.length;
  }
  return { ok: true, xml: new TextDecoder('utf-8').decode(whole) };
}

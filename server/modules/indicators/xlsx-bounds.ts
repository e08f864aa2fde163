import { Unzip, UnzipInflate, unzipSync } from 'fflate';

/**
 * Bounds on what an uploaded values workbook may unpack to. exceljs inflates every part into memory,
 * so a zip bomb of a few hundred KB would otherwise take GBs. A values sheet of 5,000 rows unpacks to
 * about 2 MB; 40 MB leaves room for styles, images and other sheets a ministry's template may carry.
 */
export const XLSX_LIMITS = {
  maxUnpackedBytes: 40 * 1024 * 1024,
  maxEntries: 1000,
  /** Compressed bytes handed to the inflater at a time (deflate expands at most ~1032×). */
  pushBytes: 16 * 1024,
};

export type XlsxBoundsResult =
  | { ok: true }
  | { ok: false; reason: 'not_zip' | 'too_many_entries' | 'too_large' };

/**
 * Inflates the package once as a stream, counting bytes and discarding them, and stops as soon as the
 * count passes the cap, so a header lying about its sizes gets nowhere either. Only then is the file
 * handed to exceljs.
 */
export function checkXlsxBounds(bytes: Uint8Array, limits = XLSX_LIMITS): XlsxBoundsResult {
  let entries = 0;
  let declared = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries++;
        declared += file.originalSize;
        return false; // the directory only: nothing is inflated here
      },
    });
  } catch {
    return { ok: false, reason: 'not_zip' };
  }
  if (entries > limits.maxEntries) return { ok: false, reason: 'too_many_entries' };
  if (declared > limits.maxUnpackedBytes) return { ok: false, reason: 'too_large' };

  let size = 0;
  let tooLarge = false;
  const unzip = new Unzip((file) => {
    file.ondata = (err, chunk) => {
      if (err || tooLarge) return;
      size += chunk.length;
      if (size > limits.maxUnpackedBytes) {
        tooLarge = true;
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !tooLarge; at += limits.pushBytes) {
      const end = Math.min(at + limits.pushBytes, bytes.length);
      unzip.push(bytes.subarray(at, end), end === bytes.length);
    }
  } catch {
    // A broken part: exceljs gives its own "not a workbook" answer for it.
  }
  return tooLarge ? { ok: false, reason: 'too_large' } : { ok: true };
}

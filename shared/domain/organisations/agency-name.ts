import { searchKey } from '../text/normalize';

/**
 * Characters that change nothing a reader sees but make two names differ: zero-width space/joiners and
 * direction marks (U+200B–U+200F), bidi embeddings and overrides (U+202A–U+202E), word joiner and
 * invisible operators (U+2060–U+2064), bidi isolates (U+2066–U+2069), the byte-order mark (U+FEFF)
 * and the soft hyphen (U+00AD). Pasted from Word or a web page, or typed on purpose, they would let
 * "Sở Tài chính" be registered twice.
 */
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** An agency name as stored: NFC, invisible characters removed, one plain space between words. */
export function normalizeAgencyName(name: string): string {
  return name.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/**
 * The key two names are "the same" under: normalised, then without diacritics or case, exactly as
 * search folds text ("Sở Tài Chính" = "SỞ TÀI CHÍNH" = "So Tai chinh").
 */
export function foldAgencyName(name: string): string {
  return searchKey(normalizeAgencyName(name));
}

/** Validity as stored (ISO dates, null = unbounded). */
export interface Validity {
  validFrom: string | null;
  validTo: string | null;
}

/**
 * Two agencies may share a name only if they never exist at the same time: the registry keeps
 * abolished agencies, and a successor may take an old name. Overlap of closed ranges, null = open.
 */
export function validityOverlaps(a: Validity, b: Validity): boolean {
  const startsBeforeOtherEnds = (x: Validity, y: Validity) =>
    x.validFrom === null || y.validTo === null || x.validFrom <= y.validTo;
  return startsBeforeOtherEnds(a, b) && startsBeforeOtherEnds(b, a);
}

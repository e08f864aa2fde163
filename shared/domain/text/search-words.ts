import { searchKey } from './normalize';

/** A query's words beyond this many are ignored: each one is another LIKE over the searched rows. */
export const MAX_SEARCH_WORDS = 8;

/**
 * The words of a search, folded like the stored search keys (case and diacritics ignored, "đ" → "d"),
 * without LIKE wildcards or duplicates. Every word must occur in a result, in any order, so
 * "ke hoach 148" finds "Kế hoạch số 148/KH-UBND". Empty when nothing searchable is left.
 */
export function searchWords(text: string): string[] {
  const words = searchKey(text)
    .replace(/[%_\\]/g, '')
    .split(' ')
    .filter((w) => w !== '');
  return [...new Set(words)].slice(0, MAX_SEARCH_WORDS);
}

/** Whether a text contains every search word (the rule the SQL applies, for in-memory lists). */
export function matchesAllWords(text: string, words: readonly string[]): boolean {
  const key = searchKey(text);
  return words.every((w) => key.includes(w));
}

import { searchKey } from '../../shared/domain/text/normalize';
import { searchWords } from '../../shared/domain/text/search-words';

/**
 * A LIKE pattern matching a folded `search_key` column. The user's text is folded the same way
 * (case and diacritics), and LIKE wildcards typed by the user are dropped so they match literally
 * nothing special on either dialect.
 */
export function containsPattern(text: string): string {
  return `%${searchKey(text).replace(/[%_\\]/g, '')}%`;
}

/**
 * LIKE patterns, one per word of the query (shared/domain/text/search-words.ts): a row matches when
 * its folded column contains every one, so word order and accents do not matter.
 */
export function wordPatterns(text: string): string[] {
  return searchWords(text).map((w) => `%${w}%`);
}

import { searchKey } from '../../shared/domain/text/normalize';

/**
 * A LIKE pattern matching a folded `search_key` column. The user's text is folded the same way
 * (case and diacritics), and LIKE wildcards typed by the user are dropped so they match literally
 * nothing special on either dialect.
 */
export function containsPattern(text: string): string {
  return `%${searchKey(text).replace(/[%_\\]/g, '')}%`;
}

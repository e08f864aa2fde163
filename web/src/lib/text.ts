/**
 * Folds Vietnamese text for searching, so "tai chinh" finds "Tài chính" (people often type without
 * diacritics). "đ" is a separate letter, not a decomposable accent, and needs its own mapping.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

export function matchesSearch(haystack: string, needle: string): boolean {
  return foldForSearch(haystack).includes(foldForSearch(needle.trim()));
}

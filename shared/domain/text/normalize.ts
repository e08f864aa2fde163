/** NFC, one space between words, trimmed: how planwatch stores Vietnamese text. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Removes Vietnamese diacritics ("Hưng Yên" → "Hung Yen"), including đ/Đ which Unicode does not decompose. */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** The key used for diacritic- and case-insensitive search. */
export function searchKey(text: string): string {
  return foldDiacritics(normalizeText(text)).toLowerCase();
}

import { foldForSearch } from '../../lib/text';

/** Lines (1-based) whose text contains the phrase, ignoring case, diacritics and runs of spaces. */
export function findLines(foldedLines: readonly string[], phrase: string): number[] {
  const needle = foldForSearch(phrase).replace(/\s+/g, ' ').trim();
  if (!needle) return [];
  const hits: number[] = [];
  foldedLines.forEach((line, i) => {
    if (line.includes(needle)) hits.push(i + 1);
  });
  return hits;
}

export function foldLines(lines: readonly string[]): string[] {
  return lines.map((l) => foldForSearch(l).replace(/\s+/g, ' '));
}

/**
 * The first words of a task, enough to find its row in the original. Published text wraps long cells
 * onto several lines, so only the start of the content can be expected on one line.
 */
export function leadingWords(text: string, count = 5): string {
  return text.split(/\s+/).filter(Boolean).slice(0, count).join(' ');
}

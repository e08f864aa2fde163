import { normalizeText } from '../../../shared/domain/text/normalize';

/*
 * The positioned text of a PDF page (or of an OCR'd image) grouped into lines (one baseline) and each
 * line into chunks (text drawn close together): what the rest of the layout works on.
 */

/** One piece of text as drawn: x of its left edge and y of its baseline in PDF units (y grows upwards). */
export interface PlacedText {
  str: string;
  x: number;
  y: number;
  width: number;
  /** Font size, or line height for OCR words. */
  height: number;
}

export interface PlacedPage {
  items: PlacedText[];
  width: number;
  height: number;
}

/** Text drawn close together on one line. `parts` are the pieces it was made of, to cut it at a column edge. */
export interface Chunk {
  text: string;
  left: number;
  right: number;
  y: number;
  height: number;
  parts: { text: string; left: number; right: number }[];
}

export interface Line {
  y: number;
  height: number;
  chunks: Chunk[];
}

/** Pieces closer than this (× font size) belong to the same chunk of text: a word, a cell's line. */
const CHUNK_GAP = 0.6;

export function median(values: number[], fallback: number): number {
  if (values.length === 0) return fallback;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? fallback;
}

/** Groups a page's pieces into lines (same baseline) and each line's pieces into chunks (no wide gap). */
export function pageLines(page: PlacedPage): Line[] {
  const items = page.items
    .filter((item) => item.str.trim() !== '' && item.height > 0)
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; height: number; items: PlacedText[] }[] = [];
  for (const item of items) {
    const last = lines[lines.length - 1];
    if (last !== undefined && Math.abs(last.y - item.y) <= 0.4 * Math.min(last.height, item.height)) {
      last.items.push(item);
      last.height = Math.max(last.height, item.height);
    } else {
      lines.push({ y: item.y, height: item.height, items: [item] });
    }
  }
  return lines.map((line) => {
    const sorted = line.items.sort((a, b) => a.x - b.x);
    const chunks: Chunk[] = [];
    for (const item of sorted) {
      const last = chunks[chunks.length - 1];
      const gap = last === undefined ? Number.POSITIVE_INFINITY : item.x - last.right;
      if (last !== undefined && gap < CHUNK_GAP * line.height) {
        const glue =
          gap > 0.12 * line.height && !last.text.endsWith(' ') && !item.str.startsWith(' ') ? ' ' : '';
        last.text += glue + item.str;
        last.right = Math.max(last.right, item.x + item.width);
        last.parts.push({ text: item.str, left: item.x, right: item.x + item.width });
      } else {
        const part = { text: item.str, left: item.x, right: item.x + item.width };
        chunks.push({ ...part, y: line.y, height: item.height, parts: [part] });
      }
    }
    for (const chunk of chunks) chunk.text = normalizeText(chunk.text);
    return { y: line.y, height: line.height, chunks: chunks.filter((c) => c.text !== '') };
  });
}

export const lineText = (chunks: readonly Chunk[]) => chunks.map((c) => c.text).join(' ');

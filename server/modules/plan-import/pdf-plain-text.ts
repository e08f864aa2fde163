import { type Line, lineText } from './pdf-lines';

/** A gap wider than this (× font size) inside a plain line separates two side-by-side blocks. */
const BLOCK_GAP = 2.5;

/** Plain lines; two blocks side by side (the issuer beside the national motto) come out one after another. */
export function emitPlain(lines: readonly Line[], out: string[]): void {
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line === undefined) break;
    const split = sideBySideSplit(line);
    if (split === null) {
      out.push(lineText(line.chunks));
      i++;
      continue;
    }
    const left: string[] = [];
    const right: string[] = [];
    let previous = line;
    let j = i;
    for (; j < lines.length; j++) {
      const next = lines[j];
      if (next === undefined) break;
      if (j > i && previous.y - next.y > 2.2 * previous.height) break;
      if (next.chunks.some((c) => c.left < split && c.right > split)) break;
      left.push(lineText(next.chunks.filter((c) => c.right <= split)));
      right.push(lineText(next.chunks.filter((c) => c.left >= split)));
      previous = next;
    }
    out.push(...left.filter((t) => t !== ''), ...right.filter((t) => t !== ''));
    i = Math.max(j, i + 1);
  }
}

/**
 * The national motto opens the right-hand block of an official header ("UBND TỈNH X" on the left,
 * "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" on the right, one baseline). Its left edge splits the blocks
 * however narrow the gap: a short issuer set close to the motto must still be read alone.
 */
const MOTTO = /^(CỘNG\s*H[OÒ]A\s+XÃ\s+HỘI|Độc\s+lập\s*[-–]\s*Tự\s+do)/u;

function mottoSplit(line: Line): number | null {
  for (let k = 0; k < line.chunks.length; k++) {
    const chunk = line.chunks[k];
    if (chunk === undefined) continue;
    const before = line.chunks[k - 1];
    if (before !== undefined && MOTTO.test(chunk.text)) return (before.right + chunk.left) / 2;
    // The motto drawn close enough to join the issuer's chunk: cut at the piece that opens it.
    const at = chunk.parts.findIndex((part, p) => p > 0 && MOTTO.test(part.text.trim()));
    const part = chunk.parts[at];
    const previous = chunk.parts[at - 1];
    if (part !== undefined && previous !== undefined) {
      // Split the chunk itself so each side keeps only its own text.
      const right = { ...chunk, parts: chunk.parts.slice(at), left: part.left };
      right.text = right.parts
        .map((p) => p.text)
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim();
      const left = { ...chunk, parts: chunk.parts.slice(0, at), right: previous.right };
      left.text = left.parts
        .map((p) => p.text)
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim();
      line.chunks.splice(k, 1, left, right);
      return (previous.right + part.left) / 2;
    }
  }
  return null;
}

function sideBySideSplit(line: Line): number | null {
  const motto = mottoSplit(line);
  if (motto !== null) return motto;
  for (let k = 1; k < line.chunks.length; k++) {
    const a = line.chunks[k - 1];
    const b = line.chunks[k];
    if (a !== undefined && b !== undefined && b.left - a.right > BLOCK_GAP * line.height)
      return (a.right + b.left) / 2;
  }
  return null;
}

import type { SourceCoverage } from '../../contracts/plan-draft';
import { isBodyEnd } from './header';
import { isUpperLine, type SourceLine } from './lines';
import { isPipeRule } from './pieces';
import { RULE_LINE, wordCount } from './structure';

/*
 * How much of the source the importer used. Nothing may be dropped without the officer seeing it:
 * every non-empty line is either read (header, basis, body, a table), recognised furniture (running
 * heads, page numbers, signature block, recipients, appendix titles) or listed as unused.
 */

export interface UsedRegions {
  /** Ranges of line numbers, inclusive, that a reader consumed. */
  ranges: Array<{ from: number; to: number }>;
  /** Single lines a reader consumed (a table read piece by piece). */
  lines?: ReadonlySet<number>;
  /** Lines recognised and left out on purpose (page furniture). */
  furniture: ReadonlySet<number>;
}

/** The signature and recipients block after "Nơi nhận" / "TM. …": short lines until longer text. */
function closingBlocks(lines: readonly SourceLine[], isUsed: (no: number) => boolean): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    // Lines a reader used need no second look (and a long table is never scanned line by line).
    if (line === undefined || out.has(line.no) || isUsed(line.no) || !isBodyEnd(line.text)) continue;
    out.add(line.no);
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j];
      if (next === undefined || isUsed(next.no)) break;
      // Appendix titles run on in capitals and "(Kèm theo …)"; recipients are "- …" items.
      const title =
        isUpperLine(next.text) || /^\*?\(?Kèm theo/u.test(next.text) || /^ngày\s+\d/u.test(next.text);
      if (next.text !== '' && wordCount(next.text) > 14 && !/^[-–+•]/.test(next.text) && !title) break;
      out.add(next.no);
    }
  }
  return out;
}

export function sourceCoverage(lines: readonly SourceLine[], used: UsedRegions): SourceCoverage {
  const inRange = (no: number) => used.ranges.some((r) => no >= r.from && no <= r.to);
  const closing = closingBlocks(lines, (no) => used.lines?.has(no) === true || inRange(no));
  let total = 0;
  let usedCount = 0;
  const unused: Array<{ from: number; to: number }> = [];
  for (const line of lines) {
    if (line.text === '') continue;
    total++;
    const structural = RULE_LINE.test(line.text) || isPipeRule(line.text) || line.text === '|';
    if (
      structural ||
      used.furniture.has(line.no) ||
      closing.has(line.no) ||
      used.lines?.has(line.no) === true ||
      inRange(line.no)
    ) {
      usedCount++;
      continue;
    }
    const last = unused[unused.length - 1];
    if (last !== undefined && last.to === line.no - 1) last.to = line.no;
    else unused.push({ from: line.no, to: line.no });
  }
  return { total, used: usedCount, unused };
}

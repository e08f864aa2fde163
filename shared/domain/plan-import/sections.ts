import { MAX_SECTION_DEPTH, type PlanSection } from '../../contracts/plan-draft';
import {
  endsSentence,
  isSeparator,
  isUpperLine,
  joinPieces,
  type SourceLine,
  startsLowercase,
} from './lines';
import { BULLET, parseNumberedHeading, ROMAN_HEADING, RULE_LINE, wordCount } from './structure';

/** A section node while reading; `line` lets later steps point warnings at the source. */
export interface SectionNode {
  ordinal: string;
  heading: string;
  line: number;
  /** 0 for a roman section, n for an n-part number ("4.1" → 2). */
  depth: number;
  paragraphs: string[];
  children: SectionNode[];
}

function isStructural(text: string): boolean {
  return ROMAN_HEADING.test(text) || parseNumberedHeading(text) !== null || BULLET.test(text);
}

/**
 * Headings are broken across lines as often as paragraphs are ("1. Sở Công\nThương:",
 * "III. KINH PHÍ THỰC\nHIỆN"). A following line continues the heading when it is more capitals
 * after a capitals heading, starts in lowercase, is a short piece closing with ":", or is a short
 * unfinished piece right before a bullet or heading. A line
 * starting with a capital after "1. Mục tiêu tổng quát" is the first paragraph, not the heading.
 */
function readHeading(
  lines: readonly SourceLine[],
  start: number,
  first: string,
): { heading: string; next: number } {
  let heading = first;
  let next = start + 1;
  while (next < lines.length && next - start <= 3 && !/[:.]$/.test(heading)) {
    const text = lines[next]?.text ?? '';
    if (text === '' || text === '|' || isStructural(text)) break;
    const after = lines[next + 1]?.text ?? '';
    const continues =
      (isUpperLine(heading) && isUpperLine(text)) ||
      startsLowercase(text) ||
      (text.endsWith(':') && wordCount(text) <= 12) ||
      // "7. Về phát triển\nTTCN, làng nghề\n- Rà soát…": a short unfinished piece right before a bullet.
      (wordCount(text) <= 8 && !endsSentence(text) && (after === '' || isStructural(after)));
    if (!continues) break;
    heading = joinPieces([heading, text]);
    next++;
  }
  return { heading, next };
}

/** "Sở Tài chính: Chủ trì…" carries its first paragraph on the heading line; split it off. */
function splitHeading(heading: string): { heading: string; paragraph: string | null } {
  const m = /^([^:]{2,150}?):\s+(\S.*)$/u.exec(heading);
  if (m !== null && m[1] !== undefined && m[2] !== undefined && wordCount(m[1]) <= 15) {
    return { heading: m[1].trim(), paragraph: m[2] };
  }
  return { heading: heading.replace(/\s*:$/, ''), paragraph: null };
}

function lastNumber(ordinal: string): number {
  return Number(ordinal.split('.').pop());
}

/**
 * Reads the plan body into a tree. `lines` starts at the first roman heading and ends before the
 * signature/appendix. Paragraphs are re-joined: a new one starts at a bullet, a heading, a blank line,
 * or after a line that ends a sentence.
 */
export function parseSections(lines: readonly SourceLine[]): SectionNode[] {
  const roots: SectionNode[] = [];
  const stack: SectionNode[] = [];
  let pieces: string[] = [];
  let owner: SectionNode | null = null;
  let previousEnded = true;

  const flush = () => {
    if (owner !== null && pieces.length > 0) owner.paragraphs.push(joinPieces(pieces));
    pieces = [];
  };
  const open = (node: SectionNode, paragraph: string | null) => {
    owner = node;
    if (paragraph !== null) pieces = [paragraph];
    previousEnded = paragraph === null || endsSentence(paragraph);
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === undefined) continue;
    const text = line.text;
    if (text === '' || isSeparator(line) || RULE_LINE.test(text)) {
      flush();
      previousEnded = true;
      continue;
    }

    const roman = ROMAN_HEADING.exec(text);
    if (roman?.[1] !== undefined && roman[2] !== undefined) {
      flush();
      const read = readHeading(lines, i, roman[2]);
      const split = splitHeading(read.heading);
      const node: SectionNode = {
        ordinal: roman[1],
        heading: split.heading,
        line: line.no,
        depth: 0,
        paragraphs: [],
        children: [],
      };
      roots.push(node);
      stack.length = 0;
      stack.push(node);
      open(node, split.paragraph);
      i = read.next - 1;
      continue;
    }

    const numbered = stack.length > 0 ? parseNumberedHeading(text) : null;
    if (
      numbered !== null &&
      withinDepthCap(numbered.ordinal) &&
      acceptsNumbered(stack, numbered.ordinal, numbered.rest, previousEnded)
    ) {
      flush();
      const depth = numbered.ordinal.split('.').length;
      while (stack.length > 1 && (stack[stack.length - 1]?.depth ?? 0) >= depth) stack.pop();
      const parent = stack[stack.length - 1];
      const read = readHeading(lines, i, numbered.rest);
      const split = splitHeading(read.heading);
      const node: SectionNode = {
        ordinal: numbered.ordinal,
        heading: split.heading,
        line: line.no,
        depth,
        paragraphs: [],
        children: [],
      };
      parent?.children.push(node);
      stack.push(node);
      open(node, split.paragraph);
      i = read.next - 1;
      continue;
    }

    const current = stack[stack.length - 1];
    if (current === undefined) continue;
    // A line after "…;" that starts in lowercase is the same sentence broken by the layout.
    const startsParagraph = BULLET.test(text) || (previousEnded && !startsLowercase(text));
    if (pieces.length === 0 || startsParagraph || owner !== current) {
      flush();
      owner = current;
    }
    pieces.push(text);
    previousEnded = endsSentence(text);
  }
  flush();
  return roots;
}

/**
 * A numbered heading sits one level below its roman section per part of its number ("4.1" → level 3).
 * Past MAX_SECTION_DEPTH levels the line is read as text, so no document builds a deeper tree.
 */
function withinDepthCap(ordinal: string): boolean {
  return ordinal.split('.').length + 1 <= MAX_SECTION_DEPTH;
}

/**
 * A line like "2. Tiếp tục…" is a heading when the previous line closed a sentence, or when its number
 * is the next one expected at its level; otherwise it is a broken line that happens to start with a number.
 */
function acceptsNumbered(
  stack: readonly SectionNode[],
  ordinal: string,
  rest: string,
  previousEnded: boolean,
): boolean {
  const depth = ordinal.split('.').length;
  const number = lastNumber(ordinal);
  if (previousEnded) return true;
  if (startsLowercase(rest)) return false;
  const parent = [...stack].reverse().find((node) => node.depth < depth);
  const siblings = parent?.children.filter((child) => child.depth === depth) ?? [];
  const last = siblings[siblings.length - 1];
  return last === undefined ? number === 1 : lastNumber(last.ordinal) + 1 === number;
}

export function toPlanSections(nodes: readonly SectionNode[]): PlanSection[] {
  return nodes.map((node) => ({
    ordinal: node.ordinal,
    heading: node.heading,
    paragraphs: [...node.paragraphs],
    children: toPlanSections(node.children),
  }));
}

/** All paragraphs of a node and its descendants in reading order; child headings become paragraphs. */
export function flattenParagraphs(node: SectionNode): string[] {
  return [
    ...node.paragraphs,
    ...node.children.flatMap((child) => [`${child.ordinal}. ${child.heading}`, ...flattenParagraphs(child)]),
  ];
}

/** Depth-first list of every node. */
export function allNodes(nodes: readonly SectionNode[]): SectionNode[] {
  return nodes.flatMap((node) => [node, ...allNodes(node.children)]);
}

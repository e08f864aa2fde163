import type { PlanDraft, PlanParseResult, PlanWarning } from '../../contracts/plan-draft';
import { readIssuingBasis, readPreambleBasis, readSectionBasis } from './basis';
import { attachSourceLines } from './cell-guesses';
import { sourceCoverage } from './coverage';
import { extractDuties, findImplementationNode } from './duties';
import { findEncodingProblem } from './encoding';
import { findFurniture, withoutFurniture } from './furniture';
import { isBodyEnd, parseHeader } from './header';
import { readIndicatorTables } from './indicator-table';
import { readLayoutTable } from './layout-table';
import { normalizeInput, type SourceLine, toLines } from './lines';
import { FAILURES, WARNINGS } from './messages';
import { parsePieceTable } from './piece-table';
import { toPieces } from './pieces';
import { extractRegime } from './regime';
import { parseSections, toPlanSections } from './sections';
import { ROMAN_HEADING } from './structure';
import { extractTargets } from './targets';
import { parseTaskTable, type TaskTableResult } from './task-table';

/**
 * Reads a published provincial plan ("Kế hoạch") from its text layout into a reviewable draft.
 * Pure: no I/O, never throws. It refuses only what cannot be a plan (empty, wrong encoding, not a
 * plan); a plan that is merely incomplete is read as far as it goes, with one warning per missing part.
 */
export function parsePlanText(text: string): PlanParseResult {
  try {
    return parse(text);
  } catch (error) {
    // A parser bug must reach the user as a refusal, not as a crashed upload request.
    return { ok: false, error: FAILURES.internal(error instanceof Error ? error.message : String(error)) };
  }
}

function parse(raw: string): PlanParseResult {
  if (typeof raw !== 'string') return { ok: false, error: FAILURES.empty() };
  const normalised = normalizeInput(raw);
  if (normalised.trim() === '') return { ok: false, error: FAILURES.empty() };
  const allLines = toLines(normalised);
  const encoding = findEncodingProblem(allLines);
  if (encoding !== null) {
    const error =
      encoding.kind === 'binary' ? FAILURES.binary(encoding.line) : FAILURES.encoding(encoding.line);
    return { ok: false, error };
  }
  const furniture = findFurniture(allLines);
  const lines = withoutFurniture(allLines, furniture);

  const header = parseHeader(lines);
  if (!header.looksLikePlan) return { ok: false, error: FAILURES.notAPlan() };

  const table = readTaskTable(lines, furniture.pageStarts);
  const bodyStart = findBodyStart(lines, header.titleEnd);
  const bodyEnd = findBodyEnd(lines, bodyStart ?? header.titleEnd, table.headerLine);
  const preamble = lines.slice(header.titleEnd, bodyStart ?? bodyEnd);
  const roots = bodyStart === null ? [] : parseSections(lines.slice(bodyStart, bodyEnd));

  const warnings: PlanWarning[] = [...header.warnings];
  if (roots.length === 0) warnings.push(WARNINGS.missingSections());

  const { targets: objectiveTargets, line: objectivesLine } = extractTargets(roots);
  const targets = [...objectiveTargets, ...readIndicatorTables(toPieces(lines, furniture.pageStarts))];
  if (targets.length === 0) warnings.push(WARNINGS.missingTargets(objectivesLine));

  const duties = extractDuties(roots);
  if (duties.length === 0) warnings.push(WARNINGS.missingDuties());

  const regime = extractRegime(roots, findImplementationNode(roots));
  if (regime === null) warnings.push(WARNINGS.missingRegime());

  warnings.push(...table.warnings);
  attachSourceLines(table.tasks, allLines);

  const draft: PlanDraft = {
    kind: header.kind,
    number: header.number,
    issuer: header.issuer,
    place: header.place,
    issuedOn: header.issuedOn,
    title: header.title,
    basis: [
      ...readIssuingBasis(lines.slice(0, header.issuingEnd)),
      ...readPreambleBasis(preamble),
      ...readSectionBasis(roots),
    ],
    sections: toPlanSections(roots),
    targets,
    duties,
    regime,
    tasks: table.tasks,
    warnings,
  };
  const bodyFrom = lines[bodyStart ?? header.titleEnd]?.no ?? 0;
  const bodyTo = lines[bodyEnd - 1]?.no ?? 0;
  const coverage = sourceCoverage(allLines, {
    ranges: [
      { from: 1, to: lines[header.titleEnd - 1]?.no ?? 0 },
      { from: lines[header.titleEnd]?.no ?? 0, to: bodyTo },
      { from: bodyFrom, to: bodyTo },
      ...(table.headerLine === null || table.usedLines !== undefined
        ? []
        : [{ from: table.headerLine, to: table.endLine ?? table.headerLine }]),
    ],
    lines: table.usedLines,
    furniture: furniture.dropped,
  });
  draft.sourceLines = coverage;
  if (coverage.unused.length > 0) {
    const first = coverage.unused[0];
    warnings.push(WARNINGS.unusedLines(coverage.total - coverage.used, first?.from ?? 0));
  }
  return { ok: true, draft };
}

/**
 * The "|"-line layout of the sample plan keeps its own reader; every other layout (Markdown rows,
 * one cell per line, wrapped cells, page breaks) goes through the piece reader.
 */
function readTaskTable(lines: readonly SourceLine[], pageStarts: ReadonlySet<number>): TaskTableResult {
  const classic = parseTaskTable(lines);
  if (classic.headerLine !== null && classic.tasks.length > 0) return classic;
  const laidOut = readLayoutTable(lines);
  const fromLayout = laidOut === null ? null : parsePieceTable(laidOut.pieces);
  if (fromLayout !== null && fromLayout.tasks.length > 0) {
    return {
      tasks: fromLayout.tasks,
      headerLine: fromLayout.headerLine,
      warnings: fromLayout.warnings,
      endLine: fromLayout.endLine,
      usedLines: fromLayout.usedLines,
    };
  }
  const pieces = parsePieceTable(toPieces(lines, pageStarts));
  if (pieces === null || (classic.headerLine !== null && pieces.tasks.length === 0)) return classic;
  return {
    tasks: pieces.tasks,
    headerLine: pieces.headerLine,
    warnings: pieces.warnings,
    endLine: pieces.endLine,
    usedLines: pieces.usedLines,
  };
}

/** Section I starts the body; it is the first roman heading after the title. */
function findBodyStart(lines: readonly SourceLine[], from: number): number | null {
  for (let i = from; i < lines.length; i++) {
    const text = lines[i]?.text ?? '';
    if (ROMAN_HEADING.test(text)) return i;
    if (isBodyEnd(text)) return null;
  }
  return null;
}

/** The body ends at "Nơi nhận", the signature, an appendix title or the task table, whichever is first. */
function findBodyEnd(lines: readonly SourceLine[], from: number, tableHeaderLine: number | null): number {
  const headerIndex = tableHeaderLine === null ? -1 : lines.findIndex((l) => l.no >= tableHeaderLine);
  const tableIndex = headerIndex < 0 ? lines.length : Math.max(from, headerIndex - 1);
  for (let i = from; i < tableIndex; i++) {
    if (isBodyEnd(lines[i]?.text ?? '')) return i;
  }
  return tableIndex;
}

import { describe, expect, it } from 'vitest';
import { MAX_SECTION_DEPTH, type PlanSection } from '../../contracts/plan-draft';
import { deepSectionsBody, miniPlan } from './mini-plan';
import { parsePlanText } from './parse-text';

function depthOf(sections: readonly PlanSection[]): number {
  let depth = 0;
  let level: readonly PlanSection[] = sections;
  while (level.length > 0) {
    depth++;
    level = level.flatMap((s) => s.children);
  }
  return depth;
}

describe('section nesting depth', () => {
  it('reads a plan nested exactly to the cap as headings', () => {
    const result = parsePlanText(miniPlan({ body: deepSectionsBody(MAX_SECTION_DEPTH - 1) }));
    if (!result.ok) throw new Error(result.error.message);
    expect(depthOf(result.draft.sections)).toBe(MAX_SECTION_DEPTH);
  });

  it('never builds a tree deeper than the cap: deeper numbered lines are kept as text', () => {
    const result = parsePlanText(miniPlan({ body: deepSectionsBody(1000) }));
    if (!result.ok) throw new Error(result.error.message);
    expect(depthOf(result.draft.sections)).toBe(MAX_SECTION_DEPTH);
    let deepest: PlanSection | undefined = result.draft.sections[0];
    while (deepest?.children[0]) deepest = deepest.children[0];
    // Level 20's heading is "1.1…1" with 19 parts; the rest of the document is its text.
    expect(deepest?.paragraphs.some((p) => p.includes('Mục cấp 1000'))).toBe(true);
  });
});

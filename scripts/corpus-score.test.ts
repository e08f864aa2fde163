import { describe, expect, it } from 'vitest';
import { scoreCorpus } from './corpus-score';

/*
 * Floors: the facts each corpus document is read right today (right / total). A change that reads fewer
 * fails here; when the importer improves, raise the floor to the new count (`npm run corpus` prints it).
 */
const FLOORS: Record<string, number> = {
  'binh-dinh-1528-QD-UBND-2021': 3,
  'bnnmt-2200-2026': 20,
  'hung-yen-148-KH-UBND-2021': 12,
  'kon-tum-2516-KH-UBND-2014': 3,
  'ninh-thuan-55-2007': 3,
  'qd844-2026-gazette': 16,
  'ttg-275-QD-TTg-2014': 3,
  'ttg-719-QD-TTg-2012': 3,
};

const { documents, overall } = await scoreCorpus();

describe('corpus of published plans', () => {
  it('scores every document that has facts, and every floor names a document', () => {
    expect(documents.map((d) => d.name).sort()).toEqual(Object.keys(FLOORS).sort());
    for (const d of documents) expect(d.total).toBeGreaterThan(0);
  });

  it('reads at least 95% of all facts right (the target of issue 12)', () => {
    expect(overall).toBeGreaterThanOrEqual(0.95);
  });

  for (const d of documents) {
    it(`${d.name}: at least ${FLOORS[d.name] ?? 0} of ${d.total} facts read right`, () => {
      const missed = d.facts.filter((f) => !f.right).map((f) => `${f.fact}: “${f.expected}” ≠ “${f.got}”`);
      expect(d.right, missed.join('\n')).toBeGreaterThanOrEqual(FLOORS[d.name] ?? 0);
    });
  }
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TARGET_KINDS } from '../../contracts/plan-draft';
import { evaluateTarget } from './evaluate';
import { averageGrowthFromRates, growthRate, projectGrowth } from './growth';
import { DATA_STATUSES, EVALUATION_LABELS, EVALUATION_STATUSES, type TargetSpec } from './types';

const rate = fc.double({ min: -50, max: 50, noNaN: true });
const level = fc.double({ min: 0.01, max: 1e6, noNaN: true });

describe('growth properties', () => {
  it('the average of a constant series of rates is that rate', () => {
    fc.assert(
      fc.property(rate, fc.integer({ min: 1, max: 30 }), (r, n) => {
        const average = averageGrowthFromRates(Array.from({ length: n }, () => r));
        expect(average).not.toBeNull();
        expect(average ?? Number.NaN).toBeCloseTo(r, 8);
      }),
    );
  });

  it('growthRate then projectGrowth returns to the current level', () => {
    fc.assert(
      fc.property(level, level, (prev, curr) => {
        const r = growthRate(prev, curr);
        expect(r).not.toBeNull();
        const back = projectGrowth(prev, r ?? Number.NaN, 1) ?? Number.NaN;
        expect(Math.abs(back - curr)).toBeLessThanOrEqual(1e-9 * Math.max(1, curr));
      }),
    );
  });
});

describe('evaluateTarget properties', () => {
  const year = fc.integer({ min: 2018, max: 2032 });
  const spec: fc.Arbitrary<TargetSpec> = fc
    .record({
      kind: fc.constantFrom(...TARGET_KINDS),
      min: fc.option(fc.double({ min: -20, max: 200, noNaN: true }), { nil: null }),
      spread: fc.option(fc.double({ min: 0, max: 20, noNaN: true }), { nil: null }),
      fromYear: fc.option(fc.integer({ min: 2018, max: 2025 }), { nil: null }),
      length: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
      approximate: fc.boolean(),
    })
    .map(({ kind, min, spread, fromYear, length, approximate }) => ({
      kind,
      min,
      max: spread === null ? null : (min ?? 0) + spread,
      unit: kind === 'average_growth' ? '%/năm' : kind === 'level' ? 'tỷ USD' : '%',
      fromYear,
      toYear: length === null ? null : (fromYear ?? 2021) + length,
      approximate,
    }));
  const values = fc.array(
    fc.record({
      year,
      value: fc.double({ min: -150, max: 1000, noNaN: true }),
      status: fc.constantFrom(...DATA_STATUSES),
    }),
    { maxLength: 10 },
  );
  const base = fc.option(
    fc.record({
      year: fc.integer({ min: 2015, max: 2025 }),
      value: fc.double({ min: -5, max: 500, noNaN: true }),
    }),
    {
      nil: undefined,
    },
  );
  const today = fc.integer({ min: 2018, max: 2034 }).map((y) => `${y}-06-15`);

  it('always answers one known status with a readable reason and finite numbers', () => {
    fc.assert(
      fc.property(spec, values, base, today, (target, vs, baseLevel, day) => {
        const data = baseLevel === undefined ? { values: vs } : { values: vs, baseLevel };
        const r = evaluateTarget(target, data, day);
        expect(EVALUATION_STATUSES).toContain(r.status);
        expect(r.label).toBe(EVALUATION_LABELS[r.status]);
        expect(r.reason).not.toMatch(/NaN|Infinity|undefined|null|—/);
        expect(r.reason.length).toBeGreaterThan(0);
        if (r.required !== null) expect(Number.isFinite(r.required)).toBe(true);
        if (r.status === 'no_data') expect(r.latest).toBeNull();
      }),
      { numRuns: 1500 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import {
  averageGrowthFromLevels,
  averageGrowthFromRates,
  cumulative,
  growthRate,
  projectGrowth,
  projectLinear,
  requiredAverageGrowth,
  requiredAverageGrowthForRate,
} from './growth';

describe('growth arithmetic, against hand computations', () => {
  it('growthRate', () => {
    // 7,44 → 8,5: 8,5 / 7,44 = 1,142473 → +14,2473%
    expect(growthRate(7.44, 8.5)).toBeCloseTo(14.2473, 4);
    // 100 → 90: −10%
    expect(growthRate(100, 90)).toBeCloseTo(-10, 10);
  });

  it('geometric mean of the IIP rates 8,82%, 10,5%, 6,35%', () => {
    // 1,0882 × 1,105 = 1,202461; × 1,0635 = 1,278817 (Π)
    // ∛1,278817 = 1,085433 → 8,5433%/năm (the arithmetic mean, 8,5567, would overstate it)
    expect(averageGrowthFromRates([8.82, 10.5, 6.35])).toBeCloseTo(8.5433, 4);
  });

  it('CAGR of export from 6,3 (2022) to 8,5 tỷ USD (2025), 3 years', () => {
    // 8,5 / 6,3 = 1,349206; ∛1,349206 = 1,104993 → 10,4993%/năm
    expect(averageGrowthFromLevels(6.3, 8.5, 3)).toBeCloseTo(10.4993, 4);
  });

  it('growth export still needs to reach 8,5 tỷ USD in 2025 from 7,44 in 2024', () => {
    // one year left: 8,5 / 7,44 − 1 = 0,142473 → 14,2473%
    expect(requiredAverageGrowth(7.44, 8.5, 1)).toBeCloseTo(14.2473, 4);
  });

  it('average the IIP still needs in 2024–2025 for 9%/năm over 2021–2025', () => {
    // whole period: 1,09⁵ = 1,538624; achieved Π = 1,278817 (above)
    // 1,538624 / 1,278817 = 1,203162; √1,203162 = 1,096887 → 9,6887%/năm
    expect(requiredAverageGrowthForRate([8.82, 10.5, 6.35], 9, 5)).toBeCloseTo(9.6887, 4);
    // For 9,5%/năm: 1,095⁵ = 1,574239; / 1,278817 = 1,231013; √ = 1,109510 → 10,9510%/năm
    expect(requiredAverageGrowthForRate([8.82, 10.5, 6.35], 9.5, 5)).toBeCloseTo(10.951, 3);
  });

  it('projects a least-squares line and compound growth', () => {
    // points (2021, 1), (2022, 3), (2023, 5): slope 2 → 2025: 5 + 2 × 2 = 9
    expect(
      projectLinear(
        [
          { year: 2021, value: 1 },
          { year: 2022, value: 3 },
          { year: 2023, value: 5 },
        ],
        2025,
      ),
    ).toBeCloseTo(9, 10);
    // (2022, 6,3), (2023, 7,0), (2024, 7,8): x̄ = 2023, ȳ = 7,0333; slope = (0,7333 + 0,7667) / 2 = 0,75
    // 2025: 7,0333 + 2 × 0,75 = 8,5333
    expect(
      projectLinear(
        [
          { year: 2022, value: 6.3 },
          { year: 2023, value: 7.0 },
          { year: 2024, value: 7.8 },
        ],
        2025,
      ),
    ).toBeCloseTo(8.5333, 4);
    // 100 grown 10%/năm for 2 years: 100 × 1,1² = 121
    expect(projectGrowth(100, 10, 2)).toBeCloseTo(121, 10);
  });

  it('accumulates yearly additions into running totals', () => {
    // 1 KCN in 2022, none in 2023, 2 in 2024 → 1, 1, 3
    expect(cumulative([1, 0, 2])).toEqual([1, 1, 3]);
    expect(cumulative([])).toEqual([]);
  });

  it('answers null, never NaN or Infinity, when the question is meaningless', () => {
    expect(growthRate(0, 5)).toBeNull();
    expect(growthRate(-2, 5)).toBeNull();
    expect(growthRate(Number.NaN, 5)).toBeNull();
    expect(averageGrowthFromRates([])).toBeNull();
    expect(averageGrowthFromRates([5, -100])).toBeNull();
    expect(averageGrowthFromLevels(0, 8.5, 3)).toBeNull();
    expect(averageGrowthFromLevels(6.3, 8.5, 0)).toBeNull();
    expect(averageGrowthFromLevels(6.3, -1, 3)).toBeNull();
    expect(requiredAverageGrowth(0, 8.5, 1)).toBeNull();
    expect(requiredAverageGrowthForRate([9, 9, 9, 9, 9], 9, 5)).toBeNull(); // no year left
    expect(requiredAverageGrowthForRate([9], -100, 5)).toBeNull();
    expect(projectLinear([{ year: 2023, value: 5 }], 2025)).toBeNull();
    expect(
      projectLinear(
        [
          { year: 2023, value: 5 },
          { year: 2023, value: 6 },
        ],
        2025,
      ),
    ).toBeNull();
    expect(projectGrowth(-1, 5, 2)).toBeNull();
    expect(projectGrowth(10, -100, 2)).toBeNull();
    expect(projectGrowth(10, 5, -1)).toBeNull();
    expect(cumulative([1, Number.POSITIVE_INFINITY])).toBeNull();
  });

  it('lets a level fall to zero: −100%', () => {
    expect(growthRate(5, 0)).toBe(-100);
    expect(averageGrowthFromLevels(5, 0, 2)).toBe(-100);
  });
});

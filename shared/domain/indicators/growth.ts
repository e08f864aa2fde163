/**
 * Indicator arithmetic. Rates are in percent (8.82 means +8.82%). Every function answers null instead
 * of NaN or Infinity when its inputs make the question meaningless (a zero or negative starting level,
 * a fall of 100% or more, no years left), so callers must decide what to say rather than print "NaN%".
 */

function finite(...values: number[]): boolean {
  return values.every((v) => Number.isFinite(v));
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** Growth factor of a percent rate; null when the rate would wipe the level out (≤ −100%). */
function factorOf(ratePercent: number): number | null {
  if (!finite(ratePercent) || ratePercent <= -100) return null;
  return 1 + ratePercent / 100;
}

/** Year-on-year growth in percent; null when the previous level is not positive. */
export function growthRate(prev: number, curr: number): number | null {
  if (!finite(prev, curr) || prev <= 0 || curr < 0) return null;
  return finiteOrNull((curr / prev - 1) * 100);
}

/**
 * Average yearly growth of a series of yearly rates: the geometric mean ((Π(1 + r/100))^(1/n) − 1)·100,
 * which is what "bình quân tăng x%/năm" means in Vietnamese statistics (not the arithmetic mean).
 * Computed through logarithms so long series neither overflow nor lose precision.
 */
export function averageGrowthFromRates(ratesPercent: readonly number[]): number | null {
  if (ratesPercent.length === 0) return null;
  let logSum = 0;
  for (const rate of ratesPercent) {
    const factor = factorOf(rate);
    if (factor === null) return null;
    logSum += Math.log(factor);
  }
  return finiteOrNull((Math.exp(logSum / ratesPercent.length) - 1) * 100);
}

/** Compound annual growth rate between two levels `years` apart. */
export function averageGrowthFromLevels(startLevel: number, endLevel: number, years: number): number | null {
  if (!finite(startLevel, endLevel, years) || startLevel <= 0 || endLevel < 0 || years <= 0) return null;
  return finiteOrNull(((endLevel / startLevel) ** (1 / years) - 1) * 100);
}

/** Average yearly growth still needed to take `currentLevel` to `targetLevel` in `yearsRemaining` years. */
export function requiredAverageGrowth(
  currentLevel: number,
  targetLevel: number,
  yearsRemaining: number,
): number | null {
  return averageGrowthFromLevels(currentLevel, targetLevel, yearsRemaining);
}

/**
 * The average yearly growth the remaining years need so that the geometric mean over the whole period
 * of `totalYears` reaches `targetAverage`:
 *   ((1 + T)^N / Π(1 + rᵢ))^(1/(N − n)) − 1, with n the years already achieved.
 * Null when no year remains (the period's result is already decided).
 */
export function requiredAverageGrowthForRate(
  achievedRates: readonly number[],
  targetAverage: number,
  totalYears: number,
): number | null {
  const remaining = totalYears - achievedRates.length;
  const targetFactor = factorOf(targetAverage);
  if (!Number.isInteger(totalYears) || remaining <= 0 || targetFactor === null) return null;
  let achievedLog = 0;
  for (const rate of achievedRates) {
    const factor = factorOf(rate);
    if (factor === null) return null;
    achievedLog += Math.log(factor);
  }
  const neededLog = (totalYears * Math.log(targetFactor) - achievedLog) / remaining;
  return finiteOrNull((Math.exp(neededLog) - 1) * 100);
}

export interface YearPoint {
  year: number;
  value: number;
}

/** Least-squares straight line through the points, read at `year`; null with fewer than two distinct years. */
export function projectLinear(points: readonly YearPoint[], year: number): number | null {
  if (points.length < 2 || !finite(year) || !points.every((p) => finite(p.year, p.value))) return null;
  const n = points.length;
  const meanX = points.reduce((s, p) => s + p.year, 0) / n;
  const meanY = points.reduce((s, p) => s + p.value, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.year - meanX) ** 2;
    sxy += (p.year - meanX) * (p.value - meanY);
  }
  if (sxx === 0) return null;
  return finiteOrNull(meanY + (sxy / sxx) * (year - meanX));
}

/** The level after `years` years of growth at `ratePercent` a year. */
export function projectGrowth(lastLevel: number, ratePercent: number, years: number): number | null {
  const factor = factorOf(ratePercent);
  if (factor === null || !finite(lastLevel, years) || lastLevel < 0 || years < 0) return null;
  return finiteOrNull(lastLevel * factor ** years);
}

/** Running totals, for counts reported as yearly additions ("đưa vào hoạt động thêm 1 KCN"). */
export function cumulative(values: readonly number[]): number[] | null {
  if (!values.every((v) => Number.isFinite(v))) return null;
  let total = 0;
  return values.map((v) => {
    total += v;
    return total;
  });
}

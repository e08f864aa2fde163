/** Public surface of indicator arithmetic and target evaluation. */
export { evaluateTarget } from './evaluate';
export { formatFigureVi, formatNumberVi, formatPercentVi, type NumberFormatOptions } from './format';
export {
  averageGrowthFromLevels,
  averageGrowthFromRates,
  cumulative,
  growthRate,
  projectGrowth,
  projectLinear,
  requiredAverageGrowth,
  requiredAverageGrowthForRate,
  type YearPoint,
} from './growth';
export { latestPerYear } from './latest-per-year';
export { APPROXIMATE_TOLERANCE, AT_RISK_LEVEL_SHARE, AT_RISK_PACE_FACTOR } from './target-goal';
export {
  DATA_STATUS_LABELS,
  DATA_STATUSES,
  type DataStatus,
  EVALUATION_COLORS,
  EVALUATION_LABELS,
  EVALUATION_STATUSES,
  type EvaluationStatus,
  type IndicatorValue,
  type TargetData,
  type TargetEvaluation,
  type TargetSpec,
} from './types';

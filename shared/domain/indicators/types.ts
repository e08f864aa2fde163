import type { PlanTarget } from '../../contracts/plan-draft';
import type { StatusColorHint } from '../task-status/categories';

/** How final a figure is: statistics offices publish estimates, then preliminary, then official data. */
export const DATA_STATUSES = ['estimate', 'preliminary', 'official'] as const;
export type DataStatus = (typeof DATA_STATUSES)[number];

export const DATA_STATUS_LABELS: Record<DataStatus, string> = {
  estimate: 'Ước tính',
  preliminary: 'Sơ bộ',
  official: 'Chính thức',
};

export interface IndicatorValue {
  year: number;
  value: number;
  status: DataStatus;
}

/** The parts of a plan target that evaluation needs; a full PlanTarget fits. */
export type TargetSpec = Pick<
  PlanTarget,
  'kind' | 'min' | 'max' | 'unit' | 'fromYear' | 'toYear' | 'approximate'
>;

export interface TargetData {
  /**
   * For average_growth targets: yearly growth rates in percent, unless baseLevel is given, in which case
   * levels. For level, share, count and percentage targets: the level itself (counts as running totals).
   */
  values: readonly IndicatorValue[];
  /** The level in the year before the period, for growth targets tracked through levels. */
  baseLevel?: { year: number; value: number };
}

export const EVALUATION_STATUSES = [
  'met',
  'exceeded',
  'on_track',
  'at_risk',
  'off_track',
  'missed',
  'no_data',
] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

export const EVALUATION_LABELS: Record<EvaluationStatus, string> = {
  met: 'Đạt',
  exceeded: 'Vượt',
  on_track: 'Đúng tiến độ',
  at_risk: 'Có nguy cơ không đạt',
  // Stronger than "at risk": at the pace seen so far the target will not be reached.
  off_track: 'Khó có khả năng đạt',
  missed: 'Không đạt',
  no_data: 'Chưa có số liệu',
};

export const EVALUATION_COLORS: Record<EvaluationStatus, StatusColorHint> = {
  met: 'success',
  exceeded: 'success',
  on_track: 'processing',
  at_risk: 'warning',
  off_track: 'error',
  missed: 'error',
  no_data: 'default',
};

export interface TargetEvaluation {
  status: EvaluationStatus;
  label: string;
  /** Vietnamese explanation with the figures behind the status. */
  reason: string;
  /**
   * While years remain: for average_growth and level targets the average yearly growth (%) still needed
   * (negative when the target allows a fall); for share, count and percentage targets the amount still
   * missing, in the target's unit (0 once reached). Null once the period's figures are all in.
   */
  required: number | null;
  /** The most recent figure used (a growth rate or a level). */
  latest: IndicatorValue | null;
}

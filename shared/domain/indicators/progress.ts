import { leastFinalStatus } from './latest-per-year';
import type { Goal, Outlook } from './target-goal';
import { DATA_STATUS_LABELS, type IndicatorValue, type TargetSpec } from './types';

/** What the figures say about the pace still needed, while years of the period remain. */
export interface PaceReading {
  outlook: Outlook;
  required: number | null;
  text: string;
}

/** A target's figures reduced to what evaluation compares, whatever the target's kind. */
export interface Progress {
  latest: IndicatorValue;
  /** The value compared with the target: an average growth rate, or the latest level. */
  achieved: number;
  /** "Bình quân 2021–2023 đạt 8,55%/năm", "Năm 2024 đạt 7,44 tỷ USD". */
  achievedText: string;
  /** Years of the period still without figures; empty once the period's figures are all in. */
  remainingYears: number[];
  /** Null when no year remains. */
  pace: PaceReading | null;
}

export interface EvaluationContext {
  spec: TargetSpec;
  goal: Goal;
}

/** " (số liệu ước tính)" when any figure used is not yet official, so nobody mistakes it for final. */
export function provisionalNote(values: readonly IndicatorValue[]): string {
  const least = leastFinalStatus(values);
  return least === null || least === 'official'
    ? ''
    : ` (số liệu ${DATA_STATUS_LABELS[least].toLowerCase()})`;
}

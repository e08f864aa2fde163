import type { ReviewState, ValueStatus } from '../../../shared/contracts/indicators';

/** A stored value row, as far as choosing the one that counts is concerned. */
export interface ValueRowForChoice {
  id: number;
  year: number;
  status: ValueStatus;
  reviewState: ReviewState;
  enteredAt: string;
}

const FINALITY: Record<ValueStatus, number> = { estimate: 0, preliminary: 1, official: 2 };

/** True when `a` should count instead of `b`: firmer status first, then the later entry. */
function outranks(a: ValueRowForChoice, b: ValueRowForChoice): boolean {
  if (FINALITY[a.status] !== FINALITY[b.status]) return FINALITY[a.status] > FINALITY[b.status];
  if (a.enteredAt !== b.enteredAt) return a.enteredAt > b.enteredAt;
  return a.id > b.id;
}

/**
 * The row that counts for each year: accepted, with the firmest status (chính thức > sơ bộ > ước tính),
 * the newest among equals. Pending and rejected rows never count; older rows stay, shown as superseded.
 */
export function chooseEffective<T extends ValueRowForChoice>(rows: readonly T[]): Map<number, T> {
  const byYear = new Map<number, T>();
  for (const row of rows) {
    if (row.reviewState !== 'accepted') continue;
    const kept = byYear.get(row.year);
    if (!kept || outranks(row, kept)) byYear.set(row.year, row);
  }
  return byYear;
}

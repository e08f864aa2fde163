import type { AgencyLinkDraft, ReviewTask } from '../../../../shared/contracts/plan-import';
import { isUncertainResolution } from '../../../../shared/domain/plan-import/review';

/** Background of a field the officer still has to check; the same pale orange everywhere on the page. */
export const UNCERTAIN_BACKGROUND = '#fff7e6';
export const UNCERTAIN_BORDER = '#ffd591';

export function anyUncertain(links: readonly AgencyLinkDraft[]): boolean {
  return links.some((l) => isUncertainResolution(l.resolution));
}

/** The same rule as the shared count: doubtful links, a task nobody leads, an unreadable deadline. */
export function taskNeedsCheck(t: ReviewTask): boolean {
  return (
    t.leads.length === 0 ||
    anyUncertain(t.leads) ||
    anyUncertain(t.coordinatorLinks) ||
    t.deadline.kind === 'unknown' ||
    (t.review?.length ?? 0) > 0
  );
}

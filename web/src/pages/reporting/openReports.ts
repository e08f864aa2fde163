import type { ReportSummary } from '../../../../shared/contracts/reporting';

/** Returned first (someone is waiting for the fix), then drafts, then what awaits review; earliest due first. */
const ORDER: Record<ReportSummary['state'], number> = { returned: 0, draft: 1, submitted: 2, accepted: 3 };

/** The agency's reports that still need something: in an open period and not yet accepted. */
export function openReportsOf(items: readonly ReportSummary[]): ReportSummary[] {
  return items
    .filter((r) => r.period.state === 'open' && r.state !== 'accepted')
    .sort((a, b) => ORDER[a.state] - ORDER[b.state] || a.period.dueOn.localeCompare(b.period.dueOn));
}

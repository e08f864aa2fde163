import type { ReportingRate, ReportState } from '../../contracts/reporting';

export interface RateInput {
  state: ReportState;
  late: boolean;
}

const pct = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 10);

/**
 * Reporting rate as DHIS2 measures it: every report is expected; submitted = currently submitted or
 * accepted (a returned report drops out until it is resubmitted); on time = submitted whose first
 * submission came by the due date; accepted = accepted. Rates are percentages of expected.
 */
export function reportingRate(reports: readonly RateInput[]): ReportingRate {
  const expected = reports.length;
  let submitted = 0;
  let submittedOnTime = 0;
  let accepted = 0;
  for (const r of reports) {
    if (r.state !== 'submitted' && r.state !== 'accepted') continue;
    submitted += 1;
    if (!r.late) submittedOnTime += 1;
    if (r.state === 'accepted') accepted += 1;
  }
  return {
    expected,
    submitted,
    submittedOnTime,
    accepted,
    submittedRate: pct(submitted, expected),
    onTimeRate: pct(submittedOnTime, expected),
    acceptedRate: pct(accepted, expected),
  };
}

/** Reports counted by state and lateness (a GROUP BY): the same rate without reading every report. */
export interface RateCount extends RateInput {
  count: number;
}

export function reportingRateOfCounts(counts: readonly RateCount[]): ReportingRate {
  const expected = counts.reduce((n, c) => n + c.count, 0);
  let submitted = 0;
  let submittedOnTime = 0;
  let accepted = 0;
  for (const c of counts) {
    if (c.state !== 'submitted' && c.state !== 'accepted') continue;
    submitted += c.count;
    if (!c.late) submittedOnTime += c.count;
    if (c.state === 'accepted') accepted += c.count;
  }
  return {
    expected,
    submitted,
    submittedOnTime,
    accepted,
    submittedRate: pct(submitted, expected),
    onTimeRate: pct(submittedOnTime, expected),
    acceptedRate: pct(accepted, expected),
  };
}

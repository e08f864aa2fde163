import type { z } from 'zod';
import type { Period, reportPeriodRefSchema } from '../../../shared/contracts/reporting';
import type { ReportingPeriodsTable } from '../../db/schema';
import { person } from '../../lib/person';
import type { PeriodWithNamesRow } from './period-repository';

export type PeriodRef = z.infer<typeof reportPeriodRefSchema>;

/** One extension of a period's due date, as stored in `reporting_periods.extensions_json`. */
export interface StoredExtension {
  fromDueOn: string;
  toDueOn: string;
  reason: string;
  at: string;
  byId: number | null;
  byName: string | null;
}

export const parseExtensions = (json: string): StoredExtension[] => JSON.parse(json) as StoredExtension[];

type PeriodColumns = Pick<
  ReportingPeriodsTable,
  'plan_id' | 'kind' | 'year' | 'title' | 'data_closing_on' | 'due_on' | 'state'
> & { id: number };

/** The short view of a period that reports, rates and statuses carry. */
export function toPeriodRef(p: PeriodColumns): PeriodRef {
  return {
    id: p.id,
    planId: p.plan_id,
    kind: p.kind,
    year: p.year,
    title: p.title,
    dataClosingOn: p.data_closing_on,
    dueOn: p.due_on,
    state: p.state,
  };
}

/** The same view from a row that selected the period's columns as `period_*` beside another table's. */
export function toPeriodRefFromPrefixed(r: {
  period_id: number;
  plan_id: number;
  period_kind: ReportingPeriodsTable['kind'];
  period_year: number;
  period_title: string;
  period_data_closing_on: string | null;
  period_due_on: string;
  period_state: ReportingPeriodsTable['state'];
}): PeriodRef {
  return toPeriodRef({
    id: r.period_id,
    plan_id: r.plan_id,
    kind: r.period_kind,
    year: r.period_year,
    title: r.period_title,
    data_closing_on: r.period_data_closing_on,
    due_on: r.period_due_on,
    state: r.period_state,
  });
}

export function toPeriod(r: PeriodWithNamesRow, counts: Period['counts']): Period {
  return {
    ...toPeriodRef(r),
    planTitle: r.plan_title,
    openedAt: r.opened_at,
    openedBy: person(r.opened_by, r.opener_name),
    closedAt: r.closed_at,
    closedBy: person(r.closed_by, r.closer_name),
    extensions: parseExtensions(r.extensions_json).map((e) => ({
      fromDueOn: e.fromDueOn,
      toDueOn: e.toDueOn,
      reason: e.reason,
      at: e.at,
      by: person(e.byId, e.byName),
    })),
    counts,
    warnings: r.coverage_warnings_json ? (JSON.parse(r.coverage_warnings_json) as string[]) : [],
  };
}

import type { TaskFilter } from './plans';

/** A query string of the set values only. */
function queryOf(values: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const q = params.toString();
  return q ? `?${q}` : '';
}

/** The .xlsx of every task the list's filter selects, in the list's order (no paging). */
export function taskListWorkbookUrl(planId: number, filter: TaskFilter): string {
  const { page: _page, pageSize: _size, ...rest } = filter;
  return `/api/plans/${planId}/tasks/export.xlsx${queryOf(rest)}`;
}

/** A period's reporting rates, one row per agency. */
export const periodRatesWorkbookUrl = (periodId: number, agencyAs: 'plan' | 'now' = 'now') =>
  `/api/reporting-periods/${periodId}/rates.xlsx?agencyAs=${agencyAs}`;

/** A period's consolidated data, one sheet per part of the report. */
export const consolidatedDataWorkbookUrl = (periodId: number) =>
  `/api/reporting-periods/${periodId}/consolidated-data.xlsx`;

/** The consolidated report drafted in the Decree 30 format. */
export const consolidatedReportUrl = (periodId: number) =>
  `/api/reporting-periods/${periodId}/consolidated-report.docx`;

import { APP_PATHS, fillPath } from '../../../../shared/domain/app-links';
import type { TaskStatusCode } from '../../../../shared/domain/task-status';

/** What the dashboard is filtered by; every drill-down carries it along so the list shows the same tasks. */
export interface BoardFilter {
  year?: number | undefined;
  periodId?: number | undefined;
  organisationId?: number | undefined;
  group?: string | undefined;
  /** Agencies as the plan named them or as they are now (default now: a merged agency counts as its successor). */
  agencyAs?: 'plan' | 'now' | undefined;
}

const withQuery = (path: string, query: Record<string, string | number | undefined>) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
};

/**
 * The plan's task list showing exactly the tasks behind a number: a status category, optionally only
 * those an agency leads (a bar of the by-agency chart), within the dashboard's own filters.
 */
export function taskListLink(
  planId: number,
  f: BoardFilter,
  pick: { status?: TaskStatusCode | undefined; leadOrganisationId?: number | undefined } = {},
): string {
  const lead = pick.leadOrganisationId;
  return withQuery(fillPath(APP_PATHS.planTasks, { planId }), {
    status: pick.status,
    organisationId: lead ?? f.organisationId,
    agencyRole: lead !== undefined ? 'lead' : undefined,
    // The list counts the agency as the board does (as named, or with the agencies merged into it).
    agencyAs: (lead ?? f.organisationId) !== undefined ? (f.agencyAs ?? 'now') : undefined,
    group: f.group,
    year: f.year,
  });
}

export const taskLink = (planId: number, taskId: number) => fillPath(APP_PATHS.planTask, { planId, taskId });

/** The report inbox showing a period's reports in every state, optionally one agency's. */
export function reportInboxLink(planId: number, periodId: number, organisationId?: number): string {
  return withQuery(APP_PATHS.reportInbox, {
    'ke-hoach': planId,
    ky: periodId,
    'co-quan': organisationId,
    'trang-thai': 'tat-ca',
  });
}

export const reportLink = (reportId: number) => fillPath(APP_PATHS.report, { reportId });

export const indicatorLink = (planId: number, indicatorId: number) =>
  fillPath(APP_PATHS.indicator, { planId, indicatorId });

export const planIndicatorsLink = (planId: number) => fillPath(APP_PATHS.planIndicators, { planId });

export const reportingRatesLink = (planId: number, periodId: number) =>
  withQuery(APP_PATHS.reportingRates, { 'ke-hoach': planId, ky: periodId });

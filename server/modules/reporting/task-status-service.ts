import type { AgencyAs } from '../../../shared/contracts/organisations';
import type { TaskStatusesQuery, TaskStatusView } from '../../../shared/contracts/reporting';
import { groupsContainingKind, type OrganisationGroupKey } from '../../../shared/domain/organisations/groups';
import { localDate } from '../../../shared/domain/reporting/local-date';
import { summarizeCounts } from '../../../shared/domain/task-status/summarize';
import type { AppContext } from '../../context';
import type { AuthUser } from '../../http/auth-state';
import { notFound } from '../../http/errors';
import { loadSuccession, predecessorsOn } from '../organisations/succession-repository';
import { deadlineOf, toTaskView } from '../plans/task-mapper';
import { toPeriodRefFromPrefixed } from './period-mapper';
import { planExists } from './rate-repository';
import { entryFieldValues } from './report-mapper';
import { canReadReport } from './report-policy';
import type { EntryRow } from './report-repository';
import { statusOf } from './status-of';
import { findOrganisationKind, findTask, listTaskEntries } from './task-status-repository';
import {
  leadNames,
  outOfForceStatus,
  planStatusCodes,
  planStatusCountsOf,
  planStatuses,
  type StatusFilter,
  type StoredStatus,
  taskStatuses,
} from './task-status-store';

/**
 * The task-status page: the summary of the (agency-filtered) plan-year and one page of its tasks, in a
 * category if asked, counted and paged in SQL over the stored statuses.
 */
export async function planTaskStatuses(ctx: AppContext, planId: number, q: TaskStatusesQuery) {
  const { year, today, filter } = await statusScope(ctx, planId, q);
  const counts = await planStatusCountsOf(ctx.db, planId, year, today, filter);
  const stored = await planStatuses(
    ctx.db,
    planId,
    year,
    today,
    { ...filter, status: q.status },
    { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
  );
  const summary = summarizeCounts(counts);
  return {
    year,
    today,
    summary,
    items: await withLeads(ctx, stored),
    total: q.status ? counts[q.status] : summary.total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

type ScopeQuery = {
  year?: number | undefined;
  organisationId?: number | undefined;
  /** "now": the agencies merged into `organisationId` by today count as it (the task list's `agencyAs`). */
  agencyAs?: AgencyAs | undefined;
  groupKey?: OrganisationGroupKey | undefined;
};

/** The year (default: this year in Vietnam) and the agency/group filter, checking plan and agency exist. */
async function statusScope(ctx: AppContext, planId: number, f: ScopeQuery) {
  if (!(await planExists(ctx.db, planId))) throw notFound('kế hoạch');
  const today = localDate(new Date());
  const year = f.year ?? Number(today.slice(0, 4));
  const filter: StatusFilter = { groupKey: f.groupKey };
  if (f.organisationId) {
    const org = await findOrganisationKind(ctx.db, f.organisationId);
    if (!org) throw notFound('cơ quan');
    filter.organisation = {
      id: org.id,
      groups: groupsContainingKind(org.kind),
      ...(f.agencyAs === 'now'
        ? { formerIds: predecessorsOn(await loadSuccession(ctx.db), org.id, today) }
        : {}),
    };
  }
  return { year, today, filter };
}

async function withLeads(ctx: AppContext, stored: StoredStatus[]) {
  const leads = await leadNames(
    ctx.db,
    stored.map((s) => s.task.id),
  );
  return stored.map((s) => ({
    task: toTaskView(s.task),
    leads: leads.get(s.task.id) ?? [],
    status: s.status,
    progress: s.latest?.progress ?? null,
    completedOn: s.latest?.completedOn ?? null,
    reportId: s.latest?.reportId ?? null,
  }));
}

/**
 * The status of every task of a plan for a year (default: this year in Vietnam), optionally only the
 * tasks an agency takes part in (named, or through a group it belongs to) or that name a group.
 * Used by the task-status page and the dashboard. Answers from the stored statuses (task-status-store.ts),
 * made fresh for today first; the filters run in SQL.
 */
export async function taskStatusesOfPlan(ctx: AppContext, planId: number, f: ScopeQuery) {
  const { year, today, filter } = await statusScope(ctx, planId, f);
  const stored = await planStatuses(ctx.db, planId, year, today, filter);
  return { year, today, items: await withLeads(ctx, stored) };
}

/**
 * The same tasks as `taskStatusesOfPlan` with only what the dashboard counts and lists (no lead names,
 * no task views: the dashboard names leads as they are now, from the registry).
 */
export async function taskCodesOfPlan(ctx: AppContext, planId: number, f: ScopeQuery) {
  const { year, today, filter } = await statusScope(ctx, planId, f);
  return { year, today, items: await planStatusCodes(ctx.db, planId, year, today, filter) };
}

/**
 * Every entry for a task across periods that the user may read, newest period first, with statuses.
 * A task's status is its lead's: a lead's row is judged from its own answer, a supporting agency's row
 * shows the task's stored status for that period's year (the lead's latest word), so a support that
 * has not written anything never shows "Quá hạn" on a task its lead has completed. A lead's row with
 * no answer yet (a draft just opened) says nothing either, and shows the task's status too.
 */
export async function taskHistory(ctx: AppContext, user: AuthUser, taskId: number) {
  const task = await findTask(ctx.db, taskId);
  if (!task) throw notFound('nhiệm vụ');
  const today = localDate(new Date());
  const year = Number(today.slice(0, 4));
  const rows = (await listTaskEntries(ctx.db, taskId)).filter((r) =>
    canReadReport(user, { organisation_id: r.organisation_id, state: r.report_state }),
  );
  const showsTaskStatus = (r: (typeof rows)[number]) => r.role === 'support' || r.progress === null;
  const leadStatusOf = new Map<number, TaskStatusView>();
  for (const y of new Set([year, ...rows.filter(showsTaskStatus).map((r) => r.period_year)])) {
    const s = (await taskStatuses(ctx.db, task.plan_id, [task.id], y, today)).get(task.id);
    if (s) leadStatusOf.set(y, s);
  }
  const entries = rows.map((r) => ({
    reportId: r.report_id,
    period: toPeriodRefFromPrefixed(r),
    organisation: { id: r.organisation_id, name: r.organisation_name },
    role: r.role,
    reportState: r.report_state,
    ...entryFieldValues(r as EntryRow),
    status:
      showsTaskStatus(r) && leadStatusOf.has(r.period_year)
        ? leadStatusOf.get(r.period_year)!
        : statusOf({
            deadline: deadlineOf(task),
            year: r.period_year,
            progress: r.progress,
            completedOn: r.completed_on,
            today,
            reportDue: today > r.period_due_on,
          }),
  }));
  return { task: toTaskView(task), current: leadStatusOf.get(year) ?? outOfForceStatus(year), year, entries };
}

import type { TaskStatusesQuery, TaskStatusView } from '../../../shared/contracts/reporting';
import { groupsContainingKind, type OrganisationGroupKey } from '../../../shared/domain/organisations/groups';
import { localDate } from '../../../shared/domain/reporting/local-date';
import { summarizeStatuses } from '../../../shared/domain/task-status/summarize';
import type { AppContext } from '../../context';
import type { AuthUser } from '../../http/auth-state';
import { notFound } from '../../http/errors';
import { deadlineOf, toTaskView } from '../plans/task-mapper';
import { toPeriodRefFromPrefixed } from './period-mapper';
import { planExists } from './rate-repository';
import { entryFieldValues } from './report-mapper';
import { canReadReport } from './report-policy';
import type { EntryRow } from './report-repository';
import { statusOf } from './status-of';
import {
  findOrganisationKind,
  findTask,
  listPlanTaskAgencies,
  listTaskEntries,
} from './task-status-repository';
import { planStatuses, taskStatuses } from './task-status-store';

export async function planTaskStatuses(ctx: AppContext, planId: number, q: TaskStatusesQuery) {
  const { year, today, items } = await taskStatusesOfPlan(ctx, planId, {
    year: q.year,
    organisationId: q.organisationId,
  });
  const summary = summarizeStatuses(items.map((x) => x.status.code));
  const filtered = q.status ? items.filter((x) => x.status.code === q.status) : items;
  return {
    year,
    today,
    summary,
    items: filtered.slice((q.page - 1) * q.pageSize, q.page * q.pageSize),
    total: filtered.length,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * The status of every task of a plan for a year (default: this year in Vietnam), optionally only the
 * tasks an agency takes part in (named, or through a group it belongs to) or that name a group.
 * Used by the task-status page and the dashboard. Answers from the stored statuses (task-status-store.ts),
 * made fresh for today first.
 */
export async function taskStatusesOfPlan(
  ctx: AppContext,
  planId: number,
  f: {
    year?: number | undefined;
    organisationId?: number | undefined;
    groupKey?: OrganisationGroupKey | undefined;
  },
) {
  if (!(await planExists(ctx.db, planId))) throw notFound('kế hoạch');
  const today = localDate(new Date());
  const year = f.year ?? Number(today.slice(0, 4));
  let stored = await planStatuses(ctx.db, planId, year, today);
  const agencies = await listPlanTaskAgencies(ctx.db, planId);
  if (f.organisationId) {
    const org = await findOrganisationKind(ctx.db, f.organisationId);
    if (!org) throw notFound('cơ quan');
    const groups = new Set<string>(groupsContainingKind(org.kind));
    const involved = new Set(
      agencies
        .filter((a) => a.organisation_id === org.id || (a.group_key !== null && groups.has(a.group_key)))
        .map((a) => a.task_id),
    );
    stored = stored.filter((s) => involved.has(s.task.id));
  }
  if (f.groupKey) {
    const named = new Set(agencies.filter((a) => a.group_key === f.groupKey).map((a) => a.task_id));
    stored = stored.filter((s) => named.has(s.task.id));
  }
  const leads = new Map<number, string[]>();
  for (const a of agencies) {
    if (a.role !== 'lead') continue;
    leads.set(a.task_id, [...(leads.get(a.task_id) ?? []), a.name ?? a.agency_text]);
  }
  const all = stored.map((s) => {
    return {
      task: toTaskView(s.task),
      leads: leads.get(s.task.id) ?? [],
      status: s.status,
      progress: s.latest?.progress ?? null,
      completedOn: s.latest?.completedOn ?? null,
      reportId: s.latest?.reportId ?? null,
    };
  });
  return { year, today, items: all };
}

/**
 * Every entry for a task across periods that the user may read, newest period first, with statuses.
 * A task's status is its lead's: a lead's row is judged from its own answer, a supporting agency's row
 * shows the task's stored status for that period's year (the lead's latest word), so a support that
 * has not written anything never shows "Quá hạn" on a task its lead has completed.
 */
export async function taskHistory(ctx: AppContext, user: AuthUser, taskId: number) {
  const task = await findTask(ctx.db, taskId);
  if (!task) throw notFound('nhiệm vụ');
  const today = localDate(new Date());
  const year = Number(today.slice(0, 4));
  const rows = (await listTaskEntries(ctx.db, taskId)).filter((r) =>
    canReadReport(user, { organisation_id: r.organisation_id, state: r.report_state }),
  );
  const leadStatusOf = new Map<number, TaskStatusView>();
  for (const y of new Set([year, ...rows.filter((r) => r.role === 'support').map((r) => r.period_year)])) {
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
      r.role === 'support' && leadStatusOf.has(r.period_year)
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
  return { task: toTaskView(task), current: leadStatusOf.get(year)!, year, entries };
}

import type { EntryProgress, TaskStatusesQuery, TaskStatusView } from '../../../shared/contracts/reporting';
import { groupsContainingKind, type OrganisationGroupKey } from '../../../shared/domain/organisations/groups';
import { localDate } from '../../../shared/domain/reporting/local-date';
import { summarizeStatuses } from '../../../shared/domain/task-status/summarize';
import type { AppContext } from '../../context';
import type { Db } from '../../db/db';
import type { AuthUser } from '../../http/auth-state';
import { notFound } from '../../http/errors';
import { deadlineOf, type TaskColumns, toTaskView } from '../plans/task-mapper';
import { toPeriodRefFromPrefixed } from './period-mapper';
import { planExists } from './rate-repository';
import { entryFieldValues } from './report-mapper';
import { canReadReport } from './report-policy';
import type { EntryRow } from './report-repository';
import { statusOf } from './status-of';
import {
  findOrganisationKind,
  findTask,
  hasPeriodDueBefore,
  listLeadEntriesUpTo,
  listPlanTaskAgencies,
  listPlanTasks,
  listTaskEntries,
} from './task-status-repository';

interface Latest {
  reportId: number;
  progress: EntryProgress | null;
  completedOn: string | null;
}

/**
 * The status of each task for a year, from the latest submitted or accepted LEAD entry (an agency's
 * draft is not yet its word): for recurring and continuous tasks an entry of that very year, for one-off
 * tasks the latest up to that year. A report has fallen due when a period of that year is past its date.
 */
async function statusesFor(db: Db, planId: number, tasks: TaskColumns[], year: number, today: string) {
  const entries = tasks.length === 0 ? [] : await listLeadEntriesUpTo(db, planId, year);
  const kindOf = new Map(tasks.map((t) => [t.id, t.deadline_kind]));
  const latest = new Map<number, Latest>();
  for (const e of entries) {
    if (latest.has(e.task_id)) continue;
    const kind = kindOf.get(e.task_id);
    if ((kind === 'recurring' || kind === 'continuous') && e.year !== year) continue;
    latest.set(e.task_id, { reportId: e.report_id, progress: e.progress, completedOn: e.completed_on });
  }
  const reportDue = await hasPeriodDueBefore(db, planId, year, today);
  return new Map(
    tasks.map((t) => {
      const l = latest.get(t.id) ?? null;
      const status: TaskStatusView = statusOf({
        deadline: deadlineOf(t),
        year,
        progress: l?.progress ?? null,
        completedOn: l?.completedOn ?? null,
        today,
        reportDue,
      });
      return [t.id, { status, latest: l }];
    }),
  );
}

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
 * Used by the task-status page and the dashboard.
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
  let tasks = await listPlanTasks(ctx.db, planId);
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
    tasks = tasks.filter((t) => involved.has(t.id));
  }
  if (f.groupKey) {
    const named = new Set(agencies.filter((a) => a.group_key === f.groupKey).map((a) => a.task_id));
    tasks = tasks.filter((t) => named.has(t.id));
  }
  const statuses = await statusesFor(ctx.db, planId, tasks, year, today);
  const leads = new Map<number, string[]>();
  for (const a of agencies) {
    if (a.role !== 'lead') continue;
    leads.set(a.task_id, [...(leads.get(a.task_id) ?? []), a.name ?? a.agency_text]);
  }
  const all = tasks.map((t) => {
    const s = statuses.get(t.id)!;
    return {
      task: toTaskView(t),
      leads: leads.get(t.id) ?? [],
      status: s.status,
      progress: s.latest?.progress ?? null,
      completedOn: s.latest?.completedOn ?? null,
      reportId: s.latest?.reportId ?? null,
    };
  });
  return { year, today, items: all };
}

/** Every entry for a task across periods that the user may read, newest period first, with statuses. */
export async function taskHistory(ctx: AppContext, user: AuthUser, taskId: number) {
  const task = await findTask(ctx.db, taskId);
  if (!task) throw notFound('nhiệm vụ');
  const today = localDate(new Date());
  const year = Number(today.slice(0, 4));
  const current = (await statusesFor(ctx.db, task.plan_id, [task], year, today)).get(task.id)!.status;
  const rows = await listTaskEntries(ctx.db, taskId);
  const entries = rows
    .filter((r) => canReadReport(user, { organisation_id: r.organisation_id, state: r.report_state }))
    .map((r) => ({
      reportId: r.report_id,
      period: toPeriodRefFromPrefixed(r),
      organisation: { id: r.organisation_id, name: r.organisation_name },
      role: r.role,
      reportState: r.report_state,
      ...entryFieldValues(r as EntryRow),
      status: statusOf({
        deadline: deadlineOf(task),
        year: r.period_year,
        progress: r.progress,
        completedOn: r.completed_on,
        today,
        reportDue: today > r.period_due_on,
      }),
    }));
  return { task: toTaskView(task), current, year, entries };
}

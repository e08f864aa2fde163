import type { EntryProgress, TaskStatusesQuery, TaskStatusView } from '../../../shared/contracts/reporting';
import { groupsContainingKind } from '../../../shared/domain/organisations/groups';
import { localDate } from '../../../shared/domain/reporting/local-date';
import { summarizeStatuses } from '../../../shared/domain/task-status/summarize';
import type { AppContext } from '../../context';
import type { AuthUser } from '../../http/auth-state';
import { notFound } from '../../http/errors';
import { type Db, deadlineOf, statusOf, type TaskColumns, taskView } from './common';
import { canReadReport } from './report-policy';
import { attachmentView, ENTRY_TASK_COLUMNS, type EntryRow, periodRef } from './reports';

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
  const entries =
    tasks.length === 0
      ? []
      : await db
          .selectFrom('report_entries as e')
          .innerJoin('reports as r', 'r.id', 'e.report_id')
          .innerJoin('reporting_periods as p', 'p.id', 'r.period_id')
          .select(['e.task_id', 'e.progress', 'e.completed_on', 'r.id as report_id', 'p.year'])
          .where('p.plan_id', '=', planId)
          .where('p.year', '<=', year)
          .where('r.state', 'in', ['submitted', 'accepted'])
          .where('e.role', '=', 'lead')
          .orderBy('p.year', 'desc')
          .orderBy('p.due_on', 'desc')
          .orderBy('r.submitted_at', 'desc')
          .execute();
  const kindOf = new Map(tasks.map((t) => [t.id, t.deadline_kind]));
  const latest = new Map<number, Latest>();
  for (const e of entries) {
    if (latest.has(e.task_id)) continue;
    const kind = kindOf.get(e.task_id);
    if ((kind === 'recurring' || kind === 'continuous') && e.year !== year) continue;
    latest.set(e.task_id, { reportId: e.report_id, progress: e.progress, completedOn: e.completed_on });
  }
  const due = await db
    .selectFrom('reporting_periods')
    .select('id')
    .where('plan_id', '=', planId)
    .where('year', '=', year)
    .where('due_on', '<', today)
    .executeTakeFirst();
  const reportDue = due !== undefined;
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

const TASK_COLUMNS = [
  'id',
  'plan_id',
  'ordinal',
  'group_label',
  'content',
  'product',
  'deadline_kind',
  'deadline_from',
  'deadline_to',
  'deadline_text',
] as const;

export async function planTaskStatuses(ctx: AppContext, planId: number, q: TaskStatusesQuery) {
  if (!(await ctx.db.selectFrom('plans').select('id').where('id', '=', planId).executeTakeFirst()))
    throw notFound('kế hoạch');
  const today = localDate(new Date());
  const year = q.year ?? Number(today.slice(0, 4));
  let tasks: TaskColumns[] = await ctx.db
    .selectFrom('tasks')
    .select([...TASK_COLUMNS])
    .where('plan_id', '=', planId)
    .orderBy('position')
    .execute();
  const agencies = await ctx.db
    .selectFrom('task_agencies')
    .innerJoin('tasks', 'tasks.id', 'task_agencies.task_id')
    .leftJoin('organisations', 'organisations.id', 'task_agencies.organisation_id')
    .select([
      'task_agencies.task_id',
      'task_agencies.role',
      'task_agencies.organisation_id',
      'task_agencies.group_key',
      'task_agencies.agency_text',
      'organisations.name',
    ])
    .where('tasks.plan_id', '=', planId)
    .orderBy('task_agencies.position')
    .execute();
  if (q.organisationId) {
    const org = await ctx.db
      .selectFrom('organisations')
      .select(['id', 'kind'])
      .where('id', '=', q.organisationId)
      .executeTakeFirst();
    if (!org) throw notFound('cơ quan');
    const groups = new Set<string>(groupsContainingKind(org.kind));
    const involved = new Set(
      agencies
        .filter((a) => a.organisation_id === org.id || (a.group_key !== null && groups.has(a.group_key)))
        .map((a) => a.task_id),
    );
    tasks = tasks.filter((t) => involved.has(t.id));
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
      task: taskView(t),
      leads: leads.get(t.id) ?? [],
      status: s.status,
      progress: s.latest?.progress ?? null,
      completedOn: s.latest?.completedOn ?? null,
      reportId: s.latest?.reportId ?? null,
    };
  });
  const summary = summarizeStatuses(all.map((x) => x.status.code));
  const filtered = q.status ? all.filter((x) => x.status.code === q.status) : all;
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

/** Every entry for a task across periods that the user may read, newest period first, with statuses. */
export async function taskHistory(ctx: AppContext, user: AuthUser, taskId: number) {
  const task = await ctx.db
    .selectFrom('tasks')
    .select([...TASK_COLUMNS])
    .where('id', '=', taskId)
    .executeTakeFirst();
  if (!task) throw notFound('nhiệm vụ');
  const today = localDate(new Date());
  const year = Number(today.slice(0, 4));
  const current = (await statusesFor(ctx.db, task.plan_id, [task], year, today)).get(task.id)!.status;
  const rows = await ctx.db
    .selectFrom('report_entries as e')
    .innerJoin('tasks as t', 't.id', 'e.task_id')
    .innerJoin('reports as r', 'r.id', 'e.report_id')
    .innerJoin('reporting_periods as p', 'p.id', 'r.period_id')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .leftJoin('report_attachments as a', 'a.id', 'e.attachment_id')
    .leftJoin('users as up', 'up.id', 'a.uploaded_by')
    .selectAll('e')
    .select([
      ...ENTRY_TASK_COLUMNS,
      'r.state as report_state',
      'r.organisation_id',
      'o.name as organisation_name',
      'p.id as period_id',
      'p.kind as period_kind',
      'p.year as period_year',
      'p.title as period_title',
      'p.data_closing_on as period_data_closing_on',
      'p.due_on as period_due_on',
      'p.state as period_state',
    ])
    .where('e.task_id', '=', taskId)
    .orderBy('p.due_on', 'desc')
    .orderBy('p.id', 'desc')
    .orderBy('e.role')
    .orderBy('o.name')
    .execute();
  const entries = rows
    .filter((r) => canReadReport(user, { organisation_id: r.organisation_id, state: r.report_state }))
    .map((r) => ({
      reportId: r.report_id,
      period: periodRef(r),
      organisation: { id: r.organisation_id, name: r.organisation_name },
      role: r.role,
      reportState: r.report_state,
      progress: r.progress,
      completedOn: r.completed_on,
      result: r.result,
      productNumber: r.product_number,
      productDate: r.product_date,
      productSummary: r.product_summary,
      attachment: attachmentView(r as EntryRow),
      difficulties: r.difficulties,
      proposals: r.proposals,
      status: statusOf({
        deadline: deadlineOf(task),
        year: r.period_year,
        progress: r.progress,
        completedOn: r.completed_on,
        today,
        reportDue: today > r.period_due_on,
      }),
    }));
  return { task: taskView(task), current, year, entries };
}

import type { CalendarEvent, CalendarQuery, CalendarResponse } from '../../../shared/contracts/calendar';
import { CALENDAR_MAX_EVENTS } from '../../../shared/contracts/calendar';
import { reportPath, taskPath } from '../../../shared/domain/app-links';
import { can } from '../../../shared/domain/auth/permissions';
import { groupsContainingKind } from '../../../shared/domain/organisations/groups';
import { yearEndIso, yearOf } from '../../../shared/domain/task-status/calendar';
import { dueDateOf } from '../../../shared/domain/task-status/due-date';
import type { AppContext } from '../../context';
import type { AuthUser } from '../../http/auth-state';
import { notFound } from '../../http/errors';
import { chunks } from '../../lib/chunks';
import { deadlineOf } from '../plans/task-mapper';
import { reportReadScope } from '../reporting/report-policy';
import { findOrganisationKind } from '../reporting/task-status-repository';
import {
  type AgencyFilter,
  type CalendarTaskRow,
  listDatedTasksDueBetween,
  listLeadNames,
  listRecurringTasksDuring,
  listReportsDueBetween,
  listYearTasksOf,
} from './calendar-repository';

const TITLE_CHARS = 160;
const shorten = (text: string) => (text.length <= TITLE_CHARS ? text : `${text.slice(0, TITLE_CHARS - 1)}…`);

/**
 * The due dates of `task` between `from` and `to`: a one-off task's single date, a recurring task's
 * 31/12 of each year in the range (due-date.ts decides; continuous tasks have none).
 */
function dueDatesWithin(task: CalendarTaskRow, from: string, to: string): string[] {
  const deadline = deadlineOf(task);
  const firstYear = yearOf(from) ?? 0;
  const lastYear = yearOf(to) ?? 0;
  const dates =
    task.deadline_kind === 'recurring'
      ? Array.from({ length: lastYear - firstYear + 1 }, (_, i) => dueDateOf(deadline, firstYear + i))
      : [dueDateOf(deadline)];
  return dates.filter((d): d is string => d !== null && d >= from && d <= to);
}

/** The years whose 31/12 lies between the two days: only then can "Năm …" and recurring tasks fall due. */
function yearEndsWithin(from: string, to: string): number[] {
  const years: number[] = [];
  for (let y = yearOf(from) ?? 0; y <= (yearOf(to) ?? 0); y++) {
    const end = yearEndIso(y);
    if (end >= from && end <= to) years.push(y);
  }
  return years;
}

/**
 * Each query reads at most one more task than the answer can hold, earliest first, so a month in
 * which tens of thousands of tasks fall due (31/12) costs a bounded read and is marked truncated.
 */
async function taskEvents(ctx: AppContext, q: CalendarQuery, agency: AgencyFilter | null) {
  const limit = CALENDAR_MAX_EVENTS + 1;
  const years = yearEndsWithin(q.from, q.to);
  const first = years[0];
  const last = years[years.length - 1];
  const rows = [
    ...(await listDatedTasksDueBetween(ctx.db, q.from, q.to, agency, limit)),
    ...(first !== undefined && last !== undefined
      ? [
          ...(await listYearTasksOf(ctx.db, first, last, agency, limit)),
          ...(await listRecurringTasksDuring(ctx.db, first, last, agency, limit)),
        ]
      : []),
  ];
  return rows.flatMap((t) => dueDatesWithin(t, q.from, q.to).map((date) => ({ t, date })));
}

/** The events of the kept tasks, with their lead agencies (read only for those). */
async function withLeads(
  ctx: AppContext,
  due: { t: CalendarTaskRow; date: string }[],
): Promise<CalendarEvent[]> {
  const ids = [...new Set(due.map((d) => d.t.id))];
  const leads = new Map<number, string[]>();
  for (const part of chunks(ids, 500)) {
    for (const l of await listLeadNames(ctx.db, part)) {
      leads.set(l.task_id, [...(leads.get(l.task_id) ?? []), l.name ?? l.agency_text]);
    }
  }
  return due.map(
    ({ t, date }): CalendarEvent => ({
      kind: 'task',
      date,
      title: shorten(`${t.ordinal}. ${t.content}`),
      plan: { id: t.plan_id, number: t.plan_number, title: t.plan_title },
      agencies: leads.get(t.id) ?? [],
      reportState: null,
      link: taskPath(t.plan_id, t.id),
    }),
  );
}

/**
 * Task deadlines and report due dates between two dates, optionally for one agency (tasks it leads or
 * supports, directly or through a named group; its reports). Tasks need `plans.read`; reports follow
 * report-policy.ts (a reporter sees their agency's reports and other agencies' accepted ones).
 */
export async function calendarEvents(
  ctx: AppContext,
  user: AuthUser,
  q: CalendarQuery,
): Promise<CalendarResponse> {
  let agency: AgencyFilter | null = null;
  if (q.organisationId !== undefined) {
    const org = await findOrganisationKind(ctx.db, q.organisationId);
    if (!org) throw notFound('cơ quan');
    agency = { organisationId: org.id, groups: groupsContainingKind(org.kind) };
  }
  const tasks = can(user.role, 'plans.read') ? await taskEvents(ctx, q, agency) : [];
  const reportRows = await listReportsDueBetween(
    ctx.db,
    q.from,
    q.to,
    q.organisationId,
    reportReadScope(user),
    CALENDAR_MAX_EVENTS + 1,
  );
  const reports = reportRows.map(
    (r): CalendarEvent => ({
      kind: 'report',
      date: r.due_on,
      title: `Hạn nộp báo cáo: ${r.period_title} — ${r.organisation_name}`,
      plan: { id: r.plan_id, number: r.plan_number, title: r.plan_title },
      agencies: [r.organisation_name],
      reportState: r.state,
      link: reportPath(r.id),
    }),
  );
  // Tasks before reports on the same day; lead agencies are read only for the tasks kept.
  const items = [
    ...tasks.map((task) => ({ date: task.date, task, report: null })),
    ...reports.map((report) => ({ date: report.date, task: null, report })),
  ].sort((a, b) => a.date.localeCompare(b.date) || (a.task ? 0 : 1) - (b.task ? 0 : 1));
  const kept = items.slice(0, CALENDAR_MAX_EVENTS);
  const withAgencies = await withLeads(
    ctx,
    kept.flatMap((x) => (x.task ? [x.task] : [])),
  );
  const events: CalendarEvent[] = [];
  let nextTask = 0;
  for (const x of kept) {
    const event = x.report ?? withAgencies[nextTask++];
    if (event) events.push(event);
  }
  return { from: q.from, to: q.to, events, truncated: items.length > CALENDAR_MAX_EVENTS };
}

import type {
  CalendarDay,
  CalendarDayQuery,
  CalendarDayResponse,
  CalendarEvent,
  CalendarQuery,
  CalendarResponse,
} from '../../../shared/contracts/calendar';
import { reportPath, taskPath } from '../../../shared/domain/app-links';
import { can } from '../../../shared/domain/auth/permissions';
import { groupsContainingKind } from '../../../shared/domain/organisations/groups';
import { dayNumber, yearEndIso, yearOf } from '../../../shared/domain/task-status/calendar';
import type { AppContext } from '../../context';
import type { AuthUser } from '../../http/auth-state';
import { notFound } from '../../http/errors';
import { type ReportReadScope, reportReadScope } from '../reporting/report-policy';
import { findOrganisationKind } from '../reporting/task-status-repository';
import {
  type AgencyFilter,
  type CountRow,
  type DayCursor,
  listDayCounts,
  listLeadNames,
  listRecurringCounts,
  listReportsDueOn,
  listTasksDueOn,
} from './calendar-repository';

const TITLE_CHARS = 160;
const shorten = (text: string) => (text.length <= TITLE_CHARS ? text : `${text.slice(0, TITLE_CHARS - 1)}…`);

/** A key of `calendar_counts` and the sign its count is summed with. */
type SignedKey = readonly [key: string, sign: 1 | -1];

/**
 * The task keys of the calendar's counts (migration 20261202T0300): all tasks, or an agency's = the
 * tasks naming it (and not its group) + the tasks naming the group its kind belongs to.
 */
function taskKeys(agency: AgencyFilter | null): SignedKey[] {
  if (!agency) return [['all', 1]];
  return [[`o:${agency.organisationId}`, 1], ...agency.groups.map((g): SignedKey => [`g:${g}`, 1])];
}

/**
 * The report keys for what the reader may read (report-policy.ts): everything, or a reporter's own
 * agency's reports and other agencies' accepted ones (accepted + own − own accepted).
 */
function reportKeys(scope: ReportReadScope, organisationId: number | undefined): SignedKey[] {
  if ('none' in scope) return [];
  if ('all' in scope) return [[organisationId === undefined ? 'all' : `o:${organisationId}`, 1]];
  const own = scope.ownAgencyOrAccepted;
  if (organisationId === undefined)
    return [
      ['acc', 1],
      [`o:${own}`, 1],
      [`oa:${own}`, -1],
    ];
  return [[organisationId === own ? `o:${own}` : `oa:${organisationId}`, 1]];
}

async function agencyFilter(
  ctx: AppContext,
  organisationId: number | undefined,
): Promise<AgencyFilter | null> {
  if (organisationId === undefined) return null;
  const org = await findOrganisationKind(ctx.db, organisationId);
  if (!org) throw notFound('cơ quan');
  return { organisationId: org.id, groups: groupsContainingKind(org.kind) };
}

/** Adds the signed counts of `rows` per day; a recurring row counts on each 31/12 it spans in the range. */
function addCounts(
  into: Map<string, number>,
  rows: readonly CountRow[],
  keys: readonly SignedKey[],
  from: string,
  to: string,
) {
  const sign = new Map(keys);
  for (const r of rows) {
    const n = r.n * (sign.get(r.key) ?? 0);
    if (r.kind !== 'recurring') {
      into.set(r.day, (into.get(r.day) ?? 0) + n);
      continue;
    }
    const first = Math.max(yearOf(r.day) ?? 0, yearOf(from) ?? 0);
    const last = Math.min(yearOf(r.until_day) ?? 0, yearOf(to) ?? 0);
    for (let y = first; y <= last; y++) {
      const day = yearEndIso(y);
      if (day >= from && day <= to) into.set(day, (into.get(day) ?? 0) + n);
    }
  }
}

/** The years whose 31/12 lies between the two days: only then can recurring tasks fall due. */
function hasYearEnd(from: string, to: string): boolean {
  for (let y = yearOf(from) ?? 0; y <= (yearOf(to) ?? 0); y++) {
    const end = yearEndIso(y);
    if (end >= from && end <= to) return true;
  }
  return false;
}

/** Task deadlines per day between the two dates (tasks need `plans.read`). */
async function taskCounts(
  ctx: AppContext,
  user: AuthUser,
  from: string,
  to: string,
  agency: AgencyFilter | null,
) {
  const counts = new Map<string, number>();
  if (!can(user.role, 'plans.read')) return counts;
  const keys = taskKeys(agency);
  const names = keys.map(([k]) => k);
  addCounts(counts, await listDayCounts(ctx.db, 'task', names, from, to), keys, from, to);
  if (hasYearEnd(from, to))
    addCounts(counts, await listRecurringCounts(ctx.db, names, from, to), keys, from, to);
  return counts;
}

/** Report due dates per day between the two dates, as far as the reader may read them. */
async function reportCounts(
  ctx: AppContext,
  user: AuthUser,
  from: string,
  to: string,
  organisationId?: number,
) {
  const counts = new Map<string, number>();
  const keys = reportKeys(reportReadScope(user), organisationId);
  const rows = await listDayCounts(
    ctx.db,
    'report',
    keys.map(([k]) => k),
    from,
    to,
  );
  addCounts(counts, rows, keys, from, to);
  return counts;
}

/**
 * How many task deadlines and report due dates fall on each day between two dates, optionally for one
 * agency (tasks it leads or supports, directly or through a named group; its reports). Read from the
 * counts the triggers keep, so a month costs a few index rows per day whatever falls due in it.
 */
export async function calendarDays(
  ctx: AppContext,
  user: AuthUser,
  q: CalendarQuery,
): Promise<CalendarResponse> {
  const agency = await agencyFilter(ctx, q.organisationId);
  const tasks = await taskCounts(ctx, user, q.from, q.to, agency);
  const reports = await reportCounts(ctx, user, q.from, q.to, q.organisationId);
  const dates = [...new Set([...tasks.keys(), ...reports.keys()])].sort();
  const days: CalendarDay[] = [];
  for (const date of dates) {
    const day = { date, tasks: tasks.get(date) ?? 0, reports: reports.get(date) ?? 0 };
    // A stored date the calendar does not have ("2022-02-30") has no cell.
    if ((day.tasks > 0 || day.reports > 0) && dayNumber(date) !== null) days.push(day);
  }
  return { from: q.from, to: q.to, days };
}

const encodeCursor = (c: DayCursor) => `${c.segment}~${c.at}~${c.id}`;
function decodeCursor(text: string | undefined): DayCursor | null {
  if (!text) return null;
  const [segment, at, id] = text.split('~');
  return { segment: Number(segment), at: at ?? '', id: Number(id) };
}

/** A page of tasks due on the day, with their lead agencies (read only for those). */
async function taskPage(ctx: AppContext, q: CalendarDayQuery, agency: AgencyFilter | null) {
  const found = await listTasksDueOn(ctx.db, q.date, agency, decodeCursor(q.after), q.pageSize);
  const leads = new Map<number, string[]>();
  for (const l of await listLeadNames(
    ctx.db,
    found.map((f) => f.row.id),
  )) {
    leads.set(l.task_id, [...(leads.get(l.task_id) ?? []), l.name ?? l.agency_text]);
  }
  const items = found.map(
    ({ row: t }): CalendarEvent => ({
      kind: 'task',
      date: q.date,
      title: shorten(`${t.ordinal}. ${t.content}`),
      plan: { id: t.plan_id, number: t.plan_number, title: t.plan_title },
      agencies: leads.get(t.id) ?? [],
      reportState: null,
      link: taskPath(t.plan_id, t.id),
    }),
  );
  const last = found[found.length - 1];
  return { items, next: found.length === q.pageSize && last ? encodeCursor(last.cursor) : null };
}

/**
 * The deadlines of one kind on one day, a page at a time: the list behind a day's count in the grid
 * (the same filter and the same read scope; the total is that count).
 */
export async function calendarDay(
  ctx: AppContext,
  user: AuthUser,
  q: CalendarDayQuery,
): Promise<CalendarDayResponse> {
  const agency = await agencyFilter(ctx, q.organisationId);
  const base = { date: q.date, kind: q.kind };
  if (q.kind === 'task') {
    const total = (await taskCounts(ctx, user, q.date, q.date, agency)).get(q.date) ?? 0;
    const page = total > 0 ? await taskPage(ctx, q, agency) : { items: [], next: null };
    return { ...base, total, ...page };
  }
  const total = (await reportCounts(ctx, user, q.date, q.date, q.organisationId)).get(q.date) ?? 0;
  const rows =
    total > 0
      ? await listReportsDueOn(
          ctx.db,
          q.date,
          q.organisationId,
          reportReadScope(user),
          decodeCursor(q.after),
          q.pageSize,
        )
      : [];
  const items = rows.map(
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
  const last = rows[rows.length - 1];
  const next =
    rows.length === q.pageSize && last
      ? encodeCursor({ segment: 0, at: String(last.period_id), id: last.organisation_id })
      : null;
  return { ...base, total, items, next };
}

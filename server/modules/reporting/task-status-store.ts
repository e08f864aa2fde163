import { sql } from 'kysely';
import type { EntryProgress, TaskStatusView } from '../../../shared/contracts/reporting';
import type { OrganisationGroupKey } from '../../../shared/domain/organisations/groups';
import { localDate } from '../../../shared/domain/reporting/local-date';
import {
  TASK_STATUS_CODES,
  TASK_STATUS_LABELS,
  type TaskStatusCode,
} from '../../../shared/domain/task-status/categories';
import type { Db } from '../../db/db';
import type { TaskStatusesTable } from '../../db/schema';
import { chunks } from '../../lib/chunks';
import { deadlineChanges, inForceDuring, tasksAsOf, yearSpan } from '../plans/task-in-force';
import { deadlineOf, type TaskColumns } from '../plans/task-mapper';
import { statusOf } from './status-of';
import { hasPeriodDueBefore, listLeadEntriesUpTo } from './task-status-repository';

/**
 * Stored task statuses (tables `task_statuses` and `task_status_plan_years`, migration 20261201T0410).
 *
 * A task's status for a year is computed by the pure rules (`statusOf`, shared/domain/task-status) from
 * the latest submitted or accepted LEAD entry, and stored with the Vietnam date it was computed for. Reads
 * answer from the table; it is kept right by:
 * - the writes that change an input, in their own transaction: report submitted / accepted / returned
 *   (`refreshTaskStatuses` for the report's tasks), period opened / extended / closed / reopened and plan
 *   confirmed (`refreshPlanStatuses`);
 * - the date: `task_status_plan_years.computed_on` is the day a plan-year was last computed in full; the
 *   daily job (`rollTaskStatuses`, task-status-roll.ts) recomputes every plan-year of an earlier day, and
 *   a read finding one not computed for today refreshes it first (`ensureFresh`), so a missed job never
 *   shows yesterday's statuses.
 * Every refresh of a plan first writes its `task_status_plan_years` rows, which on PostgreSQL locks them:
 * two refreshes of one plan-year never interleave, and the later one reads what the earlier committed.
 */

export interface Latest {
  reportId: number;
  progress: EntryProgress | null;
  completedOn: string | null;
}

export interface ComputedStatus {
  status: TaskStatusView;
  latest: Latest | null;
}

/** Runs `fn` in a transaction: the caller's when `db` already is one, else a new one. */
function inTx<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/**
 * The status of each task for a year, from the latest submitted or accepted LEAD entry (an agency's
 * draft is not yet its word): for recurring and continuous tasks an entry of that very year, for one-off
 * tasks the latest up to that year. A report has fallen due when a period of that year is past its date.
 */
export async function computeStatuses(
  db: Db,
  planId: number,
  tasks: TaskColumns[],
  year: number,
  today: string,
): Promise<Map<number, ComputedStatus>> {
  const entries = tasks.length === 0 ? [] : await listLeadEntriesUpTo(db, planId, year);
  const kindOf = new Map(tasks.map((t) => [t.id, t.deadline_kind]));
  const latest = new Map<number, Latest>();
  for (const e of entries) {
    if (latest.has(e.task_id) || !kindOf.has(e.task_id)) continue;
    const kind = kindOf.get(e.task_id);
    if ((kind === 'recurring' || kind === 'continuous') && e.year !== year) continue;
    latest.set(e.task_id, { reportId: e.report_id, progress: e.progress, completedOn: e.completed_on });
  }
  const reportDue = await hasPeriodDueBefore(db, planId, year, today);
  return new Map(
    tasks.map((t) => {
      const l = latest.get(t.id) ?? null;
      const status = statusOf({
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

// --- SQL ---------------------------------------------------------------------------------------------

const TASK_COLUMNS = [
  'tasks.id',
  'tasks.plan_id',
  'tasks.ordinal',
  'tasks.group_label',
  'tasks.content',
  'tasks.product',
  'tasks.deadline_kind',
  'tasks.deadline_from',
  'tasks.deadline_to',
  'tasks.deadline_text',
] as const;

type DatedTask = TaskColumns & { added_on: string | null; removed_on: string | null };

/**
 * The plan's tasks as of a year (plans/task-in-force.ts): those in force during it, each with the
 * deadline in force at its end. A task added in 2024 is not judged in 2022; one removed in 2025 still is.
 */
async function tasksOfYear(tx: Db, tasks: readonly DatedTask[], year: number): Promise<TaskColumns[]> {
  const changes = await deadlineChanges(
    tx,
    tasks.map((t) => t.id),
  );
  return tasksAsOf(tasks, changes, yearSpan(year));
}

function datedTasksOfPlan(db: Db, planId: number): Promise<DatedTask[]> {
  return db
    .selectFrom('tasks')
    .select([...TASK_COLUMNS, 'tasks.added_on', 'tasks.removed_on'])
    .where('plan_id', '=', planId)
    .execute();
}

/** Stored rows of the plan-year whose task is not in force that year leave (a removal, a plan ended). */
async function dropOutOfForce(
  tx: Db,
  planId: number,
  year: number,
  taskIds?: readonly number[],
): Promise<void> {
  await tx
    .deleteFrom('task_statuses')
    .where('plan_id', '=', planId)
    .where('year', '=', year)
    .where('task_id', 'in', (eb) => {
      let q = eb
        .selectFrom('tasks')
        .select('tasks.id')
        .where('tasks.plan_id', '=', planId)
        .where(sql<boolean>`not ${inForceDuring(yearSpan(year))}`);
      if (taskIds) q = q.where('tasks.id', 'in', [...taskIds]);
      return q;
    })
    .execute();
}

async function writeRows(db: Db, rows: TaskStatusesTable[]): Promise<void> {
  for (const part of chunks(rows, 100)) {
    await db
      .insertInto('task_statuses')
      .values(part)
      .onConflict((oc) =>
        oc.columns(['task_id', 'year']).doUpdateSet((eb) => ({
          plan_id: eb.ref('excluded.plan_id'),
          code: eb.ref('excluded.code'),
          due_date: eb.ref('excluded.due_date'),
          days_late: eb.ref('excluded.days_late'),
          reason: eb.ref('excluded.reason'),
          report_id: eb.ref('excluded.report_id'),
          progress: eb.ref('excluded.progress'),
          completed_on: eb.ref('excluded.completed_on'),
          computed_on: eb.ref('excluded.computed_on'),
        })),
      )
      .execute();
  }
}

function toRow(
  planId: number,
  year: number,
  today: string,
  taskId: number,
  c: ComputedStatus,
): TaskStatusesTable {
  return {
    task_id: taskId,
    plan_id: planId,
    year,
    code: c.status.code,
    due_date: c.status.dueDate,
    days_late: c.status.daysLate,
    reason: c.status.reason,
    report_id: c.latest?.reportId ?? null,
    progress: c.latest?.progress ?? null,
    completed_on: c.latest?.completedOn ?? null,
    computed_on: today,
  };
}

/** Marks a plan-year computed for `today` (creating it), which also locks its row until commit. */
async function markPlanYear(db: Db, planId: number, year: number, today: string): Promise<void> {
  await db
    .insertInto('task_status_plan_years')
    .values({ plan_id: planId, year, computed_on: today })
    .onConflict((oc) => oc.columns(['plan_id', 'year']).doUpdateSet({ computed_on: today }))
    .execute();
}

/** Locks the stored plan-years of a plan (from `fromYear` on) and says for which day each was computed. */
async function lockPlanYears(db: Db, planId: number, fromYear: number) {
  return db
    .updateTable('task_status_plan_years')
    .set((eb) => ({ computed_on: eb.ref('computed_on') }))
    .where('plan_id', '=', planId)
    .where('year', '>=', fromYear)
    .returning(['year', 'computed_on'])
    .execute();
}

async function refreshPlanYear(tx: Db, planId: number, year: number, today: string): Promise<number> {
  const tasks = await tasksOfYear(tx, await datedTasksOfPlan(tx, planId), year);
  await dropOutOfForce(tx, planId, year);
  const computed = await computeStatuses(tx, planId, tasks, year, today);
  await writeRows(
    tx,
    [...computed].map(([taskId, c]) => toRow(planId, year, today, taskId, c)),
  );
  return tasks.length;
}

// --- Refresh -----------------------------------------------------------------------------------------

/**
 * Recomputes every task of one plan-year for `today` and marks it fresh, in one batch (three queries to
 * read, one upsert per 100 tasks). Inside the caller's transaction when `db` is one.
 */
export function refreshPlanStatuses(db: Db, planId: number, year: number, today: string): Promise<number> {
  return inTx(db, async (tx) => {
    await markPlanYear(tx, planId, year, today);
    return refreshPlanYear(tx, planId, year, today);
  });
}

/**
 * After a period of `year` changed (opened, extended, closed, reopened): recomputes that plan-year if it
 * is stored. One not stored yet is computed by its first read.
 */
export function refreshPeriodYear(db: Db, planId: number, year: number, today: string): Promise<void> {
  return inTx(db, async (tx) => {
    const stored = await lockPlanYears(tx, planId, year);
    if (stored.some((s) => s.year === year)) await refreshPlanYear(tx, planId, year, today);
  });
}

/**
 * Recomputes the given tasks (a report's) in every stored year from `fromYear` on: an entry of a period
 * of year Y is the latest word for Y and, for one-off tasks, for the years after it. The plan-years keep
 * their day: rows of other tasks are as old as they were.
 */
export function refreshTaskStatuses(
  db: Db,
  taskIds: readonly number[],
  today: string,
  fromYear = 0,
): Promise<void> {
  if (taskIds.length === 0) return Promise.resolve();
  return inTx(db, async (tx) => {
    const tasks: DatedTask[] = [];
    for (const part of chunks(taskIds, 500)) {
      tasks.push(
        ...(await tx
          .selectFrom('tasks')
          .select([...TASK_COLUMNS, 'tasks.added_on', 'tasks.removed_on'])
          .where('id', 'in', part)
          .execute()),
      );
    }
    const byPlan = new Map<number, DatedTask[]>();
    for (const t of tasks) byPlan.set(t.plan_id, [...(byPlan.get(t.plan_id) ?? []), t]);
    for (const [planId, planTasks] of [...byPlan].sort((a, b) => a[0] - b[0])) {
      const years = await lockPlanYears(tx, planId, fromYear);
      for (const { year } of years) {
        // Each year judges the tasks in force then, against the deadline in force at its end.
        const inForce = await tasksOfYear(tx, planTasks, year);
        await dropOutOfForce(
          tx,
          planId,
          year,
          planTasks.map((t) => t.id),
        );
        const computed = await computeStatuses(tx, planId, inForce, year, today);
        await writeRows(
          tx,
          [...computed].map(([taskId, c]) => toRow(planId, year, today, taskId, c)),
        );
      }
    }
  });
}

/**
 * Makes sure a plan-year is stored and computed for `today`; recomputes it otherwise (then under its
 * lock, and only if nobody did it meanwhile). Returns whether it recomputed.
 */
export async function ensureFresh(db: Db, planId: number, year: number, today: string): Promise<boolean> {
  const marker = await db
    .selectFrom('task_status_plan_years')
    .select('computed_on')
    .where('plan_id', '=', planId)
    .where('year', '=', year)
    .executeTakeFirst();
  if (marker?.computed_on === today) return false;
  return inTx(db, async (tx) => {
    const locked = await lockPlanYears(tx, planId, year);
    if (locked.find((l) => l.year === year)?.computed_on === today) return false;
    await markPlanYear(tx, planId, year, today);
    await refreshPlanYear(tx, planId, year, today);
    return true;
  });
}

/**
 * The daily roll: every stored plan-year last computed on another day than `today` is recomputed, one
 * plan-year per transaction. Returns how many were.
 */
export async function rollTaskStatuses(
  db: Db,
  today: string,
  signal?: AbortSignal,
): Promise<{ planYears: number }> {
  const stale = await db
    .selectFrom('task_status_plan_years')
    .select(['plan_id', 'year'])
    .where('computed_on', '<>', today)
    .orderBy('plan_id')
    .orderBy('year')
    .execute();
  let planYears = 0;
  for (const s of stale) {
    if (signal?.aborted) break;
    if (await ensureFresh(db, s.plan_id, s.year, today)) planYears += 1;
  }
  return { planYears };
}

// --- Reads -------------------------------------------------------------------------------------------

export interface StoredStatus extends ComputedStatus {
  task: TaskColumns;
}

export function viewOfRow(r: Pick<TaskStatusesTable, 'code' | 'due_date' | 'days_late' | 'reason'>) {
  return {
    code: r.code,
    label: TASK_STATUS_LABELS[r.code],
    dueDate: r.due_date,
    daysLate: r.days_late,
    reason: r.reason,
  } satisfies TaskStatusView;
}

function storedOf(r: TaskColumns & TaskStatusesTable): StoredStatus {
  return {
    task: r,
    status: viewOfRow(r),
    latest:
      r.report_id === null
        ? null
        : { reportId: r.report_id, progress: r.progress, completedOn: r.completed_on },
  };
}

/** The status shown for a task not in force in the year judged (removed before it, added after it). */
export function outOfForceStatus(year: number): TaskStatusView {
  return {
    code: 'not_due',
    label: TASK_STATUS_LABELS.not_due,
    dueDate: null,
    daysLate: null,
    reason: `Nhiệm vụ không có hiệu lực trong năm ${year}`,
  };
}

/** Which of a plan's tasks to list: those an agency takes part in, that name a group, in a category. */
export interface StatusFilter {
  /** The agency, named on the task or through a group it belongs to, in any role. */
  organisation?:
    | {
        id: number;
        groups: readonly OrganisationGroupKey[];
        /** Agencies merged into it by today, counted as it ("as now", issue 14). */
        formerIds?: readonly number[];
      }
    | undefined;
  /** Tasks that name this group of agencies. */
  groupKey?: OrganisationGroupKey | undefined;
  status?: TaskStatusCode | undefined;
}

/** The plan-year's stored rows with the filter applied in SQL (no agency rows are loaded). */
function filteredStatuses(db: Db, planId: number, year: number, f: StatusFilter) {
  let q = db
    .selectFrom('task_statuses as s')
    .innerJoin('tasks', 'tasks.id', 's.task_id')
    .where('s.plan_id', '=', planId)
    .where('s.year', '=', year);
  if (f.status) q = q.where('s.code', '=', f.status);
  const org = f.organisation;
  if (org) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('task_agencies as ta')
          .select('ta.id')
          .whereRef('ta.task_id', '=', 's.task_id')
          .where((e) => {
            const ids = [org.id, ...(org.formerIds ?? [])];
            return org.groups.length > 0
              ? e.or([e('ta.organisation_id', 'in', ids), e('ta.group_key', 'in', [...org.groups])])
              : e('ta.organisation_id', 'in', ids);
          }),
      ),
    );
  }
  const key = f.groupKey;
  if (key) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('task_agencies as tg')
          .select('tg.id')
          .whereRef('tg.task_id', '=', 's.task_id')
          .where('tg.group_key', '=', key),
      ),
    );
  }
  return q;
}

/**
 * A plan's tasks with their stored status for `year` (made fresh for `today` first), filtered, in table
 * order; a page of them when `page` is given.
 */
export async function planStatuses(
  db: Db,
  planId: number,
  year: number,
  today: string,
  f: StatusFilter = {},
  page?: { offset: number; limit: number },
): Promise<StoredStatus[]> {
  await ensureFresh(db, planId, year, today);
  let q = filteredStatuses(db, planId, year, f)
    .select(TASK_COLUMNS)
    .select([
      's.task_id',
      's.year',
      's.code',
      's.due_date',
      's.days_late',
      's.reason',
      's.report_id',
      's.progress',
      's.completed_on',
      's.computed_on',
    ])
    .orderBy('tasks.position');
  if (page) q = q.limit(page.limit).offset(page.offset);
  return (await q.execute()).map(storedOf);
}

/** A task as the dashboard weighs it: its status, and its wording only when it is overdue (listed). */
export interface TaskCode {
  task: { id: number; ordinal: string; group: string | null; content: string | null };
  status: Pick<TaskStatusView, 'code' | 'dueDate' | 'daysLate'>;
}

/**
 * The filtered tasks' stored status for `year` (made fresh for `today` first), in table order, with only
 * the columns the dashboard uses: reading every task column of a national plan's 500 tasks (and building
 * 500 full views) was a third of the one-plan dashboard's time. The content is read for overdue tasks only.
 */
export async function planStatusCodes(
  db: Db,
  planId: number,
  year: number,
  today: string,
  f: StatusFilter = {},
): Promise<TaskCode[]> {
  await ensureFresh(db, planId, year, today);
  const rows = await filteredStatuses(db, planId, year, f)
    .select([
      's.task_id',
      'tasks.ordinal',
      'tasks.group_label',
      's.code',
      's.due_date',
      's.days_late',
      sql<string | null>`case when s.code = 'overdue' then tasks.content end`.as('content'),
    ])
    .orderBy('tasks.position')
    .execute();
  return rows.map((r) => ({
    task: { id: r.task_id, ordinal: r.ordinal, group: r.group_label, content: r.content },
    status: { code: r.code, dueDate: r.due_date, daysLate: r.days_late },
  }));
}

/** How many of the filtered tasks are in each category (the plan-year made fresh for `today` first). */
export async function planStatusCountsOf(
  db: Db,
  planId: number,
  year: number,
  today: string,
  f: StatusFilter = {},
): Promise<Record<TaskStatusCode, number>> {
  await ensureFresh(db, planId, year, today);
  const rows = await filteredStatuses(db, planId, year, { ...f, status: undefined })
    .select(['s.code', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('s.code')
    .execute();
  const counts = Object.fromEntries(TASK_STATUS_CODES.map((c) => [c, 0])) as Record<TaskStatusCode, number>;
  for (const r of rows) if (r.code in counts) counts[r.code] = Number(r.n);
  return counts;
}

/** The lead agencies of tasks (registry name when linked, else as written), in the task's order. */
export async function leadNames(db: Db, taskIds: readonly number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  for (const part of chunks(taskIds, 500)) {
    const rows = await db
      .selectFrom('task_agencies as ta')
      .leftJoin('organisations as o', 'o.id', 'ta.organisation_id')
      .select(['ta.task_id', 'ta.agency_text', 'o.name'])
      .where('ta.task_id', 'in', part)
      .where('ta.role', '=', 'lead')
      .orderBy('ta.task_id')
      .orderBy('ta.position')
      .execute();
    for (const r of rows) out.set(r.task_id, [...(out.get(r.task_id) ?? []), r.name ?? r.agency_text]);
  }
  return out;
}

/** The stored statuses of some tasks of one plan for `year` (made fresh for `today` first). */
export async function taskStatuses(
  db: Db,
  planId: number,
  taskIds: readonly number[],
  year: number,
  today: string,
): Promise<Map<number, TaskStatusView>> {
  const out = new Map<number, TaskStatusView>();
  if (taskIds.length === 0) return out;
  await ensureFresh(db, planId, year, today);
  for (const part of chunks(taskIds, 500)) {
    const rows = await db
      .selectFrom('task_statuses')
      .select(['task_id', 'code', 'due_date', 'days_late', 'reason'])
      .where('year', '=', year)
      .where('task_id', 'in', part)
      .execute();
    for (const r of rows) out.set(r.task_id, viewOfRow(r));
  }
  return out;
}

/**
 * Tasks per status category of each plan for `year` (every plan, or those given), from the store made
 * fresh for today (Vietnam). Every existing plan asked for is in the map, with zeros when it has no tasks.
 * The dashboard's counts: they equal the task list's totals filtered by the same status.
 */
export async function planStatusCounts(
  db: Db,
  year: number,
  planIds?: number[],
): Promise<Map<number, Record<TaskStatusCode, number>>> {
  const today = localDate(new Date());
  const ids: number[] = [];
  if (planIds === undefined) {
    ids.push(...(await db.selectFrom('plans').select('id').orderBy('id').execute()).map((p) => p.id));
  } else {
    // Plans that do not exist are left out (their statuses cannot be stored).
    for (const part of chunks([...new Set(planIds)], 500)) {
      const rows = await db.selectFrom('plans').select('id').where('id', 'in', part).execute();
      ids.push(...rows.map((p) => p.id));
    }
  }
  const out = new Map<number, Record<TaskStatusCode, number>>();
  if (ids.length === 0) return out;
  const fresh = new Set<number>();
  for (const part of chunks(ids, 500)) {
    const markers = await db
      .selectFrom('task_status_plan_years')
      .select('plan_id')
      .where('year', '=', year)
      .where('computed_on', '=', today)
      .where('plan_id', 'in', part)
      .execute();
    for (const m of markers) fresh.add(m.plan_id);
  }
  for (const id of ids) {
    out.set(id, Object.fromEntries(TASK_STATUS_CODES.map((c) => [c, 0])) as Record<TaskStatusCode, number>);
    if (!fresh.has(id)) await ensureFresh(db, id, year, today);
  }
  for (const part of chunks(ids, 500)) {
    // Kept per plan-year and code by triggers on task_statuses (migration 20261201T0540), in the same
    // transaction as each status write: no count over the plan's statuses on every read.
    const counts = await db
      .selectFrom('task_status_counts')
      .select(['plan_id', 'code', 'n'])
      .where('year', '=', year)
      .where('plan_id', 'in', part)
      .where('n', '<>', 0)
      .execute();
    for (const c of counts) {
      const rec = out.get(c.plan_id);
      if (rec && c.code in rec) rec[c.code] = Number(c.n);
    }
  }
  return out;
}

/**
 * After a report changed state (submitted, accepted, returned): recomputes the tasks it leads in the
 * stored years from its period's year on, through the caller's transaction.
 */
export async function refreshReportStatuses(db: Db, reportId: number, today: string): Promise<void> {
  const rows = await db
    .selectFrom('report_entries as e')
    .innerJoin('reports as r', 'r.id', 'e.report_id')
    .innerJoin('reporting_periods as p', 'p.id', 'r.period_id')
    .select(['e.task_id', 'p.year'])
    .where('e.report_id', '=', reportId)
    .where('e.role', '=', 'lead')
    .execute();
  if (rows.length === 0) return;
  await refreshTaskStatuses(
    db,
    rows.map((r) => r.task_id),
    today,
    rows[0]!.year,
  );
}

import { type Kysely, type SqlBool, sql } from 'kysely';
import type { TaskListSort } from '../../../shared/contracts/plans';
import type { TaskStatusCode } from '../../../shared/domain/task-status/categories';
import type { Database, TaskAgenciesTable, TasksTable } from '../../db/schema';
import { containsPattern } from '../../db/search';
import { inForceDuring, type Span } from './task-in-force';

/**
 * Which tasks a list counts (issue 13, item 3): those in force now — for a plan annulled or replaced,
 * those in force when it ended, so its history stays readable — or those in force during a span (a
 * period's year), a task removed since included.
 */
export type InForce = { now: true; endedOn: string | null } | { now: false; span: Span };

function inForceCondition(f: InForce) {
  if (!f.now) return inForceDuring(f.span);
  return f.endedOn === null
    ? sql<SqlBool>`tasks.removed_on is null`
    : sql<SqlBool>`(tasks.removed_on is null or tasks.removed_on >= ${f.endedOn})`;
}

/**
 * One page of plans, newest first, with the total. The task count is the plan's column (written with
 * its tasks by plan-writer.ts), so a page does not count the tasks of every plan.
 */
export async function listPlanRows(
  db: Kysely<Database>,
  q: { q?: string | undefined; page: number; pageSize: number },
) {
  let base = db.selectFrom('plans');
  if (q.q) base = base.where('plans.search_key', 'like', containsPattern(q.q));
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select((eb) => [
      'plans.id',
      'plans.kind',
      'plans.number',
      'plans.title',
      'plans.issuer',
      'plans.issued_on',
      'plans.created_at',
      'plans.task_count',
      eb
        .selectFrom('plan_targets')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('plan_targets.plan_id', '=', 'plans.id')
        .as('target_count'),
    ])
    .orderBy('plans.issued_on', 'desc')
    .orderBy('plans.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

export async function findPlanRow(db: Kysely<Database>, id: number) {
  return db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function planTargetRows(db: Kysely<Database>, planId: number) {
  return db.selectFrom('plan_targets').selectAll().where('plan_id', '=', planId).orderBy('ordinal').execute();
}

export async function planDutyRows(db: Kysely<Database>, planId: number) {
  return db.selectFrom('plan_duties').selectAll().where('plan_id', '=', planId).orderBy('id').execute();
}

/** Agencies of every duty of a plan, in one query. */
export async function planDutyAgencyRows(db: Kysely<Database>, planId: number) {
  return db
    .selectFrom('plan_duty_agencies')
    .innerJoin('plan_duties', 'plan_duties.id', 'plan_duty_agencies.duty_id')
    .leftJoin('organisations', 'organisations.id', 'plan_duty_agencies.organisation_id')
    .select([
      'plan_duty_agencies.duty_id',
      'plan_duty_agencies.agency_text',
      'plan_duty_agencies.organisation_id',
      'plan_duty_agencies.group_key',
      'organisations.name as organisation_name',
    ])
    .where('plan_duties.plan_id', '=', planId)
    .orderBy('plan_duty_agencies.duty_id')
    .orderBy('plan_duty_agencies.position')
    .execute();
}

export async function findDocument(db: Kysely<Database>, id: number) {
  return db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface TaskFilter {
  planId: number;
  q?: string | undefined;
  /** Agency ids and the group keys it belongs to, with the role it must play. */
  agency?:
    | {
        id: number;
        groups: NonNullable<TaskAgenciesTable['group_key']>[];
        role: TaskAgenciesTable['role'] | 'any';
        /** Agencies whose work has passed to this one: their tasks are its tasks ("as now"). */
        formerIds?: number[];
      }
    | undefined;
  product?: string | undefined;
  deadlineKind?: TasksTable['deadline_kind'] | undefined;
  deadlineYear?: number | undefined;
  group?: string | undefined;
  groupKey?: NonNullable<TaskAgenciesTable['group_key']> | undefined;
  /** The year whose stored status (task_statuses) each task is listed with. */
  statusYear: number;
  inForce: InForce;
  status?: TaskStatusCode | undefined;
}

export interface TaskOrder {
  sort: TaskListSort;
  order: 'asc' | 'desc';
}

/** Status categories by urgency: what a leader must act on first. */
const STATUS_URGENCY: TaskStatusCode[] = [
  'overdue',
  'not_reported',
  'in_progress_on_time',
  'not_due',
  'done_late',
  'done_on_time',
];

function filteredTasks(db: Kysely<Database>, f: TaskFilter) {
  let q = db
    .selectFrom('tasks')
    .leftJoin('task_statuses as s', (j) =>
      j.onRef('s.task_id', '=', 'tasks.id').on('s.year', '=', f.statusYear),
    )
    .where('tasks.plan_id', '=', f.planId)
    .where(inForceCondition(f.inForce));
  if (f.status) q = q.where('s.code', '=', f.status);
  if (f.groupKey) {
    const key = f.groupKey;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('task_agencies as tg')
          .select('tg.id')
          .whereRef('tg.task_id', '=', 'tasks.id')
          .where('tg.group_key', '=', key),
      ),
    );
  }
  if (f.q) q = q.where('tasks.search_key', 'like', containsPattern(f.q));
  if (f.product) q = q.where('tasks.product', '=', f.product);
  if (f.deadlineKind) q = q.where('tasks.deadline_kind', '=', f.deadlineKind);
  if (f.group) q = q.where('tasks.group_label', '=', f.group);
  if (f.deadlineYear !== undefined) {
    const start = `${f.deadlineYear}-01-01`;
    const end = `${f.deadlineYear}-12-31`;
    // Open-ended recurring or continuous tasks are due every year; others when their span meets the year.
    q = q.where((eb) =>
      eb.or([
        eb.and([
          eb('tasks.deadline_from', 'is', null),
          eb('tasks.deadline_to', 'is', null),
          eb('tasks.deadline_kind', 'in', ['recurring', 'continuous']),
        ]),
        eb.and([eb('tasks.deadline_to', '>=', start), eb('tasks.deadline_from', '<=', end)]),
        eb.and([
          eb('tasks.deadline_from', 'is', null),
          eb('tasks.deadline_to', '>=', start),
          eb('tasks.deadline_to', '<=', end),
        ]),
      ]),
    );
  }
  if (f.agency) {
    const a = f.agency;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('task_agencies as ta')
          .select('ta.id')
          .whereRef('ta.task_id', '=', 'tasks.id')
          .$call((sq) => (a.role === 'any' ? sq : sq.where('ta.role', '=', a.role)))
          .where((e) => {
            const ids = [a.id, ...(a.formerIds ?? [])];
            return a.groups.length > 0
              ? e.or([e('ta.organisation_id', 'in', ids), e('ta.group_key', 'in', a.groups)])
              : e('ta.organisation_id', 'in', ids);
          }),
      ),
    );
  }
  return q;
}

/**
 * The columns a task's view shows: not `search_key` (a folded copy of the text, as long as the rest of
 * the row), which a 100-task page would otherwise read and decode for nothing.
 */
const TASK_VIEW_COLUMNS = [
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
  'tasks.extra_json',
  'tasks.removed_on',
  'tasks.added_on',
  'tasks.continues_task_id',
] as const;

export async function listTaskRows(
  db: Kysely<Database>,
  f: TaskFilter,
  o: TaskOrder,
  page: number,
  pageSize: number,
) {
  const total = await countTaskRows(db, f);
  const rows = await orderedTaskRows(db, f, o)
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total };
}

/** How many tasks the filter selects. */
export async function countTaskRows(db: Kysely<Database>, f: TaskFilter): Promise<number> {
  const total = await filteredTasks(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(total.n);
}

/** The filtered tasks with their stored status, in the list's order; the caller pages them. */
export function orderedTaskRows(db: Kysely<Database>, f: TaskFilter, o: TaskOrder) {
  const dir = o.order;
  let q = filteredTasks(db, f)
    .select(TASK_VIEW_COLUMNS)
    .select([
      's.code as status_code',
      's.due_date as status_due_date',
      's.days_late as status_days_late',
      's.reason as status_reason',
    ]);
  if (o.sort === 'deadline') {
    // Tasks without a due date (continuous, unknown) come last either way.
    q = q
      .orderBy(sql`case when s.due_date is null then 1 else 0 end`)
      .orderBy('s.due_date', dir)
      .orderBy('tasks.position', dir);
  } else if (o.sort === 'status') {
    const rank = sql`case s.code ${sql.join(
      STATUS_URGENCY.map((c, i) => sql`when ${sql.lit(c)} then ${sql.lit(i)}`),
      sql` `,
    )} else ${sql.lit(STATUS_URGENCY.length)} end`;
    // Within a category: the most days late first, then the nearest due date.
    q = q
      .orderBy(rank, dir)
      .orderBy(sql`coalesce(s.days_late, 0)`, dir === 'asc' ? 'desc' : 'asc')
      .orderBy(sql`case when s.due_date is null then 1 else 0 end`)
      .orderBy('s.due_date', dir)
      .orderBy('tasks.position');
  } else {
    q = q.orderBy('tasks.position', dir);
  }
  return q;
}

export async function findTaskRow(db: Kysely<Database>, planId: number, taskId: number) {
  return db
    .selectFrom('tasks')
    .select(TASK_VIEW_COLUMNS)
    .where('tasks.plan_id', '=', planId)
    .where('tasks.id', '=', taskId)
    .executeTakeFirst();
}

/** Agencies of many tasks in one query, in their order within each task. */
export async function taskAgencyRows(db: Kysely<Database>, taskIds: number[]) {
  if (taskIds.length === 0) return [];
  return db
    .selectFrom('task_agencies')
    .leftJoin('organisations', 'organisations.id', 'task_agencies.organisation_id')
    .select([
      'task_agencies.task_id',
      'task_agencies.role',
      'task_agencies.agency_text',
      'task_agencies.organisation_id',
      'task_agencies.group_key',
      'organisations.name as organisation_name',
    ])
    .where('task_agencies.task_id', 'in', taskIds)
    .orderBy('task_agencies.task_id')
    .orderBy('task_agencies.position')
    .execute();
}

export async function taskFacetRows(db: Kysely<Database>, planId: number, endedOn: string | null) {
  const inForce = inForceCondition({ now: true, endedOn });
  const products = await db
    .selectFrom('tasks')
    .select('product')
    .distinct()
    .where('plan_id', '=', planId)
    .where(inForce)
    .where('product', 'is not', null)
    .orderBy('product')
    .execute();
  const groups = await db
    .selectFrom('tasks')
    .select('group_label')
    .distinct()
    .where('plan_id', '=', planId)
    .where(inForce)
    .where('group_label', 'is not', null)
    .orderBy('group_label')
    .execute();
  const agencies = await db
    .selectFrom('task_agencies')
    .innerJoin('tasks', 'tasks.id', 'task_agencies.task_id')
    .innerJoin('organisations', 'organisations.id', 'task_agencies.organisation_id')
    .select(['organisations.id', 'organisations.name'])
    .distinct()
    .where('tasks.plan_id', '=', planId)
    .where(inForce)
    .orderBy('organisations.name')
    .execute();
  const spans = await db
    .selectFrom('tasks')
    .select(['deadline_from', 'deadline_to'])
    .where('plan_id', '=', planId)
    .where(inForce)
    .execute();
  return { products, groups, agencies, spans };
}

export async function countPlanTasks(
  db: Kysely<Database>,
  planId: number,
  endedOn: string | null,
): Promise<number> {
  const r = await db
    .selectFrom('tasks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('plan_id', '=', planId)
    .where(inForceCondition({ now: true, endedOn }))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

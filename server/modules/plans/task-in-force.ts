import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { parseDeadline } from '../../../shared/domain/plan-import/deadline';
import { localDate } from '../../../shared/domain/reporting/local-date';
import type { Db } from '../../db/db';
import { chunks } from '../../lib/chunks';
import type { TaskColumns } from './task-mapper';

/**
 * The plan as of a date (issue 13, item 3): which tasks count in a period, and with which deadline.
 *
 * A task is in force during a span [start, end] when it came into force on or before its end
 * (`tasks.added_on`, null = since the plan) and had not stopped before its start (`tasks.removed_on`
 * null, or after the start): a task added in 2024 is not in 2022's period; one removed in 2025 still is.
 *
 * A task's deadline in force at a date is the one left by the latest deadline change effective on or
 * before it (`plan_revisions.effective_on`; older rows: the document's date, else the day it was made).
 * Every deadline change goes through revision-service.ts, which writes that row, so a change made by an
 * amending document or an approved extension request follows the same rule.
 */

export interface Span {
  start: string;
  end: string;
}

/** A calendar year as a span: an annual period's, and the span of a year's stored statuses. */
export const yearSpan = (year: number): Span => ({ start: `${year}-01-01`, end: `${year}-12-31` });

/** SQL: the task (`alias`, default `tasks`) is in force during the span. */
export function inForceDuring(span: Span, alias = 'tasks'): RawBuilder<SqlBool> {
  const added = sql.ref(`${alias}.added_on`);
  const removed = sql.ref(`${alias}.removed_on`);
  return sql<SqlBool>`((${added} is null or ${added} <= ${span.end}) and (${removed} is null or ${removed} > ${span.start}))`;
}

/** The same rule for a row already read. */
export const isInForceDuring = (t: { added_on: string | null; removed_on: string | null }, span: Span) =>
  (t.added_on === null || t.added_on <= span.end) && (t.removed_on === null || t.removed_on > span.start);

/** One change of a task's deadline, as the revision recorded it. */
export interface DeadlineChange {
  revisionId: number;
  taskId: number;
  effectiveOn: string;
  before: string;
  after: string;
  reason: string;
  documentNumber: string | null;
  documentDate: string | null;
}

/** The date a revision takes effect: its own, else its document's, else the Vietnam day it was made. */
export const revisionEffectiveOn = (r: {
  effective_on: string | null;
  document_date: string | null;
  created_at: string;
}) => r.effective_on ?? r.document_date ?? localDate(r.created_at);

/** The deadline changes of the given tasks, oldest effect first. */
export async function deadlineChanges(
  db: Db,
  taskIds: readonly number[],
): Promise<Map<number, DeadlineChange[]>> {
  const out = new Map<number, DeadlineChange[]>();
  for (const part of chunks([...new Set(taskIds)], 500)) {
    const rows = await db
      .selectFrom('plan_revisions')
      .select([
        'id',
        'task_id',
        'before_json',
        'after_json',
        'reason',
        'document_number',
        'document_date',
        'effective_on',
        'created_at',
      ])
      .where('subject', '=', 'task')
      .where('action', '=', 'update')
      .where('task_id', 'in', part)
      .where('after_json', 'like', '%"deadline":%')
      .execute();
    for (const r of rows) {
      const before = JSON.parse(r.before_json) as { deadline?: unknown };
      const after = JSON.parse(r.after_json) as { deadline?: unknown };
      if (typeof after.deadline !== 'string' || r.task_id === null) continue;
      const list = out.get(r.task_id) ?? [];
      list.push({
        revisionId: r.id,
        taskId: r.task_id,
        effectiveOn: revisionEffectiveOn(r),
        before: typeof before.deadline === 'string' ? before.deadline : '',
        after: after.deadline,
        reason: r.reason,
        documentNumber: r.document_number,
        documentDate: r.document_date,
      });
      out.set(r.task_id, list);
    }
  }
  for (const list of out.values())
    list.sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn) || a.revisionId - b.revisionId);
  return out;
}

type DeadlineColumns = Pick<TaskColumns, 'deadline_kind' | 'deadline_from' | 'deadline_to' | 'deadline_text'>;

/**
 * The task with the deadline in force at `date`: the current one unless a change takes effect after
 * `date`, in which case the deadline before the first such change.
 */
export function deadlineAsOf<T extends DeadlineColumns>(
  t: T,
  changes: readonly DeadlineChange[] | undefined,
  date: string,
): T {
  const later = changes?.find((c) => c.effectiveOn > date);
  if (!later) return t;
  const d = parseDeadline(later.before);
  return { ...t, deadline_kind: d.kind, deadline_from: d.from, deadline_to: d.to, deadline_text: d.text };
}

/** The tasks in force during the span, each with its deadline in force at the span's end. */
export function tasksAsOf<
  T extends DeadlineColumns & { id: number; added_on: string | null; removed_on: string | null },
>(tasks: readonly T[], changes: Map<number, DeadlineChange[]>, span: Span): T[] {
  return tasks
    .filter((t) => isInForceDuring(t, span))
    .map((t) => deadlineAsOf(t, changes.get(t.id), span.end));
}

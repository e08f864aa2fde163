import type { RevisionChange } from '../../../shared/contracts/plan-revisions';
import { type PlanEnd, planEndText } from '../../../shared/domain/plans/plan-end';
import { planLabel, planTag } from '../../../shared/domain/plans/short-title';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/db';
import { AppError, notFound } from '../../http/errors';
import { chunks } from '../../lib/chunks';
import { refreshTaskStatuses } from '../reporting/task-status-store';
import { assertMayEditPlan } from './plan-edit-policy';
import { findPlanForEdit, insertRevision } from './revision-repository';

/**
 * A plan annulled (bãi bỏ) or replaced by another confirmed plan (issue 13, item 6). In the revision's
 * transaction: the plan's tasks in force stop being so from the effective date (`removed_on`), so it
 * opens no more periods, its later years have no statuses and the calendar drops its deadlines, while
 * everything it recorded stays readable; when replacing, the open tasks chosen are copied into the new
 * plan (in force from the same date, `continues_task_id` pointing back), each kept as a revision of it.
 */

type PlanHead = NonNullable<Awaited<ReturnType<typeof findPlanForEdit>>>;
type EndChange = Extract<RevisionChange, { kind: 'plan_end' }>;

/**
 * What a plan's end changed, kept on its revision (`undo_json`) for its undo (plan-end-undo.ts): the
 * tasks that stopped being in force, the plan's task count before, and the copies the successor took.
 */
export interface PlanEndUndo {
  taskIds: number[];
  taskCount: number;
  successorId: number | null;
  copies: { id: number; from: number }[];
}

const invalid = (message: string, path: string) =>
  new AppError('VALIDATION_FAILED', message, [{ path, message }]);

/** The plan's end as shown, or null while it is in force. */
export async function planEndOf(
  db: Db,
  plan: { ended_on: string | null; end_kind: string | null; replaced_by_plan_id: number | null },
): Promise<PlanEnd | null> {
  if (plan.ended_on === null) return null;
  const by =
    plan.replaced_by_plan_id === null
      ? undefined
      : await db
          .selectFrom('plans')
          .select(['id', 'number', 'title'])
          .where('id', '=', plan.replaced_by_plan_id)
          .executeTakeFirst();
  return {
    kind: plan.end_kind === 'replaced' ? 'replaced' : 'annulled',
    on: plan.ended_on,
    replacedBy: by ?? null,
  };
}

/** Why an ended plan refuses a change or a new period, naming the plan that replaced it. */
export async function endedPlanMessage(db: Db, plan: Parameters<typeof planEndOf>[1]): Promise<string> {
  const end = await planEndOf(db, plan);
  return end ? `${planEndText(end)}: không mở kỳ báo cáo hay sửa kế hoạch này nữa.` : '';
}

export async function endPlan(rc: RequestContext, plan: PlanHead, c: EndChange, today: string) {
  const db = rc.db;
  let successor: PlanHead | undefined;
  if (c.endKind === 'replaced') {
    if (c.replacedByPlanId === null) throw invalid('Hãy chọn kế hoạch thay thế.', 'change.replacedByPlanId');
    if (c.replacedByPlanId === plan.id)
      throw invalid('Kế hoạch không thay thế chính nó: hãy chọn kế hoạch khác.', 'change.replacedByPlanId');
    successor = await findPlanForEdit(db, c.replacedByPlanId);
    if (!successor) throw notFound('kế hoạch thay thế');
    if (successor.ended_on !== null)
      throw invalid(
        'Kế hoạch thay thế cũng đã hết hiệu lực: hãy chọn kế hoạch đang thực hiện.',
        'change.replacedByPlanId',
      );
    // The tasks taken over become the new plan's: its keepers must be the caller's agency too.
    assertMayEditPlan(rc.actor, successor, successor.consolidator_name);
  } else if (c.replacedByPlanId !== null || c.continueTaskIds.length > 0) {
    throw invalid('Kế hoạch bị bãi bỏ không có kế hoạch thay thế nhận nhiệm vụ.', 'change.replacedByPlanId');
  }

  const inForce = await db
    .selectFrom('tasks')
    .selectAll()
    .where('plan_id', '=', plan.id)
    .where('removed_on', 'is', null)
    .orderBy('position')
    .execute();
  const byId = new Map(inForce.map((t) => [t.id, t]));
  const continuing = [...new Set(c.continueTaskIds)].map((id) => {
    const t = byId.get(id);
    if (!t)
      throw invalid('Có nhiệm vụ được chọn không thuộc kế hoạch hoặc đã bãi bỏ.', 'change.continueTaskIds');
    return t;
  });
  const year = Number(today.slice(0, 4));
  if (continuing.length > 0) {
    const done = await db
      .selectFrom('task_statuses')
      .innerJoin('tasks', 'tasks.id', 'task_statuses.task_id')
      .select('tasks.ordinal')
      .where('task_statuses.year', '=', year)
      .where('task_statuses.code', 'in', ['done_on_time', 'done_late'])
      .where(
        'task_statuses.task_id',
        'in',
        continuing.map((t) => t.id),
      )
      .execute();
    if (done.length > 0)
      throw invalid(
        `Nhiệm vụ ${done.map((d) => d.ordinal).join(', ')} đã hoàn thành, không chuyển sang kế hoạch thay thế.`,
        'change.continueTaskIds',
      );
  }

  const counted = await db
    .selectFrom('plans')
    .select('task_count')
    .where('id', '=', plan.id)
    .executeTakeFirstOrThrow();
  // The old plan: every task in force stops from the effective date; statuses of later years leave.
  await db
    .updateTable('tasks')
    .set({ removed_on: c.effectiveOn })
    .where('plan_id', '=', plan.id)
    .where('removed_on', 'is', null)
    .execute();
  await db
    .updateTable('plans')
    .set({
      task_count: 0,
      ended_on: c.effectiveOn,
      end_kind: c.endKind,
      replaced_by_plan_id: successor?.id ?? null,
    })
    .where('id', '=', plan.id)
    .execute();
  await refreshTaskStatuses(
    db,
    inForce.map((t) => t.id),
    today,
  );

  // The new plan takes over the continuing tasks, after its own, each with its agencies.
  const copied: number[] = [];
  const copies: PlanEndUndo['copies'] = [];
  if (successor && continuing.length > 0) {
    const last = await db
      .selectFrom('tasks')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('plan_id', '=', successor.id)
      .executeTakeFirst();
    let position = last?.p === null || last?.p === undefined ? 0 : Number(last.p) + 1;
    const agencies = await db
      .selectFrom('task_agencies')
      .selectAll()
      .where(
        'task_id',
        'in',
        continuing.map((t) => t.id),
      )
      .orderBy('position')
      .execute();
    for (const t of continuing) {
      const row = await db
        .insertInto('tasks')
        .values({
          plan_id: successor.id,
          position: position++,
          ordinal: t.ordinal,
          group_label: t.group_label,
          content: t.content,
          product: t.product,
          deadline_kind: t.deadline_kind,
          deadline_from: t.deadline_from,
          deadline_to: t.deadline_to,
          deadline_text: t.deadline_text,
          search_key: t.search_key,
          extra_json: t.extra_json,
          added_on: c.effectiveOn,
          continues_task_id: t.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      copied.push(row.id);
      copies.push({ id: row.id, from: t.id });
      const own = agencies.filter((a) => a.task_id === t.id);
      for (const part of chunks(own, 200)) {
        await db
          .insertInto('task_agencies')
          .values(
            part.map((a) => ({
              task_id: row.id,
              role: a.role,
              position: a.position,
              agency_text: a.agency_text,
              organisation_id: a.organisation_id,
              group_key: a.group_key,
            })),
          )
          .execute();
      }
      await insertRevision(db, {
        plan_id: successor.id,
        subject: 'task',
        action: 'add',
        task_id: row.id,
        target_id: null,
        label: t.ordinal,
        reason: `Tiếp nhận từ ${planLabel(plan)} (kế hoạch được thay thế)`,
        document_number: null,
        document_date: null,
        before_json: '{}',
        after_json: JSON.stringify({
          ordinal: t.ordinal,
          content: t.content,
          deadline: t.deadline_text,
          continuesFrom: `${planLabel(plan)}, nhiệm vụ ${t.ordinal}`,
        }),
        created_by: rc.actor.id,
        created_at: rc.now(),
        effective_on: c.effectiveOn,
      });
    }
    await db
      .updateTable('plans')
      .set((eb) => ({ task_count: eb('task_count', '+', copied.length) }))
      .where('id', '=', successor.id)
      .execute();
    await refreshTaskStatuses(db, copied, today);
  }

  return {
    subject: 'plan' as const,
    action: 'remove' as const,
    taskId: null,
    targetId: null,
    label: plan.title,
    before: { endedOn: null },
    after: {
      endKind: c.endKind,
      endedOn: c.effectiveOn,
      ...(successor ? { replacedBy: planTag(successor) } : {}),
      ...(continuing.length > 0 ? { continuedTasks: continuing.map((t) => t.ordinal) } : {}),
    },
    undo: {
      taskIds: inForce.map((t) => t.id),
      taskCount: Number(counted.task_count),
      successorId: successor?.id ?? null,
      copies,
    } satisfies PlanEndUndo,
  };
}

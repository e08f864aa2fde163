import type { PlanEndUndoRequest, RevisionView } from '../../../shared/contracts/plan-revisions';
import { planTag } from '../../../shared/domain/plans/short-title';
import { localDate } from '../../../shared/domain/reporting/local-date';
import { inTransaction, type RequestContext } from '../../context';
import type { Db } from '../../db/db';
import { conflict, notFound } from '../../http/errors';
import { audit } from '../audit/audit-repository';
import { refreshTaskStatuses } from '../reporting/task-status-store';
import { assertMayEditPlan } from './plan-edit-policy';
import type { PlanEndUndo } from './plan-end';
import { findPlanForEdit, insertRevision, listRevisionRows } from './revision-repository';
import { toRevisionView } from './revision-service';

/**
 * Undoes a plan's end (bãi bỏ / thay thế, plan-end.ts), in one transaction, by whoever may change the
 * plan (and, when tasks were taken over, the successor): the plan is in force again with the tasks that
 * stopped with it (their statuses recomputed); the copies the successor took are removed from it, refused
 * (409, naming the task) when one has since been reported on, revised, asked about or otherwise changed.
 * Kept as a revision of the plan (and one per copy given back, in the successor's history) and audited.
 */

/** The columns a copy takes from its original (plan-end.ts); any difference is a change made since. */
const COPIED = [
  'ordinal',
  'group_label',
  'content',
  'product',
  'deadline_kind',
  'deadline_from',
  'deadline_to',
  'deadline_text',
  'search_key',
  'extra_json',
] as const;

type PlanHead = NonNullable<Awaited<ReturnType<typeof findPlanForEdit>>>;

/** The latest end of the plan, as its revision kept it (older ends: read back from the tasks). */
async function endOf(db: Db, plan: PlanHead & { ended_on: string }): Promise<PlanEndUndo> {
  const revision = await db
    .selectFrom('plan_revisions')
    .select('undo_json')
    .where('plan_id', '=', plan.id)
    .where('subject', '=', 'plan')
    .where('action', '=', 'remove')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (revision?.undo_json) return JSON.parse(revision.undo_json) as PlanEndUndo;
  const stopped = await db
    .selectFrom('tasks')
    .select('id')
    .where('plan_id', '=', plan.id)
    .where('removed_on', '=', plan.ended_on)
    .execute();
  const taskIds = stopped.map((t) => t.id);
  const copies =
    plan.replaced_by_plan_id === null || taskIds.length === 0
      ? []
      : await db
          .selectFrom('tasks')
          .select(['id', 'continues_task_id as from'])
          .where('plan_id', '=', plan.replaced_by_plan_id)
          .where('continues_task_id', 'in', taskIds)
          .execute();
  return {
    taskIds,
    taskCount: taskIds.length,
    successorId: plan.replaced_by_plan_id,
    copies: copies.map((c) => ({ id: c.id, from: c.from as number })),
  };
}

/** Why a copy cannot go back, or null when it is as it was taken over. */
async function changeOf(db: Db, copyId: number, originalId: number, successorId: number) {
  const copy = await db
    .selectFrom('tasks')
    .selectAll()
    .where('id', '=', copyId)
    .where('plan_id', '=', successorId)
    .executeTakeFirst();
  if (!copy) return 'đã bị xóa khỏi kế hoạch thay thế';
  if (copy.removed_on !== null) return 'đã hết hiệu lực trong kế hoạch thay thế';
  const has = async (table: 'report_entries' | 'directives' | 'task_requests') =>
    (await db
      .selectFrom(table)
      .select('task_id')
      .where('task_id', '=', copyId)
      .limit(1)
      .executeTakeFirst()) !== undefined;
  if (await has('report_entries')) return 'đã có trong báo cáo';
  if (await has('directives')) return 'đã có ý kiến chỉ đạo';
  if (await has('task_requests')) return 'đã có đề nghị gia hạn hoặc chuyển cơ quan chủ trì';
  const revisions = await db
    .selectFrom('plan_revisions')
    .select('id')
    .where('task_id', '=', copyId)
    .limit(2)
    .execute();
  if (revisions.length > 1) return 'đã được sửa';
  const original = await db.selectFrom('tasks').selectAll().where('id', '=', originalId).executeTakeFirst();
  if (!original || COPIED.some((c) => copy[c] !== original[c])) return 'đã được sửa';
  const agencies = (taskId: number) =>
    db
      .selectFrom('task_agencies')
      .select(['role', 'position', 'agency_text', 'organisation_id', 'group_key'])
      .where('task_id', '=', taskId)
      .orderBy('position')
      .orderBy('role')
      .execute();
  if (JSON.stringify(await agencies(copyId)) !== JSON.stringify(await agencies(originalId)))
    return 'đã được đổi cơ quan chủ trì, phối hợp';
  return null;
}

export async function undoPlanEnd(
  rc: RequestContext,
  planId: number,
  req: PlanEndUndoRequest,
): Promise<RevisionView> {
  const today = localDate(new Date());
  const id = await inTransaction(rc, async (tx) => {
    const db = tx.db;
    const plan = await findPlanForEdit(db, planId);
    if (!plan) throw notFound('kế hoạch');
    assertMayEditPlan(tx.actor, plan, plan.consolidator_name);
    const endedOn = plan.ended_on;
    if (endedOn === null)
      throw conflict('Kế hoạch đang có hiệu lực: không có việc bãi bỏ hay thay thế nào để hoàn tác.');
    const end = await endOf(db, { ...plan, ended_on: endedOn });
    const successor =
      plan.replaced_by_plan_id === null ? undefined : await findPlanForEdit(db, plan.replaced_by_plan_id);

    // The tasks taken over go back only as they came: untouched since.
    if (end.copies.length > 0 && successor) {
      // They leave the successor: its keepers must be the caller's agency too, as for the end.
      assertMayEditPlan(tx.actor, successor, successor.consolidator_name);
      for (const c of end.copies) {
        const why = await changeOf(db, c.id, c.from, successor.id);
        if (why === null) continue;
        const t = await db.selectFrom('tasks').select('ordinal').where('id', '=', c.id).executeTakeFirst();
        const original = await db
          .selectFrom('tasks')
          .select('ordinal')
          .where('id', '=', c.from)
          .executeTakeFirst();
        throw conflict(
          `Không hoàn tác được: nhiệm vụ ${t?.ordinal ?? original?.ordinal ?? ''} đã chuyển sang ${planTag(successor)} và ${why} sau khi chuyển. Hãy xử lý nhiệm vụ này trong kế hoạch ${planTag(successor)} trước.`,
        );
      }
      const ids = end.copies.map((c) => c.id);
      const added = await db
        .selectFrom('plan_revisions')
        .select(['task_id', 'label', 'after_json'])
        .where('task_id', 'in', ids)
        .execute();
      // The history keeps what was taken over and given back; the copies go with their statuses.
      await db.updateTable('plan_revisions').set({ task_id: null }).where('task_id', 'in', ids).execute();
      await db.deleteFrom('tasks').where('id', 'in', ids).execute();
      await db
        .updateTable('plans')
        .set((eb) => ({ task_count: eb('task_count', '-', ids.length) }))
        .where('id', '=', successor.id)
        .execute();
      for (const a of added)
        await insertRevision(db, {
          plan_id: successor.id,
          subject: 'task',
          action: 'remove',
          task_id: null,
          target_id: null,
          label: a.label,
          reason: `Hoàn tác thay thế ${planTag(plan)}: ${req.reason}`,
          document_number: null,
          document_date: null,
          before_json: a.after_json,
          after_json: JSON.stringify({ returnedTo: planTag(plan) }),
          created_by: tx.actor.id,
          created_at: tx.now(),
          effective_on: today,
        });
    }

    // The plan is in force again with the tasks that stopped with it.
    if (end.taskIds.length > 0)
      await db
        .updateTable('tasks')
        .set({ removed_on: null })
        .where('plan_id', '=', planId)
        .where('id', 'in', end.taskIds)
        .where('removed_on', '=', endedOn)
        .execute();
    await db
      .updateTable('plans')
      .set({ task_count: end.taskCount, ended_on: null, end_kind: null, replaced_by_plan_id: null })
      .where('id', '=', planId)
      .execute();
    await refreshTaskStatuses(db, end.taskIds, today);

    const before = {
      endKind: plan.end_kind,
      endedOn,
      ...(successor ? { replacedBy: planTag(successor) } : {}),
    };
    const after = { endKind: null, endedOn: null, ...(successor ? { replacedBy: null } : {}) };
    const revisionId = await insertRevision(db, {
      plan_id: planId,
      subject: 'plan',
      action: 'update',
      task_id: null,
      target_id: null,
      label: plan.title,
      reason: req.reason,
      document_number: null,
      document_date: null,
      before_json: JSON.stringify(before),
      after_json: JSON.stringify(after),
      created_by: tx.actor.id,
      created_at: tx.now(),
      effective_on: today,
    });
    await audit(tx, {
      action: 'plan.end_undone',
      entity: 'plan',
      entityId: planId,
      detail: {
        revisionId,
        reason: req.reason,
        endKind: plan.end_kind,
        endedOn,
        replacedByPlanId: plan.replaced_by_plan_id,
        restoredTasks: end.taskIds.length,
        returnedTasks: end.copies.length,
      },
    });
    return revisionId;
  });
  const rows = await listRevisionRows(rc.app.db, planId);
  return toRevisionView(rows.find((r) => r.id === id)!);
}

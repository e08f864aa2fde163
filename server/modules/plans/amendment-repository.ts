import type { Insertable } from 'kysely';
import type { Db } from '../../db/db';
import type { PlanAmendmentsTable } from '../../db/schema';

/** All SQL of amending documents (amendment-service.ts). */

export async function insertAmendment(
  db: Db,
  a: Omit<Insertable<PlanAmendmentsTable>, 'id'>,
): Promise<number> {
  const row = await db.insertInto('plan_amendments').values(a).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export function findAmendment(db: Db, planId: number, amendmentId: number) {
  return db
    .selectFrom('plan_amendments as a')
    .leftJoin('documents as d', 'd.id', 'a.document_id')
    .selectAll('a')
    .select(['d.filename', 'd.media_type', 'd.size', 'd.sha256'])
    .where('a.plan_id', '=', planId)
    .where('a.id', '=', amendmentId)
    .executeTakeFirst();
}

export type AmendmentRecord = NonNullable<Awaited<ReturnType<typeof findAmendment>>>;

/** The plan's tasks in force with their agencies, in the plan's order, as an amending document is read against. */
export async function tasksInForce(db: Db, planId: number) {
  const tasks = await db
    .selectFrom('tasks')
    .select(['id', 'ordinal', 'group_label', 'content', 'product', 'deadline_text'])
    .where('plan_id', '=', planId)
    .where('removed_on', 'is', null)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const agencies = await db
    .selectFrom('task_agencies as ta')
    .innerJoin('tasks as t', 't.id', 'ta.task_id')
    .select(['ta.task_id', 'ta.role', 'ta.agency_text', 'ta.organisation_id', 'ta.group_key'])
    .where('t.plan_id', '=', planId)
    .where('t.removed_on', 'is', null)
    .orderBy('ta.task_id')
    .orderBy('ta.position')
    .execute();
  return { tasks, agencies };
}

export function revisionsOfAmendment(db: Db, amendmentId: number) {
  return db
    .selectFrom('plan_revisions')
    .selectAll()
    .where('amendment_id', '=', amendmentId)
    .orderBy('id')
    .execute();
}

/** Changes of these tasks made after revision `afterId` (by a single change or another amendment). */
export function laterRevisionsOfTasks(db: Db, planId: number, afterId: number, taskIds: readonly number[]) {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('plan_revisions')
    .select(['id', 'task_id', 'label', 'created_at'])
    .where('plan_id', '=', planId)
    .where('id', '>', afterId)
    .where('task_id', 'in', [...taskIds])
    .orderBy('id')
    .execute();
}

export async function taskHasReports(db: Db, taskId: number): Promise<boolean> {
  const row = await db
    .selectFrom('report_entries')
    .select('id')
    .where('task_id', '=', taskId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether a stored file (`documents`) belongs to this plan: an amendment's or a change's document. */
export async function planFile(db: Db, planId: number, fileId: number) {
  const linked =
    (await db
      .selectFrom('plan_amendments')
      .select('id')
      .where('plan_id', '=', planId)
      .where('document_id', '=', fileId)
      .limit(1)
      .executeTakeFirst()) ??
    (await db
      .selectFrom('plan_revisions')
      .select('id')
      .where('plan_id', '=', planId)
      .where('document_file_id', '=', fileId)
      .limit(1)
      .executeTakeFirst());
  if (!linked) return undefined;
  return db.selectFrom('documents').selectAll().where('id', '=', fileId).executeTakeFirst();
}

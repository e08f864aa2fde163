import type { Insertable } from 'kysely';
import type { Db } from '../../db/db';
import type { PlanRevisionsTable } from '../../db/schema';

/** The plan's header as a revision reads and writes it, with who keeps it. */
export function findPlanForEdit(db: Db, planId: number) {
  return db
    .selectFrom('plans as p')
    .leftJoin('organisations as o', 'o.id', 'p.consolidator_org_id')
    .select([
      'p.id',
      'p.kind',
      'p.number',
      'p.title',
      'p.issuer',
      'p.place',
      'p.issued_on',
      'p.consolidator_org_id',
      'p.ended_on',
      'p.end_kind',
      'p.replaced_by_plan_id',
      'o.name as consolidator_name',
    ])
    .where('p.id', '=', planId)
    .executeTakeFirst();
}

export type NewRevision = Omit<Insertable<PlanRevisionsTable>, 'id'>;

export async function insertRevision(db: Db, r: NewRevision): Promise<number> {
  const row = await db.insertInto('plan_revisions').values(r).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Revisions of a plan (or of one of its tasks), newest first, with who made each. */
export function listRevisionRows(db: Db, planId: number, taskId?: number) {
  let q = db
    .selectFrom('plan_revisions as r')
    .leftJoin('users as u', 'u.id', 'r.created_by')
    .leftJoin('documents as d', 'd.id', 'r.document_file_id')
    .selectAll('r')
    .select(['u.full_name as by_name', 'd.filename as file_name'])
    .where('r.plan_id', '=', planId);
  if (taskId !== undefined) q = q.where('r.task_id', '=', taskId);
  return q.orderBy('r.id', 'desc').limit(500).execute();
}

export type RevisionRow = Awaited<ReturnType<typeof listRevisionRows>>[number];

/** A task of the plan with its agencies, as a revision compares it. */
export async function findTaskForEdit(db: Db, planId: number, taskId: number) {
  const task = await db
    .selectFrom('tasks')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('id', '=', taskId)
    .executeTakeFirst();
  if (!task) return undefined;
  const agencies = await db
    .selectFrom('task_agencies')
    .select(['role', 'position', 'agency_text', 'organisation_id', 'group_key'])
    .where('task_id', '=', taskId)
    .orderBy('position')
    .execute();
  return { task, agencies };
}

/** The amendments of a plan (applied ones and their reverts), newest first, with who applied each. */
export function listAmendmentRows(db: Db, planId: number) {
  return db
    .selectFrom('plan_amendments as a')
    .leftJoin('users as u', 'u.id', 'a.applied_by')
    .leftJoin('documents as d', 'd.id', 'a.document_id')
    .select([
      'a.id',
      'a.kind',
      'a.status',
      'a.reverts_id',
      'a.document_id',
      'a.document_number',
      'a.document_date',
      'a.document_title',
      'a.reason',
      'a.applied_at',
      'a.created_at',
      'u.full_name as by_name',
      'd.filename as file_name',
    ])
    .where('a.plan_id', '=', planId)
    .where('a.status', '!=', 'draft')
    .orderBy('a.id', 'desc')
    .limit(500)
    .execute();
}

export type AmendmentRow = Awaited<ReturnType<typeof listAmendmentRows>>[number];

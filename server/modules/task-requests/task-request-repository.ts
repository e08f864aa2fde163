import type { Insertable } from 'kysely';
import type { Db } from '../../db/db';
import type { TaskRequestsTable } from '../../db/schema';

/** A request with everything its view shows: plan, task, agencies, who filed and who decided. */
function selectRequests(db: Db) {
  return db
    .selectFrom('task_requests as q')
    .innerJoin('plans as p', 'p.id', 'q.plan_id')
    .innerJoin('tasks as t', 't.id', 'q.task_id')
    .innerJoin('organisations as o', 'o.id', 'q.organisation_id')
    .leftJoin('organisations as nl', 'nl.id', 'q.new_lead_org_id')
    .leftJoin('users as cu', 'cu.id', 'q.created_by')
    .leftJoin('users as du', 'du.id', 'q.decided_by')
    .leftJoin('documents as d', 'd.id', 'q.document_id')
    .selectAll('q')
    .select([
      'p.number as plan_number',
      'p.title as plan_title',
      'p.consolidator_org_id',
      't.ordinal as task_ordinal',
      't.content as task_content',
      't.deadline_text as task_deadline',
      'o.name as organisation_name',
      'nl.name as new_lead_name',
      'cu.full_name as created_by_name',
      'du.full_name as decided_by_name',
      'd.filename as file_name',
      'd.media_type as file_media_type',
      'd.size as file_size',
    ]);
}

export type TaskRequestRow = Awaited<ReturnType<typeof findRequestRow>> & object;

export async function findRequestRow(db: Db, id: number) {
  return selectRequests(db).where('q.id', '=', id).executeTakeFirst();
}

export async function listRequestsOfTask(db: Db, taskId: number) {
  return selectRequests(db).where('q.task_id', '=', taskId).orderBy('q.id', 'desc').execute();
}

/** The queue: requests in one state on the plans the given agency consolidates (all plans: null). */
export async function listRequestQueue(
  db: Db,
  state: TaskRequestsTable['state'],
  consolidatorOrgId: number | null,
  limit: number,
) {
  let q = selectRequests(db).where('q.state', '=', state);
  if (consolidatorOrgId !== null) q = q.where('p.consolidator_org_id', '=', consolidatorOrgId);
  return q
    .orderBy('q.id', state === 'pending' ? 'asc' : 'desc')
    .limit(limit)
    .execute();
}

/** How many requests are in each state, on the plans the agency consolidates (all plans: null). */
export async function countRequests(db: Db, consolidatorOrgId: number | null) {
  let q = db
    .selectFrom('task_requests as q')
    .innerJoin('plans as p', 'p.id', 'q.plan_id')
    .select(['q.state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('q.state');
  if (consolidatorOrgId !== null) q = q.where('p.consolidator_org_id', '=', consolidatorOrgId);
  const rows = await q.execute();
  const counts = { pending: 0, approved: 0, refused: 0 };
  for (const r of rows) counts[r.state] = Number(r.n);
  return counts;
}

export async function findPendingRequest(db: Db, taskId: number, kind: TaskRequestsTable['kind']) {
  return db
    .selectFrom('task_requests')
    .select(['id', 'created_at'])
    .where('task_id', '=', taskId)
    .where('kind', '=', kind)
    .where('state', '=', 'pending')
    .executeTakeFirst();
}

export async function insertRequest(db: Db, row: Insertable<TaskRequestsTable>): Promise<number> {
  const r = await db.insertInto('task_requests').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** A document the user uploaded for a request (a request cannot cite a file its filer did not upload). */
export async function findAttachableFile(db: Db, fileId: number, userId: number) {
  return db
    .selectFrom('task_request_uploads')
    .select('document_id')
    .where('document_id', '=', fileId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Records the decision on a still pending request; false when someone decided it first. */
export async function decideRequest(
  db: Db,
  id: number,
  set: Pick<TaskRequestsTable, 'state' | 'decision_reason' | 'decided_by' | 'decided_at' | 'revision_id'>,
): Promise<boolean> {
  const res = await db
    .updateTable('task_requests')
    .set(set)
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * The agencies that lead a task, with the agencies that took over their work (successors, in a chain):
 * a user of any of them files requests as the lead.
 */
export async function leadAgenciesOf(db: Db, taskId: number) {
  const leads = await db
    .selectFrom('task_agencies')
    .select(['organisation_id', 'agency_text', 'position'])
    .where('task_id', '=', taskId)
    .where('role', '=', 'lead')
    .orderBy('position')
    .execute();
  const ids = new Set<number>();
  const names: string[] = [];
  let frontier = leads.flatMap((l) => (l.organisation_id === null ? [] : [l.organisation_id]));
  for (let step = 0; step < 10 && frontier.length > 0; step++) {
    const orgs = await db
      .selectFrom('organisations')
      .select(['id', 'name', 'successor_id'])
      .where('id', 'in', frontier)
      .execute();
    frontier = [];
    for (const o of orgs) {
      if (ids.has(o.id)) continue;
      ids.add(o.id);
      names.push(o.name);
      if (o.successor_id !== null && !ids.has(o.successor_id)) frontier.push(o.successor_id);
    }
  }
  return { leads, ids, names };
}

/** The organisation's chain of successors from itself (itself first). */
export async function successionOf(db: Db, organisationId: number): Promise<number[]> {
  const chain: number[] = [];
  let id: number | null = organisationId;
  while (id !== null && !chain.includes(id) && chain.length < 10) {
    chain.push(id);
    const o: { successor_id: number | null } | undefined = await db
      .selectFrom('organisations')
      .select('successor_id')
      .where('id', '=', id)
      .executeTakeFirst();
    id = o?.successor_id ?? null;
  }
  return chain;
}

/** Users of an agency who are told about its requests: its reporters and coordinators. */
export async function usersOfAgency(db: Db, organisationId: number) {
  return db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('organisation_id', '=', organisationId)
    .where('active', '=', 1)
    .where('role', 'in', ['reporter', 'coordinator'])
    .orderBy('id')
    .execute();
}

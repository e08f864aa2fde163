import type { Kysely } from 'kysely';
import { type ActionContext, nowIso } from '../../context';
import type { Database } from '../../db/schema';

export interface AuditInput {
  actorId: number | null;
  action: string;
  entity: string;
  entityId: string | number | null;
  detail?: unknown;
  requestId?: string | null;
}

/** Append-only: called inside the same transaction as the change it records. */
export async function recordAudit(db: Kysely<Database>, input: AuditInput): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: nowIso(),
      actor_id: input.actorId,
      action: input.action,
      entity: input.entity,
      entity_id: input.entityId === null ? null : String(input.entityId),
      detail: input.detail === undefined ? null : JSON.stringify(input.detail),
      request_id: input.requestId ?? null,
    })
    .execute();
}

/**
 * Records what the context's actor did, with its request id, in the context's transaction (or its
 * database). `actorId` is given only where the context has no actor yet: a login names the user who
 * signed in.
 */
export function audit(
  rc: ActionContext,
  entry: Omit<AuditInput, 'actorId' | 'requestId'> & { actorId?: number },
): Promise<void> {
  return recordAudit(rc.db, {
    ...entry,
    actorId: entry.actorId ?? rc.actor?.id ?? null,
    requestId: rc.requestId,
  });
}

export interface AuditFilter {
  entity?: string | undefined;
  entityId?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listAudit(db: Kysely<Database>, f: AuditFilter) {
  let q = db.selectFrom('audit_log').leftJoin('users', 'users.id', 'audit_log.actor_id');
  if (f.entity) q = q.where('audit_log.entity', '=', f.entity);
  if (f.entityId) q = q.where('audit_log.entity_id', '=', f.entityId);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.actor_id',
      'users.full_name as actor_name',
      'audit_log.action',
      'audit_log.entity',
      'audit_log.entity_id',
      'audit_log.detail',
    ])
    .orderBy('audit_log.id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      detail: r.detail ? (JSON.parse(r.detail) as unknown) : null,
    })),
  };
}

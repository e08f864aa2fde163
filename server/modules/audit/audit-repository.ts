import type { Kysely } from 'kysely';
import { type ActionContext, nowIso } from '../../context';
import type { Database } from '../../db/schema';
import { type BoundedCount, boundedCount } from '../../lib/bounded-count';

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
  actorId?: number | undefined;
  action?: string | undefined;
  /** Instants (ISO, UTC): the service turns Vietnamese calendar days into them. */
  atFrom?: string | undefined;
  atBefore?: string | undefined;
}

function filtered(db: Kysely<Database>, f: AuditFilter) {
  let q = db.selectFrom('audit_log').leftJoin('users', 'users.id', 'audit_log.actor_id');
  if (f.entity) q = q.where('audit_log.entity', '=', f.entity);
  if (f.entityId) q = q.where('audit_log.entity_id', '=', f.entityId);
  if (f.actorId !== undefined) q = q.where('audit_log.actor_id', '=', f.actorId);
  if (f.action) q = q.where('audit_log.action', '=', f.action);
  if (f.atFrom) q = q.where('audit_log.at', '>=', f.atFrom);
  if (f.atBefore) q = q.where('audit_log.at', '<', f.atBefore);
  return q;
}

export interface AuditRow {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  detail: unknown;
}

/** Newest first; `limit` rows from `offset`. */
export async function listAuditRows(
  db: Kysely<Database>,
  f: AuditFilter,
  limit: number,
  offset: number,
): Promise<AuditRow[]> {
  const rows = await filtered(db, f)
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
    // Newest first by time, through the (…, at, id) indexes whatever the filter (ids follow time).
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    detail: r.detail ? (JSON.parse(r.detail) as unknown) : null,
  }));
}

/**
 * How many rows the filter selects, counted up to `cap` + 1 only: a log of millions of rows is not read
 * through to say "1.000.000 mục" on every page. More than `cap` comes back as `capped`.
 */
export async function countAuditRows(
  db: Kysely<Database>,
  f: AuditFilter,
  cap = Number.MAX_SAFE_INTEGER,
): Promise<BoundedCount> {
  let q = db.selectFrom('audit_log');
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.actorId !== undefined) q = q.where('actor_id', '=', f.actorId);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.atFrom) q = q.where('at', '>=', f.atFrom);
  if (f.atBefore) q = q.where('at', '<', f.atBefore);
  return boundedCount(db, q.select('id'), cap);
}

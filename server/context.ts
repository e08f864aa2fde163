import type { Kysely } from 'kysely';
import type { Config } from './config';
import type { DatabaseKind } from './db/connect';
import type { FaultMonitor } from './db/faults';
import type { Database } from './db/schema';
import type { AuthUser } from './http/auth-state';

/** What every service needs: the database and the configuration. Built once per process. */
export interface AppContext {
  db: Kysely<Database>;
  dbKind: DatabaseKind;
  config: Config;
  /** Storage and connection faults seen by this process (server/db/faults.ts), for /api/health. */
  faults: FaultMonitor;
  /** PostgreSQL only: the connection pool, whose counts /metrics reports. */
  pgPool?: { totalCount: number; idleCount: number; waitingCount: number };
}

export const nowIso = (): string => new Date().toISOString();

/**
 * What a service needs to act: who acts, the request's id (kept in the audit log), the clock, and
 * where to read and write: `db` is the app's database, or the open transaction inside
 * `inTransaction`. `actor` and `requestId` are null for work nobody asked for through the API
 * (first administrator, demo data, command-line tools): see `systemContext`. Audit rows (`audit` in
 * modules/audit) are written through it.
 */
export interface ActionContext {
  app: AppContext;
  actor: AuthUser | null;
  requestId: string | null;
  now: () => string;
  db: Kysely<Database>;
}

/**
 * An ActionContext for a signed-in user: built once per request by server/http/request-context.ts;
 * jobs, seeds and scripts that act as a known user build one with `systemRequestContext`.
 */
export interface RequestContext extends ActionContext {
  actor: AuthUser;
  requestId: string;
}

/** Runs `fn` in one transaction, with a context whose `db` is that transaction. */
export function inTransaction<C extends ActionContext, T>(rc: C, fn: (tx: C) => Promise<T>): Promise<T> {
  return rc.app.db.transaction().execute((trx) => fn({ ...rc, db: trx }));
}

/** A context for work that does not come from an HTTP request but acts as a known user (demo data). */
export function systemRequestContext(app: AppContext, actor: AuthUser, requestId: string): RequestContext {
  return { app, actor, requestId, now: nowIso, db: app.db };
}

/** A context for work nobody asked for through the API: audit rows name no actor and no request. */
export function systemContext(app: AppContext): ActionContext {
  return { app, actor: null, requestId: null, now: nowIso, db: app.db };
}

import type { Kysely } from 'kysely';
import type { Config } from './config';
import type { DatabaseKind } from './db/connect';
import type { FaultMonitor } from './db/faults';
import type { Database } from './db/schema';

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

import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { FaultMonitor, storageFault } from './faults';
import type { Database } from './schema';
import { ResilientSqliteDialect } from './sqlite-dialect';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Storage and connection faults seen so far, for /api/health and the logs. */
  faults: FaultMonitor;
  /** The PostgreSQL connection pool, for its gauges in /metrics. */
  pool?: pg.Pool;
}

export interface ConnectOptions {
  /** postgres://… selects PostgreSQL; otherwise SQLite in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  /** PostgreSQL schema to use (tests give each run its own). */
  pgSchema?: string;
}

/** How long a SQLite writer waits for another process's write to finish before giving up. */
export const SQLITE_BUSY_TIMEOUT_MS = 15_000;

/**
 * pg is loaded only when PostgreSQL is chosen: an embedded (SQLite) command line then starts about
 * 0.1 s sooner (docs/PERFORMANCE.md, "Start-up of the command line").
 */
function loadPg(): typeof pg {
  const loaded = createRequire(import.meta.url)('pg') as typeof pg;
  // COUNT(*) and BIGINT arrive from pg as strings; planwatch's counts fit comfortably in a JS number.
  loaded.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
  return loaded;
}

export function connectDatabase(opts: ConnectOptions): DatabaseHandle {
  const faults = new FaultMonitor();
  if (opts.databaseUrl) {
    const pg = loadPg();
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: 10,
      // An unreachable server fails the request (503) instead of leaving it waiting forever.
      connectionTimeoutMillis: 10_000,
      keepAlive: true,
      ...(opts.pgSchema ? { options: `-c search_path=${opts.pgSchema}` } : {}),
    });
    // A connection that dies while idle in the pool (server restart, pg_terminate_backend, network
    // cut) is reported here; without a listener Node ends the process. pg-pool discards the client and
    // the next request opens a new connection.
    pool.on('error', (err) => faults.connectionLost(err));
    // A connection checked out by a transaction but between two queries reports a loss on the client
    // itself; the pending or next query fails and Kysely discards it, so only log here.
    pool.on('connect', (client) => {
      client.on('error', (err) => faults.connectionLost(err));
    });
    return {
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
      kind: 'postgres',
      faults,
      pool,
    };
  }
  return { db: new Kysely<Database>({ dialect: openSqlite(opts.dataDir, faults) }), kind: 'sqlite', faults };
}

function openSqlite(dataDir: string, faults: FaultMonitor): ResilientSqliteDialect {
  try {
    if (!existsSync(dataDir)) {
      mkdirSync(path.dirname(dataDir), { recursive: true });
      // Not recursive for the last step: on a read-only disk that answers EROFS, not a puzzling ENOENT.
      mkdirSync(dataDir);
    }
    const file = new SQLite(path.join(dataDir, 'planwatch.sqlite'));
    file.pragma('journal_mode = WAL');
    file.pragma('foreign_keys = ON');
    file.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    return new ResilientSqliteDialect(file, dataDir, faults);
  } catch (err) {
    // A read-only or full data folder at start-up: say which folder, in words, not SQLITE_CANTOPEN.
    throw storageFault(err, dataDir) ?? err;
  }
}

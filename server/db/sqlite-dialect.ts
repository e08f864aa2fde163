import type SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type QueryResult,
  SqliteDialect,
  SqliteDriver,
} from 'kysely';
import { type FaultMonitor, sqliteBusyFault, storageFault } from './faults';
import { withStatementCache } from './statement-cache';

/**
 * Kysely's SQLite dialect with three changes that matter when more than one process writes the file
 * (the server and `planwatch import`, or two servers):
 *
 * - Transactions start with BEGIN IMMEDIATE. Kysely's plain BEGIN is deferred: the transaction reads
 *   first and asks for the write lock at its first write, and if another process committed in between
 *   SQLite refuses at once with SQLITE_BUSY ("database is locked") — busy_timeout cannot help, since
 *   waiting would not make the stale snapshot current. Taking the write lock at BEGIN makes writers
 *   queue for it within busy_timeout instead.
 * - ROLLBACK is skipped when SQLite has already rolled the transaction back itself (it does on
 *   SQLITE_FULL and some I/O errors); otherwise "cannot rollback - no transaction is active" would
 *   replace the real error.
 * - Storage errors (disk full, read-only, no permission) become a Vietnamese 503 naming the data folder,
 *   and are remembered for /api/health until a later write succeeds.
 *
 * Prepared statements are kept and reused (statement-cache.ts) instead of compiled for every query.
 */
export class ResilientSqliteDialect extends SqliteDialect {
  constructor(
    private readonly file: SQLite.Database,
    private readonly dataDir: string,
    private readonly faults: FaultMonitor,
  ) {
    super({ database: file });
  }

  override createDriver(): SqliteDriver {
    return new ResilientSqliteDriver(this.file, this.dataDir, this.faults);
  }
}

class ResilientSqliteDriver extends SqliteDriver {
  private readonly wrapped = new WeakMap<DatabaseConnection, DatabaseConnection>();

  constructor(
    private readonly file: SQLite.Database,
    private readonly dataDir: string,
    private readonly faults: FaultMonitor,
  ) {
    super({ database: withStatementCache(file) });
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    let w = this.wrapped.get(connection);
    if (!w) {
      w = this.wrap(connection);
      this.wrapped.set(connection, w);
    }
    return w;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
    this.faults.clearStorage();
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.file.inTransaction) return;
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  private translate = (err: unknown): never => {
    const storage = storageFault(err, this.dataDir);
    if (storage) {
      this.faults.recordStorage(storage);
      throw storage;
    }
    throw sqliteBusyFault(err) ?? err;
  };

  private wrap(connection: DatabaseConnection): DatabaseConnection {
    const translate = this.translate;
    const file = this.file;
    const faults = this.faults;
    return {
      async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
        let result: QueryResult<R>;
        try {
          // Kysely's SQLite connection throws synchronously, so await inside try rather than .catch().
          result = await connection.executeQuery<R>(query);
        } catch (err) {
          return translate(err);
        }
        // A write outside a transaction that went through shows the storage is writable again.
        if (!file.inTransaction && (result.numAffectedRows ?? 0n) > 0n) faults.clearStorage();
        return result;
      },
      async *streamQuery<R>(query: CompiledQuery, chunkSize?: number) {
        try {
          yield* connection.streamQuery<R>(query, chunkSize);
        } catch (err) {
          translate(err);
        }
      },
    };
  }
}

import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * The database handed to Kysely's SQLite driver, which prepares every query anew: compiling the SQL
 * again took about 6 % of the server's CPU while 50 people signed in at once (bench/cold-clients.ts,
 * docs/PERFORMANCE.md). Statements are kept by their SQL text, most recently used first, up to `max`;
 * SQLite re-prepares a kept statement by itself after a schema change. A statement still being iterated
 * (a streamed select) is never handed out twice: a fresh one is prepared instead.
 */
export function withStatementCache(file: SQLite.Database, max = 500): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      kept.clear();
      file.close();
    },
    prepare(sql: string): SqliteStatement {
      const found = kept.get(sql);
      if (found && !found.busy) {
        // Map order is insertion order: moving the statement to the end keeps the least used first.
        kept.delete(sql);
        kept.set(sql, found);
        return found as unknown as SqliteStatement;
      }
      const stmt = file.prepare(sql);
      kept.delete(sql);
      kept.set(sql, stmt);
      if (kept.size > max) kept.delete(kept.keys().next().value as string);
      return stmt as unknown as SqliteStatement;
    },
  };
}

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../config';
import type { AppContext } from '../context';
import { connectContext, openContext } from '../runtime';

export type Dialect = 'sqlite' | 'postgres';

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL names a server (CI sets it). */
export const TEST_DIALECTS: Dialect[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestContext {
  ctx: AppContext;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database of its own: a temporary SQLite file, or a new PostgreSQL schema that is
 * dropped afterwards, so concurrent test files and CI runs never see each other's rows.
 */
export async function openTestContext(dialect: Dialect): Promise<TestContext> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'planwatch-test-'));
  const base = loadConfig({}, { dataDir, logLevel: 'silent' });
  if (dialect === 'sqlite') {
    const ctx = await openContext(base);
    return {
      ctx,
      close: async () => {
        await ctx.db.destroy();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const schema = `pw_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const ctx = await openContext({ ...base, databaseUrl: url }, schema);
  return {
    ctx,
    close: async () => {
      await ctx.db.destroy();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A second, independent connection to the same test database (as another server process would have):
 * the same SQLite file, or the same PostgreSQL schema. The caller destroys its `db`.
 */
export async function connectAgain(ctx: AppContext): Promise<AppContext> {
  if (ctx.dbKind === 'sqlite') return connectContext(ctx.config);
  const r = await sql<{ schema: string }>`select current_schema() as schema`.execute(ctx.db);
  return connectContext(ctx.config, r.rows[0]!.schema);
}

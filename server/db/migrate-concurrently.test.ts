import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { connectContext } from '../runtime';
import { migrateToLatest, migrationState } from './migrate';
import { migrations } from './migrations/index';

// Two server processes started together on a new PostgreSQL database both migrate it at start-up.

const URL_ = process.env.TEST_DATABASE_URL;

describe.skipIf(!URL_)('migrating one PostgreSQL schema from two processes at once', () => {
  const schema = `pw_test_mig_${randomBytes(5).toString('hex')}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'planwatch-mig-'));
  const sql = async (q: string) => {
    const c = new pg.Client({ connectionString: URL_ });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  beforeAll(() => sql(`create schema ${schema}`));
  afterAll(async () => {
    await sql(`drop schema if exists ${schema} cascade`);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('applies every migration once, and both processes start', async () => {
    const config = loadConfig({}, { dataDir, logLevel: 'silent', databaseUrl: URL_! });
    const a = connectContext(config, schema);
    const b = connectContext(config, schema);
    try {
      const results = await Promise.all([migrateToLatest(a.db), migrateToLatest(b.db)]);
      const applied = results.flatMap((r) => (r.results ?? []).filter((m) => m.status === 'Success'));
      expect(applied.map((m) => m.migrationName).sort()).toEqual(Object.keys(migrations).sort());
      expect(await migrationState(a.db)).toMatchObject({
        pending: 0,
        applied: Object.keys(migrations).length,
      });
    } finally {
      await a.db.destroy();
      await b.db.destroy();
    }
  });
});

import { execFile } from 'node:child_process';
import { closeSync, cpSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponseSchema } from '../../shared/contracts/errors';
import { healthResponseSchema } from '../../shared/contracts/health';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { openContext } from '../runtime';
import { expectBody } from '../test/expect-body';
import { buildUser } from '../test/factories';
import { canMount, mountTmpfs, type TmpfsMount } from '../test/fault-mounts';
import { Agent, startTestServer, type TestServer } from '../test/http-agent';

// These tests start planwatch processes (tsx start-up takes seconds on a busy machine).
const CHILD_PROCESS_TIMEOUT = 180_000;

const ROOT = path.resolve(import.meta.dirname, '../..');
const PLAN = readFileSync(path.join(ROOT, 'fixtures/plans/hung-yen-148-KH-UBND-2021.txt'));

/** A plan upload writes both places planwatch stores data: the original file and a draft row. */
const upload = (agent: Agent, n: number) =>
  agent.upload('/api/plan-imports', `ke-hoach-${n}.txt`, Buffer.from(`${PLAN.toString()}\n${'-'.repeat(n)}`));

describe('SQLite refusing writes because the database is full (SQLITE_FULL)', () => {
  let s: TestServer;
  let agent: Agent;
  beforeAll(async () => {
    s = await startTestServer('sqlite');
    agent = await s.loginAs(await buildUser(s.ctx, { role: 'coordinator' }));
  });
  afterAll(async () => s?.close());

  it(
    'answers a Vietnamese 503 naming the data folder, reports degraded health, and recovers',
    async () => {
      // max_page_count caps the file at its present size: SQLite's real "database or disk is full".
      const pages = await sql<{ page_count: number }>`pragma page_count`.execute(s.ctx.db);
      await sql.raw(`pragma max_page_count = ${pages.rows[0]!.page_count}`).execute(s.ctx.db);

      const refused = await upload(agent, 1);
      expect(refused.status).toBe(503);
      const err = expectBody(refused, errorResponseSchema).error;
      expect(err.code).toBe('STORAGE_UNAVAILABLE');
      expect(err.message).toContain(`"${s.ctx.config.dataDir}"`);
      expect(err.message).toContain('đã đầy');
      expect(err.message).not.toMatch(/rollback|SQLITE/i);

      const health = await agent.get('/api/health');
      expect(health.status).toBe(503);
      expect(expectBody(health, healthResponseSchema)).toMatchObject({
        status: 'degraded',
        problems: [err.message],
      });
      // Reads still work while writes are refused.
      expect((await agent.get('/api/plan-imports')).status).toBe(200);

      await sql.raw('pragma max_page_count = 1073741823').execute(s.ctx.db);
      expect((await upload(agent, 2)).status).toBe(200);
      const healed = await agent.get('/api/health');
      expect(healed.status).toBe(200);
      expect(expectBody(healed, healthResponseSchema)).toMatchObject({ status: 'ok', problems: [] });
    },
    CHILD_PROCESS_TIMEOUT,
  );
});

/** A server on a data folder of our choosing (a tmpfs), as `planwatch serve` would open it. */
async function serverOn(dataDir: string) {
  const ctx = await openContext(loadConfig({}, { dataDir, logLevel: 'silent' }));
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  const user = await buildUser(ctx, { role: 'coordinator' });
  const agent = new Agent(app);
  await agent.login(user.username, user.password);
  return { ctx, app, agent, user };
}

describe.skipIf(!canMount())('a real full or read-only file system (tmpfs)', () => {
  let base: string;
  const mounts: TmpfsMount[] = [];
  beforeAll(() => {
    base = mkdtempSync(path.join(tmpdir(), 'planwatch-storage-'));
  });
  afterAll(() => {
    for (const m of mounts.reverse()) m.unmount();
    rmSync(base, { recursive: true, force: true });
  });

  it(
    'disk full (ENOSPC): uploads and saves get a 503 naming the folder; freeing space heals',
    async () => {
      const disk = mountTmpfs(path.join(base, 'full'), 8 * 1024);
      mounts.push(disk);
      const dataDir = path.join(disk.dir, 'data');
      const { ctx, app, agent, user } = await serverOn(dataDir);
      try {
        expect((await upload(agent, 1)).status).toBe(200);
        // SQLite reuses its write-ahead log file from the start after a checkpoint: a log already grown by
        // the migrations can take the next small write with no new disk space at all, and whether it can
        // depends on how much the migrations wrote. Emptied here, any write needs new space.
        await sql`pragma wal_checkpoint(TRUNCATE)`.execute(ctx.db);
        // Fill what is left of the disk.
        const filler = path.join(disk.dir, 'filler');
        const fd = openSync(filler, 'w');
        try {
          const block = Buffer.alloc(64 * 1024, 1);
          for (;;) writeSync(fd, block);
        } catch (e) {
          expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
        } finally {
          closeSync(fd);
        }
        const refused = await upload(agent, 2);
        expect(refused.status).toBe(503);
        const err = expectBody(refused, errorResponseSchema).error;
        expect(err.code).toBe('STORAGE_UNAVAILABLE');
        // The file is written first, so the files folder is the one named.
        expect(err.message).toContain(`"${path.join(dataDir, 'files')}"`);
        expect(err.message).toContain('đã đầy');

        // A write of the database alone (a login opens a session) meets SQLite's SQLITE_FULL.
        const login = await new Agent(app).login(user.username, user.password);
        expect(login.status).toBe(503);
        expect(expectBody(login, errorResponseSchema).error.message).toContain(
          `Ổ đĩa chứa thư mục dữ liệu "${dataDir}" đã đầy`,
        );

        const health = await agent.get('/api/health');
        expect(health.status).toBe(503);
        expect(expectBody(health, healthResponseSchema).status).toBe('degraded');
        expect(expectBody(health, healthResponseSchema).problems.join('\n')).toContain('đã đầy');

        rmSync(filler);
        expect((await upload(agent, 3)).status).toBe(200);
        expect((await agent.get('/api/health')).status).toBe(200);
      } finally {
        await app.close();
        await ctx.db.destroy();
      }
    },
    CHILD_PROCESS_TIMEOUT,
  );

  it(
    'a read-only files folder (EROFS): a 503 naming it, and health says so before anyone uploads',
    async () => {
      const dataDir = path.join(base, 'ro-files');
      const { ctx, app, agent } = await serverOn(dataDir);
      const files = mountTmpfs(path.join(dataDir, 'files'), 1024);
      mounts.push(files);
      try {
        files.readOnly();
        const health = await agent.get('/api/health');
        expect(health.status).toBe(503);
        expect(expectBody(health, healthResponseSchema).problems).toEqual([
          expect.stringContaining(`"${path.join(dataDir, 'files')}" đang ở chế độ chỉ đọc`),
        ]);
        const refused = await upload(agent, 1);
        expect(refused.status).toBe(503);
        expect(expectBody(refused, errorResponseSchema).error.message).toContain(
          `Thư mục dữ liệu "${path.join(dataDir, 'files')}" đang ở chế độ chỉ đọc`,
        );
        files.writable();
        expect((await upload(agent, 2)).status).toBe(200);
        expect((await agent.get('/api/health')).status).toBe(200);
      } finally {
        await app.close();
        await ctx.db.destroy();
      }
    },
    CHILD_PROCESS_TIMEOUT,
  );

  it(
    'planwatch serve on a read-only data folder stops with a Vietnamese message naming it',
    async () => {
      // A data folder in use until now, whose disk then turned read-only under the running server: its
      // files are copied while the database is open, so the WAL and its index are there (a clean close
      // would checkpoint them away), and the read-only open meets SQLITE_READONLY whatever the size.
      const disk = mountTmpfs(path.join(base, 'ro-data'), 16 * 1024);
      mounts.push(disk);
      const dataDir = path.join(disk.dir, 'data');
      const source = path.join(base, 'ro-source');
      const before = await openContext(loadConfig({}, { dataDir: source, logLevel: 'silent' }));
      cpSync(source, dataDir, { recursive: true });
      await before.db.destroy();
      disk.readOnly();
      const r = await promisify(execFile)('node', [path.join(ROOT, 'bin/planwatch.js'), 'serve'], {
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0', LOG_LEVEL: 'silent' },
      }).then(
        () => ({ code: 0, stderr: '' }),
        (e: { code: number; stderr: string }) => e,
      );
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`"${dataDir}"`);
      expect(r.stderr).toMatch(/chỉ đọc/);
      expect(r.stderr).not.toMatch(/SQLITE|ENOENT|EROFS/);
    },
    CHILD_PROCESS_TIMEOUT,
  );
});

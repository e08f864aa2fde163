import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import type { AppContext } from './context';
import { insertSession } from './modules/auth/session-repository';
import { openContext } from './runtime';
import { buildUser } from './test/factories';
import { type SpawnedServer, spawnServer } from './test/spawn-server';

// Two real `planwatch serve` processes that share nothing but a PostgreSQL schema (each its own
// DATA_DIR, as on two machines) must behave as one service.

const BASE_URL = process.env.TEST_DATABASE_URL;
const ADMIN_PASSWORD = 'mat-khau-quan-tri-thu';
const SAMPLE = readFileSync(
  path.join(import.meta.dirname, '../fixtures/plans/hung-yen-148-KH-UBND-2021.txt'),
);
const MAILS = 8;

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: BASE_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Polls `check` until it returns true or `timeoutMs` passes; the test then states what it waited for. */
async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return check();
}

describe.skipIf(!BASE_URL)('two server processes on one PostgreSQL', () => {
  const schema = `pw_test_mp_${randomBytes(5).toString('hex')}`;
  const dirs: string[] = [];
  let ctx: AppContext;
  let a: SpawnedServer;
  let b: SpawnedServer;
  let smtp: SMTPServer;
  const subjects: string[] = [];
  let coordinator: { username: string; password: string; id: number };

  beforeAll(async () => {
    await admin((c) => c.query(`create schema ${schema}`));
    const url = new URL(BASE_URL!);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const dataDir = mkdtempSync(path.join(tmpdir(), 'planwatch-mp-test-'));
    dirs.push(dataDir);
    ctx = await openContext(loadConfig({}, { dataDir, logLevel: 'silent', databaseUrl: url.toString() }));

    coordinator = await buildUser(ctx, { role: 'coordinator' });
    const now = new Date().toISOString();
    for (let i = 1; i <= MAILS; i += 1) {
      await ctx.db
        .insertInto('email_outbox')
        .values({
          to_address: `so${i}@tinh.test`,
          subject: `Thu nhac han ${i}`,
          body: `Thư ${i}`,
          dedupe_key: `hai-tien-trinh:${i}`,
          attempts: 0,
          created_at: now,
          next_attempt_at: now,
        })
        .execute();
    }
    const session = (id: string, expiresAt: string) =>
      insertSession(ctx.db, { id, userId: coordinator.id, csrfToken: 'x', createdAt: now, expiresAt });
    await session('phien-het-han', '2020-01-01T00:00:00.000Z');
    await session('phien-con-han', '2099-01-01T00:00:00.000Z');

    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          subjects.push(/^Subject: (.*)$/m.exec(Buffer.concat(chunks).toString('utf8'))?.[1] ?? '');
          setTimeout(cb, 50);
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));

    const env = (name: string) => {
      const dir = mkdtempSync(path.join(tmpdir(), `planwatch-mp-${name}-`));
      dirs.push(dir);
      return {
        DATABASE_URL: url.toString(),
        DATA_DIR: dir,
        PLANWATCH_ADMIN_PASSWORD: ADMIN_PASSWORD,
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String((smtp.server.address() as AddressInfo).port),
        REMINDER_INTERVAL_MINUTES: '1',
      };
    };
    // Started together, as a deployment would: both bootstrap the same database at once.
    [a, b] = await Promise.all([spawnServer(env('a')), spawnServer(env('b'))]);
  }, 120_000);

  afterAll(async () => {
    const codes = await Promise.all([a?.stop(), b?.stop()]);
    await new Promise<void>((r) => smtp?.close(() => r()));
    await ctx?.db.destroy();
    await admin((c) => c.query(`drop schema if exists ${schema} cascade`));
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    expect(codes).toEqual([0, 0]);
  }, 60_000);

  const login = async (server: SpawnedServer, username: string, password: string) => {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    expect(res.status).toBe(200);
    const cookie = /pw_session=[^;]+/.exec(res.headers.getSetCookie().join(';'))![0];
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return { cookie, csrf: csrfToken };
  };

  it('created one administrator although both processes started together on a database without one', async () => {
    const admins = await ctx.db.selectFrom('users').select('id').where('username', '=', 'admin').execute();
    expect(admins).toHaveLength(1);
    await login(a, 'admin', ADMIN_PASSWORD);
  });

  it('a session opened on A works on B, and logging out on B ends it on A', async () => {
    const s = await login(a, coordinator.username, coordinator.password);
    const onB = await fetch(`${b.url}/api/auth/session`, { headers: { cookie: s.cookie } });
    expect(onB.status).toBe(200);
    expect(((await onB.json()) as { user: { username: string } }).user.username).toBe(coordinator.username);
    const out = await fetch(`${b.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
    expect(out.status).toBe(200);
    expect((await fetch(`${a.url}/api/auth/session`, { headers: { cookie: s.cookie } })).status).toBe(401);
  });

  it('a file uploaded to A is downloaded from B', async () => {
    const s = await login(a, coordinator.username, coordinator.password);
    const form = new FormData();
    form.append('file', new Blob([SAMPLE]), 'ke-hoach-148.txt');
    const up = await fetch(`${a.url}/api/plan-imports`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      body: form,
    });
    expect(up.status).toBe(200);
    const imp = (await up.json()) as { id: number; document: { sha256: string } };
    const down = await fetch(`${b.url}/api/plan-imports/${imp.id}/original`, {
      headers: { cookie: s.cookie },
    });
    expect(down.status).toBe(200);
    expect(down.headers.get('x-content-sha256')).toBe(imp.document.sha256);
    expect(Buffer.compare(Buffer.from(await down.arrayBuffer()), SAMPLE)).toBe(0);
  });

  it('sends every queued e-mail exactly once while both processes run the mail job', async () => {
    const allSent = async () =>
      (await ctx.db.selectFrom('email_outbox').select('id').where('sent_at', 'is', null).execute()).length ===
      0;
    expect(await eventually(allSent, 45_000)).toBe(true);
    // Room for a second sender to send a duplicate, were there one.
    await new Promise((r) => setTimeout(r, 3_000));
    expect([...subjects].sort()).toEqual(
      Array.from({ length: MAILS }, (_, i) => `Thu nhac han ${i + 1}`).sort(),
    );
  }, 60_000);

  it('deletes expired sessions and keeps the others', async () => {
    const ids = async () => (await ctx.db.selectFrom('sessions').select('id').execute()).map((r) => r.id);
    expect(await eventually(async () => !(await ids()).includes('phien-het-han'), 30_000)).toBe(true);
    expect(await ids()).toContain('phien-con-han');
  }, 40_000);
});

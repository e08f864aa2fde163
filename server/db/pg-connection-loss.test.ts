import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionResponseSchema } from '../../shared/contracts/auth';
import { expectBody } from '../test/expect-body';

// These tests start planwatch processes (tsx start-up takes seconds on a busy machine).
const CHILD_PROCESS_TIMEOUT = 180_000;

const ROOT = path.resolve(import.meta.dirname, '../..');
const URL_ = process.env.TEST_DATABASE_URL;
const ADMIN_PASSWORD = 'mat-khau-quan-tri-thu';

/**
 * A TCP relay between the server and PostgreSQL that the test can cut and restore: "the database is
 * unreachable" for real (refused connections, dropped sockets), touching no one else's sessions.
 */
class CuttableRelay {
  private server: net.Server | null = null;
  private sockets = new Set<net.Socket>();
  port = 0;
  constructor(
    private readonly host: string,
    private readonly targetPort: number,
  ) {}

  async open(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.targetPort, this.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }
}

interface Reply {
  status: number;
  body: { status?: string; problems?: string[]; error?: { code: string; message: string } };
}

describe.skipIf(!URL_)('PostgreSQL connection loss (server run as its own process)', () => {
  const schema = `pw_test_${randomBytes(6).toString('hex')}`;
  // Our sessions, and only ours, carry this name: the test terminates these backends and no other.
  const appName = `planwatch_fault_${randomBytes(4).toString('hex')}`;
  const target = new URL(URL_ ?? 'postgres://x');
  const relay = new CuttableRelay(target.hostname, Number(target.port || 5432));
  let dataDir: string;
  let child: ChildProcess;
  let base: string;
  let exited = false;
  let cookie = '';
  let output = '';
  const admin = new pg.Client({ connectionString: URL_ });

  let csrf = '';
  const call = async (method: string, url: string, body?: unknown): Promise<Reply> => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie?.startsWith('pw_session=')) cookie = setCookie.split(';')[0]!;
    return { status: res.status, body: (await res.json()) as Reply['body'] };
  };
  const terminateOurBackends = async (): Promise<number> => {
    const r = await admin.query(
      'select count(*) filter (where pg_terminate_backend(pid, 5000)) as n from pg_stat_activity where application_name = $1',
      [appName],
    );
    return Number(r.rows[0].n);
  };

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await relay.open();
    dataDir = mkdtempSync(path.join(tmpdir(), 'planwatch-pgloss-'));
    const url = new URL(URL_!);
    url.host = `127.0.0.1:${relay.port}`;
    url.searchParams.set('application_name', appName);
    url.searchParams.set('options', `-c search_path=${schema}`);
    child = spawn('node', [path.join(ROOT, 'bin/planwatch.js'), 'serve'], {
      env: {
        ...process.env,
        DATABASE_URL: url.toString(),
        DATA_DIR: dataDir,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        PLANWATCH_ADMIN_PASSWORD: ADMIN_PASSWORD,
        NODE_ENV: 'test',
        // One process: the test follows one server's connections.
        WEB_CONCURRENCY: '1',
      },
    });
    child.on('exit', () => {
      exited = true;
    });
    base = await new Promise<string>((resolve, reject) => {
      const onData = (d: Buffer) => {
        output += d;
        const m = /http:\/\/localhost:(\d+)/.exec(output);
        if (m) resolve(`http://127.0.0.1:${m[1]}`);
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (d) => (output += d));
      child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
    });
    const login = await call('POST', '/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(login.status).toBe(200);
    csrf = expectBody(login, sessionResponseSchema).csrfToken;
  }, CHILD_PROCESS_TIMEOUT);

  afterAll(async () => {
    if (child && !exited) {
      const done = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await done;
    }
    await relay.cut();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'survives every backend being terminated during requests, and the next requests succeed',
    async () => {
      for (let round = 0; round < 3; round++) {
        // Requests in flight while their connections are killed: reads, and writes (an agency and its
        // audit row, in one transaction).
        const inFlight = Array.from({ length: 12 }, (_, i) =>
          i % 3 === 0
            ? call('POST', '/api/organisations', {
                code: `MAT-KET-NOI-${round}-${i}`,
                name: `Cơ quan thử ${round}.${i}`,
                kind: 'so',
              })
            : call('GET', i % 2 ? '/api/users' : '/api/organisations'),
        );
        const killed = await terminateOurBackends();
        expect(killed).toBeGreaterThan(0);
        const during = await Promise.all(inFlight);
        // Each either went through or got the retryable 503 — never a 500, never a dead process.
        for (const r of during) {
          expect([200, 503]).toContain(r.status);
          if (r.status === 503) expect(r.body.error?.code).toBe('DATABASE_UNAVAILABLE');
        }
        expect(exited).toBe(false);

        // Idle connections of the pool too: the crash used to come from one of these.
        expect(await terminateOurBackends()).toBeGreaterThanOrEqual(0);
        expect(exited).toBe(false);
        const after = await Promise.all([call('GET', '/api/users'), call('GET', '/api/health')]);
        expect(after.map((r) => r.status)).toEqual([200, 200]);
      }
      expect(output).not.toMatch(/Unhandled 'error' event/);

      // Nothing half-written: every agency created during the kills has its audit row, and the other way.
      const orgs = await admin.query(
        `select id from ${schema}.organisations where code like 'MAT-KET-NOI-%'`,
      );
      const audited = await admin.query(
        `select entity_id from ${schema}.audit_log where action = 'organisation.created' and entity = 'organisation'`,
      );
      expect(orgs.rows.length).toBeGreaterThan(0);
      expect(audited.rows.map((r) => Number(r.entity_id)).sort()).toEqual(
        orgs.rows.map((r) => Number(r.id)).sort(),
      );
    },
    CHILD_PROCESS_TIMEOUT,
  );

  it(
    'answers 503 "degraded" while the database is unreachable, and recovers when it is back',
    async () => {
      await relay.cut();
      const health = await call('GET', '/api/health');
      expect(health.status, `${JSON.stringify(health.body)} ${output}`).toBe(503);
      expect(health.body).toMatchObject({ status: 'degraded' });
      expect(health.body.problems).toContain('Không kết nối được máy chủ cơ sở dữ liệu PostgreSQL.');
      const refused = await call('GET', '/api/users');
      expect(refused.status).toBe(503);
      expect(refused.body.error).toEqual({
        code: 'DATABASE_UNAVAILABLE',
        message: 'Tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít phút.',
      });
      expect(exited).toBe(false);

      await relay.open();
      expect((await call('GET', '/api/health')).status).toBe(200);
      expect((await call('GET', '/api/users')).status).toBe(200);
    },
    CHILD_PROCESS_TIMEOUT,
  );
});

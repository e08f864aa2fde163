/**
 * Shared pieces of the reliability scripts (crash.ts, load.ts): a database of its own (a SQLite
 * DATA_DIR, or a fresh PostgreSQL schema dropped afterwards), a seeded world (the sample plan, an open
 * reporting period, users of every role), a real server process (bin/planwatch.js serve) on a loopback
 * port, and a small HTTP client that keeps the session cookie and CSRF token like the web client.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../server/config';
import { systemContext, systemRequestContext } from '../../server/context';
import type { AuthUser } from '../../server/http/auth-state';
import { confirmImport } from '../../server/modules/plan-import/confirm-import';
import { createImport } from '../../server/modules/plan-import/import-service';
import { openPeriod } from '../../server/modules/reporting/period-service';
import { createUser } from '../../server/modules/users/user-service';
import { openContext } from '../../server/runtime';
import { SAMPLE_ORGANISATIONS } from '../../server/seed/sample/hung-yen-organisations';
import { seedOrganisations } from '../../server/seed/seed-organisations';
import type { Role } from '../../shared/domain/auth/roles';
import { localDate } from '../../shared/domain/reporting/local-date';
import { buildServer } from '../build-server';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export type DbKind = 'sqlite' | 'postgres';
export const PASSWORD = 'mat-khau-do-tin-cay';
export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** Only loopback is ever targeted by these scripts. */
export const HOST = '127.0.0.1';

export function argValue(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

export function dbKinds(): DbKind[] {
  const v = argValue('db', 'sqlite,postgres');
  return v.split(',').filter((k): k is DbKind => k === 'sqlite' || k === 'postgres');
}

export interface Database {
  kind: DbKind;
  /** Environment for the server process and for seeding. */
  env: Record<string, string>;
  pgSchema: string | undefined;
  drop(): Promise<void>;
}

/** A new SQLite data directory under .tmp/, or a new PostgreSQL schema; `drop` removes it. */
export async function freshDatabase(kind: DbKind, label: string): Promise<Database> {
  const dataDir = path.join(ROOT, '.tmp', `${label}-${kind}-${randomBytes(4).toString('hex')}`);
  mkdirSync(dataDir, { recursive: true });
  if (kind === 'sqlite') {
    return {
      kind,
      env: { DATA_DIR: dataDir },
      pgSchema: undefined,
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const base = process.env.RELIABILITY_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? DEFAULT_PG_URL;
  const schema = `pw_rel_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    kind,
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    pgSchema: schema,
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface SeededUser {
  username: string;
  role: Role;
  organisationId: number;
}

export interface World {
  planId: number;
  periodId: number;
  /** Reports of the open period, by agency. */
  reports: { id: number; organisationId: number }[];
  users: SeededUser[];
}

/**
 * The sample agencies and plan (through the real importer), the current year's reporting period
 * (which creates one report per agency with tasks), and users: `reportersPerReport` reporters for each
 * agency with a report, plus coordinators, leaders and admins.
 */
export async function seedWorld(
  db: Database,
  counts: {
    reportersPerReport: number;
    reporters?: number;
    coordinators: number;
    leaders: number;
    admins: number;
  },
): Promise<World> {
  const config = loadConfig({ ...process.env, ...db.env, LOG_LEVEL: 'silent' });
  const ctx = await openContext(config, db.pgSchema);
  try {
    await seedOrganisations(ctx, SAMPLE_ORGANISATIONS);
    const bytes = readFileSync(path.join(ROOT, 'fixtures/plans/hung-yen-148-KH-UBND-2021.txt'));
    const imp = await createImport(systemContext(ctx), { filename: 'ke-hoach.txt', bytes });
    const planId = await confirmImport(systemContext(ctx), imp.id, { registerNewAgencies: false });
    const province = await ctx.db
      .selectFrom('organisations')
      .select(['id', 'name'])
      .orderBy('id')
      .executeTakeFirstOrThrow();

    const users: SeededUser[] = [];
    let n = 0;
    const add = async (role: Role, organisationId: number) => {
      const username = `${role}.${++n}`;
      await createUser(systemContext(ctx), {
        username,
        fullName: `Người dùng ${n}`,
        role,
        organisationId,
        password: PASSWORD,
        mustChangePassword: false,
      });
      users.push({ username, role, organisationId });
    };
    for (let i = 0; i < counts.coordinators; i++) await add('coordinator', province.id);
    const opener = users[0]!;
    const actor: AuthUser = {
      id: 1,
      username: opener.username,
      fullName: opener.username,
      role: 'coordinator',
      organisationId: province.id,
      organisationName: province.name,
      mustChangePassword: false,
    };
    actor.id = (
      await ctx.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', opener.username)
        .executeTakeFirstOrThrow()
    ).id;
    const year = Number(localDate(new Date()).slice(0, 4));
    const { period } = await openPeriod(systemRequestContext(ctx, actor, 'seed'), planId, {
      kind: 'annual',
      year,
    });
    const reports = (
      await ctx.db
        .selectFrom('reports')
        .select(['id', 'organisation_id'])
        .where('period_id', '=', period.id)
        .orderBy('id')
        .execute()
    ).map((r) => ({ id: r.id, organisationId: r.organisation_id }));
    let reporters = 0;
    const wanted = counts.reporters ?? reports.length * counts.reportersPerReport;
    while (reporters < wanted) {
      for (const r of reports) {
        if (reporters >= wanted) break;
        await add('reporter', r.organisationId);
        reporters++;
      }
    }
    for (let i = 0; i < counts.leaders; i++) await add('leader', province.id);
    for (let i = 0; i < counts.admins; i++) await add('admin', province.id);
    return { planId, periodId: period.id, reports, users };
  } finally {
    await ctx.db.destroy();
  }
}

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  baseUrl: string;
  /** Lines the server wrote to stderr (kept short), for the report when something fails. */
  stderr: string[];
}

let built: Promise<unknown> | null = null;

/**
 * Starts `bin/planwatch.js serve` (the compiled build, made from the current sources once per run) on
 * 127.0.0.1:port and waits until /api/health answers ok.
 */
export async function startServer(db: Database, port: number): Promise<ServerProcess> {
  built ??= buildServer();
  await built;
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/planwatch.js'), 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...db.env,
      PORT: String(port),
      HOST,
      LOG_LEVEL: 'warn',
      REMINDER_INTERVAL_MINUTES: '0',
      PLANWATCH_ADMIN_PASSWORD: PASSWORD,
      NODE_ENV: 'production',
      // One process unless asked: the crash runs kill the server process and restart it at once.
      WEB_CONCURRENCY: process.env.WEB_CONCURRENCY ?? '1',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr?.on('data', (d: Buffer) => {
    if (stderr.length < 50) stderr.push(d.toString());
  });
  const baseUrl = `http://${HOST}:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${stderr.join('')}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return { child, pid: child.pid!, baseUrl, stderr };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start within 60 s: ${stderr.join('')}`);
}

/** Ends the server with SIGKILL (no clean-up of any kind) and waits until the process is gone. */
export async function killHard(s: ServerProcess): Promise<void> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => s.child.once('exit', () => resolve()));
  s.child.kill('SIGKILL');
  await gone;
}

/** Ends the server with SIGTERM (graceful shutdown) and waits for it. */
export async function stopServer(s: ServerProcess): Promise<void> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => s.child.once('exit', () => resolve()));
  s.child.kill('SIGTERM');
  const timer = setTimeout(() => s.child.kill('SIGKILL'), 10_000);
  await gone;
  clearTimeout(timer);
}

/** Resident memory of a process in MiB, from /proc (Linux). */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
}

/** Peak resident memory of a process in MiB (VmHWM). */
export function peakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface ApiResponse {
  status: number;
  body: unknown;
}

/** A browser stand-in over real HTTP: session cookie, CSRF header on writes, JSON in and out. */
export class Client {
  private cookie: string | null = null;
  private csrf: string | null = null;

  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 30_000,
  ) {
    if (new URL(baseUrl).hostname !== HOST) throw new Error('reliability scripts only target 127.0.0.1');
  }

  setBase(baseUrl: string): Client {
    const c = new Client(baseUrl, this.timeoutMs);
    c.cookie = this.cookie;
    c.csrf = this.csrf;
    return c;
  }

  async request(method: string, url: string, body?: unknown): Promise<ApiResponse> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (method !== 'GET' && this.csrf) headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const setCookie = res.headers.get('set-cookie');
    const m = setCookie ? /pw_session=([^;]*)/.exec(setCookie) : null;
    if (m) this.cookie = m[1] ? `pw_session=${m[1]}` : null;
    const text = await res.text();
    let parsed: unknown = text;
    if (res.headers.get('content-type')?.includes('json')) parsed = text ? JSON.parse(text) : null;
    return { status: res.status, body: parsed };
  }

  async login(username: string, password = PASSWORD): Promise<void> {
    const res = await this.request('POST', '/api/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    this.csrf = (res.body as { csrfToken: string }).csrfToken;
  }
}

/** Percentile of sorted numbers (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

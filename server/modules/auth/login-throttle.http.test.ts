import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app';
import type { Config } from '../../config';
import { connectContext } from '../../runtime';
import { openTestContext, type TestContext } from '../../test/databases';
import { describeEachDatabase } from '../../test/describe-each-database';
import { buildUser } from '../../test/factories';
import { passwordVerifications } from './password';

// Attacks on the login form, replayed: guesses with a forged X-Forwarded-For, guesses spread over
// addresses or over server processes, and probing which usernames exist.
describeEachDatabase('login throttling', (dialect) => {
  let t: TestContext;
  const apps: FastifyInstance[] = [];
  const app = async (config: Partial<Config> = {}, ctx = t.ctx) => {
    const a = await buildApp({ ...ctx, config: { ...ctx.config, ...config } }, { logger: false });
    apps.push(a);
    return a;
  };
  const login = (
    a: FastifyInstance,
    username: string,
    password: string,
    headers = {},
    remoteAddress = '127.0.0.1',
  ) =>
    a.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      headers,
      remoteAddress,
    });

  beforeAll(async () => {
    t = await openTestContext(dialect);
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
    await t.close();
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY is set, so a forged address does not reset the limit', async () => {
    const a = await app();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await login(
        a,
        `doan-ten-${i}`,
        'sai',
        { 'x-forwarded-for': `198.51.100.${i}` },
        '192.0.2.10',
      );
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it('with TRUST_PROXY naming the proxy, counts the client address it forwards', async () => {
    const a = await app({ trustProxy: ['192.0.2.20'] });
    const xff = { 'x-forwarded-for': '203.0.113.5' };
    expect((await login(a, 'ai-do', 'sai', xff, '192.0.2.20')).statusCode).toBe(401);
    expect(
      (await login(a, 'ai-do', 'sai', { 'x-forwarded-for': '203.0.113.6' }, '192.0.2.99')).statusCode,
    ).toBe(401);
    const keys = (await t.ctx.db.selectFrom('login_throttle').select('key').execute()).map((r) => r.key);
    expect(keys).toContain('ip:203.0.113.5'); // forwarded by the trusted proxy
    expect(keys).toContain('ip:192.0.2.99'); // any other peer is counted by its own address
    expect(keys).not.toContain('ip:203.0.113.6');
    expect(keys).not.toContain('ip:192.0.2.20');
  });

  it('with TRUST_PROXY as a hop count, believes that many proxies in front', async () => {
    const a = await app({ trustProxy: 1 });
    const xff = { 'x-forwarded-for': '198.51.100.250, 203.0.113.9' };
    expect((await login(a, 'ai-do', 'sai', xff, '192.0.2.30')).statusCode).toBe(401);
    const keys = (await t.ctx.db.selectFrom('login_throttle').select('key').execute()).map((r) => r.key);
    expect(keys).toContain('ip:203.0.113.9'); // named by the one trusted hop
    expect(keys).not.toContain('ip:198.51.100.250'); // further left: whatever the client wrote
  });

  it('limits wrong passwords per account across addresses: the right one is refused after five', async () => {
    const a = await app();
    const u = await buildUser(t.ctx, { role: 'reporter' });
    for (let i = 0; i < 5; i++)
      expect((await login(a, u.username, 'sai', {}, `203.0.113.${i}`)).statusCode).toBe(401);
    const res = await login(a, u.username, u.password, {}, '203.0.113.77');
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('RATE_LIMITED');
  });

  it('shares the count between two server processes on one database', async () => {
    // A second process: its own connection (pool or SQLite handle) to the same database.
    const second = connectContext(t.ctx.config, dialect === 'postgres' ? await currentSchema() : undefined);
    try {
      const a = await app();
      const b = await app({}, second);
      const u = await buildUser(t.ctx, { role: 'reporter' });
      for (let i = 0; i < 3; i++)
        expect((await login(a, u.username, 'sai', {}, '203.0.113.100')).statusCode).toBe(401);
      for (let i = 0; i < 2; i++)
        expect((await login(b, u.username, 'sai', {}, '203.0.113.101')).statusCode).toBe(401);
      expect((await login(a, u.username, u.password, {}, '203.0.113.102')).statusCode).toBe(429);
      expect((await login(b, u.username, u.password, {}, '203.0.113.103')).statusCode).toBe(429);
    } finally {
      await second.db.destroy();
    }
  });

  it('checks a password hash for unknown usernames too, so they cannot be told apart by timing', async () => {
    const a = await app();
    const u = await buildUser(t.ctx, { role: 'reporter' });
    const before = passwordVerifications();
    expect((await login(a, u.username, 'sai', {}, '203.0.113.200')).statusCode).toBe(401);
    const known = passwordVerifications() - before;
    expect((await login(a, 'khong-co-nguoi-nay', 'sai', {}, '203.0.113.201')).statusCode).toBe(401);
    const unknown = passwordVerifications() - before - known;
    expect(known).toBe(1);
    expect(unknown).toBe(1);
  });

  async function currentSchema(): Promise<string> {
    const { sql } = await import('kysely');
    const r = await sql<{ s: string }>`select current_schema() as s`.execute(t.ctx.db);
    return r.rows[0]!.s;
  }
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { openTestContext, type TestContext } from '../test/databases';
import { buildUser } from '../test/factories';
import { Agent } from '../test/http-agent';

describe('security headers', () => {
  let dist: string;
  let t: TestContext;
  let app: FastifyInstance;
  let httpsApp: FastifyInstance;
  beforeAll(async () => {
    dist = mkdtempSync(path.join(tmpdir(), 'planwatch-dist-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(
      path.join(dist, 'index.html'),
      '<!doctype html><title>planwatch</title><div id="root"></div>',
    );
    writeFileSync(path.join(dist, 'assets', 'app-1.js'), 'console.log(1)');
    t = await openTestContext('sqlite');
    const config = { ...t.ctx.config, webDistDir: dist };
    app = await buildApp({ ...t.ctx, config }, { logger: false });
    httpsApp = await buildApp({ ...t.ctx, config: { ...config, cookieSecure: true } }, { logger: false });
  });
  afterAll(async () => {
    await app.close();
    await httpsApp.close();
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  function expectHardened(res: { headers: Record<string, unknown> }): void {
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  }

  it('on API answers, including refusals, with no-store', async () => {
    for (const url of ['/api/health', '/api/plans']) {
      const res = await app.inject({ method: 'GET', url });
      expect([200, 401]).toContain(res.statusCode);
      expectHardened(res);
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('on static files and the app page', async () => {
    for (const url of ['/assets/app-1.js', '/', '/ke-hoach/1']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expectHardened(res);
    }
  });

  it('on 404s, of the API and of files', async () => {
    const u = await buildUser(t.ctx, { role: 'reporter' });
    const a = new Agent(app);
    await a.login(u.username, u.password);
    const api = await a.get('/api/khong-co');
    expect(api.status).toBe(404);
    expectHardened(api);
    expect(api.headers['cache-control']).toBe('no-store');
    const file = await app.inject({ method: 'GET', url: '/assets/khong-co.js' });
    expect(file.statusCode).toBe(404);
    expectHardened(file);
  });

  it('sends HSTS and upgrade-insecure-requests only when COOKIE_SECURE=true (an HTTPS site)', async () => {
    const plain = await app.inject({ method: 'GET', url: '/api/health' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(String(plain.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    for (const url of ['/api/health', '/assets/app-1.js', '/api/khong-co']) {
      const res = await httpsApp.inject({ method: 'GET', url });
      expectHardened(res);
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    }
  });
});

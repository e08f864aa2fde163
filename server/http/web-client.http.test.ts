import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { openTestContext, type TestContext } from '../test/databases';

describe('serving the built web client', () => {
  let dist: string;
  let t: TestContext;
  let app: FastifyInstance;
  beforeAll(async () => {
    dist = mkdtempSync(path.join(tmpdir(), 'planwatch-dist-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(
      path.join(dist, 'index.html'),
      '<!doctype html><title>planwatch</title><div id="root"></div>',
    );
    writeFileSync(path.join(dist, 'assets', 'app-1.js'), 'console.log(1)');
    t = await openTestContext('sqlite');
    app = await buildApp({ ...t.ctx, config: { ...t.ctx.config, webDistDir: dist } }, { logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('answers a client route such as /ke-hoach/12 with the app page', async () => {
    const res = await app.inject({ method: 'GET', url: '/ke-hoach/12/nhiem-vu?q=abc' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<div id="root">');
  });

  it('serves assets, including ones built after the server started', async () => {
    expect((await app.inject({ method: 'GET', url: '/assets/app-1.js' })).statusCode).toBe(200);
    writeFileSync(path.join(dist, 'assets', 'app-2.js'), 'console.log(2)');
    const fresh = await app.inject({ method: 'GET', url: '/assets/app-2.js' });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.body).toBe('console.log(2)');
  });

  it('gives a missing asset a 404, never the app page (which would leave a blank screen)', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/app-0.js' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('<div id="root">');
  });

  it('keeps unknown API addresses as JSON errors', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/khong-co' });
    expect(res.headers['content-type']).toContain('application/json');
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { errorResponseSchema } from '../../../shared/contracts/errors';
import { migrations } from '../../db/migrations/index';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody } from '../../test/expect-body';
import { buildUser, TEST_PASSWORD } from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/http-agent';

describeEachDatabase('health, OpenAPI and errors', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(dialect);
  });
  afterAll(() => s.close());

  it('reports the database kind and that every migration is applied', async () => {
    const res = await s.agent().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      database: {
        kind: dialect,
        reachable: true,
        migrations: {
          pending: 0,
          applied: Object.keys(migrations).length,
          latest: Object.keys(migrations).at(-1),
        },
      },
    });
  });

  it('publishes an OpenAPI document generated from the schemas', async () => {
    const res = await s.agent().get('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/users', '/api/organisations']),
    );
    expect(doc.paths['/api/users']?.post?.requestBody).toBeDefined();
  });

  it('answers malformed JSON with a Vietnamese 400, not a stack trace', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Yêu cầu không đúng định dạng (JSON không hợp lệ hoặc thiếu dữ liệu).',
      },
    });
  });

  it('names the missing field in a validation error', async () => {
    const res = await s.agent().post('/api/auth/login', { username: 'admin' });
    expect(res.status).toBe(400);
    const body = expectBody(res, errorResponseSchema);
    expect(body.error.message).toMatch(/^Dữ liệu không hợp lệ — Mật khẩu: /);
    expect(body.error.fields?.[0]?.path).toBe('password');
  });

  it('asks an anonymous caller of an unknown API address to log in, in JSON', async () => {
    const res = await s.agent().get('/api/khong-ton-tai');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });
});

describeEachDatabase('unexpected failures', (dialect) => {
  it('answer a generic Vietnamese 500 with a request id and log the cause', async () => {
    const s = await startTestServer(dialect);
    try {
      await buildUser(s.ctx, { role: 'reporter', username: 'nguoi.dung' });
      // A broken database is the kind of failure no user message can anticipate.
      await s.ctx.db.schema.dropTable('sessions').execute();
      const res = await s.agent().login('nguoi.dung', TEST_PASSWORD);
      expect(res.status).toBe(500);
      const err = expectBody(res, errorResponseSchema).error;
      expect(err.code).toBe('INTERNAL');
      expect(err.message).toContain('Hệ thống gặp lỗi không mong muốn');
      expect(err.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(JSON.stringify(res.body)).not.toMatch(/sessions|SQL|stack/i);
    } finally {
      await s.close();
    }
  });
});

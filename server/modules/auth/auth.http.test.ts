import { randomBytes, scryptSync } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { errorResponseSchema } from '../../../shared/contracts/errors';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody } from '../../test/expect-body';
import { buildUser } from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/http-agent';

describeEachDatabase('login, session and logout', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(dialect);
  });
  afterAll(() => s.close());

  it('logs in, reports the session with permissions, and logs out', async () => {
    const u = await buildUser(s.ctx, { role: 'reporter' });
    const a = s.agent();
    const res = await a.login(u.username, u.password);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      user: { username: u.username, role: 'reporter' },
      permissions: [
        'organisations.read',
        'plans.read',
        'tasks.request',
        'indicators.enter',
        'reports.read',
        'reports.write',
      ],
    });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');

    expect((await a.get('/api/auth/session')).status).toBe(200);
    expect((await a.post('/api/auth/logout')).status).toBe(200);
    const after = await a.get('/api/auth/session');
    expect(after.status).toBe(401);
    expect(after.body).toEqual({
      error: { code: 'UNAUTHENTICATED', message: 'Bạn cần đăng nhập để tiếp tục.' },
    });
  });

  it('stores only a hash of the session token and of the password', async () => {
    const u = await buildUser(s.ctx, { role: 'leader' });
    const a = await s.loginAs(u);
    const token = a.cookie!.split('=')[1]!;
    const sessions = await s.ctx.db.selectFrom('sessions').select('id').execute();
    expect(sessions.some((r) => r.id === token)).toBe(false);
    const row = await s.ctx.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).not.toContain(u.password);
  });

  it('moves a password stored with scrypt to Argon2id at the next sign-in, keeping it valid', async () => {
    const u = await buildUser(s.ctx, { role: 'reporter' });
    const salt = randomBytes(16);
    const key = scryptSync(u.password, salt, 64, { N: 16384, r: 8, p: 1 });
    const legacy = `scrypt$16384$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
    await s.ctx.db.updateTable('users').set({ password_hash: legacy }).where('id', '=', u.id).execute();
    const hashOf = async () =>
      await s.ctx.db
        .selectFrom('users')
        .select(['password_hash', 'must_change_password'])
        .where('id', '=', u.id)
        .executeTakeFirstOrThrow();
    expect((await s.agent().login(u.username, 'sai-mat-khau')).status).toBe(401);
    expect((await hashOf()).password_hash).toBe(legacy);
    expect((await s.agent().login(u.username, u.password)).status).toBe(200);
    const after = await hashOf();
    expect(after.password_hash.startsWith('$argon2id$v=19$m=7168,t=5,p=1$')).toBe(true);
    expect(after.must_change_password).toBe(0);
    expect((await s.agent().login(u.username, u.password)).status).toBe(200);
  });

  it('says in Vietnamese when the password is wrong', async () => {
    const u = await buildUser(s.ctx, { role: 'reporter' });
    const res = await s.agent().login(u.username, 'sai-mat-khau');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      error: { code: 'INVALID_CREDENTIALS', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' },
    });
  });

  it('blocks the sixth wrong password in a row, even with the right one', async () => {
    const u = await buildUser(s.ctx, { role: 'reporter' });
    const a = s.agent();
    for (let i = 0; i < 5; i++) expect((await a.login(u.username, 'sai')).status).toBe(401);
    const blocked = await a.login(u.username, u.password);
    expect(blocked.status).toBe(429);
    expect(expectBody(blocked, errorResponseSchema).error.message).toContain('thử quá nhiều lần');
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const u = await buildUser(s.ctx, { role: 'reporter' });
    const a = await s.loginAs(u);
    const res = await a.request('POST', '/api/auth/logout', {}, { 'x-csrf-token': 'gia-mao' });
    expect(res.status).toBe(403);
    expect(expectBody(res, errorResponseSchema).error.code).toBe('CSRF_INVALID');
    expect((await a.get('/api/auth/session')).status).toBe(200); // still logged in: the forged logout did nothing
  });

  it('changes one’s own password only with the current one', async () => {
    const u = await buildUser(s.ctx, { role: 'reporter' });
    const a = await s.loginAs(u);
    const wrong = await a.post('/api/auth/password', {
      currentPassword: 'khong-dung',
      newPassword: 'mat-khau-moi-123',
    });
    expect(wrong.status).toBe(400);
    expect(expectBody(wrong, errorResponseSchema).error.message).toBe('Mật khẩu hiện tại không đúng.');
    const ok = await a.post('/api/auth/password', {
      currentPassword: u.password,
      newPassword: 'mat-khau-moi-123',
    });
    expect(ok.status).toBe(200);
    expect((await s.agent().login(u.username, 'mat-khau-moi-123')).status).toBe(200);
  });

  it('rejects a too-short new password with a field message in Vietnamese', async () => {
    const u = await buildUser(s.ctx, { role: 'reporter' });
    const a = await s.loginAs(u);
    const res = await a.post('/api/auth/password', { currentPassword: u.password, newPassword: 'ngan' });
    expect(res.status).toBe(400);
    const err = expectBody(res, errorResponseSchema).error;
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.message).toContain('Mật khẩu mới phải có ít nhất 10 ký tự');
    expect(err.fields?.[0]?.path).toBe('newPassword');
  });

  it('records logins in the audit log', async () => {
    const u = await buildUser(s.ctx, { role: 'reporter' });
    await s.loginAs(u);
    const rows = await s.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'auth.login')
      .where('actor_id', '=', u.id)
      .execute();
    expect(rows).toHaveLength(1);
  });
});

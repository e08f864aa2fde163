import { afterAll, beforeAll, expect, it } from 'vitest';
import { sessionResponseSchema } from '../../shared/contracts/auth';
import { describeEachDatabase } from '../test/describe-each-database';
import { expectBody } from '../test/expect-body';
import { buildUser } from '../test/factories';
import { startTestServer, type TestServer } from '../test/http-agent';

// A user the administrator created (or reset) must choose a password before anything else. The web
// client shows only that form, but the API has to refuse on its own: a script with the session cookie
// would otherwise use the account with the password the administrator knows.
describeEachDatabase('must change password, enforced by the API', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(dialect);
  });
  afterAll(() => s.close());

  async function userWhoMustChange(role: 'admin' | 'coordinator') {
    const u = await buildUser(s.ctx, { role });
    await s.ctx.db.updateTable('users').set({ must_change_password: 1 }).where('id', '=', u.id).execute();
    return u;
  }

  it('refuses every other endpoint with 403 PASSWORD_CHANGE_REQUIRED, in Vietnamese', async () => {
    const u = await userWhoMustChange('admin');
    const a = await s.loginAs(u);
    const refused = [
      await a.get('/api/users'),
      await a.get('/api/organisations'),
      await a.get('/api/audit'),
      await a.get('/api/plans'),
      await a.post('/api/users', { username: 'ke-gian', fullName: 'Kẻ gian', role: 'admin' }),
      await a.patch('/api/organisations/1', { name: 'Đổi tên' }),
    ];
    for (const res of refused) {
      expect(res.status).toBe(403);
      expect(res.body).toEqual({
        error: {
          code: 'PASSWORD_CHANGE_REQUIRED',
          message: 'Bạn cần đổi mật khẩu trước khi tiếp tục: hãy đặt mật khẩu mới tại màn hình đổi mật khẩu.',
        },
      });
    }
    const users = await s.ctx.db.selectFrom('users').select('username').execute();
    expect(users.map((r) => r.username)).not.toContain('ke-gian');
  });

  it('still allows the session, the password change and logout; after the change, everything', async () => {
    const u = await userWhoMustChange('coordinator');
    const a = await s.loginAs(u);
    const session = await a.get('/api/auth/session');
    expect(session.status).toBe(200);
    expect(expectBody(session, sessionResponseSchema).user.mustChangePassword).toBe(true);
    expect((await a.get('/api/plans')).status).toBe(403);

    const changed = await a.post('/api/auth/password', {
      currentPassword: u.password,
      newPassword: 'mat-khau-moi-rat-dai',
    });
    expect(changed.status).toBe(200);
    expect((await a.get('/api/plans')).status).toBe(200);
    expect((await a.get('/api/organisations')).status).toBe(200);
  });

  it('lets a user who must change the password log out', async () => {
    const u = await userWhoMustChange('coordinator');
    const a = await s.loginAs(u);
    expect((await a.post('/api/auth/logout')).status).toBe(200);
    expect((await a.get('/api/auth/session')).status).toBe(401);
  });
});

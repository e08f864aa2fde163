import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditListResponseSchema } from '../../../shared/contracts/audit';
import { errorResponseSchema } from '../../../shared/contracts/errors';
import { ROLES } from '../../../shared/domain/auth/roles';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody } from '../../test/expect-body';
import { buildOrganisation, buildUser } from '../../test/factories';
import { type Agent, startTestServer, type TestServer } from '../../test/http-agent';

describeEachDatabase('user administration', (dialect) => {
  let s: TestServer;
  let admin: Agent;
  let stc: { id: number };
  beforeAll(async () => {
    s = await startTestServer(dialect);
    stc = await buildOrganisation(s.ctx, { code: 'STC', name: 'Sở Tài chính' });
    admin = await s.loginAs(await buildUser(s.ctx, { role: 'admin' }));
  });
  afterAll(() => s.close());

  it('admin creates a reporter who can then log in and must change the password', async () => {
    const res = await admin.post('/api/users', {
      username: 'baocao.stc',
      fullName: 'Nguyễn Văn Báo Cáo',
      role: 'reporter',
      organisationId: stc.id,
      password: 'mat-khau-ban-dau',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      username: 'baocao.stc',
      organisationName: 'Sở Tài chính',
      active: true,
    });
    const login = await s.agent().login('baocao.stc', 'mat-khau-ban-dau');
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ user: { mustChangePassword: true } });
  });

  it('finds users by name without diacritics and pages the list', async () => {
    const list = await admin.get('/api/users?q=bao%20cao&pageSize=1');
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({
      total: 1,
      page: 1,
      pageSize: 1,
      items: [{ fullName: 'Nguyễn Văn Báo Cáo' }],
    });
  });

  it('refuses a duplicate username with a clear message', async () => {
    const res = await admin.post('/api/users', {
      username: 'baocao.stc',
      fullName: 'Trùng',
      role: 'reporter',
      organisationId: stc.id,
      password: 'mat-khau-ban-dau',
    });
    expect(res.status).toBe(409);
    expect(expectBody(res, errorResponseSchema).error.message).toBe(
      'Tên đăng nhập "baocao.stc" đã có người dùng.',
    );
  });

  it('refuses an unknown agency, naming the field', async () => {
    const res = await admin.post('/api/users', {
      username: 'ai.do',
      fullName: 'Ai Đó',
      role: 'reporter',
      organisationId: 999999,
      password: 'mat-khau-ban-dau',
    });
    expect(res.status).toBe(400);
    expect(expectBody(res, errorResponseSchema).error.message).toBe('Cơ quan được chọn không tồn tại.');
  });

  it('deactivating a user ends their session and blocks login', async () => {
    const u = await buildUser(s.ctx, { role: 'reporter', organisationId: stc.id });
    const them = await s.loginAs(u);
    expect((await admin.patch(`/api/users/${u.id}`, { active: false })).status).toBe(200);
    expect((await them.get('/api/auth/session')).status).toBe(401);
    const again = await s.agent().login(u.username, u.password);
    expect(again.status).toBe(403);
    expect(expectBody(again, errorResponseSchema).error.code).toBe('ACCOUNT_DISABLED');
  });

  it('resets a password; the old one stops working', async () => {
    const u = await buildUser(s.ctx, { role: 'leader' });
    expect((await admin.post(`/api/users/${u.id}/password`, { password: 'mat-khau-dat-lai' })).status).toBe(
      200,
    );
    expect((await s.agent().login(u.username, u.password)).status).toBe(401);
    expect((await s.agent().login(u.username, 'mat-khau-dat-lai')).status).toBe(200);
  });

  it('will not lock out the last active administrator', async () => {
    const onlyAdmins = await s.ctx.db.selectFrom('users').select('id').where('role', '=', 'admin').execute();
    expect(onlyAdmins).toHaveLength(1);
    const res = await admin.patch(`/api/users/${onlyAdmins[0]!.id}`, { active: false });
    expect(res.status).toBe(409);
  });

  it('keeps an audit trail of user changes with the actor', async () => {
    const res = await admin.get('/api/audit?entity=user');
    expect(res.status).toBe(200);
    const actions = expectBody(res, auditListResponseSchema).items.map((i) => i.action);
    expect(actions).toEqual(expect.arrayContaining(['user.created', 'user.updated', 'user.password_reset']));
  });

  it.each(ROLES.filter((r) => r !== 'admin'))('a %s cannot create, edit or reset users', async (role) => {
    const other = await buildUser(s.ctx, { role: 'reporter', organisationId: stc.id });
    const a = await s.loginAs(await buildUser(s.ctx, { role }));
    const create = await a.post('/api/users', {
      username: `xam.nhap.${role}`,
      fullName: 'Xâm Nhập',
      role: 'admin',
      organisationId: stc.id,
      password: 'mat-khau-ban-dau',
    });
    expect(create.status).toBe(403);
    expect(expectBody(create, errorResponseSchema).error.message).toBe(
      'Bạn không có quyền thực hiện thao tác này.',
    );
    expect((await a.patch(`/api/users/${other.id}`, { role: 'admin' })).status).toBe(403);
    expect((await a.post(`/api/users/${other.id}/password`, { password: 'mat-khau-cua-toi' })).status).toBe(
      403,
    );
    const row = await s.ctx.db
      .selectFrom('users')
      .select('role')
      .where('id', '=', other.id)
      .executeTakeFirstOrThrow();
    expect(row.role).toBe('reporter');
  });

  it('reporters and leaders cannot list users; anonymous callers are asked to log in', async () => {
    for (const role of ['reporter', 'leader'] as const) {
      const a = await s.loginAs(await buildUser(s.ctx, { role }));
      expect((await a.get('/api/users')).status).toBe(403);
    }
    expect((await s.agent().get('/api/users')).status).toBe(401);
    expect((await s.agent().post('/api/users', {})).status).toBe(401);
  });
});

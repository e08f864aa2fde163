import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditListResponseSchema } from '../../../shared/contracts/audit';
import { errorResponseSchema } from '../../../shared/contracts/errors';
import type { Organisation } from '../../../shared/contracts/organisations';
import {
  groupMembersResponseSchema,
  organisationListResponseSchema,
  organisationSchema,
} from '../../../shared/contracts/organisations';
import { SAMPLE_ORGANISATIONS } from '../../seed/sample/hung-yen-organisations';
import { seedOrganisations } from '../../seed/seed-organisations';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody } from '../../test/expect-body';
import { buildUser } from '../../test/factories';
import { type Agent, startTestServer, type TestServer } from '../../test/http-agent';

type List = { items: Organisation[] };

describeEachDatabase('organisation registry', (dialect) => {
  let s: TestServer;
  let admin: Agent;
  let reporter: Agent;
  beforeAll(async () => {
    s = await startTestServer(dialect);
    await seedOrganisations(s.ctx, SAMPLE_ORGANISATIONS);
    admin = await s.loginAs(await buildUser(s.ctx, { role: 'admin' }));
    reporter = await s.loginAs(await buildUser(s.ctx, { role: 'reporter' }));
  });
  afterAll(() => s.close());

  it('lists the sample agencies with their 2025 successors', async () => {
    const res = await reporter.get('/api/organisations?q=ke%20hoach%20va%20dau%20tu');
    expect(res.status).toBe(200);
    const [skhdt] = expectBody(res, organisationListResponseSchema).items;
    expect(skhdt).toMatchObject({ code: 'SKHDT', name: 'Sở Kế hoạch và Đầu tư', validTo: '2025-02-28' });
    const successor = await reporter.get(`/api/organisations/${skhdt!.successorId}`);
    expect(successor.body).toMatchObject({ name: 'Sở Tài chính' });
  });

  it('finds an agency by an alias, ignoring case and diacritics', async () => {
    const res = await reporter.get(`/api/organisations?q=${encodeURIComponent('sở ldtbxh')}`);
    expect(expectBody(res, organisationListResponseSchema).items.map((o) => o.code)).toEqual(['SLDTBXH']);
  });

  it('shows only agencies that exist on a date', async () => {
    const before = expectBody(
      await reporter.get('/api/organisations?kind=so&on=2024-12-15'),
      organisationListResponseSchema,
    );
    const after = expectBody(
      await reporter.get('/api/organisations?kind=so&on=2025-12-15'),
      organisationListResponseSchema,
    );
    const codes = (l: List) => l.items.map((o) => o.code);
    expect(codes(before)).toContain('STNMT');
    expect(codes(before)).not.toContain('SNNMT');
    expect(codes(after)).toContain('SNNMT');
    expect(codes(after)).not.toContain('STNMT');
  });

  it('resolves named groups to their members at a date', async () => {
    const districts2024 = await reporter.get('/api/organisation-groups/ubnd_cap_huyen/members?on=2024-12-15');
    expect(districts2024.status).toBe(200);
    expect(districts2024.body).toMatchObject({ label: 'UBND các huyện, thị xã, thành phố' });
    expect(expectBody(districts2024, groupMembersResponseSchema).members).toHaveLength(10);
    const districts2025 = await reporter.get('/api/organisation-groups/ubnd_cap_huyen/members?on=2025-07-01');
    expect(expectBody(districts2025, groupMembersResponseSchema).members).toHaveLength(0);
    const depts = await reporter.get('/api/organisation-groups/so_ban_nganh/members?on=2024-12-15');
    const names = expectBody(depts, groupMembersResponseSchema).members.map((o) => o.name);
    expect(names).toContain('Ban Quản lý các khu công nghiệp tỉnh');
    expect(names).toContain('Sở Kế hoạch và Đầu tư');
  });

  it('admin adds a merged agency and records it in the audit log', async () => {
    const res = await admin.post('/api/organisations', {
      code: 'SXD_MOI',
      name: 'Sở Xây dựng (sau hợp nhất)',
      kind: 'so',
      validFrom: '2025-03-01',
      aliases: ['Sở XD'],
    });
    expect(res.status).toBe(200);
    const id = expectBody(res, organisationSchema).id;
    const audit = await admin.get(`/api/audit?entity=organisation&entityId=${id}`);
    expect(expectBody(audit, auditListResponseSchema).items[0]?.action).toBe('organisation.created');
  });

  it('refuses a duplicate code and an end date before the start, in Vietnamese', async () => {
    const dup = await admin.post('/api/organisations', { code: 'SCT', name: 'Trùng mã', kind: 'so' });
    expect(dup.status).toBe(409);
    expect(expectBody(dup, errorResponseSchema).error.message).toBe(
      'Mã cơ quan "SCT" đã được dùng cho Sở Công Thương.',
    );
    const dates = await admin.post('/api/organisations', {
      code: 'X1',
      name: 'Sai ngày',
      kind: 'khac',
      validFrom: '2025-01-01',
      validTo: '2024-01-01',
    });
    expect(dates.status).toBe(400);
    expect(expectBody(dates, errorResponseSchema).error.message).toBe(
      'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.',
    );
  });

  it('reporters, coordinators and leaders cannot change the registry', async () => {
    const sct = expectBody(await reporter.get('/api/organisations?q=SCT'), organisationListResponseSchema)
      .items[0]!;
    for (const role of ['reporter', 'coordinator', 'leader'] as const) {
      const a = await s.loginAs(await buildUser(s.ctx, { role }));
      expect((await a.post('/api/organisations', { code: 'HACK', name: 'X', kind: 'so' })).status).toBe(403);
      const edit = await a.patch(`/api/organisations/${sct.id}`, {
        code: 'SCT',
        name: 'Đổi tên trái phép',
        kind: 'so',
      });
      expect(edit.status).toBe(403);
    }
    expect(expectBody(await reporter.get(`/api/organisations/${sct.id}`), organisationSchema).name).toBe(
      'Sở Công Thương',
    );
  });

  it('only admins and leaders read the audit log', async () => {
    expect((await reporter.get('/api/audit')).status).toBe(403);
    const coordinator = await s.loginAs(await buildUser(s.ctx, { role: 'coordinator' }));
    expect((await coordinator.get('/api/audit')).status).toBe(403);
    const leader = await s.loginAs(await buildUser(s.ctx, { role: 'leader' }));
    expect((await leader.get('/api/audit')).status).toBe(200);
  });
});

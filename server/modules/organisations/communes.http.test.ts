import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  communeImportResultSchema,
  groupMembersResponseSchema,
  organisationListResponseSchema,
} from '../../../shared/contracts/organisations';
import { planImportSchema } from '../../../shared/contracts/plan-import';
import { HUNG_YEN_COMMUNES } from '../../seed/sample/hung-yen-communes';
import { SAMPLE_ORGANISATIONS } from '../../seed/sample/hung-yen-organisations';
import { seedOrganisations } from '../../seed/seed-organisations';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody, expectError } from '../../test/expect-body';
import { buildPlan, buildUser, openPeriod } from '../../test/factories';
import { type Agent, startTestServer, type TestServer } from '../../test/http-agent';
import { findOrganisationByCode } from './organisation-repository';

const csv = readFileSync(HUNG_YEN_COMMUNES.file, 'utf8');

/** A small plan of 27/9/2021 whose coordinating cell is the communes' group. */
const planText = (n: string) => `ỦY BAN NHÂN DÂN
TỈNH THỬ NGHIỆM
Số: ${n}/KH-UBND
Thử nghiệm, ngày 27 tháng 9 năm 2021
KẾ HOẠCH
Phát triển công nghiệp thử nghiệm
I. MỤC TIÊU
- Hoàn thành các nhiệm vụ.
PHỤ LỤC
| TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn |
| --- | --- | --- | --- | --- |
| 1 | Tuyên truyền phát triển làng nghề | Sở Công Thương | UBND các xã, phường | Hằng năm |
`;

describeEachDatabase('commune-level units in the registry', (dialect) => {
  let s: TestServer;
  let admin: Agent;
  let coordinator: Agent;
  let reporter: Agent;
  let provinceId: number;
  beforeAll(async () => {
    s = await startTestServer(dialect);
    await seedOrganisations(s.ctx, SAMPLE_ORGANISATIONS);
    provinceId = (await findOrganisationByCode(s.ctx.db, 'UBND_TINH'))!.id;
    admin = await s.loginAs(await buildUser(s.ctx, { role: 'admin' }));
    coordinator = await s.loginAs(await buildUser(s.ctx, { role: 'coordinator' }));
    reporter = await s.loginAs(await buildUser(s.ctx, { role: 'reporter' }));
  });
  afterAll(() => s.close());

  const load = (who: Agent, body: Record<string, unknown> = {}) =>
    who.post('/api/organisations/communes', {
      csv,
      validFrom: HUNG_YEN_COMMUNES.validFrom,
      source: HUNG_YEN_COMMUNES.source,
      parentId: provinceId,
      ...body,
    });

  it('only an administrator loads a list; a reporter is refused and nothing is added', async () => {
    expectError(await load(reporter), 403);
    expectError(await load(coordinator), 403);
    const none = expectBody(
      await admin.get('/api/organisations?kind=ubnd_xa'),
      organisationListResponseSchema,
    );
    expect(none.items).toHaveLength(0);
  });

  it('a list with a bad line is refused whole, with the line in Vietnamese', async () => {
    const bad = `${csv.trimEnd()}\n99999,Xã Không Rõ,làng\n`;
    const err = expectError(await load(admin, { csv: bad }), 400);
    expect(err.message).toContain('dòng 106');
    expect(err.message).toContain('Loại đơn vị “làng” không hợp lệ');
    const none = expectBody(
      await admin.get('/api/organisations?kind=ubnd_xa'),
      organisationListResponseSchema,
    );
    expect(none.items).toHaveLength(0);
  });

  it('a dry run counts without writing', async () => {
    const r = expectBody(await load(admin, { dryRun: true }), communeImportResultSchema);
    expect(r).toMatchObject({ dryRun: true, added: 104, byType: { xa: 93, phuong: 11 } });
    const none = expectBody(
      await admin.get('/api/organisations?kind=ubnd_xa'),
      organisationListResponseSchema,
    );
    expect(none.items).toHaveLength(0);
  });

  it('loads Hưng Yên’s 104 units: 93 xã and 11 phường with national codes, source and start date', async () => {
    const r = expectBody(await load(admin), communeImportResultSchema);
    expect(r).toEqual({
      dryRun: false,
      added: 104,
      updated: 0,
      unchanged: 0,
      byType: { xa: 93, phuong: 11, thi_tran: 0, dac_khu: 0 },
    });
    const all = expectBody(
      await reporter.get('/api/organisations?kind=ubnd_xa'),
      organisationListResponseSchema,
    );
    expect(all.items).toHaveLength(104);
    const xa = expectBody(
      await reporter.get('/api/organisations?kind=ubnd_xa&adminUnitType=xa'),
      organisationListResponseSchema,
    );
    const phuong = expectBody(
      await reporter.get('/api/organisations?kind=ubnd_xa&adminUnitType=phuong'),
      organisationListResponseSchema,
    );
    expect([xa.items.length, phuong.items.length]).toEqual([93, 11]);
    const phoHien = all.items.find((o) => o.adminCode === '11953');
    expect(phoHien).toMatchObject({
      code: 'DVHC_11953',
      name: 'UBND phường Phố Hiến',
      kind: 'ubnd_xa',
      adminUnitType: 'phuong',
      parentId: provinceId,
      validFrom: '2025-07-01',
      validTo: null,
      source: HUNG_YEN_COMMUNES.source,
    });
    expect(phoHien!.aliases).toContain('Phường Phố Hiến');
    // Found by the name as lists write it.
    const found = expectBody(
      await reporter.get(`/api/organisations?q=${encodeURIComponent('phuong pho hien')}`),
      organisationListResponseSchema,
    );
    expect(found.items.map((o) => o.adminCode)).toEqual(['11953']);
  });

  it('loading the same list again changes nothing and doubles nothing', async () => {
    const r = expectBody(await load(admin), communeImportResultSchema);
    expect(r).toMatchObject({ added: 0, updated: 0, unchanged: 104 });
    const all = expectBody(
      await admin.get('/api/organisations?kind=ubnd_xa'),
      organisationListResponseSchema,
    );
    expect(all.items).toHaveLength(104);
  });

  it('"UBND các xã, phường" resolves to the 104 units from 1/7/2025 and to nobody before', async () => {
    const after = expectBody(
      await reporter.get('/api/organisation-groups/ubnd_cap_xa/members?on=2025-07-02'),
      groupMembersResponseSchema,
    );
    expect(after.members).toHaveLength(104);
    const before = expectBody(
      await reporter.get('/api/organisation-groups/ubnd_cap_xa/members?on=2025-06-30'),
      groupMembersResponseSchema,
    );
    expect(before.members).toHaveLength(0);
  });

  it('the import review warns that the communes’ group named nobody on the plan’s date (27/09/2021)', async () => {
    const imp = expectBody(
      await coordinator.upload('/api/plan-imports', 'kh-xa.txt', Buffer.from(planText(`${Date.now()}`))),
      planImportSchema,
      200,
    );
    const groupLinks = imp.draft.tasks.flatMap((t) => t.coordinatorLinks).map((l) => l.resolution);
    expect(groupLinks).toContainEqual(expect.objectContaining({ type: 'group', groupKey: 'ubnd_cap_xa' }));
    const messages = imp.registryWarnings.map((w) => w.message);
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^Nhóm “UBND các xã, phường, thị trấn” không gồm cơ quan nào .* ngày 27\/09\/2021/,
      ),
    );
    // Today the units exist: no warning for today.
    expect(messages.filter((m) => m.includes('hôm nay') && m.includes('xã, phường'))).toEqual([]);
  });

  it('opening a period warns when the group names nobody on the due date, not when it names 104', async () => {
    const { planId } = await buildPlan(coordinator, {
      tasks: [
        {
          leads: [{ group: 'ubnd_cap_xa', text: 'UBND các xã, phường' }],
          deadline: { kind: 'recurring', from: null, to: null, text: 'Hằng năm' },
        },
      ],
    });
    const early = await openPeriod(coordinator, planId, { year: 2024, dueOn: '2024-12-15' });
    expect(early.warnings).toEqual([
      'Nhóm “UBND các xã, phường, thị trấn” không gồm cơ quan nào trong danh mục vào ngày 15/12/2024 (hạn nộp báo cáo): 1 nhiệm vụ giao cho nhóm này không có cơ quan nào báo cáo. Hãy bổ sung các cơ quan vào danh mục (ví dụ nạp danh sách xã, phường) hoặc giao lại nhiệm vụ, rồi cập nhật kỳ báo cáo.',
    ]);
    expect(early.counts.expected).toBe(0);
    const later = await openPeriod(coordinator, planId, { year: 2025, dueOn: '2025-12-15' });
    expect(later.warnings).toEqual([]);
    expect(later.counts.expected).toBe(104);
  });
});

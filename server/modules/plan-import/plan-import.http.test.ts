import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { errorResponseSchema } from '../../../shared/contracts/errors';
import type { PlanImport, ReviewDraft } from '../../../shared/contracts/plan-import';
import {
  confirmImportResponseSchema,
  importListResponseSchema,
  planImportSchema,
} from '../../../shared/contracts/plan-import';
import {
  planDetailSchema,
  planListResponseSchema,
  planTaskViewSchema,
  taskFacetsSchema,
  taskListResponseSchema,
} from '../../../shared/contracts/plans';
import { SAMPLE_ORGANISATIONS } from '../../seed/sample/hung-yen-organisations';
import { seedOrganisations } from '../../seed/seed-organisations';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody } from '../../test/expect-body';
import { buildUser } from '../../test/factories';
import { type Agent, startTestServer, type TestServer } from '../../test/http-agent';

const SAMPLE = readFileSync(
  path.join(import.meta.dirname, '../../../fixtures/plans/hung-yen-148-KH-UBND-2021.txt'),
);

describeEachDatabase('plan import: upload, review, confirm, browse', (dialect) => {
  let s: TestServer;
  let coordinator: Agent;
  let imp: PlanImport;
  let planId: number;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    await seedOrganisations(s.ctx, SAMPLE_ORGANISATIONS);
    coordinator = await s.loginAs(await buildUser(s.ctx, { role: 'coordinator' }));
  });
  afterAll(() => s.close());

  const orgId = async (code: string) =>
    (
      await s.ctx.db
        .selectFrom('organisations')
        .select('id')
        .where('code', '=', code)
        .executeTakeFirstOrThrow()
    ).id;

  it('reads the uploaded sample into a draft with 21 tasks matched to the registry', async () => {
    const res = await coordinator.upload('/api/plan-imports', 'ke-hoach-148.txt', SAMPLE);
    expect(res.status).toBe(200);
    imp = expectBody(res, planImportSchema);
    expect(imp.status).toBe('draft');
    expect(imp.draft.number).toBe('148/KH-UBND');
    expect(imp.draft.tasks).toHaveLength(21);
    expect(imp.document!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(imp.sourceText).toContain('DANH MỤC');
    const sct = await orgId('SCT');
    expect(imp.draft.tasks[0]!.leads).toEqual([
      { text: 'Sở Công Thương', resolution: { type: 'organisation', organisationId: sct, confidence: 1 } },
    ]);
    expect(imp.draft.tasks[0]!.coordinatorLinks.map((l) => l.resolution)).toEqual([
      { type: 'group', groupKey: 'so_ban_nganh', confidence: 1 },
      { type: 'group', groupKey: 'ubnd_cap_huyen', confidence: 1 },
    ]);
    // A lead cell naming several parties gives several leads: two groups and the businesses.
    const task20 = imp.draft.tasks.find((t) => t.ordinal === '20')!;
    expect(task20.leads.map((l) => l.resolution.type === 'group' && l.resolution.groupKey)).toEqual([
      'so_ban_nganh',
      'ubnd_cap_huyen',
      'doanh_nghiep',
    ]);
    expect(imp.duplicateOf).toBeNull();
  });

  it('keeps the original file, byte for byte, under its SHA-256', async () => {
    const res = await s.app.inject({
      method: 'GET',
      url: `/api/plan-imports/${imp.id}/original`,
      headers: { cookie: coordinator.cookie! },
    });
    expect(res.statusCode).toBe(200);
    expect(Buffer.compare(res.rawPayload, SAMPLE)).toBe(0);
    expect(res.headers['x-content-sha256']).toBe(imp.document!.sha256);
  });

  it('saves the officer’s corrections and refuses a stale save', async () => {
    const draft: ReviewDraft = structuredClone(imp.draft);
    draft.tasks[2]!.product = 'Quy chế (đã sửa)';
    const saved = await coordinator.request('PUT', `/api/plan-imports/${imp.id}/draft`, {
      version: imp.version,
      draft,
    });
    expect(saved.status).toBe(200);
    expect(expectBody(saved, planImportSchema).version).toBe(imp.version + 1);
    const stale = await coordinator.request('PUT', `/api/plan-imports/${imp.id}/draft`, {
      version: imp.version,
      draft,
    });
    expect(stale.status).toBe(409);
    expect(expectBody(stale, errorResponseSchema).error.message).toContain('người khác lưu');
    imp = expectBody(saved, planImportSchema);
  });

  it('confirms the draft into a plan with its tasks, targets, duties and regime', async () => {
    const res = await coordinator.post(`/api/plan-imports/${imp.id}/confirm`);
    expect(res.status).toBe(200);
    planId = expectBody(res, confirmImportResponseSchema).planId;
    const plan = expectBody(await coordinator.get(`/api/plans/${planId}`), planDetailSchema);
    expect(plan).toMatchObject({ number: '148/KH-UBND', issuedOn: '2021-09-27', taskCount: 21 });
    expect(plan.targets.length).toBeGreaterThanOrEqual(8);
    expect(plan.regime).toMatchObject({
      annualDueDay: 15,
      annualDueMonth: 12,
      midTermYear: 2023,
      finalYear: 2025,
    });
    expect(plan.regime?.consolidatorAgency?.organisationName).toBe('Sở Công Thương');
    expect(plan.duties.find((d) => d.agencies[0]?.organisationName === 'Sở Tài chính')).toBeDefined();
    const media = plan.duties.find((d) => d.agencyText.startsWith('Báo Hưng Yên'))!;
    expect(media.agencies.map((a) => a.organisationName)).toEqual([
      'Báo Hưng Yên',
      'Đài Phát thanh và Truyền hình Hưng Yên',
    ]);
    const list = expectBody(await coordinator.get('/api/plans'), planListResponseSchema);
    expect(list.items.map((p) => p.id)).toContain(planId);
  });

  it('keeps the correction made during review', async () => {
    const tasks = expectBody(
      await coordinator.get(`/api/plans/${planId}/tasks?q=${encodeURIComponent('Quy chế (đã sửa)')}`),
      taskListResponseSchema,
    );
    expect(tasks.items.map((t) => t.product)).toEqual(['Quy chế (đã sửa)']);
  });

  it('detects the same document uploaded again and refuses to confirm it twice', async () => {
    const again = await coordinator.upload('/api/plan-imports', 'ban-sao.txt', SAMPLE);
    expect(again.status).toBe(200);
    const dup = expectBody(again, planImportSchema);
    expect(dup.id).not.toBe(imp.id);
    expect(dup.duplicateOf).toMatchObject({ planId, number: '148/KH-UBND' });
    const confirm = await coordinator.post(`/api/plan-imports/${dup.id}/confirm`);
    expect(confirm.status).toBe(409);
    expect(expectBody(confirm, errorResponseSchema).error.message).toContain('đã có trong hệ thống');
    const count = await s.ctx.db
      .selectFrom('plans')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('continues the open draft when the same file is uploaded again, and lists drafts', async () => {
    const text = SAMPLE.toString('utf8').replace('148/KH-UBND', '149/KH-UBND');
    const first = expectBody(
      await coordinator.upload('/api/plan-imports', 'kh-149.txt', Buffer.from(text)),
      planImportSchema,
    );
    const draft: ReviewDraft = structuredClone(first.draft);
    draft.title = 'Kế hoạch 149 (đã sửa tên)';
    await coordinator.request('PUT', `/api/plan-imports/${first.id}/draft`, {
      version: first.version,
      draft,
    });
    const second = expectBody(
      await coordinator.upload('/api/plan-imports', 'kh-149-lan-2.txt', Buffer.from(text)),
      planImportSchema,
    );
    expect(second.id).toBe(first.id);
    expect(second.draft.title).toBe('Kế hoạch 149 (đã sửa tên)');
    const list = expectBody(
      await coordinator.get('/api/plan-imports?status=draft'),
      importListResponseSchema,
    );
    expect(list.items.find((i) => i.id === first.id)?.title).toBe('Kế hoạch 149 (đã sửa tên)');
    expect((await coordinator.post(`/api/plan-imports/${first.id}/discard`)).status).toBe(200);
  });

  it('counts a link the officer decided as checked', async () => {
    const { countUncertain } = await import('../../../shared/domain/plan-import/review');
    const d: ReviewDraft = structuredClone(imp.draft);
    const before = countUncertain(d);
    const link = d.tasks
      .flatMap((t) => [...t.leads, ...t.coordinatorLinks])
      .find((l) => l.resolution.type === 'new');
    expect(link).toBeDefined();
    link!.resolution = { type: 'unresolved', reviewed: true };
    expect(countUncertain(d)).toBe(before - 1);
  });

  it('filters tasks by lead agency, by coordinator through a group, by deadline year and by diacritic-free search', async () => {
    const sct = await orgId('SCT');
    const led = expectBody(
      await coordinator.get(`/api/plans/${planId}/tasks?organisationId=${sct}&agencyRole=lead&pageSize=100`),
      taskListResponseSchema,
    );
    expect(led.total).toBeGreaterThan(0);
    // Led by name, or by a group the department belongs to (task 20: "Các sở, ban, ngành, …").
    expect(
      led.items.every((t) =>
        t.leads.some((l) => l.organisationName === 'Sở Công Thương' || l.groupKey === 'so_ban_nganh'),
      ),
    ).toBe(true);
    expect(
      led.items.filter((t) => t.leads.some((l) => l.organisationName === 'Sở Công Thương')),
    ).toHaveLength(10);

    const stc = await orgId('STC');
    const supports = expectBody(
      await coordinator.get(
        `/api/plans/${planId}/tasks?organisationId=${stc}&agencyRole=coordinator&pageSize=100`,
      ),
      taskListResponseSchema,
    );
    // "Các sở, ban, ngành" includes Sở Tài chính, so every task given to that group is one it supports.
    expect(supports.items.some((t) => t.coordinators.some((c) => c.groupKey === 'so_ban_nganh'))).toBe(true);

    const y2022 = expectBody(
      await coordinator.get(`/api/plans/${planId}/tasks?deadlineYear=2022&pageSize=100`),
      taskListResponseSchema,
    );
    expect(y2022.items.some((t) => t.deadline.text === '2022')).toBe(true);
    expect(y2022.items.some((t) => t.deadline.text === '2021')).toBe(false);

    const search = expectBody(
      await coordinator.get(`/api/plans/${planId}/tasks?q=${encodeURIComponent('cong nghiep ho tro')}`),
      taskListResponseSchema,
    );
    expect(search.total).toBeGreaterThan(0);
    expect(
      search.items.every(
        (t) => /công nghiệp hỗ trợ/i.test(t.content) || /công nghiệp hỗ trợ/i.test(t.product ?? ''),
      ),
    ).toBe(true);

    // The plan writes "Sở Lao động, Thương binh và Xã hội"; its registry name is found too.
    const byRegistryName = expectBody(
      await coordinator.get(`/api/plans/${planId}/tasks?q=${encodeURIComponent('lao dong - thuong binh')}`),
      taskListResponseSchema,
    );
    expect(byRegistryName.items.map((t) => t.ordinal)).toEqual(['15']);

    const one = await coordinator.get(`/api/plans/${planId}/tasks/${led.items[0]!.id}`);
    expect(one.status).toBe(200);
    expect(expectBody(one, planTaskViewSchema).ordinal).toBe(led.items[0]!.ordinal);
  });

  it('lists the filter values that occur in the plan', async () => {
    const res = await coordinator.get(`/api/plans/${planId}/task-facets`);
    const f = expectBody(res, taskFacetsSchema);
    expect(f.products).toEqual(expect.arrayContaining(['Đề án', 'Kế hoạch']));
    expect(f.years).toEqual(expect.arrayContaining([2021, 2022, 2025]));
    expect(f.agencies.map((a) => a.name)).toContain('Sở Công Thương');
  });

  it('rejects a file that is not a plan with a Vietnamese message and saves nothing', async () => {
    const before = await s.ctx.db
      .selectFrom('plan_imports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await coordinator.upload(
      '/api/plan-imports',
      'thu-moi.txt',
      Buffer.from('Kính gửi các đồng chí,\nThư mời họp.\n'),
    );
    expect(res.status).toBe(400);
    expect(expectBody(res, errorResponseSchema).error.message).toContain('không phải là kế hoạch');
    const empty = await coordinator.upload('/api/plan-imports', 'trong.txt', Buffer.from('   \n'));
    expect(expectBody(empty, errorResponseSchema).error.message).toContain('Tệp trống');
    const latin = await coordinator.upload(
      '/api/plan-imports',
      'cp1258.txt',
      Buffer.from([0x4b, 0xca, 0x20, 0x48, 0x4f, 0xa0, 0x43, 0x48]),
    );
    expect(latin.status).toBe(400);
    expect(expectBody(latin, errorResponseSchema).error.message).toContain('UTF-8');
    const after = await s.ctx.db
      .selectFrom('plan_imports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('only coordinators import; reporters and leaders read plans but cannot import', async () => {
    for (const role of ['reporter', 'leader', 'admin'] as const) {
      const a = await s.loginAs(await buildUser(s.ctx, { role }));
      const up = await a.upload('/api/plan-imports', 'x.txt', SAMPLE);
      expect(up.status).toBe(403);
      expect((await a.post(`/api/plan-imports/${imp.id}/confirm`)).status).toBe(403);
      expect((await a.get(`/api/plan-imports/${imp.id}`)).status).toBe(403);
      expect((await a.get(`/api/plans/${planId}`)).status).toBe(200);
    }
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  planDetailSchema,
  planListResponseSchema,
  planTaskViewSchema,
  taskFacetsSchema,
  taskListQuerySchema,
  taskListResponseSchema,
} from '../../../shared/contracts/plans';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody, expectError } from '../../test/expect-body';
import { buildLoggedIn, buildOrganisation, buildPlan } from '../../test/factories';
import { type Agent, startTestServer, type TestServer } from '../../test/http-agent';

// The query names the agency filter as the contract spells it (it may be renamed; the URL is the same).
const AGENCY_PARAM = 'agencyId' in taskListQuerySchema.shape ? 'agencyId' : 'organisationId';

describeEachDatabase('plans: list, overview, tasks, filters and access', (dialect) => {
  // Nothing here changes a plan: one world per database, built once.
  let s: TestServer;
  let coordinator: Agent;
  let otherReporter: Agent;
  let leader: Agent;
  let orgs: Record<'a' | 'b' | 'c' | 'huyen', { id: number; name: string }>;
  let plan: { planId: number; taskIds: number[] };
  let other: { planId: number; taskIds: number[] };

  beforeAll(async () => {
    s = await startTestServer(dialect);
    orgs = {
      a: await buildOrganisation(s.ctx, { name: 'Sở A thử', kind: 'so' }),
      b: await buildOrganisation(s.ctx, { name: 'Sở B thử', kind: 'so' }),
      c: await buildOrganisation(s.ctx, { name: 'Sở C thử', kind: 'so' }),
      huyen: await buildOrganisation(s.ctx, { name: 'UBND huyện thử', kind: 'ubnd_huyen' }),
    };
    coordinator = (await buildLoggedIn(s, { role: 'coordinator', organisationId: orgs.a.id })).agent;
    // A reporter of an agency the plans do not name.
    otherReporter = (await buildLoggedIn(s, { role: 'reporter', organisationId: orgs.c.id })).agent;
    leader = (await buildLoggedIn(s, { role: 'leader' })).agent;
    plan = await buildPlan(coordinator, {
      number: '21/KH-UBND',
      title: 'Kế hoạch phát triển logistics',
      issuedOn: '2024-03-12',
      regime: {
        consolidator: 'Sở A',
        annualDueDay: 10,
        annualDueMonth: 12,
        midTermYear: null,
        finalYear: 2026,
        text: '',
      },
      consolidator: { org: orgs.a },
      tasks: [
        {
          group: 'A. Nhóm thứ nhất',
          content: 'Xây dựng trung tâm logistics',
          product: 'Kế hoạch',
          deadline: { kind: 'year', from: '2025-01-01', to: '2025-12-31', text: '2025' },
          leads: [{ org: orgs.a }],
          coordinators: [{ org: orgs.b }],
        },
        {
          group: 'A. Nhóm thứ nhất',
          content: 'Đào tạo nhân lực kho vận',
          product: 'Báo cáo',
          deadline: { kind: 'year_range', from: '2024-01-01', to: '2026-12-31', text: '2024-2026' },
          leads: [{ org: orgs.b }],
          coordinators: [{ group: 'so_ban_nganh', text: 'Các sở, ban, ngành' }],
        },
        {
          group: 'B. Nhóm thứ hai',
          content: 'Rà soát quy hoạch cảng cạn',
          product: 'Quyết định',
          deadline: { kind: 'recurring', from: null, to: null, text: 'Hằng năm' },
          leads: [{ org: orgs.huyen }],
        },
        {
          group: 'B. Nhóm thứ hai',
          content: 'Tuyên truyền thương mại điện tử',
          product: 'Kế hoạch',
          deadline: { kind: 'year', from: '2027-01-01', to: '2027-12-31', text: '2027' },
          leads: [{ org: orgs.a }],
        },
      ],
    });
    other = await buildPlan(coordinator, {
      number: '99/KH-UBND',
      title: 'Kế hoạch chuyển đổi số',
      tasks: [{ content: 'Số hóa hồ sơ', leads: [{ org: orgs.b }] }],
    });
  });
  afterAll(async () => s?.close());

  const tasks = async (who: Agent, query = '') =>
    expectBody(await who.get(`/api/plans/${plan.planId}/tasks${query}`), taskListResponseSchema, 200);
  const contents = (r: { items: { content: string }[] }) => r.items.map((t) => t.content);

  it('lists the plans with their task counts and finds them without accents', async () => {
    const list = expectBody(await coordinator.get('/api/plans'), planListResponseSchema, 200);
    const byNumber = new Map(list.items.map((p) => [p.number, p]));
    expect(byNumber.get('21/KH-UBND')).toMatchObject({
      id: plan.planId,
      kind: 'plan',
      title: 'Kế hoạch phát triển logistics',
      issuedOn: '2024-03-12',
      taskCount: 4,
      targetCount: 0,
    });
    expect(byNumber.get('99/KH-UBND')?.taskCount).toBe(1);

    const found = expectBody(
      await coordinator.get(`/api/plans?q=${encodeURIComponent('chuyen doi so')}`),
      planListResponseSchema,
      200,
    );
    expect(found.items.map((p) => p.id)).toEqual([other.planId]);
    const none = expectBody(
      await coordinator.get('/api/plans?q=khong-co-ke-hoach-nay'),
      planListResponseSchema,
    );
    expect(none.items).toEqual([]);
  });

  it('pages the plan list newest first with its total; task counts equal a recount', async () => {
    const pages = [];
    for (const page of [1, 2, 3])
      pages.push(
        expectBody(await coordinator.get(`/api/plans?pageSize=1&page=${page}`), planListResponseSchema, 200),
      );
    expect(pages.map((p) => p.total)).toEqual([2, 2, 2]);
    expect(pages.map((p) => p.items.length)).toEqual([1, 1, 0]);
    const listed = pages.flatMap((p) => p.items);
    // Newest first by issue date (stable by id): no plan on two pages, none missing.
    expect(listed.map((p) => p.id).sort()).toEqual([plan.planId, other.planId].sort());
    expect(listed[0]!.issuedOn! >= listed[1]!.issuedOn!).toBe(true);
    // The count is a column written with the plan's tasks; it must equal counting them.
    for (const p of listed) {
      const recount = await s.ctx.db
        .selectFrom('tasks')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('plan_id', '=', p.id)
        .executeTakeFirstOrThrow();
      expect(p.taskCount).toBe(Number(recount.n));
    }
    expectError(await coordinator.get('/api/plans?pageSize=201'), 400);
  });

  it('shows a plan’s overview: document, regime with its consolidating agency, task count', async () => {
    const detail = expectBody(await coordinator.get(`/api/plans/${plan.planId}`), planDetailSchema, 200);
    expect(detail).toMatchObject({
      number: '21/KH-UBND',
      title: 'Kế hoạch phát triển logistics',
      taskCount: 4,
      targets: [],
      regime: {
        annualDueDay: 10,
        annualDueMonth: 12,
        finalYear: 2026,
        consolidatorAgency: { text: 'Sở A', organisationId: orgs.a.id, organisationName: 'Sở A thử' },
      },
    });
    expect(detail.document?.filename).toMatch(/\.txt$/);
    expect(detail.importId).not.toBeNull();
    const missing = await coordinator.get('/api/plans/999999');
    expect(expectError(missing, 404).message).toContain('kế hoạch');
  });

  it('lists a plan’s tasks in order with their lead and coordinating agencies', async () => {
    const all = await tasks(coordinator);
    expect(all.total).toBe(4);
    expect(all.items.map((t) => t.id)).toEqual(plan.taskIds);
    expect(all.items.every((t) => t.planId === plan.planId)).toBe(true);
    const [first, second] = all.items;
    expect(first!.leads).toEqual([
      { text: 'Sở A thử', organisationId: orgs.a.id, organisationName: 'Sở A thử', groupKey: null },
    ]);
    expect(first!.coordinators.map((c) => c.organisationName)).toEqual(['Sở B thử']);
    expect(second!.coordinators).toEqual([
      { text: 'Các sở, ban, ngành', organisationId: null, organisationName: null, groupKey: 'so_ban_nganh' },
    ]);
    expect(second!.deadline).toEqual({
      kind: 'year_range',
      from: '2024-01-01',
      to: '2026-12-31',
      text: '2024-2026',
    });

    const one = expectBody(
      await coordinator.get(`/api/plans/${plan.planId}/tasks/${plan.taskIds[2]}`),
      planTaskViewSchema,
      200,
    );
    expect(one).toMatchObject({ content: 'Rà soát quy hoạch cảng cạn', group: 'B. Nhóm thứ hai' });
    // A task is found only under its own plan.
    expectError(await coordinator.get(`/api/plans/${plan.planId}/tasks/${other.taskIds[0]}`), 404);
  });

  it('pages the task list: each page in order, the total unchanged', async () => {
    const p1 = await tasks(coordinator, '?pageSize=3&page=1');
    const p2 = await tasks(coordinator, '?pageSize=3&page=2');
    expect([p1.total, p2.total]).toEqual([4, 4]);
    expect([p1.page, p1.pageSize, p2.page]).toEqual([1, 3, 2]);
    expect([...p1.items, ...p2.items].map((t) => t.id)).toEqual(plan.taskIds);
    expect((await tasks(coordinator, '?pageSize=3&page=3')).items).toEqual([]);
    const tooBig = await coordinator.get(`/api/plans/${plan.planId}/tasks?pageSize=201`);
    expect(expectError(tooBig, 400).fields?.map((f) => f.path)).toContain('pageSize');
  });

  it('filters tasks by agency and role, counting a named group as its members', async () => {
    const b = orgs.b.id;
    expect(contents(await tasks(coordinator, `?${AGENCY_PARAM}=${b}&agencyRole=lead`))).toEqual([
      'Đào tạo nhân lực kho vận',
    ]);
    // Named on task 1; on task 2 through "Các sở, ban, ngành", a group Sở B belongs to.
    expect(contents(await tasks(coordinator, `?${AGENCY_PARAM}=${b}&agencyRole=coordinator`))).toEqual([
      'Xây dựng trung tâm logistics',
      'Đào tạo nhân lực kho vận',
    ]);
    expect(
      contents(await tasks(coordinator, `?${AGENCY_PARAM}=${orgs.a.id}&agencyRole=coordinator`)),
    ).toEqual(['Đào tạo nhân lực kho vận']);
    expect(contents(await tasks(coordinator, `?${AGENCY_PARAM}=${b}`))).toEqual([
      'Xây dựng trung tâm logistics',
      'Đào tạo nhân lực kho vận',
    ]);
    // Sở C is named nowhere, but it is one of "Các sở, ban, ngành".
    const c = await tasks(coordinator, `?${AGENCY_PARAM}=${orgs.c.id}`);
    expect(contents(c)).toEqual(['Đào tạo nhân lực kho vận']);
    expect(c.total).toBe(1);
    expectError(await coordinator.get(`/api/plans/${plan.planId}/tasks?${AGENCY_PARAM}=999999`), 404);
  });

  it('filters tasks by product, deadline kind and year, group and words without accents', async () => {
    expect(contents(await tasks(coordinator, `?product=${encodeURIComponent('Kế hoạch')}`))).toEqual([
      'Xây dựng trung tâm logistics',
      'Tuyên truyền thương mại điện tử',
    ]);
    expect(contents(await tasks(coordinator, '?deadlineKind=recurring'))).toEqual([
      'Rà soát quy hoạch cảng cạn',
    ]);
    // 2025: the one-off task of 2025, the 2024-2026 span, and the yearly task.
    expect(contents(await tasks(coordinator, '?deadlineYear=2025'))).toEqual([
      'Xây dựng trung tâm logistics',
      'Đào tạo nhân lực kho vận',
      'Rà soát quy hoạch cảng cạn',
    ]);
    expect(contents(await tasks(coordinator, `?group=${encodeURIComponent('B. Nhóm thứ hai')}`))).toEqual([
      'Rà soát quy hoạch cảng cạn',
      'Tuyên truyền thương mại điện tử',
    ]);
    expect(contents(await tasks(coordinator, `?q=${encodeURIComponent('cang can')}`))).toEqual([
      'Rà soát quy hoạch cảng cạn',
    ]);
    const both = await tasks(coordinator, `?deadlineYear=2027&product=${encodeURIComponent('Kế hoạch')}`);
    expect(contents(both)).toEqual(['Tuyên truyền thương mại điện tử']);
    expectError(await coordinator.get(`/api/plans/${plan.planId}/tasks?deadlineKind=someday`), 400);
  });

  it('offers filter values that occur in the plan only', async () => {
    const facets = expectBody(
      await coordinator.get(`/api/plans/${plan.planId}/task-facets`),
      taskFacetsSchema,
      200,
    );
    expect(facets).toEqual({
      products: ['Báo cáo', 'Kế hoạch', 'Quyết định'],
      groups: ['A. Nhóm thứ nhất', 'B. Nhóm thứ hai'],
      agencies: [
        { id: orgs.a.id, name: 'Sở A thử' },
        { id: orgs.b.id, name: 'Sở B thử' },
        { id: orgs.huyen.id, name: 'UBND huyện thử' },
      ],
      years: [2024, 2025, 2026, 2027],
    });
    expectError(await coordinator.get('/api/plans/999999/task-facets'), 404);
  });

  it('lets every signed-in role read plans, a reporter of an agency they do not name too; nobody else', async () => {
    for (const who of [otherReporter, leader]) {
      const list = expectBody(await who.get('/api/plans'), planListResponseSchema, 200);
      expect(list.items.map((p) => p.id).sort()).toEqual([plan.planId, other.planId].sort());
      expect(expectBody(await who.get(`/api/plans/${plan.planId}`), planDetailSchema, 200).taskCount).toBe(4);
      expect((await tasks(who)).total).toBe(4);
      expectBody(await who.get(`/api/plans/${plan.planId}/task-facets`), taskFacetsSchema, 200);
      // Reading is not importing.
      expectError(await who.upload('/api/plan-imports', 'kh.txt', Buffer.from('KẾ HOẠCH')), 403);
    }
    const anonymous = s.agent();
    for (const url of [
      '/api/plans',
      `/api/plans/${plan.planId}`,
      `/api/plans/${plan.planId}/tasks`,
      `/api/plans/${plan.planId}/task-facets`,
      `/api/plans/${plan.planId}/tasks/${plan.taskIds[0]}`,
    ]) {
      expectError(await anonymous.get(url), 401);
    }
  });
});

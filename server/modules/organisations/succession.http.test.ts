import { afterAll, beforeAll, expect, it } from 'vitest';
import { organisationSchema } from '../../../shared/contracts/organisations';
import { planImportSchema } from '../../../shared/contracts/plan-import';
import {
  planTaskViewSchema,
  taskFacetsSchema,
  taskListResponseSchema,
} from '../../../shared/contracts/plans';
import { SAMPLE_ORGANISATIONS } from '../../seed/sample/hung-yen-organisations';
import { seedOrganisations } from '../../seed/seed-organisations';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody } from '../../test/expect-body';
import { buildPlan, buildUser } from '../../test/factories';
import { type Agent, startTestServer, type TestServer } from '../../test/http-agent';
import { findOrganisationByCode } from './organisation-repository';

type Org = { id: number; name: string };

describeEachDatabase('a reorganised agency in every view of a task (issue 14)', (dialect) => {
  let s: TestServer;
  let coordinator: Agent;
  let reporter: Agent;
  let skhdt: Org;
  let stc: Org;
  let sct: Org;
  let planId: number;
  let taskIds: number[];
  beforeAll(async () => {
    s = await startTestServer(dialect);
    await seedOrganisations(s.ctx, SAMPLE_ORGANISATIONS);
    const org = async (code: string) => {
      const o = (await findOrganisationByCode(s.ctx.db, code))!;
      return { id: o.id, name: o.name };
    };
    [skhdt, stc, sct] = [await org('SKHDT'), await org('STC'), await org('SCT')];
    coordinator = await s.loginAs(await buildUser(s.ctx, { role: 'coordinator' }));
    reporter = await s.loginAs(await buildUser(s.ctx, { role: 'reporter' }));
    ({ planId, taskIds } = await buildPlan(coordinator, {
      tasks: [
        { content: 'Thu hút đầu tư vào KCN', leads: [{ org: skhdt }], coordinators: [{ org: sct }] },
        { content: 'Bố trí vốn ngân sách', leads: [{ org: stc }] },
        { content: 'Phát triển CCN', leads: [{ org: sct }], coordinators: [{ org: skhdt }] },
      ],
    }));
  });
  afterAll(() => s.close());

  it('the task names the plan’s agency with its chain: Sở Kế hoạch và Đầu tư → Sở Tài chính từ 01/03/2025', async () => {
    const task = expectBody(
      await reporter.get(`/api/plans/${planId}/tasks/${taskIds[0]}`),
      planTaskViewSchema,
    );
    expect(task.leads).toEqual([
      {
        text: 'Sở Kế hoạch và Đầu tư',
        organisationId: skhdt.id,
        organisationName: 'Sở Kế hoạch và Đầu tư',
        groupKey: null,
        chain: [{ organisationId: stc.id, name: 'Sở Tài chính', from: '2025-03-01' }],
      },
    ]);
    // An agency never reorganised carries no chain.
    expect(task.coordinators[0]).not.toHaveProperty('chain');
    const list = expectBody(await reporter.get(`/api/plans/${planId}/tasks`), taskListResponseSchema);
    expect(list.items[2]!.coordinators[0]!.chain).toEqual([
      { organisationId: stc.id, name: 'Sở Tài chính', from: '2025-03-01' },
    ]);
  });

  it('the agency itself shows its chain', async () => {
    const org = expectBody(await reporter.get(`/api/organisations/${skhdt.id}`), organisationSchema);
    expect(org.chain).toEqual([{ organisationId: stc.id, name: 'Sở Tài chính', from: '2025-03-01' }]);
  });

  it('filtering by Sở Tài chính as lead “as now” finds its predecessor’s tasks; “as in the plan” does not', async () => {
    const ordinals = async (query: string) =>
      expectBody(
        await reporter.get(`/api/plans/${planId}/tasks?organisationId=${stc.id}&agencyRole=lead&${query}`),
        taskListResponseSchema,
      ).items.map((t) => t.content);
    expect(await ordinals('agencyAs=now')).toEqual(['Thu hút đầu tư vào KCN', 'Bố trí vốn ngân sách']);
    expect(await ordinals('agencyAs=plan')).toEqual(['Bố trí vốn ngân sách']);
    // Coordinating roles follow the same rule.
    const coordinating = expectBody(
      await reporter.get(
        `/api/plans/${planId}/tasks?organisationId=${stc.id}&agencyRole=coordinator&agencyAs=now`,
      ),
      taskListResponseSchema,
    );
    expect(coordinating.items.map((t) => t.content)).toEqual(['Phát triển CCN']);
  });

  it('the filter offers the successor of an agency the plan names', async () => {
    const facets = expectBody(await reporter.get(`/api/plans/${planId}/task-facets`), taskFacetsSchema);
    expect(facets.agencies.map((a) => a.name)).toEqual(
      expect.arrayContaining(['Sở Kế hoạch và Đầu tư', 'Sở Tài chính', 'Sở Công Thương']),
    );
  });

  it('the importer matches a former agency’s name in an old plan to the agency of the plan’s date', async () => {
    const text = `ỦY BAN NHÂN DÂN
TỈNH THỬ NGHIỆM
Số: ${Date.now()}/KH-UBND
Thử nghiệm, ngày 27 tháng 9 năm 2021
KẾ HOẠCH
Thu hút đầu tư
I. MỤC TIÊU
- Hoàn thành các nhiệm vụ.
PHỤ LỤC
| TT | Nội dung | Cơ quan chủ trì | Thời hạn |
| --- | --- | --- | --- |
| 1 | Xúc tiến đầu tư | Sở KH&ĐT | 2022 |
`;
    const imp = expectBody(
      await coordinator.upload('/api/plan-imports', 'kh-cu.txt', Buffer.from(text)),
      planImportSchema,
      200,
    );
    // In 2021 the department existed: matched to it, not flagged — the review shows its successor today.
    const resolution = imp.draft.tasks[0]!.leads[0]!.resolution;
    expect(resolution).toMatchObject({ type: 'organisation', organisationId: skhdt.id });
    expect(resolution).not.toHaveProperty('notInForce');
  });
});

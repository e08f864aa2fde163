import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  pendingValuesResponseSchema,
  planIndicatorsResponseSchema,
} from '../../../shared/contracts/indicators';
import { notificationListResponseSchema } from '../../../shared/contracts/notifications';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody } from '../../test/expect-body';
import { buildOrganisation, buildUser } from '../../test/factories';
import { type Agent, startTestServer, type TestServer } from '../../test/http-agent';
import { importSamplePlan } from './test-plan';

describeEachDatabase('indicator values waiting for acceptance: the queue and the notice', (dialect) => {
  let s: TestServer;
  let coordinator: Agent;
  let otherCoordinator: Agent;
  let reporter: Agent;
  let leader: Agent;
  let planId: number;
  let iip: number;

  const queue = async (agent: Agent) =>
    expectBody(await agent.get('/api/indicator-values/pending'), pendingValuesResponseSchema);
  const notices = async (agent: Agent) =>
    expectBody(await agent.get('/api/notifications'), notificationListResponseSchema).items.filter(
      (n) => n.kind === 'indicator_value_submitted',
    );

  beforeAll(async () => {
    s = await startTestServer(dialect);
    let sctId: number;
    ({ planId, sctId } = await importSamplePlan(s.ctx));
    // The plan names Sở Công Thương as its consolidating agency: its coordinators review the values.
    const plan = await s.ctx.db
      .selectFrom('plans')
      .select('consolidator_org_id')
      .where('id', '=', planId)
      .executeTakeFirstOrThrow();
    expect(plan.consolidator_org_id).toBe(sctId);
    coordinator = await s.loginAs(await buildUser(s.ctx, { role: 'coordinator', organisationId: sctId }));
    const elsewhere = await buildOrganisation(s.ctx, { name: 'Sở Thử nghiệm Hàng đợi' });
    otherCoordinator = await s.loginAs(
      await buildUser(s.ctx, { role: 'coordinator', organisationId: elsewhere.id }),
    );
    reporter = await s.loginAs(
      await buildUser(s.ctx, { role: 'reporter', organisationId: sctId, fullName: 'Nguyễn Thị Thống Kê' }),
    );
    leader = await s.loginAs(await buildUser(s.ctx, { role: 'leader' }));
    const list = expectBody(
      await coordinator.get(`/api/plans/${planId}/indicators`),
      planIndicatorsResponseSchema,
    );
    iip = list.items.find((i) => i.code === 'CT01')!.id;
  });
  afterAll(() => s.close());

  it('puts an agency’s value in the consolidating coordinator’s queue and tells them', async () => {
    expect((await queue(coordinator)).total).toBe(0);
    const res = await reporter.post(`/api/indicators/${iip}/values`, {
      year: 2023,
      value: 6.35,
      status: 'preliminary',
      source: 'Cục Thống kê — báo cáo KT-XH 2023',
    });
    expect(res.status).toBe(200);

    const q = await queue(coordinator);
    expect(q.total).toBe(1);
    expect(q.items[0]).toMatchObject({
      year: 2023,
      value: 6.35,
      status: 'preliminary',
      indicator: { id: iip, code: 'CT01', name: 'Chỉ số sản xuất công nghiệp', unit: '%' },
      plan: { id: planId, number: '148/KH-UBND' },
      enteredBy: { name: 'Nguyễn Thị Thống Kê', organisationName: 'Sở Công Thương' },
    });

    const [notice] = await notices(coordinator);
    expect(notice).toMatchObject({
      title: 'Số liệu chờ tiếp nhận: CT01 năm 2023',
      link: `/ke-hoach/${planId}/chi-tieu/${iip}`,
    });
    expect(notice!.body).toContain(
      'Sở Công Thương (Nguyễn Thị Thống Kê) đã nhập số liệu chỉ số “Chỉ số sản xuất công nghiệp” năm 2023: 6,35 %',
    );

    // A coordinator of another agency neither sees it nor is told.
    expect((await queue(otherCoordinator)).total).toBe(0);
    expect(await notices(otherCoordinator)).toEqual([]);
  });

  it('empties the queue once the value is accepted; the coordinator’s own values never wait', async () => {
    const [pending] = (await queue(coordinator)).items;
    const accepted = await coordinator.post(`/api/indicator-values/${pending!.id}/review`, {
      decision: 'accept',
    });
    expect(accepted.status).toBe(200);
    expect((await queue(coordinator)).total).toBe(0);
    const own = await coordinator.post(`/api/indicators/${iip}/values`, {
      year: 2022,
      value: 10.5,
      status: 'official',
      source: 'Cục Thống kê — niên giám 2022',
    });
    expect(own.status).toBe(200);
    expect((await queue(coordinator)).total).toBe(0);
    expect(await notices(coordinator)).toHaveLength(1);
  });

  it('refuses the queue to reporters and leaders, and to nobody signed in', async () => {
    expect((await reporter.get('/api/indicator-values/pending')).status).toBe(403);
    expect((await leader.get('/api/indicator-values/pending')).status).toBe(403);
    expect((await s.agent().get('/api/indicator-values/pending')).status).toBe(401);
  });
});

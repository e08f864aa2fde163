import { afterAll, beforeAll, expect, it } from 'vitest';
import { errorResponseSchema } from '../../../shared/contracts/errors';
import { indicatorDetailSchema, planIndicatorsResponseSchema } from '../../../shared/contracts/indicators';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody } from '../../test/expect-body';
import { buildOrganisation, buildUser } from '../../test/factories';
import { type Agent, startTestServer, type TestServer } from '../../test/http-agent';
import { importSamplePlan } from './test-plan';

describeEachDatabase('indicators: created from targets, edited, values entered and reviewed', (dialect) => {
  let s: TestServer;
  let coordinator: Agent;
  let leader: Agent;
  let ownerReporter: Agent;
  let otherReporter: Agent;
  let planId: number;
  let sctId: number;
  let iip: number;
  let exportId: number;

  const list = async (agent: Agent, on = '2024-06-30') =>
    expectBody(await agent.get(`/api/plans/${planId}/indicators?on=${on}`), planIndicatorsResponseSchema);
  const detail = async (agent: Agent, id: number, on = '2024-06-30') =>
    expectBody(await agent.get(`/api/indicators/${id}?on=${on}`), indicatorDetailSchema);
  const value = (year: number, v: number, status: string, extra: Record<string, unknown> = {}) => ({
    year,
    value: v,
    status,
    source: 'Cục Thống kê tỉnh Hưng Yên — niên giám thống kê',
    ...extra,
  });

  beforeAll(async () => {
    s = await startTestServer(dialect);
    ({ planId, sctId } = await importSamplePlan(s.ctx));
    coordinator = await s.loginAs(await buildUser(s.ctx, { role: 'coordinator', organisationId: sctId }));
    leader = await s.loginAs(await buildUser(s.ctx, { role: 'leader' }));
    ownerReporter = await s.loginAs(await buildUser(s.ctx, { role: 'reporter', organisationId: sctId }));
    otherReporter = await s.loginAs(
      await buildUser(s.ctx, { role: 'reporter', organisationId: (await buildOrganisation(s.ctx)).id }),
    );
  });
  afterAll(() => s.close());

  it('creates one indicator per subject of the plan’s targets when the plan is confirmed', async () => {
    const body = await list(leader);
    expect(body.plan.number).toBe('148/KH-UBND');
    expect(body.total).toBe(7);
    const byName = new Map(body.items.map((i) => [i.name, i]));
    const iipIndicator = byName.get('Chỉ số sản xuất công nghiệp')!;
    expect(iipIndicator).toMatchObject({ code: 'CT01', valueKind: 'rate', unit: '%' });
    expect(iipIndicator.owner).toEqual({ id: sctId, name: 'Sở Công Thương' });
    expect(iipIndicator.targets).toHaveLength(1);
    expect(iipIndicator.targets[0]).toMatchObject({
      kind: 'average_growth',
      min: 9,
      max: 10,
      fromYear: 2021,
    });
    expect(iipIndicator.targets[0]!.evaluation.status).toBe('no_data');
    // Export has a growth target and a level target: one indicator, tracked as levels in tỷ USD.
    const exp = byName.get('Kim ngạch xuất khẩu')!;
    expect(exp).toMatchObject({ valueKind: 'level', unit: 'tỷ USD' });
    expect(exp.targets.map((t) => t.kind)).toEqual(['average_growth', 'level']);
    // "Tỷ trọng công nghiệp, xây dựng" (2025) and "… - xây dựng" (2030) are the same indicator.
    expect(byName.get('Tỷ trọng công nghiệp, xây dựng')!.targets.map((t) => t.toYear)).toEqual([2025, 2030]);
    iip = iipIndicator.id;
    exportId = exp.id;
  });

  it('answers 401 without a session and 404 for an unknown plan or indicator', async () => {
    expect((await s.agent().get(`/api/plans/${planId}/indicators`)).status).toBe(401);
    expect((await s.agent().get(`/api/indicators/${iip}`)).status).toBe(401);
    expect((await leader.get('/api/plans/9999/indicators')).status).toBe(404);
    expect((await leader.get('/api/indicators/9999')).status).toBe(404);
  });

  it('lets only the coordinator edit an indicator, and keeps codes unique within the plan', async () => {
    const edit = {
      code: 'IIP',
      name: 'Chỉ số sản xuất công nghiệp (IIP)',
      unit: '%',
      definition: 'Tốc độ tăng so với năm trước, giá so sánh.',
      valueKind: 'rate',
      ownerOrgId: sctId,
    };
    for (const agent of [leader, ownerReporter]) {
      const res = await agent.patch(`/api/indicators/${iip}`, edit);
      expect(res.status).toBe(403);
    }
    const ok = await coordinator.patch(`/api/indicators/${iip}`, edit);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      code: 'IIP',
      definition: edit.definition,
      canManage: true,
      canEnter: true,
    });
    const dup = await coordinator.patch(`/api/indicators/${exportId}`, { ...edit, name: 'Khác' });
    expect(dup.status).toBe(409);
    expect(expectBody(dup, errorResponseSchema).error.message).toContain('IIP');
    const audit = await s.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'indicator')
      .where('entity_id', '=', String(iip))
      .execute();
    expect(audit.map((a) => a.action)).toContain('indicator.updated');
  });

  it('evaluates the IIP target from the coordinator’s values, accepted at once', async () => {
    for (const v of [value(2021, 8.82, 'official'), value(2022, 10.5, 'official')]) {
      const res = await coordinator.post(`/api/indicators/${iip}/values`, v);
      expect(res.status).toBe(200);
    }
    const d = await detail(leader, iip);
    expect(d.values.every((v) => v.reviewState === 'accepted' && v.effective)).toBe(true);
    expect(d.values[0]!.enteredBy?.name).toMatch(/^Người dùng/);
    const evaluation = d.targets[0]!.evaluation;
    // (1,0882 × 1,105)^(1/2) − 1 = 9,66%; still needed for 9%/năm over 2021–2025: 8,56%/năm in 2023–2025.
    expect(evaluation.status).toBe('on_track');
    expect(evaluation.reason).toContain('9,66%');
    expect(evaluation.reason).toContain('8,56%/năm');
    expect(evaluation.required).toBeCloseTo(8.56, 2);
  });

  it('keeps every row: a later estimate does not replace an official figure, a newer official does', async () => {
    await coordinator.post(`/api/indicators/${iip}/values`, value(2022, 11, 'estimate'));
    let d = await detail(leader, iip);
    let rows2022 = d.values.filter((v) => v.year === 2022);
    expect(rows2022).toHaveLength(2);
    expect(rows2022.find((v) => v.effective)!.value).toBe(10.5);
    expect(rows2022.find((v) => v.value === 11)!.superseded).toBe(true);

    await coordinator.post(
      `/api/indicators/${iip}/values`,
      value(2022, 10.4, 'official', { note: 'Đính chính' }),
    );
    d = await detail(leader, iip);
    rows2022 = d.values.filter((v) => v.year === 2022);
    expect(rows2022).toHaveLength(3);
    expect(rows2022.find((v) => v.effective)).toMatchObject({ value: 10.4, note: 'Đính chính' });
    expect(d.effectiveValues.find((v) => v.year === 2022)!.value).toBe(10.4);
  });

  it('turns the evaluation to “at risk” when a weak year comes in', async () => {
    await coordinator.post(`/api/indicators/${iip}/values`, value(2023, 2, 'estimate'));
    const e = (await detail(leader, iip, '2024-06-30')).targets[0]!.evaluation;
    expect(e.status).toBe('at_risk');
    expect(e.reason).toMatch(/cần tăng bình quân \d+,\d+%\/năm trong 2024–2025 để đạt 9%\/năm/);
  });

  it('lets a reporter enter values only for indicators its agency owns, pending until accepted', async () => {
    const denied = await otherReporter.post(`/api/indicators/${iip}/values`, value(2023, 6.35, 'estimate'));
    expect(denied.status).toBe(403);
    expect((await detail(otherReporter, iip)).canEnter).toBe(false);
    expect((await leader.post(`/api/indicators/${iip}/values`, value(2023, 6.35, 'estimate'))).status).toBe(
      403,
    );

    const res = await ownerReporter.post(`/api/indicators/${iip}/values`, value(2023, 6.35, 'preliminary'));
    expect(res.status).toBe(200);
    const d = expectBody(res, indicatorDetailSchema);
    const pending = d.values.find((v) => v.value === 6.35)!;
    expect(pending).toMatchObject({ reviewState: 'pending', effective: false, superseded: false });
    expect(d.pendingCount).toBe(1);
    expect(d.effectiveValues.find((v) => v.year === 2023)!.value).toBe(2);

    // The reporter cannot accept, not even its own value.
    const self = await ownerReporter.post(`/api/indicator-values/${pending.id}/review`, {
      decision: 'accept',
    });
    expect(self.status).toBe(403);
    const accepted = await coordinator.post(`/api/indicator-values/${pending.id}/review`, {
      decision: 'accept',
    });
    expect(accepted.status).toBe(200);
    const after = expectBody(accepted, indicatorDetailSchema);
    expect(after.values.find((v) => v.id === pending.id)).toMatchObject({
      reviewState: 'accepted',
      effective: true,
    });
    expect(after.effectiveValues.find((v) => v.year === 2023)).toMatchObject({
      value: 6.35,
      status: 'preliminary',
    });
    const again = await coordinator.post(`/api/indicator-values/${pending.id}/review`, {
      decision: 'reject',
      note: 'x',
    });
    expect(again.status).toBe(409);
  });

  it('rejects a value only with a reason; a rejected value never counts', async () => {
    const res = await ownerReporter.post(`/api/indicators/${iip}/values`, value(2023, 50, 'official'));
    const id = expectBody(res, indicatorDetailSchema).values.find((v) => v.value === 50)!.id;
    const noReason = await coordinator.post(`/api/indicator-values/${id}/review`, { decision: 'reject' });
    expect(noReason.status).toBe(400);
    const rejected = await coordinator.post(`/api/indicator-values/${id}/review`, {
      decision: 'reject',
      note: 'Số liệu không khớp niên giám',
    });
    expect(rejected.status).toBe(200);
    const row = expectBody(rejected, indicatorDetailSchema).values.find((v) => v.id === id)!;
    expect(row).toMatchObject({
      reviewState: 'rejected',
      effective: false,
      reviewNote: 'Số liệu không khớp niên giám',
    });
    expect(
      expectBody(rejected, indicatorDetailSchema).effectiveValues.find((v) => v.year === 2023)!.value,
    ).toBe(6.35);
  });

  it('refuses values that cannot be right, with Vietnamese messages', async () => {
    const future = await coordinator.post(`/api/indicators/${iip}/values`, value(2999, 5, 'estimate'));
    expect(future.status).toBe(400);
    expect(expectBody(future, errorResponseSchema).error.message).toContain('năm 2999 nằm ngoài khoảng');
    const noSource = await coordinator.post(`/api/indicators/${iip}/values`, {
      ...value(2021, 5, 'estimate'),
      source: ' ',
    });
    expect(noSource.status).toBe(400);
    expect(expectBody(noSource, errorResponseSchema).error.message).toContain('nguồn');
    const badStatus = await coordinator.post(`/api/indicators/${iip}/values`, value(2021, 5, 'draft'));
    expect(badStatus.status).toBe(400);
    expect(expectBody(badStatus, errorResponseSchema).error.message).toContain(
      'Ước tính, Sơ bộ hoặc Chính thức',
    );
    const share = (await list(leader)).items.find((i) => i.valueKind === 'share')!;
    const tooBig = await coordinator.post(`/api/indicators/${share.id}/values`, value(2022, 120, 'official'));
    expect(tooBig.status).toBe(400);
    expect(expectBody(tooBig, errorResponseSchema).error.message).toContain('không được vượt quá 100%');
    const badLink = await coordinator.post(`/api/indicators/${iip}/values`, {
      ...value(2021, 5, 'estimate'),
      sourceUrl: 'niên giám trang 12',
    });
    expect(badLink.status).toBe(400);
  });

  it('evaluates the export level target from levels and says what is needed', async () => {
    await coordinator.post(`/api/indicators/${exportId}/values`, value(2022, 6.3, 'preliminary'));
    let exp = await detail(leader, exportId, '2024-06-30');
    const level = () => exp.targets.find((t) => t.kind === 'level')!.evaluation;
    const growth = () => exp.targets.find((t) => t.kind === 'average_growth')!.evaluation;
    expect(level().reason).toContain('Năm 2022 đạt 6,3 tỷ USD');
    expect(growth().status).toBe('no_data');
    expect(growth().reason).toContain('cần thêm giá trị năm 2020 (năm gốc)');

    // With the 2020 base level the growth target is computed from levels: (7,44 / 5)^(1/4) − 1 = 10,45%/năm.
    await coordinator.post(`/api/indicators/${exportId}/values`, value(2020, 5, 'official'));
    await coordinator.post(`/api/indicators/${exportId}/values`, value(2024, 7.44, 'estimate'));
    exp = await detail(leader, exportId, '2025-03-01');
    expect(growth().reason).toContain('10,45%/năm');
    // 8,5 / 7,44 − 1 = 14,25% still needed in 2025.
    expect(level().reason).toContain('cần tăng 14,25% trong năm 2025 để đạt 8,5 tỷ USD');
    expect(level().required).toBeCloseTo(14.247, 2);
  });

  it('pages the indicator list and searches it without diacritics', async () => {
    const page = expectBody(
      await leader.get(`/api/plans/${planId}/indicators?pageSize=2&page=2`),
      planIndicatorsResponseSchema,
    );
    expect(page.items).toHaveLength(2);
    expect(page.total).toBe(7);
    const found = expectBody(
      await leader.get(`/api/plans/${planId}/indicators?q=kim%20ngach`),
      planIndicatorsResponseSchema,
    );
    expect(found.items.map((i) => i.id)).toEqual([exportId]);
  });
});

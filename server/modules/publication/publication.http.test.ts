import { afterAll, beforeAll, expect, it } from 'vitest';
import { indicatorDetailSchema, planIndicatorsResponseSchema } from '../../../shared/contracts/indicators';
import { publicationStateSchema, publicPlanSchema } from '../../../shared/contracts/publication';
import { nowIso } from '../../context';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody, expectError } from '../../test/expect-body';
import {
  acceptReport,
  buildLoggedIn,
  buildOrganisation,
  buildPlan,
  findReport,
  openPeriod,
  saveReport,
  submitReport,
} from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/http-agent';
import { daysFromToday, THIS_YEAR } from '../../test/reporting-world';
import { NOT_PUBLISHED_MESSAGE } from './publication-service';

const REPORT_TEXT = 'Thiếu quỹ đất sạch cho cụm công nghiệp';
const DRAFT_TEXT = 'Nội dung nháp chưa gửi của Sở Nông nghiệp';
const RESULT_TEXT = 'Đã trình UBND tỉnh phê duyệt đề án';

/**
 * A plan consolidated by a department, with one target whose indicator has two accepted values and a
 * pending one (firmer and newer: it would count if pending values leaked), an accepted report with
 * texts, another agency's draft, and people with names and e-mail addresses that must never show.
 */
async function buildWorld(s: TestServer) {
  const sct = await buildOrganisation(s.ctx, { name: 'Sở Công Thương', kind: 'so' });
  const stc = await buildOrganisation(s.ctx, { name: 'Sở Tài chính', kind: 'so' });
  const snn = await buildOrganisation(s.ctx, { name: 'Sở Nông nghiệp và Môi trường', kind: 'so' });
  const tinh = await buildOrganisation(s.ctx, { name: 'Ủy ban nhân dân tỉnh', kind: 'ubnd_tinh' });
  const [coordinator, otherCoordinator, stcReporter, snnReporter, leader, admin] = await Promise.all([
    buildLoggedIn(s, { role: 'coordinator', organisationId: sct.id, fullName: 'Nguyễn Điều Phối' }),
    buildLoggedIn(s, { role: 'coordinator', organisationId: stc.id, fullName: 'Trần Khác Sở' }),
    buildLoggedIn(s, { role: 'reporter', organisationId: stc.id, fullName: 'Lê Báo Cáo' }),
    buildLoggedIn(s, { role: 'reporter', organisationId: snn.id, fullName: 'Phạm Nông Nghiệp' }),
    buildLoggedIn(s, { role: 'leader', organisationId: tinh.id, fullName: 'Hoàng Lãnh Đạo' }),
    buildLoggedIn(s, { role: 'admin', organisationId: tinh.id, fullName: 'Vũ Quản Trị' }),
  ]);
  const people = [coordinator, otherCoordinator, stcReporter, snnReporter, leader, admin];
  for (const p of people)
    await s.ctx.db
      .updateTable('users')
      .set({ email: `${p.user.username}@so-thu.gov.vn` })
      .where('id', '=', p.user.id)
      .execute();
  const { planId } = await buildPlan(coordinator.agent, {
    number: '148/KH-UBND',
    title: 'Kế hoạch phát triển công nghiệp thử nghiệm giai đoạn 2021-2030',
    issuer: 'UBND tỉnh Thử Nghiệm',
    regime: {
      consolidator: 'Sở Công Thương',
      annualDueDay: 15,
      annualDueMonth: 12,
      midTermYear: null,
      finalYear: null,
      text: '',
    },
    consolidator: { org: sct },
    targets: [
      {
        text: 'Giá trị sản xuất công nghiệp đạt 10 nghìn tỷ đồng vào năm 2025',
        kind: 'level',
        min: 10,
        max: null,
        unit: 'nghìn tỷ đồng',
        fromYear: 2021,
        toYear: 2025,
        approximate: false,
        subject: 'Giá trị sản xuất công nghiệp',
      },
    ],
    tasks: [
      { content: 'Xây dựng đề án phát triển cụm công nghiệp', leads: [{ org: stc }], product: 'Đề án' },
      { content: 'Xúc tiến thương mại hằng năm', leads: [{ org: snn }] },
    ],
  });
  const indicators = expectBody(
    await coordinator.agent.get(`/api/plans/${planId}/indicators`),
    planIndicatorsResponseSchema,
    200,
  );
  const indicatorId = indicators.items[0]!.id;
  for (const [year, value] of [
    [2021, 8.2],
    [2022, 9.1],
  ] as const) {
    expectBody(
      await coordinator.agent.post(`/api/indicators/${indicatorId}/values`, {
        year,
        value,
        status: 'official',
        source: 'Cục Thống kê tỉnh',
        sourceUrl: null,
        note: null,
      }),
      indicatorDetailSchema,
      200,
    );
  }
  // A value still waiting for acceptance: newer and firm, so it would be the latest if it counted.
  await s.ctx.db
    .insertInto('indicator_values')
    .values({
      indicator_id: indicatorId,
      year: 2023,
      value: 77.7,
      status: 'official',
      source: 'Số liệu chờ tiếp nhận',
      source_url: null,
      note: 'Ghi chú chờ duyệt',
      is_sample: 0,
      entered_by: stcReporter.user.id,
      entered_at: nowIso(),
      review_state: 'pending',
      reviewed_by: null,
      reviewed_at: null,
      review_note: null,
    })
    .execute();
  const period = await openPeriod(coordinator.agent, planId, {
    kind: 'annual',
    year: THIS_YEAR,
    dueOn: daysFromToday(20),
  });
  const draft = await findReport(stcReporter.agent, period.id, stc.id);
  const saved = await saveReport(stcReporter.agent, draft, {
    difficulties: REPORT_TEXT,
    entries: [
      {
        id: draft.lead[0]!.id,
        progress: 'completed',
        completedOn: daysFromToday(-2),
        result: `<p>${RESULT_TEXT}</p>`,
      },
    ],
  });
  await acceptReport(coordinator.agent, await submitReport(stcReporter.agent, saved));
  const snnDraft = await findReport(snnReporter.agent, period.id, snn.id);
  await saveReport(snnReporter.agent, snnDraft, { difficulties: DRAFT_TEXT });
  return {
    planId,
    people,
    as: {
      coordinator: coordinator.agent,
      otherCoordinator: otherCoordinator.agent,
      reporter: stcReporter.agent,
      leader: leader.agent,
      admin: admin.agent,
    },
  };
}

describeEachDatabase('a plan’s public page', (dialect) => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof buildWorld>>;
  beforeAll(async () => {
    s = await startTestServer(dialect);
    w = await buildWorld(s);
  }, 120_000);
  afterAll(async () => s?.close());

  const publicUrl = () => `/api/public/plans/${w.planId}`;

  it('is off by default: anonymous readers get a Vietnamese 404, the plan page shows the switch off', async () => {
    const err = expectError(await s.agent().get(publicUrl()), 404);
    expect(err.message).toBe(NOT_PUBLISHED_MESSAGE);
    const state = expectBody(
      await w.as.coordinator.get(`/api/plans/${w.planId}/publication`),
      publicationStateSchema,
      200,
    );
    expect(state).toEqual({
      published: false,
      publishedAt: null,
      publishedBy: null,
      canChange: true,
      publicPath: `/cong-khai/ke-hoach/${w.planId}`,
    });
    const leaderView = expectBody(
      await w.as.leader.get(`/api/plans/${w.planId}/publication`),
      publicationStateSchema,
      200,
    );
    expect(leaderView.canChange).toBe(false);
  });

  it('refuses publishing to a reporter, a leader and a coordinator of another agency (403, in Vietnamese)', async () => {
    for (const who of [w.as.reporter, w.as.leader, w.as.otherCoordinator]) {
      const err = expectError(await who.post(`/api/plans/${w.planId}/publication`, {}), 403);
      expect(err.message).toMatch(/[ạảãáàâấầẩẫậăắằẳẵặđêếềểễệơớờởỡợưứừửữự]/);
    }
    expect(
      expectError(await w.as.otherCoordinator.post(`/api/plans/${w.planId}/publication`, {}), 403).message,
    ).toContain('Sở Công Thương');
    expectError(await s.agent().post(`/api/plans/${w.planId}/publication`, {}), 401);
    expectError(await s.agent().get(publicUrl()), 404);
  });

  it('once published, shows the heading, evaluated targets and task counts — and no person, text or pending value', async () => {
    const state = expectBody(
      await w.as.coordinator.post(`/api/plans/${w.planId}/publication`, {}),
      publicationStateSchema,
      200,
    );
    expect(state.published).toBe(true);
    expect(state.publishedBy).toBe('Nguyễn Điều Phối');
    expectError(await w.as.coordinator.post(`/api/plans/${w.planId}/publication`, {}), 409);

    const res = await s.agent().get(publicUrl());
    const page = expectBody(res, publicPlanSchema, 200);
    expect(page.plan).toMatchObject({
      number: '148/KH-UBND',
      title: 'Kế hoạch phát triển công nghiệp thử nghiệm giai đoạn 2021-2030',
      issuer: 'UBND tỉnh Thử Nghiệm',
      place: 'Hưng Yên',
    });
    expect(page.targets).toHaveLength(1);
    const target = page.targets[0]!;
    expect(target.text).toBe('Giá trị sản xuất công nghiệp đạt 10 nghìn tỷ đồng vào năm 2025');
    // The latest accepted value, not the pending 2023 one.
    expect(target.evaluation.latest).toEqual({ year: 2022, value: 9.1, status: 'official' });
    expect(target.evaluation.label.length).toBeGreaterThan(0);
    expect(page.tasks.year).toBe(THIS_YEAR);
    expect(page.tasks.summary.total).toBe(2);
    expect(page.tasks.summary.done_on_time + page.tasks.summary.done_late).toBe(1);
    expect(page.publishedAt).toBe(state.publishedAt);

    // The raw answer, not the parsed one: nothing beyond the contract went out.
    const raw = JSON.stringify(res.body);
    for (const p of w.people) {
      expect(raw).not.toContain(p.user.username);
      expect(raw).not.toContain('@so-thu.gov.vn');
    }
    for (const name of ['Nguyễn Điều Phối', 'Lê Báo Cáo', 'Phạm Nông Nghiệp', 'Vũ Quản Trị'])
      expect(raw).not.toContain(name);
    for (const text of [
      REPORT_TEXT,
      DRAFT_TEXT,
      RESULT_TEXT,
      '77.7',
      'Số liệu chờ tiếp nhận',
      'Ghi chú chờ duyệt',
    ])
      expect(raw).not.toContain(text);
    for (const key of ['email', 'username', 'fullName', 'publishedBy', 'enteredBy', 'difficulties', 'source'])
      expect(raw).not.toContain(`"${key}"`);
    expect(raw).not.toContain('Cục Thống kê tỉnh');
  });

  it('is audited, and taken down it answers 404 again; an administrator may put it back', async () => {
    const down = expectBody(
      await w.as.coordinator.request('DELETE', `/api/plans/${w.planId}/publication`),
      publicationStateSchema,
      200,
    );
    expect(down.published).toBe(false);
    expect(expectError(await s.agent().get(publicUrl()), 404).message).toBe(NOT_PUBLISHED_MESSAGE);
    expectError(await w.as.coordinator.request('DELETE', `/api/plans/${w.planId}/publication`), 409);

    expectBody(await w.as.admin.post(`/api/plans/${w.planId}/publication`, {}), publicationStateSchema, 200);
    expectBody(await s.agent().get(publicUrl()), publicPlanSchema, 200);
    expectBody(
      await w.as.admin.request('DELETE', `/api/plans/${w.planId}/publication`),
      publicationStateSchema,
      200,
    );

    const rows = await s.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('entity', '=', 'plan')
      .where('entity_id', '=', String(w.planId))
      .where('action', 'in', ['plan.published', 'plan.unpublished'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.action)).toEqual([
      'plan.published',
      'plan.unpublished',
      'plan.published',
      'plan.unpublished',
    ]);
  });

  it('answers 404 in Vietnamese for a plan that does not exist', async () => {
    expect(expectError(await s.agent().get('/api/public/plans/999999'), 404).message).toBe(
      NOT_PUBLISHED_MESSAGE,
    );
  });
});

import type { KyselyPlugin } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  type DashboardPlan,
  dashboardPlanResponseSchema,
  dashboardResponseSchema,
} from '../../../shared/contracts/dashboard';
import type { Deadline } from '../../../shared/contracts/plan-draft';
import { taskListResponseSchema } from '../../../shared/contracts/plans';
import {
  directiveSchema,
  periodRatesResponseSchema,
  planRatesResponseSchema,
  taskStatusesResponseSchema,
} from '../../../shared/contracts/reporting';
import { TASK_STATUS_CODES, type TaskStatusCode } from '../../../shared/domain/task-status/categories';
import { DEMO_PASSWORD, loadDemoData } from '../../seed/demo';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody, expectError } from '../../test/expect-body';
import {
  buildLoggedIn,
  buildOrganisation,
  buildPlan,
  findReport,
  openPeriod,
  saveReport,
  submitReport,
} from '../../test/factories';
import type { Agent } from '../../test/http-agent';
import { startTestServer, type TestServer } from '../../test/http-agent';
import { buildReportingWorld, daysFromToday, THIS_YEAR } from '../../test/reporting-world';
import { allPlansDashboard } from './dashboard-service';

/**
 * What the task list says for each status category: the total of `GET /api/plans/:id/tasks` filtered by
 * that status (and the same agency, role or group), which is the list a click on a dashboard number
 * opens; the status list (`/task-statuses`) must agree where it has the same filter.
 */
async function listTotals(agent: Agent, planId: number, extra = ''): Promise<Record<TaskStatusCode, number>> {
  const out = {} as Record<TaskStatusCode, number>;
  for (const code of TASK_STATUS_CODES) {
    const query = `year=${THIS_YEAR}&status=${code}&pageSize=1${extra}`;
    const list = expectBody(
      await agent.get(`/api/plans/${planId}/tasks?${query}`),
      taskListResponseSchema,
      200,
    );
    out[code] = list.total;
    // The status list filters by agency only: where it can, it must say the same.
    if (!/group|agencyRole|agencyAs/.test(extra)) {
      const statuses = await agent.get(`/api/plans/${planId}/task-statuses?${query}`);
      expect(expectBody(statuses, taskStatusesResponseSchema, 200).total).toBe(list.total);
    }
  }
  return out;
}

const countsOf = (c: Record<TaskStatusCode, number>) =>
  Object.fromEntries(TASK_STATUS_CODES.map((k) => [k, c[k]])) as Record<TaskStatusCode, number>;

async function planBoard(agent: Agent, planId: number, query = ''): Promise<DashboardPlan> {
  return expectBody(
    await agent.get(`/api/dashboard/plans/${planId}?year=${THIS_YEAR}${query}`),
    dashboardPlanResponseSchema,
    200,
  );
}

/** The same fact, read three ways: the all-plans row, the plan's board, the task list's totals. */
async function expectCountsAgree(agent: Agent, planId: number) {
  const all = expectBody(await agent.get(`/api/dashboard?year=${THIS_YEAR}`), dashboardResponseSchema, 200);
  const row = all.items.find((i) => i.plan.id === planId)!;
  const board = await planBoard(agent, planId);
  const list = await listTotals(agent, planId);
  expect(countsOf(row.tasks)).toEqual(list);
  expect(countsOf(board.tasks)).toEqual(list);
  expect(board.overdue.length).toBe(list.overdue);
  return { row, board, list };
}

/** A deterministic stream of numbers (mulberry32), so the generated plan is the same on every run. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEADLINES: Deadline[] = [
  { kind: 'year', from: '2022-01-01', to: '2022-12-31', text: 'Năm 2022' },
  { kind: 'year', from: `${THIS_YEAR}-01-01`, to: `${THIS_YEAR}-12-31`, text: `Năm ${THIS_YEAR}` },
  { kind: 'year', from: '2030-01-01', to: '2030-12-31', text: 'Năm 2030' },
  { kind: 'recurring', from: null, to: null, text: 'Hằng năm' },
  { kind: 'continuous', from: null, to: null, text: 'Thường xuyên' },
  { kind: 'year_range', from: '2021-01-01', to: '2025-12-31', text: '2021-2025' },
];

describeEachDatabase('dashboard', (dialect) => {
  let s: TestServer;
  beforeEach(async () => {
    s = await startTestServer(dialect);
  });
  afterEach(async () => s?.close());

  it('counts the same tasks as the task list on a small world, and shows what a leader needs', async () => {
    const w = await buildReportingWorld(s);
    const period = await openPeriod(w.as.coordinator, w.planId, {
      year: THIS_YEAR,
      dueOn: daysFromToday(20),
    });
    // STC completes T1 (late, it was due in 2022) and raises a difficulty; SNN and SCT are still drafting.
    const draft = await findReport(w.as.stc, period.id, w.orgs.stc.id);
    const saved = await saveReport(w.as.stc, draft, {
      difficulties: 'Thiếu cán bộ chuyên trách',
      entries: [
        { id: draft.lead[0]!.id, progress: 'completed', completedOn: daysFromToday(-2) },
        { id: draft.lead[1]!.id, progress: 'in_progress', proposals: 'Đề nghị bổ sung kinh phí' },
      ],
    });
    const submitted = await submitReport(w.as.stc, saved);
    expectBody(
      await w.as.leader.post(`/api/tasks/${w.tasks.t3}/directives`, { text: 'Khẩn trương hoàn thành' }),
      directiveSchema,
      201,
    );
    // A directive on a report of the plan's period is the plan's too (found through its periods).
    expectBody(
      await w.as.leader.post(`/api/reports/${submitted.id}/directives`, {
        text: 'Báo cáo rõ nguồn kinh phí',
      }),
      directiveSchema,
      201,
    );

    for (const agent of [w.as.leader, w.as.coordinator]) await expectCountsAgree(agent, w.planId);
    const { row, board } = await expectCountsAgree(w.as.leader, w.planId);
    expect(row.plan).toMatchObject({ number: '148/KH-UBND', title: 'Kế hoạch thử nghiệm báo cáo' });
    expect(row.tasks.total).toBe(5);
    expect(row.reporting?.period.id).toBe(period.id);
    expect(row.reporting?.rate).toMatchObject({ expected: 3, submitted: 1 });

    // T1 is done late; T3 (2021-2025) is overdue and its lead is STC.
    expect(board.tasks.done_late).toBe(1);
    expect(board.overdue.map((o) => o.task.id)).toContain(w.tasks.t3);
    const t3 = board.overdue.find((o) => o.task.id === w.tasks.t3)!;
    expect(t3.leads.map((l) => l.name)).toEqual(['Sở Tài chính thử']);
    expect(t3.daysLate).toBeGreaterThan(0);
    expect(t3.dueDate).toBe('2025-12-31');

    // T5's lead, the district, ended in 2025 and passed its work to SNN: counted as SNN now.
    const snnNow = board.byLeadAgency.find((a) => a.agency.organisationId === w.orgs.snn.id)!;
    expect(snnNow.agency).toMatchObject({ name: 'Sở Nông nghiệp thử', formerName: 'UBND huyện thử' });
    expect(board.byLeadAgency.find((a) => a.agency.organisationId === w.orgs.huyen.id)).toBeUndefined();
    expect(board.byLeadAgency.reduce((n, a) => n + a.total, 0)).toBe(5);

    expect(board.notReported.map((n) => n.organisation.name).sort()).toEqual([
      'Sở Công Thương thử',
      'Sở Nông nghiệp thử',
    ]);
    expect(board.directives.map((d) => [d.text, d.taskOrdinal, d.reportOrganisation])).toEqual([
      ['Báo cáo rõ nguồn kinh phí', null, 'Sở Tài chính thử'],
      ['Khẩn trương hoàn thành', '3', null],
    ]);
    expect(board.concerns).toEqual([
      expect.objectContaining({ task: null, difficulties: 'Thiếu cán bộ chuyên trách' }),
      expect.objectContaining({
        task: { id: w.tasks.t3, ordinal: '3' },
        proposals: 'Đề nghị bổ sung kinh phí',
      }),
    ]);
  });

  it('applies the agency, task group and period filters as the task list does', async () => {
    const w = await buildReportingWorld(s);
    const past = await openPeriod(w.as.coordinator, w.planId, {
      year: THIS_YEAR - 1,
      dueOn: daysFromToday(-3),
    });
    const current = await openPeriod(w.as.coordinator, w.planId, {
      year: THIS_YEAR,
      dueOn: daysFromToday(20),
    });
    const { leader } = w.as;

    for (const org of [w.orgs.stc, w.orgs.snn, w.orgs.sct, w.orgs.huyen]) {
      for (const as of ['now', 'plan']) {
        const q = `&organisationId=${org.id}&agencyAs=${as}`;
        const board = await planBoard(leader, w.planId, q);
        expect(countsOf(board.tasks)).toEqual(await listTotals(leader, w.planId, q));
        expect(board.notReported.every((n) => n.organisation.id === org.id)).toBe(true);
      }
    }
    const stc = await planBoard(leader, w.planId, `&organisationId=${w.orgs.stc.id}`);
    // STC leads T1 and T3, supports T2, and is one of "Các sở, ban, ngành" on T1.
    expect(stc.tasks.total).toBe(3);

    const group = `&group=${encodeURIComponent('Nhóm nhiệm vụ thử')}`;
    const inGroup = await planBoard(leader, w.planId, group);
    expect(inGroup.tasks.total).toBe(5);
    expect(countsOf(inGroup.tasks)).toEqual(await listTotals(leader, w.planId, group));
    const noGroup = await planBoard(leader, w.planId, '&group=Kh%C3%B4ng%20c%C3%B3');
    expect(noGroup.tasks.total).toBe(0);
    expect(noGroup.overdue).toEqual([]);

    const agencyGroup = await planBoard(leader, w.planId, '&groupKey=ubnd_cap_huyen');
    expect(agencyGroup.tasks.total).toBe(1);
    expect(countsOf(agencyGroup.tasks)).toEqual(
      await listTotals(leader, w.planId, '&groupKey=ubnd_cap_huyen'),
    );

    // Without a period the open one with the latest due date; a chosen period changes the year too.
    expect((await planBoard(leader, w.planId)).reporting?.period.id).toBe(current.id);
    const older = expectBody(
      await leader.get(`/api/dashboard/plans/${w.planId}?periodId=${past.id}`),
      dashboardPlanResponseSchema,
      200,
    );
    expect(older.reporting?.period.id).toBe(past.id);
    expect(older.year).toBe(THIS_YEAR - 1);
  });

  it('groups by the agency as the plan named it or as it is now, on a world with a merger (issue 14)', async () => {
    const w = await buildReportingWorld(s);
    const { leader } = w.as;
    // A period due before the district was merged into SNN (30/06/2025): the district had its report.
    const before = await openPeriod(w.as.coordinator, w.planId, { year: 2024, dueOn: '2024-12-15' });
    const now = await planBoard(leader, w.planId, `&periodId=${before.id}`);
    const asPlan = await planBoard(leader, w.planId, `&periodId=${before.id}&agencyAs=plan`);

    // The chart by lead agency: as now SNN leads T2, T4 and T5 (the district's); as named, the district.
    const row = (b: DashboardPlan, id: number) => b.byLeadAgency.find((a) => a.agency.organisationId === id);
    expect(row(now, w.orgs.snn.id)).toMatchObject({ total: 3, agency: { formerName: 'UBND huyện thử' } });
    expect(row(now, w.orgs.huyen.id)).toBeUndefined();
    expect(row(asPlan, w.orgs.snn.id)).toMatchObject({ total: 2, agency: { formerName: null } });
    expect(row(asPlan, w.orgs.huyen.id)).toMatchObject({
      total: 1,
      agency: { name: 'UBND huyện thử', currentName: 'Sở Nông nghiệp thử' },
    });
    // Each bar opens the task list with the same choice and finds exactly as many tasks.
    for (const [b, as] of [
      [now, 'now'],
      [asPlan, 'plan'],
    ] as const) {
      expect(b.byLeadAgency.reduce((n, a) => n + a.total, 0)).toBe(5);
      expect(b.tasks.total).toBe(5);
      for (const a of b.byLeadAgency.filter((x) => x.agency.organisationId !== null)) {
        const totals = await listTotals(
          leader,
          w.planId,
          `&organisationId=${a.agency.organisationId}&agencyRole=lead&agencyAs=${as}`,
        );
        expect(countsOf(a.counts)).toEqual(totals);
      }
    }

    // Who has not reported: the district's report is SNN's now, the district's as named.
    const names = (b: DashboardPlan) =>
      b.notReported.map((n) => [n.organisation.name, n.formerName ?? n.currentName]);
    expect(names(now)).toContainEqual(['Sở Nông nghiệp thử', 'UBND huyện thử']);
    expect(names(asPlan)).toContainEqual(['UBND huyện thử', 'Sở Nông nghiệp thử']);
    expect(now.notReported).toHaveLength(asPlan.notReported.length);
    expect(now.reporting?.rate).toEqual(asPlan.reporting?.rate);
    // Filtered by SNN as now, its predecessor's report is among its own; as named, it is not.
    const snnNow = await planBoard(
      leader,
      w.planId,
      `&periodId=${before.id}&organisationId=${w.orgs.snn.id}`,
    );
    const snnPlan = await planBoard(
      leader,
      w.planId,
      `&periodId=${before.id}&organisationId=${w.orgs.snn.id}&agencyAs=plan`,
    );
    expect(snnNow.reporting!.rate.expected).toBe(snnPlan.reporting!.rate.expected + 1);

    // The rates: one row per report under its agency as counted; the plan's rates grouped per agency.
    const rates = async (q: string) =>
      expectBody(
        await leader.get(`/api/reporting-periods/${before.id}/rates?${q}`),
        periodRatesResponseSchema,
        200,
      );
    const rNow = await rates('');
    const rPlan = await rates('agencyAs=plan');
    expect(rNow.agencyAs).toBe('now');
    expect(rNow.totals).toEqual(rPlan.totals);
    expect(rNow.agencies.filter((a) => a.organisation.id === w.orgs.snn.id).map((a) => a.formerName)).toEqual(
      expect.arrayContaining([null, 'UBND huyện thử']),
    );
    expect(rPlan.agencies.find((a) => a.organisation.id === w.orgs.huyen.id)).toMatchObject({
      currentName: 'Sở Nông nghiệp thử',
      formerName: null,
    });
    const plan = async (q: string) =>
      expectBody(
        await leader.get(`/api/plans/${w.planId}/reporting-rates?${q}`),
        planRatesResponseSchema,
        200,
      );
    const pNow = await plan('agencyAs=now');
    const pPlan = await plan('agencyAs=plan');
    const expected = (p: typeof pNow, id: number) =>
      p.agencies.find((a) => a.organisation.id === id)?.rate.expected;
    expect(expected(pNow, w.orgs.snn.id)).toBe(
      expected(pPlan, w.orgs.snn.id)! + expected(pPlan, w.orgs.huyen.id)!,
    );
    expect(expected(pNow, w.orgs.huyen.id)).toBeUndefined();
    expect(pNow.agencies.find((a) => a.organisation.id === w.orgs.snn.id)!.formerName).toBe('UBND huyện thử');
    expectError(await leader.get(`/api/reporting-periods/${before.id}/rates?agencyAs=xyz`), 400);
  });

  it('refuses reporters and names what is missing in Vietnamese', async () => {
    const w = await buildReportingWorld(s);
    expect(expectError(await w.as.stc.get('/api/dashboard'), 403).code).toBe('FORBIDDEN');
    expect(expectError(await w.as.stc.get(`/api/dashboard/plans/${w.planId}`), 403).code).toBe('FORBIDDEN');
    expect(expectError(await s.agent().get('/api/dashboard'), 401).code).toBe('UNAUTHENTICATED');

    const missing = expectError(await w.as.leader.get('/api/dashboard/plans/999999'), 404);
    expect(missing.message).toMatch(/kế hoạch/);
    const noPeriod = expectError(
      await w.as.leader.get(`/api/dashboard/plans/${w.planId}?periodId=999999`),
      404,
    );
    expect(noPeriod.message).toMatch(/kỳ báo cáo/);
    const badYear = expectError(await w.as.leader.get('/api/dashboard?year=abc'), 400);
    expect(badYear.message).toMatch(/[Nn]ăm/);
  });

  it('agrees with the task list on generated data', async () => {
    const random = seeded(20261201);
    const orgs = await Promise.all(
      [1, 2, 3, 4].map((n) => buildOrganisation(s.ctx, { name: `Sở sinh dữ liệu ${n}`, kind: 'so' })),
    );
    const coordinator = await buildLoggedIn(s, { role: 'coordinator', organisationId: orgs[0]!.id });
    const leader = await buildLoggedIn(s, { role: 'leader', organisationId: orgs[0]!.id });
    const reporters = await Promise.all(
      orgs.map((o) => buildLoggedIn(s, { role: 'reporter', organisationId: o.id })),
    );
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const { planId } = await buildPlan(coordinator.agent, {
      tasks: Array.from({ length: 30 }, (_, i) => ({
        group: pick(['Nhóm A', 'Nhóm B', 'Nhóm C']),
        deadline: pick(DEADLINES),
        leads: [{ org: orgs[i % orgs.length]! }],
        coordinators: random() < 0.3 ? [{ org: pick(orgs) }] : [],
      })),
    });
    const period = await openPeriod(coordinator.agent, planId, { year: THIS_YEAR, dueOn: daysFromToday(-1) });
    // Each agency reports a random progress on each of its tasks; one in four leaves its report as a draft.
    for (const [i, org] of orgs.entries()) {
      const agent = reporters[i]!.agent;
      const draft = await findReport(agent, period.id, org.id);
      const saved = await saveReport(agent, draft, {
        entries: draft.lead.map((e) => {
          const progress = pick(['not_started', 'in_progress', 'completed'] as const);
          return progress === 'completed'
            ? { id: e.id, progress, completedOn: daysFromToday(-Math.floor(random() * 2000)) }
            : { id: e.id, progress };
        }),
      });
      if (i !== 3) await submitReport(agent, saved);
    }
    const { board, list } = await expectCountsAgree(leader.agent, planId);
    // The generator gave every category something to count but "not due" of one-offs, so the check bites.
    expect(list.overdue + list.not_reported).toBeGreaterThan(0);
    expect(board.tasks.total).toBe(30);
    expect(board.notReported.map((n) => n.organisation.id)).toEqual([orgs[3]!.id]);
    for (const org of orgs) {
      const b = await planBoard(leader.agent, planId, `&organisationId=${org.id}`);
      expect(countsOf(b.tasks)).toEqual(await listTotals(leader.agent, planId, `&organisationId=${org.id}`));
      // Each bar of the by-agency chart opens the tasks that agency leads in that status.
      const lead = board.byLeadAgency.find((a) => a.agency.organisationId === org.id)!;
      expect(lead.counts).toEqual(
        await listTotals(leader.agent, planId, `&organisationId=${org.id}&agencyRole=lead`),
      );
    }
    for (const group of ['Nhóm A', 'Nhóm B', 'Nhóm C']) {
      const query = `&group=${encodeURIComponent(group)}`;
      const b = await planBoard(leader.agent, planId, query);
      expect(countsOf(b.tasks)).toEqual(await listTotals(leader.agent, planId, query));
    }
  });

  it('reads every plan with as many queries as one plan (no query per plan)', async () => {
    const w = await buildReportingWorld(s);
    await openPeriod(w.as.coordinator, w.planId, { year: THIS_YEAR, dueOn: daysFromToday(20) });
    let queries = 0;
    const counter: KyselyPlugin = {
      transformQuery: (a) => {
        queries += 1;
        return a.node;
      },
      transformResult: async (a) => a.result,
    };
    const countQueries = async () => {
      await allPlansDashboard(s.ctx, { year: THIS_YEAR }); // brings every plan's stored statuses up to date
      // A database handle of its own each time: the targets' tally is then evaluated, not the kept one.
      const counted = { ...s.ctx, db: s.ctx.db.withPlugin(counter) };
      queries = 0;
      const answer = await allPlansDashboard(counted, { year: THIS_YEAR });
      return { queries, plans: answer.items.length };
    };
    const one = await countQueries();
    for (const n of [2, 3]) {
      const { planId } = await buildPlan(w.as.coordinator, {
        tasks: [{ leads: [{ org: w.orgs.stc }] }, { leads: [{ org: w.orgs.snn }] }],
      });
      await openPeriod(w.as.coordinator, planId, { year: THIS_YEAR, dueOn: daysFromToday(10 + n) });
    }
    const three = await countQueries();
    expect([one.plans, three.plans]).toEqual([1, 3]);
    expect(three.queries).toBe(one.queries);
  });

  it('agrees with the task list on the demo data', async () => {
    await loadDemoData(s.ctx);
    const lanhdao = await s.loginAs({ username: 'lanhdao', password: DEMO_PASSWORD });
    const all = expectBody(
      await lanhdao.get(`/api/dashboard?year=${THIS_YEAR}`),
      dashboardResponseSchema,
      200,
    );
    expect(all.items.length).toBe(1);
    const planId = all.items[0]!.plan.id;
    const { board, list } = await expectCountsAgree(lanhdao, planId);
    expect(list.overdue).toBeGreaterThan(0);
    expect(board.targets.length).toBeGreaterThan(0);
    expect(board.targets.some((t) => t.series.length > 0)).toBe(true);
    expect(all.items[0]!.targets.total).toBe(board.targets.length);
    // The all-plans tally (kept while no indicator, target or value changes) equals the plan's targets,
    // also after values are removed.
    const tallyAgrees = async () => {
      const row = expectBody(await lanhdao.get('/api/dashboard'), dashboardResponseSchema, 200).items[0]!;
      const one = expectBody(
        await lanhdao.get(`/api/dashboard/plans/${planId}`),
        dashboardPlanResponseSchema,
        200,
      );
      const noData = one.targets.filter((t) => t.evaluation.status === 'no_data').length;
      expect([row.targets.total, row.targets.noData]).toEqual([one.targets.length, noData]);
      return noData;
    };
    const before = await tallyAgrees();
    await s.ctx.db.deleteFrom('indicator_values').execute();
    expect(await tallyAgrees()).toBeGreaterThan(before);
    expect(board.reporting?.period.state).toBe('open');
    expect(board.notReported.length).toBe(
      (board.reporting?.rate.expected ?? 0) - (board.reporting?.rate.submitted ?? 0),
    );
  });
});

import { afterEach, beforeEach, expect, it } from 'vitest';
import { CALENDAR_MAX_EVENTS, calendarResponseSchema } from '../../../shared/contracts/calendar';
import { chunks } from '../../lib/chunks';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody, expectError } from '../../test/expect-body';
import { acceptReport, findReport, openPeriod, reportInState } from '../../test/factories';
import { type Agent, startTestServer, type TestServer } from '../../test/http-agent';
import {
  buildReportingWorld,
  daysFromToday,
  type ReportingWorld,
  THIS_YEAR,
} from '../../test/reporting-world';

/**
 * GET /api/calendar: task deadlines (one-off dates, a recurring task's 31/12 in each year shown) and
 * report due dates in a range, filtered by agency, reports only as report-policy.ts lets the caller read.
 */
describeEachDatabase('deadline calendar', (dialect) => {
  let s: TestServer;
  let w: ReportingWorld;
  beforeEach(async () => {
    s = await startTestServer(dialect);
    w = await buildReportingWorld(s);
  });
  afterEach(async () => s?.close());

  const calendar = async (agent: Agent, from: string, to: string, organisationId?: number) =>
    expectBody(
      await agent.get(
        `/api/calendar?from=${from}&to=${to}${organisationId ? `&organisationId=${organisationId}` : ''}`,
      ),
      calendarResponseSchema,
      200,
    );
  const taskIdsOf = (res: Awaited<ReturnType<typeof calendar>>) =>
    res.events.filter((e) => e.kind === 'task').map((e) => Number(e.link.split('/').pop()));

  it('shows one-off deadlines in their month and a recurring task on 31/12 of each year shown', async () => {
    const dec2022 = await calendar(w.as.coordinator, '2022-12-01', '2022-12-31');
    // T1 "Năm 2022" and T2 "Hằng năm" fall due on 31/12/2022; T5 "Thường xuyên" has no due date.
    expect(taskIdsOf(dec2022).sort()).toEqual([w.tasks.t1, w.tasks.t2].sort());
    expect(dec2022.events.every((e) => e.date === '2022-12-31')).toBe(true);
    const t1 = dec2022.events.find((e) => e.link.endsWith(`/${w.tasks.t1}`));
    expect(t1).toMatchObject({
      kind: 'task',
      title: '1. Nội dung nhiệm vụ 1',
      plan: { id: w.planId, number: '148/KH-UBND' },
      agencies: ['Sở Tài chính thử'],
      link: `/ke-hoach/${w.planId}/nhiem-vu/${w.tasks.t1}`,
    });
    // November 2022: nothing falls due.
    expect((await calendar(w.as.coordinator, '2022-11-01', '2022-11-30')).events).toEqual([]);
    // Two Decembers: the recurring task once in each.
    const twoYears = await calendar(w.as.coordinator, '2024-12-31', '2025-12-31');
    expect(twoYears.events.filter((e) => e.link.endsWith(`/${w.tasks.t2}`)).map((e) => e.date)).toEqual([
      '2024-12-31',
      '2025-12-31',
    ]);
    // T3 "2021-2025" falls due on 31/12/2025 only.
    expect(taskIdsOf(twoYears).filter((id) => id === w.tasks.t3)).toHaveLength(1);
  });

  it('filters by agency: tasks it leads or supports (also through a group) and its reports', async () => {
    const period = await openPeriod(w.as.coordinator, w.planId, {
      kind: 'annual',
      year: THIS_YEAR,
      dueOn: daysFromToday(20),
    });
    // T3 (lead STC) is STC's, not SNN's; T2 names both.
    expect(
      taskIdsOf(await calendar(w.as.coordinator, '2025-12-01', '2025-12-31', w.orgs.stc.id)).sort(),
    ).toEqual([w.tasks.t2, w.tasks.t3].sort());
    expect(taskIdsOf(await calendar(w.as.coordinator, '2025-12-01', '2025-12-31', w.orgs.snn.id))).toEqual([
      w.tasks.t2,
    ]);
    // SCT supports T1 only through "Các sở, ban, ngành".
    expect(taskIdsOf(await calendar(w.as.coordinator, '2022-12-01', '2022-12-31', w.orgs.sct.id))).toEqual([
      w.tasks.t1,
    ]);

    const from = daysFromToday(0);
    const to = daysFromToday(40);
    const all = (await calendar(w.as.coordinator, from, to)).events.filter((e) => e.kind === 'report');
    expect(all.map((e) => e.agencies[0]).sort()).toEqual(
      ['Sở Công Thương thử', 'Sở Nông nghiệp thử', 'Sở Tài chính thử'].sort(),
    );
    expect(all.every((e) => e.date === period.dueOn)).toBe(true);
    const stcOnly = (await calendar(w.as.coordinator, from, to, w.orgs.stc.id)).events.filter(
      (e) => e.kind === 'report',
    );
    const stcReport = await findReport(w.as.stc, period.id, w.orgs.stc.id);
    expect(stcOnly).toEqual([
      expect.objectContaining({
        title: `Hạn nộp báo cáo: ${period.title} — Sở Tài chính thử`,
        reportState: 'draft',
        link: `/bao-cao/${stcReport.id}`,
      }),
    ]);
  });

  it("shows a reporter only the reports it may read: its own, and other agencies' once accepted", async () => {
    const period = await openPeriod(w.as.coordinator, w.planId, {
      kind: 'annual',
      year: THIS_YEAR,
      dueOn: daysFromToday(20),
    });
    const reportsSeenBySnn = async (organisationId?: number) =>
      (await calendar(w.as.snn, daysFromToday(0), daysFromToday(40), organisationId)).events
        .filter((e) => e.kind === 'report')
        .map((e) => e.agencies[0]);
    expect(await reportsSeenBySnn()).toEqual(['Sở Nông nghiệp thử']);
    // Asking for STC's calendar does not lift the rule…
    expect(await reportsSeenBySnn(w.orgs.stc.id)).toEqual([]);
    const stcReport = await findReport(w.as.stc, period.id, w.orgs.stc.id);
    expect((await w.as.snn.get(`/api/reports/${stcReport.id}`)).status).toBe(403);
    // …until STC's report is accepted.
    await acceptReport(
      w.as.coordinator,
      await reportInState(w.as.stc, w.as.coordinator, stcReport, 'submitted'),
    );
    expect(await reportsSeenBySnn(w.orgs.stc.id)).toEqual(['Sở Tài chính thử']);
  });

  it('cuts a range holding more events than an answer may carry, earliest first, and says so', async () => {
    // 2,100 one-off tasks due on each day from 1/3/2024 (written directly: the import is not the subject).
    const rows = Array.from({ length: 2100 }, (_, i) => {
      const day = String((i % 28) + 1).padStart(2, '0');
      const month = String(3 + Math.floor(i / 700)).padStart(2, '0');
      return {
        plan_id: w.planId,
        position: 100 + i,
        ordinal: String(100 + i),
        group_label: null,
        content: `Nhiệm vụ hàng loạt ${i}`,
        product: null,
        deadline_kind: 'date' as const,
        deadline_from: null,
        deadline_to: `2024-${month}-${day}`,
        deadline_text: `${day}/${month}/2024`,
        search_key: `nhiem vu hang loat ${i}`,
        extra_json: null,
      };
    });
    for (const part of chunks(rows, 100)) await s.ctx.db.insertInto('tasks').values(part).execute();
    const res = await calendar(w.as.coordinator, '2024-03-01', '2024-05-31');
    expect(res.truncated).toBe(true);
    expect(res.events).toHaveLength(CALENDAR_MAX_EVENTS);
    const dates = res.events.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates[0]).toBe('2024-03-01');
    // One month holds 700 of them: nothing is cut.
    const march = await calendar(w.as.coordinator, '2024-03-01', '2024-03-31');
    expect(march).toMatchObject({ truncated: false });
    expect(march.events).toHaveLength(700);
  });

  it('refuses bad dates and ranges with Vietnamese messages, and an unknown agency with 404', async () => {
    const bad = expectError(await w.as.coordinator.get('/api/calendar?from=2026-02-30&to=2026-03-31'), 400);
    expect(bad.message).toContain('Ngày phải là ngày có thật');
    expect(bad.message).toContain('Từ');
    const reversed = expectError(
      await w.as.coordinator.get('/api/calendar?from=2026-03-31&to=2026-03-01'),
      400,
    );
    expect(reversed.message).toContain('Ngày kết thúc phải từ ngày bắt đầu trở đi');
    const long = expectError(await w.as.coordinator.get('/api/calendar?from=2024-01-01&to=2026-01-01'), 400);
    expect(long.message).toContain('tối đa 366 ngày');
    expect((await w.as.coordinator.get('/api/calendar?to=2026-03-01')).status).toBe(400);
    const unknown = expectError(
      await w.as.coordinator.get('/api/calendar?from=2026-03-01&to=2026-03-31&organisationId=999999'),
      404,
    );
    expect(unknown.message).toContain('cơ quan');
    expect((await s.agent().get('/api/calendar?from=2026-03-01&to=2026-03-31')).status).toBe(401);
  });
});

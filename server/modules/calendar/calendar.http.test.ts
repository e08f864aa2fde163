import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  type CalendarDayResponse,
  type CalendarEvent,
  calendarDayResponseSchema,
  calendarResponseSchema,
} from '../../../shared/contracts/calendar';
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

  /**
   * The month grid's counts and, behind each day's count, every page of that day's list (20 a page):
   * the events as the page shows them after clicks on each day, and each count equal to its list.
   */
  const calendar = async (agent: Agent, from: string, to: string, organisationId?: number) => {
    const org = organisationId ? `&organisationId=${organisationId}` : '';
    const grid = expectBody(
      await agent.get(`/api/calendar?from=${from}&to=${to}${org}`),
      calendarResponseSchema,
      200,
    );
    const events: CalendarEvent[] = [];
    for (const day of grid.days) {
      for (const kind of ['task', 'report'] as const) {
        const listed: CalendarEvent[] = [];
        let after: string | null = '';
        while (after !== null) {
          const res: CalendarDayResponse = expectBody(
            await agent.get(
              `/api/calendar/day?date=${day.date}&kind=${kind}${after ? `&after=${after}` : ''}${org}`,
            ),
            calendarDayResponseSchema,
            200,
          );
          expect(res.total).toBe(kind === 'task' ? day.tasks : day.reports);
          listed.push(...res.items);
          after = res.next;
        }
        expect(listed).toHaveLength(kind === 'task' ? day.tasks : day.reports);
        expect(listed.every((e) => e.date === day.date && e.kind === kind)).toBe(true);
        events.push(...listed);
      }
    }
    return { days: grid.days, events };
  };
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

  it('lists a busy day a page at a time, and its count follows deadline, agency and registry edits', async () => {
    // 55 one-off tasks (written directly: the import is not the subject), 45 due 5/3/2024, 10 on 6/3.
    const rows = Array.from({ length: 55 }, (_, i) => ({
      plan_id: w.planId,
      position: 100 + i,
      ordinal: String(100 + i),
      group_label: null,
      content: `Nhiệm vụ hàng loạt ${i}`,
      product: null,
      deadline_kind: 'date' as const,
      deadline_from: null,
      deadline_to: i < 45 ? '2024-03-05' : '2024-03-06',
      deadline_text: i < 45 ? '05/03/2024' : '06/03/2024',
      search_key: `nhiem vu hang loat ${i}`,
      extra_json: null,
    }));
    const ids: number[] = [];
    for (const part of chunks(rows, 20))
      ids.push(
        ...(await s.ctx.db.insertInto('tasks').values(part).returning('id').execute()).map((r) => r.id),
      );
    const grid = async (organisationId?: number) =>
      expectBody(
        await w.as.coordinator.get(
          `/api/calendar?from=2024-02-26&to=2024-04-07${organisationId ? `&organisationId=${organisationId}` : ''}`,
        ),
        calendarResponseSchema,
        200,
      ).days;
    expect(await grid()).toEqual([
      { date: '2024-03-05', tasks: 45, reports: 0 },
      { date: '2024-03-06', tasks: 10, reports: 0 },
    ]);
    const page = async (after: string | null) =>
      expectBody(
        await w.as.coordinator.get(
          `/api/calendar/day?date=2024-03-05&kind=task${after ? `&after=${after}` : ''}`,
        ),
        calendarDayResponseSchema,
        200,
      );
    const first = await page(null);
    const second = await page(first.next);
    const third = await page(second.next);
    expect([first, second, third].map((p) => [p.total, p.items.length, p.next === null])).toEqual([
      [45, 20, false],
      [45, 20, false],
      [45, 5, true],
    ]);
    const listed = [first, second, third].flatMap((p) => p.items.map((e) => Number(e.link.split('/').pop())));
    expect(listed).toEqual(ids.slice(0, 45));
    expect(first.items[0]).toMatchObject({ title: '100. Nhiệm vụ hàng loạt 0', agencies: [] });
    const bad = expectError(
      await w.as.coordinator.get('/api/calendar/day?date=2024-03-05&kind=task&after=x'),
      400,
    );
    expect(bad.message).toContain('Vị trí trang không hợp lệ');

    // A deadline moved, a task deleted: the counts move with them, in the same transaction.
    const [moved, deleted, named] = ids as [number, number, number];
    await s.ctx.db.updateTable('tasks').set({ deadline_to: '2024-03-06' }).where('id', '=', moved).execute();
    await s.ctx.db.deleteFrom('tasks').where('id', '=', deleted).execute();
    expect(await grid()).toEqual([
      { date: '2024-03-05', tasks: 43, reports: 0 },
      { date: '2024-03-06', tasks: 11, reports: 0 },
    ]);

    // SCT (a sở) named directly and through "Các sở, ban, ngành" on one task: counted once.
    const name = (organisation_id: number | null, group_key: 'so_ban_nganh' | null) => ({
      task_id: named,
      role: 'coordinator' as const,
      position: group_key ? 2 : 1,
      agency_text: group_key ? 'Các sở, ban, ngành' : 'Sở Công Thương thử',
      organisation_id,
      group_key,
    });
    await s.ctx.db.insertInto('task_agencies').values(name(w.orgs.sct.id, null)).execute();
    expect(await grid(w.orgs.sct.id)).toEqual([{ date: '2024-03-05', tasks: 1, reports: 0 }]);
    await s.ctx.db.insertInto('task_agencies').values(name(null, 'so_ban_nganh')).execute();
    expect(await grid(w.orgs.sct.id)).toEqual([{ date: '2024-03-05', tasks: 1, reports: 0 }]);
    // STC through the group only.
    expect(await grid(w.orgs.stc.id)).toEqual([{ date: '2024-03-05', tasks: 1, reports: 0 }]);
    // SCT becomes another kind of agency: the group no longer covers it, its own naming still does.
    await s.ctx.db
      .updateTable('organisations')
      .set({ kind: 'doan_the' })
      .where('id', '=', w.orgs.sct.id)
      .execute();
    expect(await calendar(w.as.coordinator, '2024-03-05', '2024-03-05', w.orgs.sct.id)).toMatchObject({
      days: [{ date: '2024-03-05', tasks: 1, reports: 0 }],
    });
    await s.ctx.db
      .deleteFrom('task_agencies')
      .where('task_id', '=', named)
      .where('organisation_id', '=', w.orgs.sct.id)
      .execute();
    expect(await grid(w.orgs.sct.id)).toEqual([]);
    expect(await grid(w.orgs.stc.id)).toEqual([{ date: '2024-03-05', tasks: 1, reports: 0 }]);
  });

  it('moves report counts with the period due date and forgets a deleted period', async () => {
    const period = await openPeriod(w.as.coordinator, w.planId, {
      kind: 'annual',
      year: THIS_YEAR,
      dueOn: daysFromToday(20),
    });
    const reportDays = async () =>
      (await calendar(w.as.coordinator, daysFromToday(0), daysFromToday(40))).days.filter(
        (d) => d.reports > 0,
      );
    expect(await reportDays()).toEqual([{ date: period.dueOn, tasks: expect.any(Number), reports: 3 }]);
    await s.ctx.db
      .updateTable('reporting_periods')
      .set({ due_on: daysFromToday(30) })
      .where('id', '=', period.id)
      .execute();
    expect((await reportDays()).map((d) => [d.date, d.reports])).toEqual([[daysFromToday(30), 3]]);
    await s.ctx.db.deleteFrom('reporting_periods').where('id', '=', period.id).execute();
    expect(await reportDays()).toEqual([]);
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
    const kind = expectError(await w.as.coordinator.get('/api/calendar/day?date=2026-03-01&kind=x'), 400);
    expect(kind.message).toContain('Loại hạn phải là nhiệm vụ hoặc báo cáo');
    expect((await w.as.coordinator.get('/api/calendar/day?date=2026-02-30&kind=task')).status).toBe(400);
    const unknown = expectError(
      await w.as.coordinator.get('/api/calendar?from=2026-03-01&to=2026-03-31&organisationId=999999'),
      404,
    );
    expect(unknown.message).toContain('cơ quan');
    expect((await s.agent().get('/api/calendar?from=2026-03-01&to=2026-03-31')).status).toBe(401);
    expect((await s.agent().get('/api/calendar/day?date=2026-03-01&kind=task')).status).toBe(401);
  });
});

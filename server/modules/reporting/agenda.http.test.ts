import { afterEach, beforeEach, expect, it } from 'vitest';
import { agendaResponseSchema } from '../../../shared/contracts/my-work';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody, expectError } from '../../test/expect-body';
import { findReport, openPeriod, reportInState } from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/http-agent';
import {
  buildReportingWorld,
  daysFromToday,
  type ReportingWorld,
  THIS_YEAR,
} from '../../test/reporting-world';

/** GET /api/my-work/agenda: a reporter's home — reports to send (returned first) and overdue tasks. */
describeEachDatabase('reporter agenda', (dialect) => {
  let s: TestServer;
  let w: ReportingWorld;
  beforeEach(async () => {
    s = await startTestServer(dialect);
    w = await buildReportingWorld(s);
  });
  afterEach(async () => s?.close());

  it('lists the reports to send with plan, due date and days left, returned ones first', async () => {
    const annual = await openPeriod(w.as.coordinator, w.planId, {
      kind: 'annual',
      year: THIS_YEAR,
      dueOn: daysFromToday(20),
    });
    const adHoc = await openPeriod(w.as.coordinator, w.planId, {
      kind: 'ad_hoc',
      year: THIS_YEAR,
      title: 'Báo cáo đột xuất về tiến độ',
      dueOn: daysFromToday(30),
    });
    const first = expectBody(await w.as.stc.get('/api/my-work/agenda'), agendaResponseSchema, 200);
    expect(first.organisation.name).toBe('Sở Tài chính thử');
    expect(first.reports.map((r) => [r.periodTitle, r.dueOn, r.daysLeft, r.state])).toEqual([
      [annual.title, annual.dueOn, 20, 'draft'],
      ['Báo cáo đột xuất về tiến độ', adHoc.dueOn, 30, 'draft'],
    ]);
    expect(first.reports[0]?.plan).toEqual({
      id: w.planId,
      number: '148/KH-UBND',
      title: 'Kế hoạch thử nghiệm báo cáo',
    });

    // The ad-hoc report is returned: it comes first, with the reason.
    const report = await findReport(w.as.stc, adHoc.id, w.orgs.stc.id);
    await reportInState(w.as.stc, w.as.coordinator, report, 'returned');
    const after = expectBody(await w.as.stc.get('/api/my-work/agenda'), agendaResponseSchema, 200);
    expect(after.reports.map((r) => [r.periodTitle, r.state, r.returnedReason])).toEqual([
      ['Báo cáo đột xuất về tiến độ', 'returned', 'Bổ sung số liệu'],
      [annual.title, 'draft', null],
    ]);
    expect(after.reports[0]?.link).toBe(`/bao-cao/${report.id}`);
  });

  it("lists the agency's overdue tasks and counts accepted reports, which leave the list", async () => {
    const stc = expectBody(await w.as.stc.get('/api/my-work/agenda'), agendaResponseSchema, 200);
    // T1 "Năm 2022" and T3 "2021-2025" (lead STC) are past due and never reported done; most late first.
    expect(stc.overdueTasks.map((t) => t.id)).toEqual([w.tasks.t1, w.tasks.t3]);
    expect(stc.overdueTasks[0]).toMatchObject({
      dueDate: '2022-12-31',
      plan: { number: '148/KH-UBND' },
      leads: ['Sở Tài chính thử'],
      link: `/ke-hoach/${w.planId}/nhiem-vu/${w.tasks.t1}`,
    });
    expect(stc.overdueTasks[0]?.daysLate).toBeGreaterThan(365);
    // SNN supports T1 as one of "Các sở, ban, ngành"; T3 is not its task.
    const snn = expectBody(await w.as.snn.get('/api/my-work/agenda'), agendaResponseSchema, 200);
    expect(snn.overdueTasks.map((t) => t.id)).toEqual([w.tasks.t1]);

    const period = await openPeriod(w.as.coordinator, w.planId, {
      kind: 'annual',
      year: THIS_YEAR,
      dueOn: daysFromToday(20),
    });
    const report = await findReport(w.as.stc, period.id, w.orgs.stc.id);
    await reportInState(w.as.stc, w.as.coordinator, report, 'accepted');
    const done = expectBody(await w.as.stc.get('/api/my-work/agenda'), agendaResponseSchema, 200);
    expect(done.reports).toEqual([]);
    expect(done.acceptedCount).toBe(1);
  });

  it('is only for reporters: coordinators and leaders are refused', async () => {
    expect(expectError(await w.as.coordinator.get('/api/my-work/agenda'), 403).code).toBe('FORBIDDEN');
    expect((await w.as.leader.get('/api/my-work/agenda')).status).toBe(403);
    expect((await s.agent().get('/api/my-work/agenda')).status).toBe(401);
  });
});

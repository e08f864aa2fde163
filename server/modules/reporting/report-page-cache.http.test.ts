import { afterAll, beforeAll, expect, it } from 'vitest';
import { reportListResponseSchema } from '../../../shared/contracts/reporting';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody, expectError } from '../../test/expect-body';
import {
  acceptReport,
  buildLoggedIn,
  fillReport,
  findReport,
  openPeriod,
  returnReport,
  submitReport,
} from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/http-agent';
import {
  buildReportingWorld,
  daysFromToday,
  type ReportingWorld,
  THIS_YEAR,
} from '../../test/reporting-world';
import { reportPageVersion } from './report-page-cache';

/*
 * The report lists' pages are kept in memory while the reports' data version stands
 * (report-page-cache.ts): the inbox must still change as soon as anything it shows changes, and a
 * kept page must never reach someone who may see less.
 */
describeEachDatabase('report list page cache', (dialect) => {
  let s: TestServer;
  let w: ReportingWorld;
  let periodId: number;
  beforeAll(async () => {
    s = await startTestServer(dialect);
    w = await buildReportingWorld(s);
    periodId = (
      await openPeriod(w.as.coordinator, w.planId, {
        kind: 'annual',
        year: THIS_YEAR,
        dueOn: daysFromToday(20),
      })
    ).id;
  });
  afterAll(async () => s?.close());

  const list = async (query: string, agent = w.as.coordinator) =>
    expectBody(await agent.get(`/api/reports?${query}`), reportListResponseSchema, 200);
  /** The coordinator's inbox: what was sent and waits for review, asked twice (the second from memory). */
  const inbox = async () => {
    const first = await list(`state=submitted&periodId=${periodId}&pageSize=100`);
    expect(await list(`state=submitted&periodId=${periodId}&pageSize=100`)).toEqual(first);
    return first;
  };
  const stateOf = async (orgId: number) => {
    const page = await list(`periodId=${periodId}&pageSize=100`);
    await list(`periodId=${periodId}&pageSize=100`);
    return page.items.find((r) => r.organisation.id === orgId)?.state;
  };

  it('shows a report in the inbox once submitted, and no longer once returned or accepted', async () => {
    expect((await inbox()).items).toEqual([]);
    expect(await stateOf(w.orgs.stc.id)).toBe('draft');
    const submitted = await submitReport(
      w.as.stc,
      await fillReport(w.as.stc, await findReport(w.as.stc, periodId, w.orgs.stc.id)),
    );
    expect((await inbox()).items.map((r) => r.id)).toEqual([submitted.id]);
    const returned = await returnReport(w.as.coordinator, submitted);
    expect((await inbox()).items).toEqual([]);
    expect(await stateOf(w.orgs.stc.id)).toBe('returned');
    const again = await submitReport(w.as.stc, returned);
    expect((await inbox()).items.map((r) => r.version)).toEqual([again.version]);
    await acceptReport(w.as.coordinator, again);
    expect((await inbox()).items).toEqual([]);
    expect(await stateOf(w.orgs.stc.id)).toBe('accepted');
  });

  it('shows a period’s new title and due date at once', async () => {
    const titles = async () => (await list(`periodId=${periodId}`)).items.map((r) => r.period.title);
    const before = await titles();
    expect(before.length).toBeGreaterThan(0);
    expect(await titles()).toEqual(before);
    // No screen renames a period; any writer (here the database itself) must still be seen.
    await s.ctx.db
      .updateTable('reporting_periods')
      .set({ title: 'Báo cáo năm (tên mới)' })
      .where('id', '=', periodId)
      .execute();
    expect(new Set(await titles())).toEqual(new Set(['Báo cáo năm (tên mới)']));
    const extended = await w.as.coordinator.post(`/api/reporting-periods/${periodId}/extend`, {
      dueOn: daysFromToday(40),
      reason: 'Gia hạn để thử',
    });
    expect(extended.status).toBe(200);
    const dues = (await list(`periodId=${periodId}`)).items.map((r) => r.period.dueOn);
    expect(new Set(dues)).toEqual(new Set([daysFromToday(40)]));
  });

  it('shows an agency’s new name at once', async () => {
    const admin = (await buildLoggedIn(s, { role: 'admin' })).agent;
    const names = async () => (await list(`periodId=${periodId}`)).items.map((r) => r.organisation.name);
    expect(await names()).toContain(w.orgs.snn.name);
    expect(await names()).toContain(w.orgs.snn.name);
    const org = (await admin.get(`/api/organisations/${w.orgs.snn.id}`)).body as {
      code: string;
      kind: string;
    };
    const renamed = await admin.patch(`/api/organisations/${w.orgs.snn.id}`, {
      code: org.code,
      kind: org.kind,
      name: 'Sở Nông nghiệp (tên mới)',
    });
    expect(renamed.status).toBe(200);
    expect(await names()).toContain('Sở Nông nghiệp (tên mới)');
    expect(await names()).not.toContain(w.orgs.snn.name);
  });

  it('never gives a reporter the page a coordinator was given for the same query', async () => {
    // SNN's report is still a draft: the coordinator sees it, STC's reporter may not.
    const query = `periodId=${periodId}&pageSize=100`;
    const version = await reportPageVersion(s.ctx.db);
    const asCoordinator = await list(query);
    expect(asCoordinator.items.map((r) => r.organisation.id)).toContain(w.orgs.snn.id);
    const asStc = await list(query, w.as.stc);
    expect(asStc.items.map((r) => r.organisation.id)).not.toContain(w.orgs.snn.id);
    expect(asStc.total).toBeLessThan(asCoordinator.total);
    // …and the other way round: SNN's reporter sees its own draft, not STC's page.
    const asSnn = await list(query, w.as.snn);
    expect(asSnn.items.map((r) => r.organisation.id)).toContain(w.orgs.snn.id);
    expect(asSnn).not.toEqual(asStc);
    expect(await reportPageVersion(s.ctx.db)).toBe(version); // all three from the same version
    expect(await list(query, w.as.stc)).toEqual(asStc);
    // A kept page is never sent before the session check.
    expectError(await s.agent().get(`/api/reports?${query}`), 401);
  });

  it('keeps the version while tasks alone change (they are not in the lists)', async () => {
    const before = await reportPageVersion(s.ctx.db);
    // A task's text changes its plan's data_version (task list cache), not what a report list shows.
    await s.ctx.db
      .updateTable('tasks')
      .set({ product: 'Sản phẩm mới' })
      .where('id', '=', w.tasks.t5)
      .execute();
    expect(await reportPageVersion(s.ctx.db)).toBe(before);
    await s.ctx.db
      .updateTable('plans')
      .set({ title: 'Kế hoạch (tên mới)' })
      .where('id', '=', w.planId)
      .execute();
    expect(await reportPageVersion(s.ctx.db)).not.toBe(before);
    const plans = (await list(`periodId=${periodId}`)).items.map((r) => r.plan.title);
    expect(new Set(plans)).toEqual(new Set(['Kế hoạch (tên mới)']));
  });
});

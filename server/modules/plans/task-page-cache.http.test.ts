import { afterAll, beforeAll, expect, it } from 'vitest';
import { taskListResponseSchema } from '../../../shared/contracts/plans';
import { localDate } from '../../../shared/domain/reporting/local-date';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody, expectError } from '../../test/expect-body';
import { buildLoggedIn, findReport, openPeriod, saveReport, submitReport } from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/http-agent';
import {
  buildReportingWorld,
  daysFromToday,
  type ReportingWorld,
  THIS_YEAR,
} from '../../test/reporting-world';
import { rollTaskStatuses } from '../reporting/task-status-store';
import { taskPageVersion } from './task-page-cache';

/*
 * The task list's pages are kept in memory while the plan's data version stands (task-page-cache.ts):
 * what a user sees must still change as soon as what the page shows changes.
 */
describeEachDatabase('task list page cache', (dialect) => {
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

  const list = async (query = '', agent = w.as.leader) =>
    expectBody(await agent.get(`/api/plans/${w.planId}/tasks?${query}`), taskListResponseSchema, 200);
  const statusOf = async (taskId: number, query = 'pageSize=200') =>
    (await list(query)).items.find((t) => t.id === taskId)!.status.code;

  it('gives the same page again, and two different queries never share one', async () => {
    const first = await list('pageSize=2&page=1');
    expect(await list('pageSize=2&page=1')).toEqual(first);
    const second = await list('pageSize=2&page=2');
    expect(second.items.map((t) => t.id)).not.toEqual(first.items.map((t) => t.id));
    expect(first.items.map((t) => t.id)).toEqual([w.tasks.t1, w.tasks.t2]);
    expect(second.items.map((t) => t.id)).toEqual([w.tasks.t3, w.tasks.t4]);
    // Same filters in another order: the same page, computed or kept.
    expect(await list('page=2&pageSize=2')).toEqual(second);
    const stc = await list(`organisationId=${w.orgs.stc.id}`);
    expect(stc.items.map((t) => t.id)).toEqual([w.tasks.t1, w.tasks.t2, w.tasks.t3]);
    expect((await list()).total).toBe(5);
  });

  it('shows a submitted report’s progress at once', async () => {
    expect(await statusOf(w.tasks.t3)).toBe('overdue');
    expect(await statusOf(w.tasks.t3)).toBe('overdue'); // now from memory
    const report = await findReport(w.as.stc, periodId, w.orgs.stc.id);
    // STC leads T1 and T3: both completed yesterday.
    await submitReport(
      w.as.stc,
      await saveReport(w.as.stc, report, {
        entries: report.lead.map((e) => ({
          id: e.id,
          progress: 'completed' as const,
          completedOn: daysFromToday(-1),
        })),
      }),
    );
    // T3 was due by 2025: completed now, it is done late.
    expect(await statusOf(w.tasks.t3)).toBe('done_late');
  });

  it('shows an organisation’s new name at once', async () => {
    const admin = (await buildLoggedIn(s, { role: 'admin' })).agent;
    const names = async () =>
      (await list('pageSize=200')).items.flatMap((t) => t.leads.map((l) => l.organisationName));
    expect(await names()).toContain('Sở Tài chính thử');
    expect(await names()).toContain('Sở Tài chính thử');
    const org = (await admin.get(`/api/organisations/${w.orgs.stc.id}`)).body as {
      code: string;
      kind: string;
    };
    const renamed = await admin.patch(`/api/organisations/${w.orgs.stc.id}`, {
      code: org.code,
      kind: org.kind,
      name: 'Sở Tài chính (tên mới)',
    });
    expect(renamed.status).toBe(200);
    expect(await names()).toContain('Sở Tài chính (tên mới)');
    expect(await names()).not.toContain('Sở Tài chính thử');
  });

  it('is invalidated by the daily roll of the stored statuses', async () => {
    await list();
    const before = await taskPageVersion(s.ctx.db, w.planId);
    // The roll for a later day recomputes every plan-year: the kept pages of this plan no longer count.
    const { planYears } = await rollTaskStatuses(s.ctx.db, daysFromToday(1));
    expect(planYears).toBeGreaterThan(0);
    expect(await taskPageVersion(s.ctx.db, w.planId)).not.toBe(before);
    // And the page shown is today's again (statuses judged for today, not for the roll's day).
    await rollTaskStatuses(s.ctx.db, localDate(new Date()));
    expect((await list()).total).toBe(5);
  });

  it('shows a reporter and a coordinator the same list, and nobody logged out', async () => {
    const asCoordinator = await list('pageSize=200', w.as.coordinator);
    expect(await list('pageSize=200', w.as.snn)).toEqual(asCoordinator);
    expect(await list('pageSize=200', w.as.leader)).toEqual(asCoordinator);
    // A kept page is never sent before the session check.
    expectError(await s.agent().get(`/api/plans/${w.planId}/tasks?pageSize=200`), 401);
    expectError(await w.as.leader.get('/api/plans/999999/tasks'), 404);
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { type PlanTaskListItem, taskListResponseSchema } from '../../../shared/contracts/plans';
import { taskStatusesResponseSchema } from '../../../shared/contracts/reporting';
import { TASK_STATUS_CODES } from '../../../shared/domain/task-status/categories';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody, expectError } from '../../test/expect-body';
import { findReport, openPeriod, saveReport, submitReport } from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/http-agent';
import {
  buildReportingWorld,
  daysFromToday,
  type ReportingWorld,
  THIS_YEAR,
} from '../../test/reporting-world';

/*
 * The plan's task list shows each task's status (stored, the lead's word), filters and sorts by it, and
 * its totals per status equal the status summary the dashboard counts.
 */
describeEachDatabase('task list with statuses', (dialect) => {
  let s: TestServer;
  let w: ReportingWorld;
  beforeAll(async () => {
    s = await startTestServer(dialect);
    w = await buildReportingWorld(s);
    // Last year's period is past due and SNN answered; this year STC completed T1 late, T3 is in progress.
    await openPeriod(w.as.coordinator, w.planId, {
      kind: 'annual',
      year: THIS_YEAR - 1,
      dueOn: daysFromToday(-3),
    });
    const period = await openPeriod(w.as.coordinator, w.planId, {
      kind: 'annual',
      year: THIS_YEAR,
      dueOn: daysFromToday(20),
    });
    const stc = await findReport(w.as.stc, period.id, w.orgs.stc.id);
    await submitReport(
      w.as.stc,
      await saveReport(w.as.stc, stc, {
        entries: [
          { id: stc.lead[0]!.id, progress: 'completed', completedOn: daysFromToday(-1) },
          { id: stc.lead[1]!.id, progress: 'in_progress' },
        ],
      }),
    );
  });
  afterAll(async () => s?.close());

  const list = async (query: string) =>
    expectBody(await w.as.leader.get(`/api/plans/${w.planId}/tasks?${query}`), taskListResponseSchema, 200);

  it('lists every task with the status the status list gives it', async () => {
    const tasks = await list('pageSize=200');
    const statuses = expectBody(
      await w.as.leader.get(`/api/plans/${w.planId}/task-statuses?year=${THIS_YEAR}`),
      taskStatusesResponseSchema,
    );
    expect(tasks.year).toBe(THIS_YEAR);
    expect(tasks.items.map((t) => [t.id, t.status])).toEqual(
      statuses.items.map((i) => [i.task.id, i.status]),
    );
    expect(tasks.items.find((t) => t.id === w.tasks.t1)!.status.label).toBe('Hoàn thành quá hạn');
  });

  it('filters by status: each category’s total equals the status summary, also for an agency and a year', async () => {
    for (const [year, agency] of [
      [THIS_YEAR, undefined],
      [THIS_YEAR, w.orgs.stc.id],
      [THIS_YEAR - 1, undefined],
      [THIS_YEAR - 1, w.orgs.snn.id],
    ] as const) {
      const agencyQuery = agency ? `&organisationId=${agency}` : '';
      const summary = expectBody(
        await w.as.leader.get(`/api/plans/${w.planId}/task-statuses?year=${year}${agencyQuery}`),
        taskStatusesResponseSchema,
      ).summary;
      let sum = 0;
      for (const code of TASK_STATUS_CODES) {
        const filtered = await list(`year=${year}&status=${code}${agencyQuery}`);
        expect([year, agency, code, filtered.total]).toEqual([year, agency, code, summary[code]]);
        expect(filtered.items.every((t) => t.status.code === code)).toBe(true);
        sum += filtered.total;
      }
      expect(sum).toBe(summary.total);
    }
    // The overdue tasks this year: T3 (2021–2025, in progress).
    const overdue = await list('status=overdue');
    expect(overdue.items.map((t) => t.id)).toEqual([w.tasks.t3]);
  });

  it('filters by an agency group named on the tasks', async () => {
    const named = await list('groupKey=so_ban_nganh');
    expect(named.items.map((t) => t.id)).toEqual([w.tasks.t1]);
  });

  it('sorts by status (most urgent first) and by deadline (tasks without one last)', async () => {
    const byStatus = await list('sort=status&pageSize=200');
    const rank = (t: PlanTaskListItem) =>
      ['overdue', 'not_reported', 'in_progress_on_time', 'not_due', 'done_late', 'done_on_time'].indexOf(
        t.status.code,
      );
    const ranks = byStatus.items.map(rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(byStatus.items[0]!.status.code).toBe('overdue');
    const reversed = await list('sort=status&order=desc&pageSize=200');
    expect(reversed.items.map(rank)).toEqual([...ranks].reverse());

    const byDeadline = await list('sort=deadline&pageSize=200');
    const dues = byDeadline.items.map((t) => t.status.dueDate);
    const dated = dues.filter((d): d is string => d !== null);
    expect(dues.slice(0, dated.length)).toEqual([...dated].sort());
    expect(dues.slice(dated.length).every((d) => d === null)).toBe(true);
    const late = await list('sort=deadline&order=desc&pageSize=200');
    expect(late.items.map((t) => t.status.dueDate).slice(0, dated.length)).toEqual(
      [...dated].sort().reverse(),
    );
    // Pages follow the order.
    const first = await list('sort=deadline&pageSize=2&page=1');
    const second = await list('sort=deadline&pageSize=2&page=2');
    expect([...first.items, ...second.items].map((t) => t.id)).toEqual(
      byDeadline.items.slice(0, 4).map((t) => t.id),
    );
  });

  it('refuses an unknown status or sort, and anonymous callers', async () => {
    expectError(await w.as.leader.get(`/api/plans/${w.planId}/tasks?status=late`), 400);
    expectError(await w.as.leader.get(`/api/plans/${w.planId}/tasks?sort=agency`), 400);
    expectError(await w.as.leader.get(`/api/plans/999999/tasks?status=overdue`), 404);
    expectError(await s.agent().get(`/api/plans/${w.planId}/tasks?status=overdue`), 401);
  });
});

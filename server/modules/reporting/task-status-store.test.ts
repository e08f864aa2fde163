import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { taskStatusesResponseSchema } from '../../../shared/contracts/reporting';
import { localDate } from '../../../shared/domain/reporting/local-date';
import type { AppContext } from '../../context';
import { loadDemoData } from '../../seed/demo';
import { openTestContext, type TestContext } from '../../test/databases';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody } from '../../test/expect-body';
import {
  fillReport,
  findReport,
  openPeriod,
  returnReport,
  saveReport,
  submitReport,
} from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/http-agent';
import {
  buildReportingWorld,
  daysFromToday,
  type ReportingWorld,
  THIS_YEAR,
} from '../../test/reporting-world';
import { listPlanTasks } from './task-status-repository';
import { startTaskStatusRoll } from './task-status-roll';
import { taskStatusesOfPlan } from './task-status-service';
import {
  computeStatuses,
  planStatusCounts,
  planStatuses,
  refreshPlanStatuses,
  rollTaskStatuses,
} from './task-status-store';

/** The stored row of a task for a year, read straight from the table (no refresh on the way). */
async function storedRow(ctx: AppContext, taskId: number, year: number) {
  return ctx.db
    .selectFrom('task_statuses')
    .select(['code', 'days_late', 'computed_on', 'report_id'])
    .where('task_id', '=', taskId)
    .where('year', '=', year)
    .executeTakeFirst();
}

async function markerOf(ctx: AppContext, planId: number, year: number) {
  return (
    await ctx.db
      .selectFrom('task_status_plan_years')
      .select('computed_on')
      .where('plan_id', '=', planId)
      .where('year', '=', year)
      .executeTakeFirst()
  )?.computed_on;
}

/** The stored counts per plan-year and code, and the same counted afresh from the stored statuses. */
async function storedAndRecounted(ctx: AppContext) {
  const stored = await ctx.db
    .selectFrom('task_status_counts')
    .select(['plan_id', 'year', 'code', 'n'])
    .where('n', '<>', 0)
    .orderBy('plan_id')
    .orderBy('year')
    .orderBy('code')
    .execute();
  const recounted = await ctx.db
    .selectFrom('task_statuses')
    .select(['plan_id', 'year', 'code', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['plan_id', 'year', 'code'])
    .orderBy('plan_id')
    .orderBy('year')
    .orderBy('code')
    .execute();
  const norm = (rows: { plan_id: number; year: number; code: string; n: number | string }[]) =>
    rows.map((r) => `${r.plan_id}/${r.year}/${r.code}=${Number(r.n)}`);
  return { stored: norm(stored), recounted: norm(recounted) };
}

const openThisYear = (w: ReportingWorld) =>
  openPeriod(w.as.coordinator, w.planId, { kind: 'annual', year: THIS_YEAR, dueOn: daysFromToday(20) });

describeEachDatabase('stored task statuses', (dialect) => {
  let s: TestServer;
  let w: ReportingWorld;
  const today = localDate(new Date());
  beforeEach(async () => {
    s = await startTestServer(dialect);
    w = await buildReportingWorld(s);
  });
  afterEach(async () => s?.close());

  it('stores the plan’s statuses when it is confirmed, and a submitted report changes them', async () => {
    // Confirming the plan stored this year's statuses: T1 (due 2022) is overdue, nobody reported.
    expect(await markerOf(s.ctx, w.planId, THIS_YEAR)).toBe(today);
    expect(await storedRow(s.ctx, w.tasks.t1, THIS_YEAR)).toMatchObject({ code: 'overdue', report_id: null });

    const period = await openThisYear(w);
    const draft = await findReport(w.as.stc, period.id, w.orgs.stc.id);
    const saved = await saveReport(w.as.stc, draft, {
      entries: [
        { id: draft.lead[0]!.id, progress: 'completed', completedOn: daysFromToday(-1) },
        { id: draft.lead[1]!.id, progress: 'in_progress' },
      ],
    });
    // A draft is not the agency's word yet.
    expect((await storedRow(s.ctx, w.tasks.t1, THIS_YEAR))?.code).toBe('overdue');
    const submitted = await submitReport(w.as.stc, saved);
    expect(await storedRow(s.ctx, w.tasks.t1, THIS_YEAR)).toMatchObject({
      code: 'done_late',
      report_id: submitted.id,
      computed_on: today,
    });
    // The API answers from the store: the leader reads the same.
    const body = expectBody(
      await w.as.leader.get(`/api/plans/${w.planId}/task-statuses?year=${THIS_YEAR}`),
      taskStatusesResponseSchema,
    );
    expect(body.items.find((i) => i.task.id === w.tasks.t1)?.status.label).toBe('Hoàn thành quá hạn');

    // Returned: the report is no longer the agency's word, the status goes back.
    await returnReport(w.as.coordinator, submitted, 'Bổ sung ngày hoàn thành');
    expect((await storedRow(s.ctx, w.tasks.t1, THIS_YEAR))?.code).toBe('overdue');
  });

  it('rolls the date: a task in progress and in time becomes overdue the day after its deadline', async () => {
    const period = await openThisYear(w);
    const snn = await findReport(w.as.snn, period.id, w.orgs.snn.id);
    await submitReport(w.as.snn, await fillReport(w.as.snn, snn));
    // T4 is due 31/12/2030 and SNN reported it in progress. On its last day it is still in time…
    await refreshPlanStatuses(s.ctx.db, w.planId, THIS_YEAR, '2030-12-31');
    expect(await storedRow(s.ctx, w.tasks.t4, THIS_YEAR)).toMatchObject({
      code: 'in_progress_on_time',
      computed_on: '2030-12-31',
    });
    // …and the daily roll on the next day makes it overdue by one day.
    expect(await rollTaskStatuses(s.ctx.db, '2031-01-01')).toEqual({ planYears: 1 });
    expect(await storedRow(s.ctx, w.tasks.t4, THIS_YEAR)).toMatchObject({
      code: 'overdue',
      days_late: 1,
      computed_on: '2031-01-01',
    });
    expect(await markerOf(s.ctx, w.planId, THIS_YEAR)).toBe('2031-01-01');
    // A second roll the same day has nothing to do.
    expect(await rollTaskStatuses(s.ctx.db, '2031-01-01')).toEqual({ planYears: 0 });

    // A read on a day the plan-year was not computed for (here: the real today) refreshes it first.
    const body = expectBody(
      await w.as.leader.get(`/api/plans/${w.planId}/task-statuses?year=${THIS_YEAR}`),
      taskStatusesResponseSchema,
    );
    expect(body.items.find((i) => i.task.id === w.tasks.t4)?.status.code).toBe('in_progress_on_time');
    expect(await markerOf(s.ctx, w.planId, THIS_YEAR)).toBe(today);
  });

  it('runs the roll as a background job under its lease', async () => {
    await s.ctx.db.updateTable('task_status_plan_years').set({ computed_on: '2000-01-01' }).execute();
    const stop = startTaskStatusRoll(s.ctx, { info() {}, error() {} }, { firstDelayMs: 0 });
    try {
      await expect.poll(() => markerOf(s.ctx, w.planId, THIS_YEAR), { timeout: 5_000 }).toBe(today);
      const lease = await s.ctx.db
        .selectFrom('job_leases')
        .select('name')
        .where('name', '=', 'task-statuses')
        .executeTakeFirst();
      expect(lease?.name).toBe('task-statuses');
    } finally {
      await stop();
    }
  });

  it('keeps the stored counts per category equal to a recount after submit, return, roll and delete', async () => {
    const check = async () => {
      const { stored, recounted } = await storedAndRecounted(s.ctx);
      expect(stored).toEqual(recounted);
      return stored;
    };
    const atConfirm = await check();
    expect(atConfirm.length).toBeGreaterThan(0);
    const period = await openThisYear(w);
    const draft = await findReport(w.as.stc, period.id, w.orgs.stc.id);
    const saved = await saveReport(w.as.stc, await fillReport(w.as.stc, draft), {
      entries: [{ id: draft.lead[0]!.id, progress: 'completed', completedOn: daysFromToday(-1) }],
    });
    const submitted = await submitReport(w.as.stc, saved);
    const afterSubmit = await check();
    expect(afterSubmit).not.toEqual(atConfirm);
    await returnReport(w.as.coordinator, submitted, 'Bổ sung ngày hoàn thành');
    expect(await check()).toEqual(atConfirm);
    // The roll to a later day moves tasks between categories.
    await rollTaskStatuses(s.ctx.db, '2031-01-01');
    expect(await check()).not.toEqual(atConfirm);
    // A status deleted (as a task's delete cascades to it) leaves the counts.
    await s.ctx.db.deleteFrom('task_statuses').where('task_id', '=', w.tasks.t5).execute();
    await check();
    // The dashboard's counts read the stored ones and equal the status list's summary.
    await refreshPlanStatuses(s.ctx.db, w.planId, THIS_YEAR, today);
    const counts = (await planStatusCounts(s.ctx.db, THIS_YEAR, [w.planId])).get(w.planId)!;
    const body = expectBody(
      await w.as.leader.get(`/api/plans/${w.planId}/task-statuses?year=${THIS_YEAR}`),
      taskStatusesResponseSchema,
    );
    const { total, completionRate, onTimeRate, ...summaryCounts } = body.summary;
    expect(counts).toEqual(summaryCounts);
    expect(total).toBe(5);
    // A plan deleted takes its counts with it: its statuses, deleted after it, write none back.
    await s.ctx.db.deleteFrom('plans').where('id', '=', w.planId).execute();
    expect(await check()).toEqual([]);
  });

  it('counts a plan’s statuses per category as the status list does', async () => {
    const period = await openThisYear(w);
    const snn = await findReport(w.as.snn, period.id, w.orgs.snn.id);
    await submitReport(w.as.snn, await fillReport(w.as.snn, snn));
    const counts = (await planStatusCounts(s.ctx.db, THIS_YEAR, [w.planId, 999_999])).get(w.planId)!;
    const body = expectBody(
      await w.as.leader.get(`/api/plans/${w.planId}/task-statuses?year=${THIS_YEAR}`),
      taskStatusesResponseSchema,
    );
    const { total, completionRate, onTimeRate, ...summaryCounts } = body.summary;
    expect(counts).toEqual(summaryCounts);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(5);
    // The dashboard's filters: an agency (named, or through a group it belongs to) and a named group.
    const ofStc = await taskStatusesOfPlan(s.ctx, w.planId, {
      year: THIS_YEAR,
      organisationId: w.orgs.stc.id,
    });
    expect(ofStc.items.map((i) => i.task.id)).toEqual([w.tasks.t1, w.tasks.t2, w.tasks.t3]);
    const ofGroup = await taskStatusesOfPlan(s.ctx, w.planId, { year: THIS_YEAR, groupKey: 'so_ban_nganh' });
    expect(ofGroup.items.map((i) => [i.task.id, i.leads])).toEqual([[w.tasks.t1, ['Sở Tài chính thử']]]);
    // A plan that does not exist is left out rather than failing the dashboard.
    expect((await planStatusCounts(s.ctx.db, THIS_YEAR, [999_999])).size).toBe(0);
  });
});

describeEachDatabase('stored task statuses on the demo data', (dialect) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await openTestContext(dialect);
    await loadDemoData(t.ctx);
  });
  afterAll(async () => t?.close());

  it('equal the statuses computed afresh, for every task, year and day', async () => {
    const db = t.ctx.db;
    const plans = await db.selectFrom('plans').select('id').execute();
    expect(plans.length).toBeGreaterThan(0);
    const today = localDate(new Date());
    // Today first: this year's rows were kept by the demo's own workflow (submit, return, accept), not
    // recomputed by the read; then other years and days, which the reads compute.
    const cases: [number, string][] = [
      [THIS_YEAR, today],
      [THIS_YEAR - 1, today],
      [THIS_YEAR + 1, today],
      [THIS_YEAR, `${THIS_YEAR}-01-01`],
      [THIS_YEAR, `${THIS_YEAR}-12-16`],
      [THIS_YEAR, `${THIS_YEAR + 1}-01-01`],
    ];
    let compared = 0;
    for (const { id } of plans) {
      const tasks = await listPlanTasks(db, id);
      for (const [year, day] of cases) {
        const stored = await planStatuses(db, id, year, day);
        const fresh = await computeStatuses(db, id, tasks, year, day);
        expect(stored.map((x) => x.task.id)).toEqual(tasks.map((x) => x.id));
        for (const x of stored) {
          expect({ task: x.task.id, ...x.status, latest: x.latest }).toEqual({
            task: x.task.id,
            ...fresh.get(x.task.id)!.status,
            latest: fresh.get(x.task.id)!.latest,
          });
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});

import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  reportDetailSchema,
  taskHistoryResponseSchema,
  taskStatusesResponseSchema,
} from '../../../shared/contracts/reporting';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody } from '../../test/expect-body';
import { findReport, openPeriod, saveReport, submitReport } from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/http-agent';
import {
  buildReportingWorld,
  daysFromToday,
  type ReportingWorld,
  THIS_YEAR,
} from '../../test/reporting-world';

/*
 * What a reader sees as a task's status: the lead's. A supporting agency's row (its report, the task's
 * history) shows the task's status, and work reported "chưa triển khai" before its deadline reads
 * "Chưa đến hạn".
 */
describeEachDatabase('task status as the lead reports it', (dialect) => {
  let s: TestServer;
  let w: ReportingWorld;
  beforeEach(async () => {
    s = await startTestServer(dialect);
    w = await buildReportingWorld(s);
  });
  afterEach(async () => s?.close());

  it('shows the lead’s status on supporting agencies’ rows, never “Quá hạn” on a task the lead completed', async () => {
    const period = await openPeriod(w.as.coordinator, w.planId, {
      kind: 'annual',
      year: THIS_YEAR,
      dueOn: daysFromToday(20),
    });
    const stc = await findReport(w.as.stc, period.id, w.orgs.stc.id);
    const saved = await saveReport(w.as.stc, stc, {
      entries: [
        { id: stc.lead[0]!.id, progress: 'completed', completedOn: daysFromToday(-1) },
        { id: stc.lead[1]!.id, progress: 'in_progress' },
      ],
    });
    await submitReport(w.as.stc, saved);

    // SCT supports T1 ("Các sở, ban, ngành") and has written nothing: its row reads as the lead's.
    const sct = await findReport(w.as.coordinator, period.id, w.orgs.sct.id);
    const sctView = expectBody(await w.as.coordinator.get(`/api/reports/${sct.id}`), reportDetailSchema);
    const t1Support = sctView.support.find((e) => e.task.id === w.tasks.t1)!;
    expect(t1Support.status).toMatchObject({ code: 'done_late', label: 'Hoàn thành quá hạn' });

    const history = expectBody(
      await w.as.coordinator.get(`/api/tasks/${w.tasks.t1}/history`),
      taskHistoryResponseSchema,
    );
    const supportRows = history.entries.filter((e) => e.role === 'support');
    expect(supportRows.length).toBeGreaterThan(0);
    expect(supportRows.map((e) => e.status.label)).toEqual(supportRows.map(() => 'Hoàn thành quá hạn'));
    expect(history.entries.some((e) => e.status.code === 'overdue')).toBe(false);
    expect(history.current.code).toBe('done_late');
  });

  it('reads “chưa triển khai” before the deadline as “Chưa đến hạn”, and shows it on the support’s row', async () => {
    const period = await openPeriod(w.as.coordinator, w.planId, {
      kind: 'annual',
      year: THIS_YEAR,
      dueOn: daysFromToday(20),
    });
    const snn = await findReport(w.as.snn, period.id, w.orgs.snn.id);
    const byTask = new Map(snn.lead.map((e) => [e.task.id, e.id]));
    const saved = await saveReport(w.as.snn, snn, {
      entries: [
        { id: byTask.get(w.tasks.t2)!, progress: 'not_started' },
        { id: byTask.get(w.tasks.t4)!, progress: 'in_progress' },
        { id: byTask.get(w.tasks.t5)!, progress: 'in_progress' },
      ],
    });
    // The agency's own view of its draft already says it.
    // T2 ("Hằng năm") is due at the end of this year and its year has begun.
    expect(saved.lead.find((e) => e.task.id === w.tasks.t2)!.status.label).toBe('Chưa đến hạn');
    await submitReport(w.as.snn, saved);

    const statuses = expectBody(
      await w.as.leader.get(`/api/plans/${w.planId}/task-statuses?year=${THIS_YEAR}`),
      taskStatusesResponseSchema,
    );
    const t2 = statuses.items.find((i) => i.task.id === w.tasks.t2)!;
    expect(t2.status).toMatchObject({ code: 'not_due', label: 'Chưa đến hạn' });
    expect(t2.status.reason).toContain('chưa triển khai');
    // STC supports T2: its row gives SNN's word, not "no report due yet" from its own empty answer.
    const stc = expectBody(
      await w.as.stc.get(`/api/reports/${(await findReport(w.as.stc, period.id, w.orgs.stc.id)).id}`),
      reportDetailSchema,
    );
    expect(stc.support.find((e) => e.task.id === w.tasks.t2)!.status).toEqual(t2.status);
  });
});

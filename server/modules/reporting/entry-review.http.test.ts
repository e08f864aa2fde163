import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditListResponseSchema } from '../../../shared/contracts/audit';
import { notificationListResponseSchema } from '../../../shared/contracts/notifications';
import { taskListResponseSchema } from '../../../shared/contracts/plans';
import { type ReportDetail, reportDetailSchema } from '../../../shared/contracts/reporting';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody, expectError } from '../../test/expect-body';
import { buildLoggedIn, findReport, openPeriod, saveReport, submitReport } from '../../test/factories';
import type { Agent, TestServer } from '../../test/http-agent';
import { startTestServer } from '../../test/http-agent';
import {
  buildReportingWorld,
  daysFromToday,
  type ReportingWorld,
  THIS_YEAR,
} from '../../test/reporting-world';

/*
 * Issue 13, item 7: inside a sent report the coordinator accepts or returns one task's entry; the
 * returned entry stops counting for its task, the agency corrects and sends only that entry again,
 * accepted entries are locked, and the report is accepted once every task is.
 */
describeEachDatabase('per-task confirmation in a report', (dialect) => {
  let s: TestServer;
  let w: ReportingWorld;
  let admin: Agent;
  let report: ReportDetail;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    w = await buildReportingWorld(s);
    admin = (await buildLoggedIn(s, { role: 'admin' })).agent;
    const period = await openPeriod(w.as.coordinator, w.planId, {
      kind: 'annual',
      year: THIS_YEAR,
      dueOn: daysFromToday(20),
    });
    // STC leads T1 and T3 and supports T2. T1 (deadline 2022) reported done yesterday: "Hoàn thành quá hạn".
    const draft = await findReport(w.as.stc, period.id, w.orgs.stc.id);
    const t1 = draft.lead.find((e) => e.task.id === w.tasks.t1)!;
    const t3 = draft.lead.find((e) => e.task.id === w.tasks.t3)!;
    report = await submitReport(
      w.as.stc,
      await saveReport(w.as.stc, draft, {
        entries: [
          { id: t1.id, progress: 'completed', completedOn: daysFromToday(-1) },
          { id: t3.id, progress: 'in_progress' },
        ],
      }),
    );
  });
  afterAll(async () => s?.close());

  const entryOf = (r: ReportDetail, taskId: number) =>
    [...r.lead, ...r.support].find((e) => e.task.id === taskId)!;
  const reviewEntry = (agent: Agent, r: ReportDetail, taskId: number, body: object) =>
    agent.post(`/api/reports/${r.id}/entries/${entryOf(r, taskId).id}/review`, {
      version: r.version,
      ...body,
    });
  const resubmit = (agent: Agent, r: ReportDetail, taskId: number, entry: object) =>
    agent.post(`/api/reports/${r.id}/entries/${entryOf(r, taskId).id}/resubmit`, {
      version: r.version,
      entry,
    });
  const statusOf = async (taskId: number) => {
    const list = expectBody(
      await w.as.leader.get(`/api/plans/${w.planId}/tasks?pageSize=200&year=${THIS_YEAR}`),
      taskListResponseSchema,
    );
    return list.items.find((t) => t.id === taskId)?.status.code;
  };
  const refresh = async (agent: Agent = w.as.coordinator) =>
    expectBody(await agent.get(`/api/reports/${report.id}`), reportDetailSchema);

  it('shows each entry waiting, and the coordinator may review each one', async () => {
    const view = await refresh();
    expect([...view.lead, ...view.support].map((e) => e.review.state)).toEqual([
      'pending',
      'pending',
      'pending',
    ]);
    expect(view.can.reviewEntries).toBe(true);
    expect(await statusOf(w.tasks.t1)).toBe('done_late');
  });

  it('returns one entry with a comment: the task no longer counts it, the agency is told', async () => {
    const noComment = expectError(
      await reviewEntry(w.as.coordinator, report, w.tasks.t1, { decision: 'return' }),
      400,
    );
    expect(JSON.stringify(noComment)).toContain('comment');
    report = expectBody(
      await reviewEntry(w.as.coordinator, report, w.tasks.t1, {
        decision: 'return',
        comment: 'Ngày hoàn thành chưa khớp với quyết định ban hành',
      }),
      reportDetailSchema,
    );
    expect(report.state).toBe('submitted');
    expect(entryOf(report, w.tasks.t1).review).toMatchObject({
      state: 'returned',
      comment: 'Ngày hoàn thành chưa khớp với quyết định ban hành',
    });
    expect(await statusOf(w.tasks.t1)).toBe('overdue');
    const told = expectBody(
      await w.as.stc.get('/api/notifications?pageSize=50'),
      notificationListResponseSchema,
    );
    const n = told.items.find((x) => x.kind === 'report_entry_returned');
    expect(n?.title).toContain('Nhiệm vụ 1 bị trả lại');
    expect(n?.body).toContain('Ngày hoàn thành chưa khớp');
  });

  it('accepts another entry, which is then locked', async () => {
    report = expectBody(
      await reviewEntry(w.as.coordinator, report, w.tasks.t3, { decision: 'accept' }),
      reportDetailSchema,
    );
    expect(entryOf(report, w.tasks.t3).review.state).toBe('accepted');
    expect(report.state).toBe('submitted');
    const asStc = await refresh(w.as.stc);
    expect(asStc.can).toMatchObject({ edit: false, resubmitEntries: true });
    const locked = expectError(await resubmit(w.as.stc, asStc, w.tasks.t3, { progress: 'completed' }), 409);
    expect(locked.message).toContain('không bị trả lại');
    expectError(await reviewEntry(w.as.coordinator, report, w.tasks.t3, { decision: 'accept' }), 409);
  });

  it('refuses other agencies, coordinators and leaders', async () => {
    const current = await refresh();
    const other = expectError(
      await resubmit(w.as.snn, current, w.tasks.t1, { progress: 'in_progress' }),
      403,
    );
    expect(other.message).toBe('Bạn chỉ được sửa báo cáo của cơ quan mình.');
    expectError(await resubmit(w.as.coordinator, current, w.tasks.t1, { progress: 'in_progress' }), 403);
    expectError(await reviewEntry(w.as.stc, current, w.tasks.t2, { decision: 'accept' }), 403);
    expectError(await reviewEntry(w.as.leader, current, w.tasks.t2, { decision: 'accept' }), 403);
  });

  it('lets the agency correct and send only the returned entry, a new version kept', async () => {
    const current = await refresh(w.as.stc);
    const before = current.versionCount;
    const noProgress = expectError(await resubmit(w.as.stc, current, w.tasks.t1, { progress: null }), 400);
    expect(noProgress.message).toContain('Nhiệm vụ 1: chưa chọn tình hình thực hiện');
    report = expectBody(
      await resubmit(w.as.stc, current, w.tasks.t1, {
        progress: 'completed',
        completedOn: daysFromToday(-2),
        result: '<p>Đã ban hành quyết định</p>',
      }),
      reportDetailSchema,
    );
    const t1 = entryOf(report, w.tasks.t1);
    expect(t1.review.state).toBe('pending');
    expect(t1.completedOn).toBe(daysFromToday(-2));
    expect(entryOf(report, w.tasks.t3).review.state).toBe('accepted');
    expect(report.versionCount).toBe(before + 1);
    expect(await statusOf(w.tasks.t1)).toBe('done_late');
  });

  it('accepts the rest as a whole: every task accepted, the report locked', async () => {
    const current = await refresh();
    report = expectBody(
      await w.as.coordinator.post(`/api/reports/${report.id}/accept`, { version: current.version }),
      reportDetailSchema,
    );
    expect(report.state).toBe('accepted');
    expect([...report.lead, ...report.support].map((e) => e.review.state)).toEqual([
      'accepted',
      'accepted',
      'accepted',
    ]);
    const audit = expectBody(
      await admin.get(`/api/audit?entity=report&entityId=${report.id}&pageSize=50`),
      auditListResponseSchema,
    );
    expect(audit.items.map((a) => a.actionLabel)).toEqual(
      expect.arrayContaining([
        'Trả lại kết quả một nhiệm vụ trong báo cáo',
        'Chấp nhận kết quả một nhiệm vụ trong báo cáo',
        'Gửi lại kết quả một nhiệm vụ bị trả lại',
        'Tiếp nhận báo cáo',
      ]),
    );
    const returned = audit.items.find((a) => a.action === 'report.entry_returned')!;
    expect(returned.text).toContain('Trả lại kết quả một nhiệm vụ trong báo cáo của Sở Tài chính thử');
    expect(returned.changes).toEqual(
      expect.arrayContaining([
        { label: 'Nhận xét', before: null, after: 'Ngày hoàn thành chưa khớp với quyết định ban hành' },
      ]),
    );
  });

  describe('with an entry still returned', () => {
    let snn: ReportDetail;
    beforeAll(async () => {
      const period = await openPeriod(w.as.coordinator, w.planId, {
        kind: 'ad_hoc',
        year: THIS_YEAR,
        title: 'Báo cáo đột xuất về tiến độ',
        dueOn: daysFromToday(15),
      });
      const draft = await findReport(w.as.snn, period.id, w.orgs.snn.id);
      snn = await submitReport(
        w.as.snn,
        await saveReport(w.as.snn, draft, {
          entries: draft.lead.map((e) => ({ id: e.id, progress: 'in_progress' as const })),
        }),
      );
    });

    it('the whole accept takes the waiting tasks, the report waits for the returned one, then is accepted', async () => {
      snn = expectBody(
        await reviewEntry(w.as.coordinator, snn, w.tasks.t2, {
          decision: 'return',
          comment: 'Bổ sung số liệu năm',
        }),
        reportDetailSchema,
      );
      snn = expectBody(
        await w.as.coordinator.post(`/api/reports/${snn.id}/accept`, { version: snn.version }),
        reportDetailSchema,
      );
      expect(snn.state).toBe('submitted');
      expect(snn.lead.map((e) => [e.task.id, e.review.state])).toEqual(
        snn.lead.map((e) => [e.task.id, e.task.id === w.tasks.t2 ? 'returned' : 'accepted']),
      );
      const asSnn = expectBody(await w.as.snn.get(`/api/reports/${snn.id}`), reportDetailSchema);
      snn = expectBody(
        await resubmit(w.as.snn, asSnn, w.tasks.t2, { progress: 'in_progress', result: '<p>Đã bổ sung</p>' }),
        reportDetailSchema,
      );
      snn = expectBody(
        await reviewEntry(w.as.coordinator, snn, w.tasks.t2, { decision: 'accept' }),
        reportDetailSchema,
      );
      expect(snn.state).toBe('accepted');
    });
  });
});

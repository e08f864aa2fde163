import { afterEach, beforeEach, expect, it } from 'vitest';
import { notificationListResponseSchema } from '../../../shared/contracts/notifications';
import {
  attachmentSchema,
  compareVersionsResponseSchema,
  directiveListResponseSchema,
  directiveSchema,
  type Period,
  periodListResponseSchema,
  periodProposalsResponseSchema,
  periodRatesResponseSchema,
  periodSchema,
  planRatesResponseSchema,
  type ReportDetail,
  reportDetailSchema,
  reportListResponseSchema,
  reportVersionListResponseSchema,
  reportVersionSchema,
  taskHistoryResponseSchema,
  taskStatusesResponseSchema,
} from '../../../shared/contracts/reporting';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody, expectError } from '../../test/expect-body';
import {
  acceptReport,
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

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** This year's annual period, due in 20 days, as the coordinator opens it. */
const openThisYear = (w: ReportingWorld) =>
  openPeriod(w.as.coordinator, w.planId, { kind: 'annual', year: THIS_YEAR, dueOn: daysFromToday(20) });

/** STC's report this year: submitted, returned with a reason, corrected and submitted again. */
async function resubmittedStcReport(w: ReportingWorld, period: Period): Promise<ReportDetail> {
  const draft = await findReport(w.as.stc, period.id, w.orgs.stc.id);
  const submitted = await submitReport(w.as.stc, await fillReport(w.as.stc, draft));
  const returned = await returnReport(w.as.coordinator, submitted, 'Bổ sung số liệu nhiệm vụ 3');
  const edited = await saveReport(w.as.stc, returned, {
    proposals: 'Đề nghị bố trí kinh phí',
    entries: [{ id: returned.lead[1]!.id, result: '<p>Đã hoàn thành 80%</p>' }],
  });
  return submitReport(w.as.stc, edited);
}

/**
 * This year's period with STC's report accepted (T1 completed after its 2022 deadline, T3 still in
 * progress) and the other two agencies still drafting; last year's period, already past due, where
 * SNN submitted late with every task in progress.
 */
async function acceptedThisYearAndLateLastYear(w: ReportingWorld) {
  const period = await openThisYear(w);
  const draft = await findReport(w.as.stc, period.id, w.orgs.stc.id);
  const saved = await saveReport(w.as.stc, draft, {
    entries: [
      {
        id: draft.lead[0]!.id,
        progress: 'completed',
        completedOn: daysFromToday(-2),
        productNumber: '12/QĐ-UBND',
        productDate: daysFromToday(-2),
        productSummary: 'Quyết định ban hành đề án',
      },
      { id: draft.lead[1]!.id, progress: 'in_progress' },
    ],
  });
  const stcReport = await acceptReport(w.as.coordinator, await submitReport(w.as.stc, saved));
  const past = await openPeriod(w.as.coordinator, w.planId, {
    kind: 'annual',
    year: THIS_YEAR - 1,
    dueOn: daysFromToday(-3),
  });
  const snnPast = await findReport(w.as.snn, past.id, w.orgs.snn.id);
  await submitReport(w.as.snn, await fillReport(w.as.snn, snnPast));
  return { period, past, stcReport };
}

describeEachDatabase('reporting workflow', (dialect) => {
  // Each test has a database of its own: the named groups ("Các sở, ban, ngành") resolve against
  // the whole registry, so two worlds in one database would see each other's agencies.
  let s: TestServer;
  let w: ReportingWorld;
  beforeEach(async () => {
    s = await startTestServer(dialect);
    w = await buildReportingWorld(s);
  });
  afterEach(async () => s?.close());

  it('proposes periods from the regime and opens the current year with a report per agency', async () => {
    const { coordinator } = w.as;
    const proposals = await coordinator.get(`/api/plans/${w.planId}/reporting-periods/proposals`);
    const items = expectBody(proposals, periodProposalsResponseSchema, 200).items;
    expect(items.find((p) => p.kind === 'annual' && p.year === 2021)).toMatchObject({
      dueOn: '2021-12-15',
      dataClosingOn: '2021-12-14',
    });
    expect(items.filter((p) => p.kind !== 'annual').map((p) => `${p.kind}:${p.year}`)).toEqual([
      'mid_term:2023',
      'final:2025',
    ]);

    const dueOn = daysFromToday(20);
    const res = await coordinator.post(`/api/plans/${w.planId}/reporting-periods`, {
      kind: 'annual',
      year: THIS_YEAR,
      dueOn,
    });
    const period = expectBody(res, periodSchema, 201);
    expect(period).toMatchObject({
      kind: 'annual',
      year: THIS_YEAR,
      state: 'open',
      dueOn,
      counts: { expected: 3, draft: 3 },
    });
    expect(period.title).toBe(`Báo cáo kết quả thực hiện năm ${THIS_YEAR}`);

    // Opening again is idempotent.
    const again = await coordinator.post(`/api/plans/${w.planId}/reporting-periods`, {
      kind: 'annual',
      year: THIS_YEAR,
    });
    const same = expectBody(again, periodSchema, 200);
    expect(same.id).toBe(period.id);
    expect(same.counts.expected).toBe(3);

    const list = expectBody(
      await coordinator.get(`/api/reports?periodId=${period.id}`),
      reportListResponseSchema,
    );
    expect(list.items.map((r) => [r.organisation.name, r.leadCount, r.supportCount])).toEqual([
      ['Sở Công Thương thử', 0, 1],
      ['Sở Nông nghiệp thử', 3, 1],
      ['Sở Tài chính thử', 2, 1],
    ]);
  });

  it('splits the agency’s tasks into lead and support, with statuses', async () => {
    const period = await openThisYear(w);
    const mine = expectBody(
      await w.as.stc.get(`/api/reports?periodId=${period.id}`),
      reportListResponseSchema,
    );
    expect(mine.items.map((r) => r.organisation.id)).toEqual([w.orgs.stc.id]);
    const stcReport = expectBody(
      await w.as.stc.get(`/api/reports/${mine.items[0]!.id}`),
      reportDetailSchema,
      200,
    );
    expect(stcReport.lead.map((e) => e.task.id)).toEqual([w.tasks.t1, w.tasks.t3]);
    expect(stcReport.support.map((e) => e.task.id)).toEqual([w.tasks.t2]);
    expect(stcReport.lead[0]!.status).toMatchObject({
      code: 'overdue',
      label: 'Quá hạn',
      dueDate: '2022-12-31',
    });
    expect(stcReport.can).toEqual({
      edit: true,
      submit: true,
      review: false,
      direct: false,
      reviewEntries: false,
      resubmitEntries: false,
    });

    const snnList = expectBody(
      await w.as.snn.get(`/api/reports?periodId=${period.id}`),
      reportListResponseSchema,
    );
    expect(snnList.items.map((r) => r.organisation.id)).toEqual([w.orgs.snn.id]);
    const detail = expectBody(await w.as.snn.get(`/api/reports/${snnList.items[0]!.id}`), reportDetailSchema);
    // The abolished district's continuous task passed to its successor.
    expect(detail.lead.map((e) => e.task.id)).toEqual([w.tasks.t2, w.tasks.t4, w.tasks.t5]);
  });

  it('saves drafts with optimistic locking: a stale version is a 409 that names the time', async () => {
    const period = await openThisYear(w);
    const stcReport = await findReport(w.as.stc, period.id, w.orgs.stc.id);
    const [t1, t3] = stcReport.lead;
    const first = await w.as.stc.patch(`/api/reports/${stcReport.id}`, {
      version: stcReport.version,
      summary: '<p>Tóm tắt <script>alert(1)</script><strong>kết quả</strong></p>',
      entries: [{ id: t1!.id, progress: 'in_progress', result: '<p onclick="x()">Đang xây dựng</p>' }],
    });
    const saved = expectBody(first, reportDetailSchema, 200);
    expect(saved.version).toBe(stcReport.version + 1);
    expect(saved.summary).toBe('<p>Tóm tắt <strong>kết quả</strong></p>');
    expect(saved.lead[0]).toMatchObject({ progress: 'in_progress', result: '<p>Đang xây dựng</p>' });

    const second = await w.as.stc.patch(`/api/reports/${stcReport.id}`, {
      version: saved.version,
      entries: [{ id: t3!.id, progress: 'in_progress', difficulties: 'Thiếu kinh phí' }],
    });
    const latest = expectBody(second, reportDetailSchema, 200);

    // A colleague still holding the first version does not overwrite silently.
    const stale = await w.as.stc2.patch(`/api/reports/${stcReport.id}`, {
      version: saved.version,
      summary: 'Ghi đè',
    });
    expect(expectError(stale, 409).message).toMatch(
      /^Báo cáo đã được người khác \(.+\) lưu lúc \d{2}:\d{2}; hãy tải lại/,
    );
    expect(latest.summary).toBe('<p>Tóm tắt <strong>kết quả</strong></p>');
    const reread = expectBody(await w.as.stc2.get(`/api/reports/${stcReport.id}`), reportDetailSchema);
    expect(reread.summary).toBe('<p>Tóm tắt <strong>kết quả</strong></p>');
  });

  it('attaches a product file; only readers of the report may download it', async () => {
    const period = await openThisYear(w);
    const stcReport = await findReport(w.as.stc, period.id, w.orgs.stc.id);
    const { stc, snn, coordinator } = w.as;
    const up = await stc.upload(`/api/reports/${stcReport.id}/attachments`, 'QĐ 12.pdf', PDF);
    const a = expectBody(up, attachmentSchema, 201);
    expect(a).toMatchObject({ filename: 'QĐ 12.pdf', mediaType: 'application/pdf', size: PDF.length });
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);

    const fake = await stc.upload(
      `/api/reports/${stcReport.id}/attachments`,
      'gia.pdf',
      Buffer.from('MZ not a pdf'),
    );
    expectError(fake, 400);
    const exe = await stc.upload(`/api/reports/${stcReport.id}/attachments`, 'virus.exe', PDF);
    expectError(exe, 400);

    const saved = await saveReport(stc, stcReport, {
      entries: [
        {
          id: stcReport.lead[0]!.id,
          progress: 'completed',
          completedOn: daysFromToday(-2),
          productNumber: '12/QĐ-UBND',
          productDate: daysFromToday(-2),
          productSummary: 'Quyết định ban hành đề án',
          attachmentIds: [a.id],
        },
      ],
    });
    expect(saved.lead[0]!.files.map((f) => f.id)).toEqual([a.id]);
    expect(saved.lead[0]!.status.code).toBe('done_late');

    const own = await stc.get(a.url);
    expect(own.status).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect((await coordinator.get(a.url)).status).toBe(200);
    expect((await snn.get(a.url)).status).toBe(403);
    expect((await s.agent().get(a.url)).status).toBe(401);
  });

  it('refuses to submit an incomplete report', async () => {
    const period = await openThisYear(w);
    const draft = await findReport(w.as.stc, period.id, w.orgs.stc.id);
    const { stc } = w.as;
    // Task 1 has its progress; task 3 has none.
    const partial = await saveReport(stc, draft, {
      entries: [{ id: draft.lead[0]!.id, progress: 'in_progress' }],
    });
    const incomplete = await stc.post(`/api/reports/${draft.id}/submit`, { version: partial.version });
    const error = expectError(incomplete, 400);
    expect(error.message).toContain('Nhiệm vụ 3: chưa chọn tình hình thực hiện');
    expect(error.message).not.toContain('Nhiệm vụ 1:');
    const refilled = await saveReport(stc, partial, {
      entries: [{ id: draft.lead[1]!.id, progress: 'in_progress' }],
    });
    expect((await submitReport(stc, refilled)).state).toBe('submitted');
  });

  it('submits on time, the coordinator returns it with a reason, the agency resubmits', async () => {
    const period = await openThisYear(w);
    const { stc, coordinator } = w.as;
    const filled = await fillReport(stc, await findReport(stc, period.id, w.orgs.stc.id));
    const sub = await stc.post(`/api/reports/${filled.id}/submit`, { version: filled.version });
    const submitted = expectBody(sub, reportDetailSchema, 200);
    expect(submitted).toMatchObject({ state: 'submitted', late: false, versionCount: 1 });
    expect(submitted.can.edit).toBe(false);

    const editSubmitted = await stc.patch(`/api/reports/${filled.id}`, {
      version: submitted.version,
      summary: 'x',
    });
    expectError(editSubmitted, 409);

    const noReason = await coordinator.post(`/api/reports/${filled.id}/return`, {
      version: submitted.version,
    });
    expectError(noReason, 400);
    const ret = await coordinator.post(`/api/reports/${filled.id}/return`, {
      version: submitted.version,
      reason: 'Bổ sung số liệu nhiệm vụ 3',
    });
    const returned = expectBody(ret, reportDetailSchema, 200);
    expect(returned).toMatchObject({ state: 'returned', returnedReason: 'Bổ sung số liệu nhiệm vụ 3' });

    const notes = expectBody(await stc.get('/api/notifications'), notificationListResponseSchema);
    expect(notes.items[0]).toMatchObject({ kind: 'report_returned' });
    expect(notes.items[0]!.body).toContain('Bổ sung số liệu nhiệm vụ 3');

    const edited = await saveReport(stc, returned, {
      proposals: 'Đề nghị bố trí kinh phí',
      entries: [{ id: returned.lead[1]!.id, result: '<p>Đã hoàn thành 80%</p>' }],
    });
    const re = await stc.post(`/api/reports/${filled.id}/submit`, { version: edited.version });
    expect(expectBody(re, reportDetailSchema, 200)).toMatchObject({
      state: 'submitted',
      late: false,
      versionCount: 2,
    });
  });

  it('keeps every version and compares the last two', async () => {
    const stcReport = await resubmittedStcReport(w, await openThisYear(w));
    const { stc, coordinator } = w.as;
    const list = expectBody(
      await coordinator.get(`/api/reports/${stcReport.id}/versions`),
      reportVersionListResponseSchema,
    );
    expect(list.items.map((v) => v.versionNo)).toEqual([2, 1]);
    const v1 = expectBody(await stc.get(`/api/reports/${stcReport.id}/versions/1`), reportVersionSchema, 200);
    expect(v1.snapshot.proposals).toBeNull();

    const cmp = await coordinator.get(`/api/reports/${stcReport.id}/versions/compare`);
    expect(expectBody(cmp, compareVersionsResponseSchema, 200).changes).toEqual([
      expect.objectContaining({ path: 'proposals', before: null, after: 'Đề nghị bố trí kinh phí' }),
      expect.objectContaining({ path: `entries.${w.tasks.t3}.result`, after: '<p>Đã hoàn thành 80%</p>' }),
    ]);
    expectError(await coordinator.get(`/api/reports/${stcReport.id}/versions/compare?from=1&to=9`), 404);
  });

  it('accepts the report, which locks it', async () => {
    const stcReport = await resubmittedStcReport(w, await openThisYear(w));
    const { stc, snn, coordinator } = w.as;
    const acc = await coordinator.post(`/api/reports/${stcReport.id}/accept`, { version: stcReport.version });
    const accepted = expectBody(acc, reportDetailSchema, 200);
    expect(accepted.state).toBe('accepted');
    expect(accepted.acceptedAt).not.toBeNull();

    const edit = await stc.patch(`/api/reports/${accepted.id}`, {
      version: accepted.version,
      summary: 'sửa',
    });
    expect(expectError(edit, 409).message).toContain('đã khóa');
    expectError(await stc.post(`/api/reports/${accepted.id}/submit`, { version: accepted.version }), 409);
    expectError(
      await coordinator.post(`/api/reports/${accepted.id}/accept`, { version: accepted.version }),
      409,
    );
    expectError(
      await coordinator.post(`/api/reports/${accepted.id}/return`, {
        version: accepted.version,
        reason: 'Trả lại lần nữa',
      }),
      409,
    );
    expectError(await stc.upload(`/api/reports/${accepted.id}/attachments`, 'a.pdf', PDF), 409);

    // Accepted reports are readable by other agencies' reporters.
    expect((await snn.get(`/api/reports/${accepted.id}`)).status).toBe(200);
    const accNote = expectBody(
      await stc.get('/api/notifications?unreadOnly=true'),
      notificationListResponseSchema,
    );
    expect(accNote.items[0]!.kind).toBe('report_accepted');
  });

  it('records a late submission against the due date', async () => {
    const { coordinator, snn } = w.as;
    const past = await coordinator.post(`/api/plans/${w.planId}/reporting-periods`, {
      kind: 'annual',
      year: THIS_YEAR - 1,
      dueOn: daysFromToday(-3),
    });
    const period = expectBody(past, periodSchema, 201);
    const reports = expectBody(await snn.get(`/api/reports?periodId=${period.id}`), reportListResponseSchema);
    const r = expectBody(await snn.get(`/api/reports/${reports.items[0]!.id}`), reportDetailSchema);
    const saved = await saveReport(snn, r, {
      entries: r.lead.map((e) => ({ id: e.id, progress: 'in_progress' as const })),
    });
    const sub = await snn.post(`/api/reports/${r.id}/submit`, { version: saved.version });
    expect(expectBody(sub, reportDetailSchema, 200)).toMatchObject({ state: 'submitted', late: true });
    const versions = expectBody(
      await snn.get(`/api/reports/${r.id}/versions`),
      reportVersionListResponseSchema,
    );
    expect(versions.items[0]!.late).toBe(true);
  });

  it('reports the reporting rate per period and per agency', async () => {
    const { period } = await acceptedThisYearAndLateLastYear(w);
    const res = await w.as.leader.get(`/api/reporting-periods/${period.id}/rates`);
    const body = expectBody(res, periodRatesResponseSchema, 200);
    expect(body.totals).toEqual({
      expected: 3,
      submitted: 1,
      submittedOnTime: 1,
      accepted: 1,
      submittedRate: 33.3,
      onTimeRate: 33.3,
      acceptedRate: 33.3,
    });
    expect(body.agencies.map((a) => a.state)).toEqual(['draft', 'draft', 'accepted']);

    const plan = await w.as.coordinator.get(`/api/plans/${w.planId}/reporting-rates`);
    const p = expectBody(plan, planRatesResponseSchema, 200);
    expect(p.periods.length).toBe(2);
    const snnRate = p.agencies.find((a) => a.organisation.name === 'Sở Nông nghiệp thử')!;
    expect(snnRate.rate).toMatchObject({ expected: 2, submittedOnTime: 0 });
  });

  it('computes task statuses from submitted and accepted entries, and shows a task’s history', async () => {
    await acceptedThisYearAndLateLastYear(w);
    const { leader, coordinator, snn } = w.as;
    const res = await leader.get(`/api/plans/${w.planId}/task-statuses?year=${THIS_YEAR}`);
    const body = expectBody(res, taskStatusesResponseSchema, 200);
    const byTask = new Map(body.items.map((i) => [i.task.id, i.status.code]));
    expect(byTask.get(w.tasks.t1)).toBe('done_late');
    expect(byTask.get(w.tasks.t3)).toBe('overdue');
    // T4 (due 2030) was reported in progress in last year's period.
    expect(byTask.get(w.tasks.t4)).toBe('in_progress_on_time');
    // T5 (continuous) has no report this year, but this year's report is not due yet.
    expect(byTask.get(w.tasks.t5)).toBe('not_due');
    expect(body.summary.total).toBe(5);
    expect(body.summary.done_late).toBe(1);

    const filtered = expectBody(
      await leader.get(`/api/plans/${w.planId}/task-statuses?year=${THIS_YEAR}&status=overdue`),
      taskStatusesResponseSchema,
    );
    expect(filtered.items.length).toBe(filtered.total);
    expect(filtered.items.map((i) => i.task.id)).toContain(w.tasks.t3);
    expect(filtered.items.every((i) => i.status.code === 'overdue')).toBe(true);

    const hist = await coordinator.get(`/api/tasks/${w.tasks.t1}/history`);
    const h = expectBody(hist, taskHistoryResponseSchema, 200);
    expect(h.current.code).toBe('done_late');
    expect(h.entries.map((e) => [e.organisation.name, e.role])).toContainEqual(['Sở Tài chính thử', 'lead']);
    // Another agency's reporter sees the accepted entry, not other agencies' drafts.
    const other = expectBody(await snn.get(`/api/tasks/${w.tasks.t1}/history`), taskHistoryResponseSchema);
    expect(other.entries.map((e) => e.organisation.name)).toContain('Sở Tài chính thử');
    expect(
      other.entries.every(
        (e) => e.organisation.name === 'Sở Tài chính thử' || e.organisation.name === 'Sở Nông nghiệp thử',
      ),
    ).toBe(true);
  });

  it('lets leaders leave directives on a report and on a task; the agency is notified', async () => {
    const period = await openThisYear(w);
    const stcReport = await findReport(w.as.stc, period.id, w.orgs.stc.id);
    const { leader, stc, coordinator } = w.as;
    const d = await leader.post(`/api/reports/${stcReport.id}/directives`, {
      text: 'Đề nghị Sở Tài chính đẩy nhanh tiến độ.',
    });
    expect(expectBody(d, directiveSchema, 201)).toMatchObject({ target: 'report', reportId: stcReport.id });
    const t = await leader.post(`/api/tasks/${w.tasks.t3}/directives`, { text: 'Hoàn thành trong quý I.' });
    expectBody(t, directiveSchema, 201);
    const list = expectBody(
      await stc.get(`/api/reports/${stcReport.id}/directives`),
      directiveListResponseSchema,
    );
    expect(list.items.map((x) => x.text)).toEqual(['Đề nghị Sở Tài chính đẩy nhanh tiến độ.']);
    expect(
      expectBody(await coordinator.get(`/api/tasks/${w.tasks.t3}/directives`), directiveListResponseSchema)
        .total,
    ).toBe(1);
    const notes = expectBody(await stc.get('/api/notifications'), notificationListResponseSchema);
    expect(notes.items.filter((n) => n.kind === 'directive').length).toBe(2);
  });

  it('extends, closes and reopens a period; a closed period cannot be edited', async () => {
    const period = await openThisYear(w);
    const { coordinator, snn } = w.as;
    const newDue = daysFromToday(40);
    const ext = await coordinator.post(`/api/reporting-periods/${period.id}/extend`, {
      dueOn: newDue,
      reason: 'Chờ số liệu cả năm',
    });
    expect(expectBody(ext, periodSchema, 200).extensions).toEqual([
      expect.objectContaining({ fromDueOn: period.dueOn, toDueOn: newDue, reason: 'Chờ số liệu cả năm' }),
    ]);
    expectError(
      await coordinator.post(`/api/reporting-periods/${period.id}/extend`, {
        dueOn: period.dueOn,
        reason: 'Lùi hạn',
      }),
      400,
    );
    const closed = await coordinator.post(`/api/reporting-periods/${period.id}/close`);
    expect(expectBody(closed, periodSchema).state).toBe('closed');
    const snnReports = expectBody(
      await snn.get(`/api/reports?periodId=${period.id}`),
      reportListResponseSchema,
    );
    const mine = snnReports.items.find((r) => r.organisation.name === 'Sở Nông nghiệp thử')!;
    const edit = await snn.patch(`/api/reports/${mine.id}`, { version: mine.version, summary: 'x' });
    expect(expectError(edit, 409).message).toContain('Kỳ báo cáo đã đóng');
    expect((await coordinator.post(`/api/reporting-periods/${period.id}/reopen`)).status).toBe(200);
    expect((await snn.patch(`/api/reports/${mine.id}`, { version: mine.version, summary: 'x' })).status).toBe(
      200,
    );
  });

  it('adds reports for tasks added after opening (refresh is idempotent)', async () => {
    const period = await openThisYear(w);
    expect(period.counts.expected).toBe(3);
    // No screen adds a task to a confirmed plan; the rows are written as a later import would.
    const t = await s.ctx.db
      .insertInto('tasks')
      .values({
        plan_id: w.planId,
        position: 6,
        ordinal: '6',
        group_label: null,
        content: 'Nhiệm vụ bổ sung',
        product: null,
        deadline_kind: 'recurring',
        deadline_from: null,
        deadline_to: null,
        deadline_text: 'Hằng năm',
        search_key: 'nhiem vu bo sung',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await s.ctx.db
      .insertInto('task_agencies')
      .values({
        task_id: t.id,
        role: 'lead',
        position: 0,
        agency_text: 'UBND tỉnh',
        organisation_id: w.orgs.tinh.id,
        group_key: null,
      })
      .execute();
    const r1 = await w.as.coordinator.post(`/api/reporting-periods/${period.id}/refresh`);
    expect(expectBody(r1, periodSchema).counts.expected).toBe(4);
    const r2 = await w.as.coordinator.post(`/api/reporting-periods/${period.id}/refresh`);
    expect(expectBody(r2, periodSchema).counts.expected).toBe(4);
  });

  it('lists periods with counts and records every change in the audit log', async () => {
    const { period, stcReport } = await acceptedThisYearAndLateLastYear(w);
    // A return, an extension and a close too, so every kind of change has happened once.
    const snnDraft = await findReport(w.as.snn, period.id, w.orgs.snn.id);
    await returnReport(w.as.coordinator, await submitReport(w.as.snn, await fillReport(w.as.snn, snnDraft)));
    expect(
      (
        await w.as.coordinator.post(`/api/reporting-periods/${period.id}/extend`, {
          dueOn: daysFromToday(40),
          reason: 'Chờ số liệu cả năm',
        })
      ).status,
    ).toBe(200);
    expect((await w.as.coordinator.post(`/api/reporting-periods/${period.id}/close`)).status).toBe(200);

    const list = expectBody(
      await w.as.leader.get(`/api/plans/${w.planId}/reporting-periods`),
      periodListResponseSchema,
    );
    expect(list.items.length).toBe(2);
    expect(list.items.find((p) => p.id === period.id)?.counts).toMatchObject({ expected: 3, accepted: 1 });
    const actions = await s.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('entity', 'in', ['report', 'reporting_period'])
      .execute();
    const set = new Set(actions.map((a) => a.action));
    for (const a of [
      'reporting_period.opened',
      'report.saved',
      'report.submitted',
      'report.returned',
      'report.accepted',
      'reporting_period.extended',
      'reporting_period.closed',
    ]) {
      expect(set).toContain(a);
    }
    expect(actions.filter((a) => a.action === 'report.accepted').map((a) => String(a.entity_id))).toEqual([
      String(stcReport.id),
    ]);
  });
});

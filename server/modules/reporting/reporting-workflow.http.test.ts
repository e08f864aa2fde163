import { afterAll, beforeAll, expect, it } from 'vitest';
import type {
  Attachment,
  Directive,
  Period,
  ReportDetail,
  ReportSummary,
} from '../../../shared/contracts/reporting';
import { describeEachDatabase } from '../../test/describe-each-database';
import { type Agent, startTestServer, type TestServer } from '../../test/http-agent';
import { daysFromToday, reportingFixture, THIS_YEAR } from './test-fixture';

type Fixture = Awaited<ReturnType<typeof reportingFixture>>;
type ErrorBody = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describeEachDatabase('reporting workflow', (dialect) => {
  let s: TestServer;
  let f: Fixture;
  let coordinator: Agent;
  let stc: Agent;
  let stc2: Agent;
  let snn: Agent;
  let leader: Agent;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    f = await reportingFixture(s);
    coordinator = await s.loginAs(f.users.coordinator);
    stc = await s.loginAs(f.users.stcReporter);
    stc2 = await s.loginAs(f.users.stcReporter2);
    snn = await s.loginAs(f.users.snnReporter);
    leader = await s.loginAs(f.users.leader);
  });
  afterAll(async () => s?.close());

  let period: Period;
  let stcReport: ReportDetail;

  it('proposes periods from the regime and opens the current year with a report per agency', async () => {
    const proposals = await coordinator.get(`/api/plans/${f.planId}/reporting-periods/proposals`);
    expect(proposals.status).toBe(200);
    const items = (
      proposals.body as { items: { kind: string; year: number; dueOn: string; dataClosingOn: string }[] }
    ).items;
    expect(items.find((p) => p.kind === 'annual' && p.year === 2021)).toMatchObject({
      dueOn: '2021-12-15',
      dataClosingOn: '2021-12-14',
    });
    expect(items.filter((p) => p.kind !== 'annual').map((p) => `${p.kind}:${p.year}`)).toEqual([
      'mid_term:2023',
      'final:2025',
    ]);

    const dueOn = daysFromToday(20);
    const res = await coordinator.post(`/api/plans/${f.planId}/reporting-periods`, {
      kind: 'annual',
      year: THIS_YEAR,
      dueOn,
    });
    expect(res.status).toBe(201);
    period = res.body as Period;
    expect(period).toMatchObject({
      kind: 'annual',
      year: THIS_YEAR,
      state: 'open',
      dueOn,
      counts: { expected: 3, draft: 3 },
    });
    expect(period.title).toBe(`Báo cáo kết quả thực hiện năm ${THIS_YEAR}`);

    // Opening again is idempotent.
    const again = await coordinator.post(`/api/plans/${f.planId}/reporting-periods`, {
      kind: 'annual',
      year: THIS_YEAR,
    });
    expect(again.status).toBe(200);
    expect((again.body as Period).id).toBe(period.id);
    expect((again.body as Period).counts.expected).toBe(3);

    const list = await coordinator.get(`/api/reports?periodId=${period.id}`);
    const names = (list.body as { items: ReportSummary[] }).items.map((r) => [
      r.organisation.name,
      r.leadCount,
      r.supportCount,
    ]);
    expect(names).toEqual([
      ['Sở Công Thương thử', 0, 1],
      ['Sở Nông nghiệp thử', 3, 1],
      ['Sở Tài chính thử', 2, 1],
    ]);
  });

  it('splits the agency’s tasks into lead and support, with statuses', async () => {
    const mine = await stc.get(`/api/reports?periodId=${period.id}`);
    const items = (mine.body as { items: ReportSummary[] }).items;
    expect(items.map((r) => r.organisation.id)).toEqual([f.orgs.stc.id]);
    const res = await stc.get(`/api/reports/${items[0]!.id}`);
    expect(res.status).toBe(200);
    stcReport = res.body as ReportDetail;
    expect(stcReport.lead.map((e) => e.task.id)).toEqual([f.tasks.t1, f.tasks.t3]);
    expect(stcReport.support.map((e) => e.task.id)).toEqual([f.tasks.t2]);
    expect(stcReport.lead[0]!.status).toMatchObject({
      code: 'overdue',
      label: 'Quá hạn',
      dueDate: '2022-12-31',
    });
    expect(stcReport.can).toEqual({ edit: true, submit: true, review: false, direct: false });

    const snnReport = (await snn.get(`/api/reports?periodId=${period.id}`)).body as {
      items: ReportSummary[];
    };
    const detail = (await snn.get(`/api/reports/${snnReport.items[0]!.id}`)).body as ReportDetail;
    // The abolished district's continuous task passed to its successor.
    expect(detail.lead.map((e) => e.task.id)).toEqual([f.tasks.t2, f.tasks.t4, f.tasks.t5]);
  });

  it('saves drafts with optimistic locking: a stale version is a 409 that names the time', async () => {
    const [t1, t3] = stcReport.lead;
    const first = await stc.patch(`/api/reports/${stcReport.id}`, {
      version: stcReport.version,
      summary: '<p>Tóm tắt <script>alert(1)</script><strong>kết quả</strong></p>',
      entries: [{ id: t1!.id, progress: 'in_progress', result: '<p onclick="x()">Đang xây dựng</p>' }],
    });
    expect(first.status).toBe(200);
    const saved = first.body as ReportDetail;
    expect(saved.version).toBe(stcReport.version + 1);
    expect(saved.summary).toBe('<p>Tóm tắt <strong>kết quả</strong></p>');
    expect(saved.lead[0]).toMatchObject({ progress: 'in_progress', result: '<p>Đang xây dựng</p>' });

    const second = await stc.patch(`/api/reports/${stcReport.id}`, {
      version: saved.version,
      entries: [{ id: t3!.id, progress: 'in_progress', difficulties: 'Thiếu kinh phí' }],
    });
    expect(second.status).toBe(200);

    // A colleague still holding the first version does not overwrite silently.
    const stale = await stc2.patch(`/api/reports/${stcReport.id}`, {
      version: saved.version,
      summary: 'Ghi đè',
    });
    expect(stale.status).toBe(409);
    expect((stale.body as ErrorBody).error.message).toMatch(
      /^Báo cáo đã được người khác \(.+\) lưu lúc \d{2}:\d{2}; hãy tải lại/,
    );
    stcReport = second.body as ReportDetail;
    expect(stcReport.summary).toBe('<p>Tóm tắt <strong>kết quả</strong></p>');
  });

  it('attaches a product file; only readers of the report may download it', async () => {
    const up = await stc.upload(`/api/reports/${stcReport.id}/attachments`, 'QĐ 12.pdf', PDF);
    expect(up.status).toBe(201);
    const a = up.body as Attachment;
    expect(a).toMatchObject({ filename: 'QĐ 12.pdf', mediaType: 'application/pdf', size: PDF.length });
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);

    const fake = await stc.upload(
      `/api/reports/${stcReport.id}/attachments`,
      'gia.pdf',
      Buffer.from('MZ not a pdf'),
    );
    expect(fake.status).toBe(400);
    const exe = await stc.upload(`/api/reports/${stcReport.id}/attachments`, 'virus.exe', PDF);
    expect(exe.status).toBe(400);

    const saved = await stc.patch(`/api/reports/${stcReport.id}`, {
      version: stcReport.version,
      entries: [
        {
          id: stcReport.lead[0]!.id,
          progress: 'completed',
          completedOn: daysFromToday(-2),
          productNumber: '12/QĐ-UBND',
          productDate: daysFromToday(-2),
          productSummary: 'Quyết định ban hành đề án',
          attachmentId: a.id,
        },
      ],
    });
    expect(saved.status).toBe(200);
    stcReport = saved.body as ReportDetail;
    expect(stcReport.lead[0]!.attachment?.id).toBe(a.id);
    expect(stcReport.lead[0]!.status.code).toBe('done_late');

    const own = await stc.get(a.url);
    expect(own.status).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect((await coordinator.get(a.url)).status).toBe(200);
    expect((await snn.get(a.url)).status).toBe(403);
    expect((await s.agent().get(a.url)).status).toBe(401);
  });

  it('refuses to submit an incomplete report', async () => {
    const cleared = await stc.patch(`/api/reports/${stcReport.id}`, {
      version: stcReport.version,
      entries: [{ id: stcReport.lead[1]!.id, progress: null }],
    });
    expect(cleared.status).toBe(200);
    const incomplete = await stc.post(`/api/reports/${stcReport.id}/submit`, {
      version: (cleared.body as ReportDetail).version,
    });
    expect(incomplete.status).toBe(400);
    expect((incomplete.body as ErrorBody).error.message).toContain(
      'Nhiệm vụ 3: chưa chọn tình hình thực hiện',
    );
    const refilled = await stc.patch(`/api/reports/${stcReport.id}`, {
      version: (cleared.body as ReportDetail).version,
      entries: [{ id: stcReport.lead[1]!.id, progress: 'in_progress' }],
    });
    expect(refilled.status).toBe(200);
    stcReport = refilled.body as ReportDetail;
  });

  it('submits on time, the coordinator returns it with a reason, the agency resubmits', async () => {
    const fresh = (await stc.get(`/api/reports/${stcReport.id}`)).body as ReportDetail;
    const sub = await stc.post(`/api/reports/${stcReport.id}/submit`, { version: fresh.version });
    expect(sub.status).toBe(200);
    const submitted = sub.body as ReportDetail;
    expect(submitted).toMatchObject({ state: 'submitted', late: false, versionCount: 1 });
    expect(submitted.can.edit).toBe(false);

    const editSubmitted = await stc.patch(`/api/reports/${stcReport.id}`, {
      version: submitted.version,
      summary: 'x',
    });
    expect(editSubmitted.status).toBe(409);

    const noReason = await coordinator.post(`/api/reports/${stcReport.id}/return`, {
      version: submitted.version,
    });
    expect(noReason.status).toBe(400);
    const ret = await coordinator.post(`/api/reports/${stcReport.id}/return`, {
      version: submitted.version,
      reason: 'Bổ sung số liệu nhiệm vụ 3',
    });
    expect(ret.status).toBe(200);
    const returned = ret.body as ReportDetail;
    expect(returned).toMatchObject({ state: 'returned', returnedReason: 'Bổ sung số liệu nhiệm vụ 3' });

    const notes = await stc.get('/api/notifications');
    expect((notes.body as { items: { kind: string; body: string }[] }).items[0]).toMatchObject({
      kind: 'report_returned',
    });
    expect((notes.body as { items: { body: string }[] }).items[0]!.body).toContain(
      'Bổ sung số liệu nhiệm vụ 3',
    );

    const edited = await stc.patch(`/api/reports/${stcReport.id}`, {
      version: returned.version,
      proposals: 'Đề nghị bố trí kinh phí',
      entries: [{ id: returned.lead[1]!.id, result: '<p>Đã hoàn thành 80%</p>' }],
    });
    expect(edited.status).toBe(200);
    const re = await stc.post(`/api/reports/${stcReport.id}/submit`, {
      version: (edited.body as ReportDetail).version,
    });
    expect(re.status).toBe(200);
    stcReport = re.body as ReportDetail;
    expect(stcReport).toMatchObject({ state: 'submitted', late: false, versionCount: 2 });
  });

  it('keeps every version and compares the last two', async () => {
    const list = await coordinator.get(`/api/reports/${stcReport.id}/versions`);
    expect((list.body as { items: { versionNo: number }[] }).items.map((v) => v.versionNo)).toEqual([2, 1]);
    const v1 = await stc.get(`/api/reports/${stcReport.id}/versions/1`);
    expect(v1.status).toBe(200);
    expect((v1.body as { snapshot: { proposals: string | null } }).snapshot.proposals).toBeNull();

    const cmp = await coordinator.get(`/api/reports/${stcReport.id}/versions/compare`);
    expect(cmp.status).toBe(200);
    const changes = (cmp.body as { changes: { path: string; before: string | null; after: string | null }[] })
      .changes;
    expect(changes).toEqual([
      expect.objectContaining({ path: 'proposals', before: null, after: 'Đề nghị bố trí kinh phí' }),
      expect.objectContaining({ path: `entries.${f.tasks.t3}.result`, after: '<p>Đã hoàn thành 80%</p>' }),
    ]);
    expect((await coordinator.get(`/api/reports/${stcReport.id}/versions/compare?from=1&to=9`)).status).toBe(
      404,
    );
  });

  it('accepts the report, which locks it', async () => {
    const acc = await coordinator.post(`/api/reports/${stcReport.id}/accept`, { version: stcReport.version });
    expect(acc.status).toBe(200);
    stcReport = acc.body as ReportDetail;
    expect(stcReport.state).toBe('accepted');
    expect(stcReport.acceptedAt).not.toBeNull();

    const edit = await stc.patch(`/api/reports/${stcReport.id}`, {
      version: stcReport.version,
      summary: 'sửa',
    });
    expect(edit.status).toBe(409);
    expect((edit.body as ErrorBody).error.message).toContain('đã khóa');
    expect(
      (await stc.post(`/api/reports/${stcReport.id}/submit`, { version: stcReport.version })).status,
    ).toBe(409);
    expect(
      (await coordinator.post(`/api/reports/${stcReport.id}/accept`, { version: stcReport.version })).status,
    ).toBe(409);
    expect(
      (
        await coordinator.post(`/api/reports/${stcReport.id}/return`, {
          version: stcReport.version,
          reason: 'Trả lại lần nữa',
        })
      ).status,
    ).toBe(409);
    expect((await stc.upload(`/api/reports/${stcReport.id}/attachments`, 'a.pdf', PDF)).status).toBe(409);

    // Accepted reports are readable by other agencies' reporters.
    expect((await snn.get(`/api/reports/${stcReport.id}`)).status).toBe(200);
    const accNote = (await stc.get('/api/notifications?unreadOnly=true')).body as {
      items: { kind: string }[];
      unread: number;
    };
    expect(accNote.items[0]!.kind).toBe('report_accepted');
  });

  it('records a late submission against the due date', async () => {
    const past = await coordinator.post(`/api/plans/${f.planId}/reporting-periods`, {
      kind: 'annual',
      year: THIS_YEAR - 1,
      dueOn: daysFromToday(-3),
    });
    expect(past.status).toBe(201);
    const reports = (await snn.get(`/api/reports?periodId=${(past.body as Period).id}`)).body as {
      items: ReportSummary[];
    };
    const r = (await snn.get(`/api/reports/${reports.items[0]!.id}`)).body as ReportDetail;
    const saved = await snn.patch(`/api/reports/${r.id}`, {
      version: r.version,
      entries: r.lead.map((e) => ({ id: e.id, progress: 'in_progress' })),
    });
    const sub = await snn.post(`/api/reports/${r.id}/submit`, {
      version: (saved.body as ReportDetail).version,
    });
    expect(sub.status).toBe(200);
    expect(sub.body).toMatchObject({ state: 'submitted', late: true });
    const versions = (await snn.get(`/api/reports/${r.id}/versions`)).body as { items: { late: boolean }[] };
    expect(versions.items[0]!.late).toBe(true);
  });

  it('reports the reporting rate per period and per agency', async () => {
    const res = await leader.get(`/api/reporting-periods/${period.id}/rates`);
    expect(res.status).toBe(200);
    const body = res.body as {
      totals: Record<string, number | null>;
      agencies: { organisation: { name: string }; state: string }[];
    };
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

    const plan = await coordinator.get(`/api/plans/${f.planId}/reporting-rates`);
    expect(plan.status).toBe(200);
    const p = plan.body as {
      periods: { totals: { submitted: number } }[];
      agencies: { organisation: { name: string }; rate: { expected: number; submittedOnTime: number } }[];
    };
    expect(p.periods.length).toBe(2);
    const snnRate = p.agencies.find((a) => a.organisation.name === 'Sở Nông nghiệp thử')!;
    expect(snnRate.rate).toMatchObject({ expected: 2, submittedOnTime: 0 });
  });

  it('computes task statuses from submitted and accepted entries, and shows a task’s history', async () => {
    const res = await leader.get(`/api/plans/${f.planId}/task-statuses?year=${THIS_YEAR}`);
    expect(res.status).toBe(200);
    const body = res.body as {
      summary: Record<string, number>;
      items: { task: { id: number }; status: { code: string } }[];
    };
    const byTask = new Map(body.items.map((i) => [i.task.id, i.status.code]));
    expect(byTask.get(f.tasks.t1)).toBe('done_late');
    expect(byTask.get(f.tasks.t3)).toBe('overdue');
    // T4 (due 2030) was reported in progress in last year's period.
    expect(byTask.get(f.tasks.t4)).toBe('in_progress_on_time');
    // T5 (continuous) has no report this year, but this year's report is not due yet.
    expect(byTask.get(f.tasks.t5)).toBe('not_due');
    expect(body.summary.total).toBe(5);
    expect(body.summary.done_late).toBe(1);

    const filtered = await leader.get(
      `/api/plans/${f.planId}/task-statuses?year=${THIS_YEAR}&status=overdue`,
    );
    expect((filtered.body as { items: unknown[] }).items.length).toBe(
      (filtered.body as { total: number }).total,
    );

    const hist = await coordinator.get(`/api/tasks/${f.tasks.t1}/history`);
    expect(hist.status).toBe(200);
    const h = hist.body as {
      current: { code: string };
      entries: { organisation: { name: string }; role: string; status: { code: string } }[];
    };
    expect(h.current.code).toBe('done_late');
    expect(h.entries.map((e) => [e.organisation.name, e.role])).toContainEqual(['Sở Tài chính thử', 'lead']);
    // Another agency's reporter sees the accepted entry, not other agencies' drafts.
    const other = (await snn.get(`/api/tasks/${f.tasks.t1}/history`)).body as {
      entries: { organisation: { name: string } }[];
    };
    expect(
      other.entries.every(
        (e) => e.organisation.name === 'Sở Tài chính thử' || e.organisation.name === 'Sở Nông nghiệp thử',
      ),
    ).toBe(true);
  });

  it('lets leaders leave directives on a report and on a task; the agency is notified', async () => {
    const d = await leader.post(`/api/reports/${stcReport.id}/directives`, {
      text: 'Đề nghị Sở Tài chính đẩy nhanh tiến độ.',
    });
    expect(d.status).toBe(201);
    expect(d.body as Directive).toMatchObject({ target: 'report', reportId: stcReport.id });
    const t = await leader.post(`/api/tasks/${f.tasks.t3}/directives`, { text: 'Hoàn thành trong quý I.' });
    expect(t.status).toBe(201);
    const list = await stc.get(`/api/reports/${stcReport.id}/directives`);
    expect((list.body as { items: Directive[] }).items.map((x) => x.text)).toEqual([
      'Đề nghị Sở Tài chính đẩy nhanh tiến độ.',
    ]);
    expect(
      ((await coordinator.get(`/api/tasks/${f.tasks.t3}/directives`)).body as { total: number }).total,
    ).toBe(1);
    const notes = (await stc.get('/api/notifications')).body as { items: { kind: string }[] };
    expect(notes.items.filter((n) => n.kind === 'directive').length).toBe(2);
  });

  it('extends, closes and reopens a period; a closed period cannot be edited', async () => {
    const newDue = daysFromToday(40);
    const ext = await coordinator.post(`/api/reporting-periods/${period.id}/extend`, {
      dueOn: newDue,
      reason: 'Chờ số liệu cả năm',
    });
    expect(ext.status).toBe(200);
    expect((ext.body as Period).extensions).toEqual([
      expect.objectContaining({ fromDueOn: period.dueOn, toDueOn: newDue, reason: 'Chờ số liệu cả năm' }),
    ]);
    expect(
      (
        await coordinator.post(`/api/reporting-periods/${period.id}/extend`, {
          dueOn: period.dueOn,
          reason: 'Lùi hạn',
        })
      ).status,
    ).toBe(400);
    const closed = await coordinator.post(`/api/reporting-periods/${period.id}/close`);
    expect((closed.body as Period).state).toBe('closed');
    const snnReports = (await snn.get(`/api/reports?periodId=${period.id}`)).body as {
      items: ReportSummary[];
    };
    const mine = snnReports.items.find((r) => r.organisation.name === 'Sở Nông nghiệp thử')!;
    const edit = await snn.patch(`/api/reports/${mine.id}`, { version: mine.version, summary: 'x' });
    expect(edit.status).toBe(409);
    expect((edit.body as ErrorBody).error.message).toContain('Kỳ báo cáo đã đóng');
    expect((await coordinator.post(`/api/reporting-periods/${period.id}/reopen`)).status).toBe(200);
    expect((await snn.patch(`/api/reports/${mine.id}`, { version: mine.version, summary: 'x' })).status).toBe(
      200,
    );
  });

  it('adds reports for tasks added after opening (refresh is idempotent)', async () => {
    const t = await s.ctx.db
      .insertInto('tasks')
      .values({
        plan_id: f.planId,
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
        organisation_id: f.orgs.tinh.id,
        group_key: null,
      })
      .execute();
    const r1 = await coordinator.post(`/api/reporting-periods/${period.id}/refresh`);
    expect((r1.body as Period).counts.expected).toBe(4);
    const r2 = await coordinator.post(`/api/reporting-periods/${period.id}/refresh`);
    expect((r2.body as Period).counts.expected).toBe(4);
  });

  it('lists periods with counts and records every change in the audit log', async () => {
    const list = await leader.get(`/api/plans/${f.planId}/reporting-periods`);
    expect((list.body as { items: Period[] }).items.length).toBe(2);
    const actions = await s.ctx.db
      .selectFrom('audit_log')
      .select('action')
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
  });
});

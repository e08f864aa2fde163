import { afterAll, beforeAll, expect, it } from 'vitest';
import { notificationListResponseSchema } from '../../../shared/contracts/notifications';
import type { Attachment, Period, ReportDetail } from '../../../shared/contracts/reporting';
import {
  attachmentSchema,
  periodSchema,
  reportDetailSchema,
  reportListResponseSchema,
  taskHistoryResponseSchema,
} from '../../../shared/contracts/reporting';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody } from '../../test/expect-body';
import { type Agent, startTestServer, type TestServer } from '../../test/http-agent';
import { daysFromToday, reportingFixture, THIS_YEAR } from './test-fixture';

type Fixture = Awaited<ReturnType<typeof reportingFixture>>;
type Call = { method: 'GET' | 'POST' | 'PATCH'; url: string; body?: unknown; upload?: boolean };

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

describeEachDatabase('reporting access rules', (dialect) => {
  let s: TestServer;
  let f: Fixture;
  let coordinator: Agent;
  let stc: Agent;
  let snn: Agent;
  let leader: Agent;
  let admin: Agent;
  let period: Period;
  let draft: ReportDetail; // STC's draft
  let submitted: ReportDetail; // SNN's submitted report
  let attachment: Attachment;

  async function call(agent: Agent, c: Call) {
    if (c.upload) return agent.upload(c.url, 'qd.pdf', PDF);
    return agent.request(c.method, c.url, c.body ?? (c.method === 'GET' ? undefined : {}));
  }

  beforeAll(async () => {
    s = await startTestServer(dialect);
    f = await reportingFixture(s);
    coordinator = await s.loginAs(f.users.coordinator);
    stc = await s.loginAs(f.users.stcReporter);
    snn = await s.loginAs(f.users.snnReporter);
    leader = await s.loginAs(f.users.leader);
    admin = await s.loginAs(f.users.admin);
    const opened = await coordinator.post(`/api/plans/${f.planId}/reporting-periods`, {
      kind: 'annual',
      year: THIS_YEAR,
      dueOn: daysFromToday(10),
    });
    if (opened.status !== 201) throw new Error(JSON.stringify(opened.body));
    period = expectBody(opened, periodSchema);
    const listed = await coordinator.get(`/api/reports?periodId=${period.id}`);
    if (listed.status !== 200) throw new Error(JSON.stringify(listed.body));
    const reports = expectBody(listed, reportListResponseSchema).items;
    const stcId = reports.find((r) => r.organisation.id === f.orgs.stc.id)!.id;
    const snnId = reports.find((r) => r.organisation.id === f.orgs.snn.id)!.id;
    attachment = expectBody(
      await stc.upload(`/api/reports/${stcId}/attachments`, 'qd.pdf', PDF),
      attachmentSchema,
    );
    draft = expectBody(await stc.get(`/api/reports/${stcId}`), reportDetailSchema);
    const snnDraft = expectBody(await snn.get(`/api/reports/${snnId}`), reportDetailSchema);
    const saved = expectBody(
      await snn.patch(`/api/reports/${snnId}`, {
        version: snnDraft.version,
        entries: snnDraft.lead.map((e) => ({ id: e.id, progress: 'in_progress' })),
      }),
      reportDetailSchema,
    );
    submitted = expectBody(
      await snn.post(`/api/reports/${snnId}/submit`, { version: saved.version }),
      reportDetailSchema,
    );
    expect(submitted.state).toBe('submitted');
  });
  afterAll(async () => s?.close());

  const draftCalls = (): Record<string, Call> => ({
    read: { method: 'GET', url: `/api/reports/${draft.id}` },
    save: {
      method: 'PATCH',
      url: `/api/reports/${draft.id}`,
      body: { version: draft.version, summary: 'x' },
    },
    submit: { method: 'POST', url: `/api/reports/${draft.id}/submit`, body: { version: draft.version } },
    versions: { method: 'GET', url: `/api/reports/${draft.id}/versions` },
    version: { method: 'GET', url: `/api/reports/${draft.id}/versions/1` },
    compare: { method: 'GET', url: `/api/reports/${draft.id}/versions/compare` },
    upload: { method: 'POST', url: `/api/reports/${draft.id}/attachments`, upload: true },
    download: { method: 'GET', url: `/api/attachments/${attachment.id}` },
    directives: { method: 'GET', url: `/api/reports/${draft.id}/directives` },
    direct: { method: 'POST', url: `/api/reports/${draft.id}/directives`, body: { text: 'Chỉ đạo thử' } },
  });

  const reviewCalls = (): Record<string, Call> => ({
    accept: {
      method: 'POST',
      url: `/api/reports/${submitted.id}/accept`,
      body: { version: submitted.version },
    },
    return: {
      method: 'POST',
      url: `/api/reports/${submitted.id}/return`,
      body: { version: submitted.version, reason: 'Lý do trả lại' },
    },
  });

  const periodCalls = (): Record<string, Call> => ({
    open: {
      method: 'POST',
      url: `/api/plans/${f.planId}/reporting-periods`,
      body: { kind: 'annual', year: 2024 },
    },
    proposals: { method: 'GET', url: `/api/plans/${f.planId}/reporting-periods/proposals` },
    extend: {
      method: 'POST',
      url: `/api/reporting-periods/${period.id}/extend`,
      body: { dueOn: daysFromToday(30), reason: 'Gia hạn thử' },
    },
    close: { method: 'POST', url: `/api/reporting-periods/${period.id}/close` },
    reopen: { method: 'POST', url: `/api/reporting-periods/${period.id}/reopen` },
    refresh: { method: 'POST', url: `/api/reporting-periods/${period.id}/refresh` },
  });

  const monitorCalls = (): Record<string, Call> => ({
    periodRates: { method: 'GET', url: `/api/reporting-periods/${period.id}/rates` },
    planRates: { method: 'GET', url: `/api/plans/${f.planId}/reporting-rates` },
  });

  it('answers 401 to anonymous callers on every endpoint', async () => {
    const anon = s.agent();
    const all: Call[] = [
      ...Object.values(draftCalls()),
      ...Object.values(reviewCalls()),
      ...Object.values(periodCalls()),
      ...Object.values(monitorCalls()),
      { method: 'GET', url: `/api/plans/${f.planId}/reporting-periods` },
      { method: 'GET', url: `/api/reporting-periods/${period.id}` },
      { method: 'GET', url: '/api/reports' },
      { method: 'GET', url: `/api/plans/${f.planId}/task-statuses` },
      { method: 'GET', url: `/api/tasks/${f.tasks.t1}/history` },
      { method: 'GET', url: `/api/tasks/${f.tasks.t1}/directives` },
      { method: 'POST', url: `/api/tasks/${f.tasks.t1}/directives`, body: { text: 'Chỉ đạo' } },
      { method: 'GET', url: '/api/notifications' },
      { method: 'POST', url: '/api/notifications/read-all' },
    ];
    for (const c of all) expect([c.url, (await call(anon, c)).status]).toEqual([c.url, 401]);
  });

  it('keeps another agency’s draft from a reporter: no read, save, submit, versions, files or directives', async () => {
    for (const [name, c] of Object.entries(draftCalls())) {
      if (name === 'direct') continue; // reporters may not direct at all (below)
      expect([name, (await call(snn, c)).status]).toEqual([name, 403]);
    }
    const list = expectBody(await snn.get(`/api/reports?periodId=${period.id}`), reportListResponseSchema);
    expect(list.items.map((r) => r.organisation.id)).toEqual([f.orgs.snn.id]);
    const hist = expectBody(await snn.get(`/api/tasks/${f.tasks.t1}/history`), taskHistoryResponseSchema);
    expect(hist.entries.some((e) => e.organisation.id === f.orgs.stc.id)).toBe(false);
  });

  it('lets a reporter neither review, open or manage periods, see rates nor leave directives', async () => {
    for (const [name, c] of Object.entries({ ...reviewCalls(), ...periodCalls(), ...monitorCalls() })) {
      expect([name, (await call(snn, c)).status]).toEqual([name, 403]);
      expect([name, (await call(stc, c)).status]).toEqual([name, 403]);
    }
    expect((await call(stc, draftCalls().direct!)).status).toBe(403);
    expect((await stc.post(`/api/tasks/${f.tasks.t1}/directives`, { text: 'Chỉ đạo thử' })).status).toBe(403);
  });

  it('lets a leader read and direct but never edit, submit, upload, review or manage periods', async () => {
    const calls = draftCalls();
    expect((await call(leader, calls.read!)).status).toBe(200);
    expect((await call(leader, calls.download!)).status).toBe(200);
    for (const name of ['save', 'submit', 'upload'] as const) {
      expect([name, (await call(leader, calls[name]!)).status]).toEqual([name, 403]);
    }
    for (const [name, c] of Object.entries({ ...reviewCalls(), ...periodCalls() })) {
      expect([name, (await call(leader, c)).status]).toEqual([name, 403]);
    }
    expect((await call(leader, monitorCalls().periodRates!)).status).toBe(200);
  });

  it('lets a coordinator read and review but not write an agency’s content or direct', async () => {
    const calls = draftCalls();
    expect((await call(coordinator, calls.read!)).status).toBe(200);
    for (const name of ['save', 'submit', 'upload', 'direct'] as const) {
      expect([name, (await call(coordinator, calls[name]!)).status]).toEqual([name, 403]);
    }
    // A draft cannot be accepted.
    expect(
      (await coordinator.post(`/api/reports/${draft.id}/accept`, { version: draft.version })).status,
    ).toBe(409);
  });

  it('shows another agency’s submitted report to a reporter only once accepted', async () => {
    expect((await stc.get(`/api/reports/${submitted.id}`)).status).toBe(403);
    expect((await stc.get(`/api/reports/${submitted.id}/versions/1`)).status).toBe(403);
    expect((await leader.get(`/api/reports/${submitted.id}/versions/1`)).status).toBe(200);
  });

  it('keeps the administrator out of agencies’ reports', async () => {
    expect((await admin.get(`/api/plans/${f.planId}/reporting-periods`)).status).toBe(403);
    expect((await admin.get(`/api/reporting-periods/${period.id}`)).status).toBe(403);
    expect((await admin.get(`/api/tasks/${f.tasks.t1}/history`)).status).toBe(403);
    expect((await admin.post(`/api/tasks/${f.tasks.t1}/directives`, { text: 'Chỉ đạo thử' })).status).toBe(
      403,
    );
    expect((await admin.get('/api/reports')).status).toBe(403);
    expect((await call(admin, draftCalls().read!)).status).toBe(403);
    expect((await call(admin, draftCalls().download!)).status).toBe(403);
  });

  it('keeps notifications private to their user', async () => {
    const coordNotes = expectBody(
      await coordinator.get('/api/notifications'),
      notificationListResponseSchema,
    );
    const submittedNote = coordNotes.items.find((n) => n.kind === 'report_submitted')!;
    expect(submittedNote).toBeDefined();
    expect((await stc.post(`/api/notifications/${submittedNote.id}/read`)).status).toBe(404);
    const read = await coordinator.post(`/api/notifications/${submittedNote.id}/read`);
    expect(read.status).toBe(200);
  });

  it('answers 404 for reports that do not exist', async () => {
    expect((await coordinator.get('/api/reports/999999')).status).toBe(404);
    expect((await coordinator.get('/api/attachments/999999')).status).toBe(404);
  });
});

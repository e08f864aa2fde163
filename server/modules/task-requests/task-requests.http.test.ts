import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditListResponseSchema } from '../../../shared/contracts/audit';
import { notificationListResponseSchema } from '../../../shared/contracts/notifications';
import { revisionListSchema } from '../../../shared/contracts/plan-revisions';
import { planTaskViewSchema, taskListResponseSchema } from '../../../shared/contracts/plans';
import {
  type CreateTaskRequest,
  taskRequestFileSchema,
  taskRequestListSchema,
  taskRequestQueueSchema,
  taskRequestSchema,
} from '../../../shared/contracts/task-requests';
import { formatDateVi } from '../../../shared/domain/task-status/calendar';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody, expectError } from '../../test/expect-body';
import { buildLoggedIn } from '../../test/factories';
import type { Agent, TestServer } from '../../test/http-agent';
import { startTestServer } from '../../test/http-agent';
import { buildReportingWorld, daysFromToday, type ReportingWorld } from '../../test/reporting-world';

/*
 * Issue 13, item 4: a task's lead agency asks to extend the deadline or hand the task to another lead;
 * the plan's consolidating coordinators approve (a plan revision citing the request) or refuse; the
 * decision is recorded, audited and notified. Supporting agencies, other agencies, leaders and
 * coordinators of another agency are refused in Vietnamese.
 */
describeEachDatabase('requests from agencies', (dialect) => {
  let s: TestServer;
  let w: ReportingWorld;
  let otherCoordinator: Agent;
  let admin: Agent;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    w = await buildReportingWorld(s);
    otherCoordinator = (await buildLoggedIn(s, { role: 'coordinator', organisationId: w.orgs.stc.id })).agent;
    admin = (await buildLoggedIn(s, { role: 'admin' })).agent;
  });
  afterAll(async () => s?.close());

  const file = (agent: Agent, taskId: number, body: CreateTaskRequest) =>
    agent.post(`/api/tasks/${taskId}/requests`, body);
  const decide = (agent: Agent, requestId: number, body: object) =>
    agent.post(`/api/plans/${w.planId}/task-requests/${requestId}/decision`, body);
  const task = async (taskId: number) =>
    expectBody(await w.as.leader.get(`/api/plans/${w.planId}/tasks/${taskId}`), planTaskViewSchema);
  const notifications = async (agent: Agent) =>
    expectBody(await agent.get('/api/notifications?pageSize=50'), notificationListResponseSchema).items;
  const newDeadline = daysFromToday(400);

  describe('a deadline extension', () => {
    let requestId: number;

    it('is filed by the lead agency and waits in the coordinator’s queue with a notification', async () => {
      const filed = expectBody(
        await file(w.as.stc, w.tasks.t1, {
          kind: 'extend',
          newDeadline,
          reason: 'Chờ ý kiến thẩm định của Bộ Tài chính',
        }),
        taskRequestSchema,
        201,
      );
      requestId = filed.id;
      expect(filed.state).toBe('pending');
      expect(filed.summary).toBe(`Gia hạn đến ${formatDateVi(newDeadline)}`);
      expect(filed.organisation.name).toBe('Sở Tài chính thử');

      const queue = expectBody(await w.as.coordinator.get('/api/task-requests'), taskRequestQueueSchema);
      expect(queue.counts.pending).toBe(1);
      expect(queue.items.map((r) => [r.id, r.canDecide])).toEqual([[requestId, true]]);
      const told = (await notifications(w.as.coordinator)).find((n) => n.kind === 'task_request_filed');
      expect(told?.title).toContain('Đề nghị về nhiệm vụ 1');
      expect(told?.body).toContain('Chờ ý kiến thẩm định của Bộ Tài chính');
      expect(told?.link).toBe(`/ke-hoach/${w.planId}/nhiem-vu/${w.tasks.t1}`);

      // Another coordinator's agency does not consolidate this plan: nothing in its queue.
      const other = expectBody(await otherCoordinator.get('/api/task-requests'), taskRequestQueueSchema);
      expect(other.counts.pending).toBe(0);
    });

    it('is one pending request per task and kind', async () => {
      const err = expectError(
        await file(w.as.stc2, w.tasks.t1, { kind: 'extend', newDeadline, reason: 'Gửi lại' }),
        409,
      );
      expect(err.message).toContain('đang chờ duyệt');
    });

    it('is refused to supporting and other agencies, leaders and administrators', async () => {
      // SNN supports T1 through "Các sở, ban, ngành"; STC supports T2.
      const support = expectError(
        await file(w.as.snn, w.tasks.t1, { kind: 'extend', newDeadline, reason: 'Thử' }),
        403,
      );
      expect(support.message).toBe(
        'Chỉ Sở Tài chính thử (cơ quan chủ trì nhiệm vụ) được gửi đề nghị về nhiệm vụ này; cơ quan phối hợp và cơ quan khác không gửi được.',
      );
      expectError(await file(w.as.stc, w.tasks.t2, { kind: 'extend', newDeadline, reason: 'Thử' }), 403);
      const leader = expectError(
        await file(w.as.leader, w.tasks.t1, { kind: 'extend', newDeadline, reason: 'Thử' }),
        403,
      );
      expect(leader.message).toContain('Chỉ cán bộ của cơ quan chủ trì');
      expectError(await file(admin, w.tasks.t1, { kind: 'extend', newDeadline, reason: 'Thử' }), 403);
      // The task page offers the button only to the lead's users.
      const asStc = expectBody(
        await w.as.stc.get(`/api/tasks/${w.tasks.t1}/requests`),
        taskRequestListSchema,
      );
      const asSnn = expectBody(
        await w.as.snn.get(`/api/tasks/${w.tasks.t1}/requests`),
        taskRequestListSchema,
      );
      expect([asStc.canFile, asSnn.canFile]).toEqual([true, false]);
      expect(asSnn.items[0]?.canDecide).toBe(false);
    });

    it('checks the date and the reason', async () => {
      const past = expectError(
        await file(w.as.stc, w.tasks.t3, { kind: 'extend', newDeadline: daysFromToday(-1), reason: 'Thử' }),
        400,
      );
      expect(past.message).toContain('Thời hạn đề nghị phải sau hôm nay');
      const noReason = expectError(
        await file(w.as.stc, w.tasks.t3, { kind: 'extend', newDeadline, reason: '  ' }),
        400,
      );
      expect(JSON.stringify(noReason)).toContain('Hãy ghi lý do đề nghị gia hạn');
    });

    it('is decided only by the consolidating agency’s coordinators and administrators', async () => {
      const other = expectError(await decide(otherCoordinator, requestId, { decision: 'approve' }), 403);
      expect(other.message).toContain('Chỉ cán bộ tổng hợp của Sở Công Thương thử');
      expectError(await decide(w.as.stc, requestId, { decision: 'approve' }), 403);
      expectError(await decide(w.as.leader, requestId, { decision: 'approve' }), 403);
      expect((await task(w.tasks.t1)).deadline.text).toBe('2022');
    });

    it('once approved, changes the deadline as a revision citing the request, and tells the agency', async () => {
      const approved = expectBody(
        await decide(w.as.coordinator, requestId, { decision: 'approve', reason: 'Đồng ý gia hạn' }),
        taskRequestSchema,
      );
      expect(approved.state).toBe('approved');
      expect(approved.decision?.reason).toBe('Đồng ý gia hạn');
      expect(approved.decision?.by).toBeTruthy();
      expect(approved.revisionId).not.toBeNull();

      const t = await task(w.tasks.t1);
      expect(t.deadline.text).toBe(formatDateVi(newDeadline));
      expect(t.deadline.to).toBe(newDeadline);
      // No longer overdue: the stored status was re-judged with the new deadline.
      const listed = expectBody(
        await w.as.leader.get(`/api/plans/${w.planId}/tasks?pageSize=200`),
        taskListResponseSchema,
      );
      expect(listed.items.find((x) => x.id === w.tasks.t1)?.status.code).not.toBe('overdue');

      const history = expectBody(
        await w.as.stc.get(`/api/plans/${w.planId}/tasks/${w.tasks.t1}/revisions`),
        revisionListSchema,
      );
      const revision = history.items.find((r) => r.id === approved.revisionId)!;
      expect(revision.reason).toContain('Theo đề nghị của Sở Tài chính thử');
      expect(revision.reason).toContain('Chờ ý kiến thẩm định của Bộ Tài chính');
      expect(revision.changes.map((c) => [c.before, c.after])).toEqual([['2022', formatDateVi(newDeadline)]]);

      for (const agent of [w.as.stc, w.as.stc2]) {
        const n = (await notifications(agent)).find((x) => x.kind === 'task_request_decided');
        expect(n?.title).toContain('Đề nghị được chấp thuận');
        expect(n?.body).toContain('Đồng ý gia hạn');
      }
      expect((await notifications(w.as.snn)).some((x) => x.kind === 'task_request_decided')).toBe(false);

      const audit = expectBody(
        await admin.get(`/api/audit?entity=task&entityId=${w.tasks.t1}`),
        auditListResponseSchema,
      );
      expect(audit.items.map((a) => a.actionLabel)).toEqual(
        expect.arrayContaining([
          'Gửi đề nghị gia hạn, chuyển chủ trì nhiệm vụ',
          'Chấp thuận đề nghị về nhiệm vụ',
          'Sửa kế hoạch đã ban hành',
        ]),
      );

      // Decided once: a second decision is a conflict, and the queue is empty.
      expectError(await decide(w.as.coordinator, requestId, { decision: 'refuse', reason: 'Thử' }), 409);
      const queue = expectBody(await w.as.coordinator.get('/api/task-requests'), taskRequestQueueSchema);
      expect(queue.counts).toEqual({ pending: 0, approved: 1, refused: 0 });
    });
  });

  describe('handing a task to another lead', () => {
    it('refused: nothing changes, the reason is recorded and the agency told', async () => {
      const filed = expectBody(
        await file(w.as.stc, w.tasks.t3, {
          kind: 'reassign',
          newLeadOrganisationId: w.orgs.snn.id,
          reason: 'Nội dung thuộc lĩnh vực nông nghiệp',
        }),
        taskRequestSchema,
        201,
      );
      expect(filed.summary).toBe('Chuyển chủ trì sang Sở Nông nghiệp thử');
      const noReason = expectError(await decide(w.as.coordinator, filed.id, { decision: 'refuse' }), 400);
      expect(JSON.stringify(noReason)).toContain('Hãy ghi lý do không chấp thuận');
      const refused = expectBody(
        await decide(w.as.coordinator, filed.id, { decision: 'refuse', reason: 'Giữ nguyên phân công' }),
        taskRequestSchema,
      );
      expect(refused.state).toBe('refused');
      expect(refused.revisionId).toBeNull();
      const t = await task(w.tasks.t3);
      expect(t.leads.map((a) => a.text)).toEqual(['Sở Tài chính thử']);
      const history = expectBody(
        await w.as.stc.get(`/api/plans/${w.planId}/tasks/${w.tasks.t3}/revisions`),
        revisionListSchema,
      );
      expect(history.items).toEqual([]);
      const n = (await notifications(w.as.stc)).find((x) => x.title.includes('không được chấp thuận'));
      expect(n?.body).toContain('Giữ nguyên phân công');
      const list = expectBody(
        await w.as.leader.get(`/api/tasks/${w.tasks.t3}/requests`),
        taskRequestListSchema,
      );
      expect(list.items.map((r) => [r.state, r.decision?.reason])).toEqual([
        ['refused', 'Giữ nguyên phân công'],
      ]);
    });

    it('approved by an administrator: the new agency leads, and the old one may no longer file', async () => {
      const filed = expectBody(
        await file(w.as.stc, w.tasks.t3, {
          kind: 'reassign',
          newLeadOrganisationId: w.orgs.snn.id,
          reason: 'Theo chức năng sau sắp xếp',
        }),
        taskRequestSchema,
        201,
      );
      expectBody(await decide(admin, filed.id, { decision: 'approve' }), taskRequestSchema);
      const t = await task(w.tasks.t3);
      expect(t.leads.map((a) => [a.text, a.organisationId])).toEqual([['Sở Nông nghiệp thử', w.orgs.snn.id]]);
      expectError(await file(w.as.stc, w.tasks.t3, { kind: 'extend', newDeadline, reason: 'Thử' }), 403);
      expectBody(
        await file(w.as.snn, w.tasks.t3, { kind: 'extend', newDeadline, reason: 'Cần thêm thời gian' }),
        taskRequestSchema,
        201,
      );
    });
  });

  /*
   * The side menu's count of requests waiting for the user's decision reads the queue's counts (the
   * same scope as the queue); a request may carry the agency's document, which its parties download and
   * an approval's revision links.
   */
  describe('the count waiting for a decision and the agency’s document', () => {
    const letter = Buffer.from('%PDF-1.4\nCông văn đề nghị gia hạn\n%%EOF\n');
    const pending = async (agent: Agent) =>
      expectBody(await agent.get('/api/task-requests?state=pending'), taskRequestQueueSchema).counts.pending;
    let fileId: number;
    let requestId: number;
    let before: number;

    it('gives no count to those who do not decide', async () => {
      before = await pending(w.as.coordinator);
      expectError(await w.as.stc.get('/api/task-requests'), 403);
      expectError(await w.as.leader.get('/api/task-requests'), 403);
      expect(await pending(otherCoordinator)).toBe(0);
    });

    it('takes a PDF, DOCX, DOC or ODT from the lead agency only', async () => {
      const txt = expectError(
        await w.as.stc.upload(`/api/tasks/${w.tasks.t1}/request-files`, 'ghi-chu.txt', Buffer.from('x')),
        400,
      );
      expect(txt.message).toContain('phải là tệp PDF, DOCX, DOC hoặc ODT');
      expectError(
        await w.as.stc.upload(`/api/tasks/${w.tasks.t2}/request-files`, 'de-nghi.pdf', letter),
        403,
      );
      const up = expectBody(
        await w.as.stc.upload(`/api/tasks/${w.tasks.t1}/request-files`, 'Công văn đề nghị.pdf', letter),
        taskRequestFileSchema,
      );
      expect(up).toMatchObject({ filename: 'Công văn đề nghị.pdf', mediaType: 'application/pdf' });
      fileId = up.id;
      // Another agency cannot cite this upload.
      const stolen = expectError(
        await file(w.as.snn, w.tasks.t2, {
          kind: 'reassign',
          newLeadOrganisationId: w.orgs.sct.id,
          reason: 'Thử',
          fileId,
        }),
        400,
      );
      expect(stolen.message).toContain('Không tìm thấy văn bản đề nghị đã tải lên');
      // The same letter uploaded by a colleague is the same stored file (one row per content).
      const again = expectBody(
        await w.as.stc2.upload(`/api/tasks/${w.tasks.t1}/request-files`, 'ban-sao.pdf', letter),
        taskRequestFileSchema,
      );
      expect(again.id).toBe(fileId);
    });

    it('counts a filed request for the coordinator, who sees and downloads its document', async () => {
      const filed = expectBody(
        await file(w.as.stc, w.tasks.t1, {
          kind: 'extend',
          newDeadline: daysFromToday(500),
          reason: 'Theo công văn đính kèm',
          fileId,
        }),
        taskRequestSchema,
        201,
      );
      requestId = filed.id;
      expect(filed.file?.filename).toBe('Công văn đề nghị.pdf');
      expect(await pending(w.as.coordinator)).toBe(before + 1);
      const queue = expectBody(await w.as.coordinator.get('/api/task-requests'), taskRequestQueueSchema);
      expect(queue.items.find((r) => r.id === requestId)?.file?.id).toBe(fileId);

      for (const agent of [w.as.coordinator, w.as.stc2, admin]) {
        const res = await agent.get(`/api/task-requests/${requestId}/file`);
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toContain('application/pdf');
        expect(String(res.headers['content-disposition'])).toContain(
          encodeURIComponent('Công văn đề nghị.pdf'),
        );
        expect(res.body).toBe(letter.toString());
      }
    });

    it('refuses the document to everyone else', async () => {
      // A coordinator of an agency that neither asked nor consolidates the plan.
      const bystander = (await buildLoggedIn(s, { role: 'coordinator', organisationId: w.orgs.huyen.id }))
        .agent;
      for (const agent of [w.as.snn, w.as.leader, bystander]) {
        const err = expectError(await agent.get(`/api/task-requests/${requestId}/file`), 403);
        expect(err.message).toContain('Văn bản đề nghị chỉ được xem bởi Sở Tài chính thử');
      }
      expectError(await s.agent().get(`/api/task-requests/${requestId}/file`), 401);
      // They still see the request on the task page, without the file.
      const list = expectBody(await w.as.snn.get(`/api/tasks/${w.tasks.t1}/requests`), taskRequestListSchema);
      const seen = list.items.find((r) => r.id === requestId);
      expect(seen?.reason).toBe('Theo công văn đính kèm');
      expect(seen?.file).toBeNull();
    });

    it('once approved, drops from the count and the revision links the document', async () => {
      const approved = expectBody(
        await decide(w.as.coordinator, requestId, { decision: 'approve' }),
        taskRequestSchema,
      );
      expect(await pending(w.as.coordinator)).toBe(before);
      const history = expectBody(
        await w.as.stc.get(`/api/plans/${w.planId}/tasks/${w.tasks.t1}/revisions`),
        revisionListSchema,
      );
      const revision = history.items.find((r) => r.id === approved.revisionId);
      expect(revision?.document?.number).toContain('Đề nghị của Sở Tài chính thử');
      expect(revision?.document?.file).toEqual({ id: fileId, filename: 'Công văn đề nghị.pdf' });
      const res = await w.as.stc.get(`/api/plans/${w.planId}/files/${fileId}`);
      expect(res.status).toBe(200);
      expect(res.body).toBe(letter.toString());
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDayResponseSchema, calendarResponseSchema } from '../../../shared/contracts/calendar';
import {
  type RevisionRequest,
  type RevisionTaskFields,
  revisionListSchema,
  revisionViewSchema,
} from '../../../shared/contracts/plan-revisions';
import {
  planDetailSchema,
  planTaskViewSchema,
  taskListResponseSchema,
} from '../../../shared/contracts/plans';
import { reportDetailSchema } from '../../../shared/contracts/reporting';
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
 * Issue 13: a confirmed plan is changed with a reason (and the amending document), each change kept as
 * a revision that the plan and the task show; a deadline change re-judges the task's stored status and
 * the task list (cached per data version) shows it at once; a removed task keeps its reports; only the
 * coordinators of the plan's consolidating agency and administrators change a plan.
 */
describeEachDatabase('plan revisions', (dialect) => {
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

  const revise = (agent: Agent, body: RevisionRequest, planId = w.planId) =>
    agent.post(`/api/plans/${planId}/revisions`, body);
  const task = async (taskId: number) =>
    expectBody(await w.as.leader.get(`/api/plans/${w.planId}/tasks/${taskId}`), planTaskViewSchema);
  const listed = async (agent: Agent = w.as.leader) =>
    expectBody(await agent.get(`/api/plans/${w.planId}/tasks?pageSize=200`), taskListResponseSchema);
  const fieldsOf = async (taskId: number): Promise<RevisionTaskFields> => {
    const t = await task(taskId);
    const agency = (a: (typeof t.leads)[number]) => ({
      text: a.text,
      organisationId: a.organisationId,
      groupKey: a.groupKey,
    });
    return {
      ordinal: t.ordinal,
      group: t.group,
      content: t.content,
      product: t.product,
      deadlineText: t.deadline.text,
      leads: t.leads.map(agency),
      coordinators: t.coordinators.map(agency),
    };
  };

  describe('a task edited with a reason', () => {
    it('changes the deadline, re-judges the stored status and the cached task list shows it', async () => {
      const before = (await listed()).items.find((t) => t.id === w.tasks.t1)!;
      expect(before.deadline.text).toBe('2022');
      expect(before.status.code).toBe('overdue');
      const fields = await fieldsOf(w.tasks.t1);
      const res = await revise(w.as.coordinator, {
        reason: 'Gia hạn theo đề nghị của Sở Tài chính',
        document: { number: '25/QĐ-UBND', date: `${THIS_YEAR}-03-02` },
        change: {
          kind: 'task_update',
          taskId: w.tasks.t1,
          task: { ...fields, deadlineText: String(THIS_YEAR + 1), product: 'Đề án' },
        },
      });
      const revision = expectBody(res, revisionViewSchema);
      expect(revision.title).toBe('Sửa nhiệm vụ 1');
      expect(revision.changes).toEqual([
        { field: 'product', label: 'Sản phẩm', before: fields.product, after: 'Đề án' },
        {
          field: 'deadline',
          label: 'Thời hạn hoàn thành',
          before: '2022',
          after: String(THIS_YEAR + 1),
        },
      ]);
      expect(revision.document).toEqual({ number: '25/QĐ-UBND', date: `${THIS_YEAR}-03-02`, file: null });

      const after = (await listed()).items.find((t) => t.id === w.tasks.t1)!;
      expect(after.deadline).toMatchObject({ kind: 'year', text: String(THIS_YEAR + 1) });
      expect(after.status.code).toBe('not_due');
      // The statuses the dashboard counts agree.
      const overdue = expectBody(
        await w.as.leader.get(`/api/plans/${w.planId}/tasks?status=overdue&pageSize=200`),
        taskListResponseSchema,
      );
      expect(overdue.items.map((t) => t.id)).not.toContain(w.tasks.t1);
    });

    it('shows the change in the task’s and the plan’s history, newest first, and in the audit log', async () => {
      const history = expectBody(
        await w.as.stc.get(`/api/plans/${w.planId}/tasks/${w.tasks.t1}/revisions`),
        revisionListSchema,
      );
      expect(history.canEdit).toBe(false);
      expect(history.items).toHaveLength(1);
      const r = history.items[0]!;
      expect(r.reason).toBe('Gia hạn theo đề nghị của Sở Tài chính');
      expect(r.by).toBe(`Người dùng ${w.users.coordinator.user.username}`);
      const planHistory = expectBody(
        await w.as.coordinator.get(`/api/plans/${w.planId}/revisions`),
        revisionListSchema,
      );
      expect(planHistory.canEdit).toBe(true);
      expect(planHistory.items.map((i) => i.id)).toContain(r.id);
      const audit = await s.ctx.db
        .selectFrom('audit_log')
        .select(['action', 'entity', 'entity_id', 'detail'])
        .where('action', '=', 'plan.revised')
        .execute();
      expect(audit.some((a) => a.entity === 'task' && a.entity_id === String(w.tasks.t1))).toBe(true);
    });

    it('changes lead and coordinators; the new lead’s tasks list it', async () => {
      const fields = await fieldsOf(w.tasks.t4);
      const sct = { text: w.orgs.sct.name, organisationId: w.orgs.sct.id, groupKey: null };
      const revision = expectBody(
        await revise(w.as.coordinator, {
          reason: 'Giao Sở Công Thương chủ trì',
          document: null,
          change: {
            kind: 'task_update',
            taskId: w.tasks.t4,
            task: { ...fields, leads: [sct], coordinators: [] },
          },
        }),
        revisionViewSchema,
      );
      expect(revision.changes.map((c) => [c.label, c.before, c.after])).toEqual([
        ['Cơ quan chủ trì', w.orgs.snn.name, w.orgs.sct.name],
        ['Cơ quan phối hợp', 'UBND các huyện, thị xã, thành phố', null],
      ]);
      const ofSct = expectBody(
        await w.as.leader.get(`/api/plans/${w.planId}/tasks?organisationId=${w.orgs.sct.id}&agencyRole=lead`),
        taskListResponseSchema,
      );
      expect(ofSct.items.map((t) => t.id)).toEqual([w.tasks.t4]);
    });

    it('refuses a change without a reason, and one that changes nothing', async () => {
      const fields = await fieldsOf(w.tasks.t2);
      const change = { kind: 'task_update' as const, taskId: w.tasks.t2, task: fields };
      const noReason = await revise(w.as.coordinator, { reason: '  ', document: null, change });
      expect(expectError(noReason, 400).message).toMatch(/[Dd]ữ liệu|lý do/);
      const same = await revise(w.as.coordinator, { reason: 'Thử', document: null, change });
      expect(expectError(same, 400).message).toBe(
        'Không có thông tin nào thay đổi so với kế hoạch hiện hành.',
      );
    });
  });

  describe('tasks added and removed', () => {
    it('adds a task: in the list with its lead, counted, judged', async () => {
      const before = await listed();
      const revision = expectBody(
        await revise(w.as.coordinator, {
          reason: 'Bổ sung nhiệm vụ theo Kế hoạch điều chỉnh',
          document: { number: '30/KH-UBND', date: null },
          change: {
            kind: 'task_add',
            task: {
              ordinal: '6',
              group: null,
              content: 'Xây dựng cơ sở dữ liệu doanh nghiệp công nghiệp',
              product: 'Cơ sở dữ liệu',
              deadlineText: `Quý IV/${THIS_YEAR + 1}`,
              leads: [{ text: w.orgs.snn.name, organisationId: w.orgs.snn.id, groupKey: null }],
              coordinators: [{ text: 'Các sở, ban, ngành', organisationId: null, groupKey: 'so_ban_nganh' }],
            },
          },
        }),
        revisionViewSchema,
      );
      expect(revision.title).toBe('Thêm nhiệm vụ 6');
      const after = await listed();
      expect(after.total).toBe(before.total + 1);
      const added = after.items.find((t) => t.id === revision.taskId)!;
      expect(added.leads.map((l) => l.organisationName)).toEqual([w.orgs.snn.name]);
      expect(added.deadline.kind).toBe('quarter');
      expect(added.status.code).toBe('not_due');
      const plan = expectBody(await w.as.leader.get(`/api/plans/${w.planId}`), planDetailSchema);
      expect(plan.taskCount).toBe(after.total);
    });

    it('removes a task that has reports: out of the list, its page and report entries stay', async () => {
      const period = await openPeriod(w.as.coordinator, w.planId, {
        kind: 'annual',
        year: THIS_YEAR,
        dueOn: daysFromToday(20),
      });
      const stc = await findReport(w.as.stc, period.id, w.orgs.stc.id);
      expect(stc.lead.map((e) => e.task.id)).toContain(w.tasks.t3);
      await submitReport(
        w.as.stc,
        await saveReport(w.as.stc, stc, {
          entries: stc.lead.map((e) => ({ id: e.id, progress: 'in_progress' as const })),
        }),
      );
      // Task 3 (2021-2025) is due on 31/12/2025: the calendar's count and list of that day, before and after.
      const dueDay = async () => {
        const grid = expectBody(
          await w.as.leader.get('/api/calendar?from=2025-12-31&to=2025-12-31'),
          calendarResponseSchema,
        );
        const list = expectBody(
          await w.as.leader.get('/api/calendar/day?date=2025-12-31&kind=task'),
          calendarDayResponseSchema,
        );
        return {
          count: grid.days.find((d) => d.date === '2025-12-31')?.tasks ?? 0,
          total: list.total,
          ids: list.items.map((e) => Number(e.link.split('/').pop())),
        };
      };
      const before = await dueDay();
      expect(before.ids).toContain(w.tasks.t3);
      expect(before.count).toBe(before.total);
      const today = daysFromToday(0);
      const revision = expectBody(
        await revise(w.as.coordinator, {
          reason: 'Nhiệm vụ đã lồng ghép vào nhiệm vụ khác',
          document: { number: '41/QĐ-UBND', date: today },
          change: { kind: 'task_remove', taskId: w.tasks.t3, effectiveOn: today },
        }),
        revisionViewSchema,
      );
      const [dd, mm, yyyy] = [today.slice(8, 10), today.slice(5, 7), today.slice(0, 4)];
      expect(revision.title).toBe(`Bãi bỏ nhiệm vụ 3 từ ngày ${dd}/${mm}/${yyyy}`);
      expect((await listed()).items.map((t) => t.id)).not.toContain(w.tasks.t3);
      expect((await task(w.tasks.t3)).removedOn).toBe(today);
      // A removed task has no deadline any more: the calendar's count (kept by triggers) and list drop it.
      const after = await dueDay();
      expect(after.ids).not.toContain(w.tasks.t3);
      expect(after.count).toBe(before.count - 1);
      expect(after.total).toBe(before.total - 1);
      const report = expectBody(await w.as.stc.get(`/api/reports/${stc.id}`), reportDetailSchema);
      expect(report.lead.map((e) => e.task.id)).toContain(w.tasks.t3);
      // A removed task is not edited any more; a removal in the future is refused.
      const again = await revise(w.as.coordinator, {
        reason: 'Thử lại',
        document: null,
        change: { kind: 'task_remove', taskId: w.tasks.t3, effectiveOn: today },
      });
      expect(expectError(again, 400).message).toBe('Nhiệm vụ đã bãi bỏ từ trước.');
      const future = await revise(w.as.coordinator, {
        reason: 'Thử',
        document: null,
        change: { kind: 'task_remove', taskId: w.tasks.t5, effectiveOn: daysFromToday(30) },
      });
      expect(expectError(future, 400).message).toMatch(/không được sau hôm nay/);
    });
  });

  describe('the plan’s header, targets and groups', () => {
    it('changes the header; the plan shows it and its history names the fields in Vietnamese', async () => {
      const plan = expectBody(await w.as.leader.get(`/api/plans/${w.planId}`), planDetailSchema);
      const revision = expectBody(
        await revise(w.as.coordinator, {
          reason: 'Sửa lỗi chính tả trong trích yếu',
          document: null,
          change: {
            kind: 'plan_update',
            fields: {
              number: plan.number,
              title: 'Kế hoạch thử nghiệm báo cáo (điều chỉnh)',
              issuer: plan.issuer,
              place: plan.place,
              issuedOn: '2021-09-28',
            },
          },
        }),
        revisionViewSchema,
      );
      expect(revision.title).toBe('Sửa thông tin chung của kế hoạch');
      expect(revision.changes.map((c) => [c.label, c.before, c.after])).toEqual([
        ['Trích yếu', 'Kế hoạch thử nghiệm báo cáo', 'Kế hoạch thử nghiệm báo cáo (điều chỉnh)'],
        ['Ngày ban hành', '27/09/2021', '28/09/2021'],
      ]);
      const after = expectBody(await w.as.leader.get(`/api/plans/${w.planId}`), planDetailSchema);
      expect([after.title, after.issuedOn]).toEqual([
        'Kế hoạch thử nghiệm báo cáo (điều chỉnh)',
        '2021-09-28',
      ]);
    });

    it('adds, changes and removes a target', async () => {
      const target = {
        text: 'Tốc độ tăng giá trị sản xuất công nghiệp bình quân 9-10%/năm',
        subject: 'Giá trị sản xuất công nghiệp',
        kind: 'average_growth' as const,
        min: 9,
        max: 10,
        unit: '%/năm',
        fromYear: 2021,
        toYear: 2025,
        approximate: false,
      };
      const added = expectBody(
        await revise(w.as.coordinator, {
          reason: 'Bổ sung chỉ tiêu',
          document: null,
          change: { kind: 'target_add', target },
        }),
        revisionViewSchema,
      );
      let plan = expectBody(await w.as.leader.get(`/api/plans/${w.planId}`), planDetailSchema);
      expect(plan.targets.map((t) => t.text)).toContain(target.text);
      const changed = expectBody(
        await revise(w.as.coordinator, {
          reason: 'Điều chỉnh chỉ tiêu',
          document: null,
          change: { kind: 'target_update', targetId: added.targetId!, target: { ...target, min: 8.5 } },
        }),
        revisionViewSchema,
      );
      expect(changed.changes).toEqual([{ field: 'min', label: 'Từ mức', before: '9', after: '8,5' }]);
      await revise(w.as.coordinator, {
        reason: 'Bỏ chỉ tiêu',
        document: null,
        change: { kind: 'target_remove', targetId: added.targetId! },
      });
      plan = expectBody(await w.as.leader.get(`/api/plans/${w.planId}`), planDetailSchema);
      expect(plan.targets.map((t) => t.text)).not.toContain(target.text);
    });

    it('renames a task group on every task of it', async () => {
      const fields = await fieldsOf(w.tasks.t2);
      await revise(w.as.coordinator, {
        reason: 'Xếp nhóm',
        document: null,
        change: { kind: 'task_update', taskId: w.tasks.t2, task: { ...fields, group: 'I. Nhóm cũ' } },
      });
      const renamed = expectBody(
        await revise(w.as.coordinator, {
          reason: 'Đổi tên nhóm theo văn bản điều chỉnh',
          document: null,
          change: { kind: 'group_rename', from: 'I. Nhóm cũ', to: 'I. Nhóm mới' },
        }),
        revisionViewSchema,
      );
      expect(renamed.changes.map((c) => [c.label, c.before, c.after])).toEqual([
        ['Tên nhóm', 'I. Nhóm cũ', 'I. Nhóm mới'],
      ]);
      expect((await task(w.tasks.t2)).group).toBe('I. Nhóm mới');
    });
  });

  describe('who may change a plan', () => {
    const body = (): RevisionRequest => ({
      reason: 'Thử quyền',
      document: null,
      change: { kind: 'group_rename', from: 'I. Nhóm mới', to: 'I. Nhóm thử quyền' },
    });

    it('refuses reporters, leaders and a coordinator of another agency, in Vietnamese', async () => {
      const reporter = expectError(await revise(w.as.stc, body()), 403);
      expect(reporter.message).toBe('Bạn không có quyền thực hiện thao tác này.');
      const leader = expectError(await revise(w.as.leader, body()), 403);
      expect(leader.message).toBe('Bạn không có quyền thực hiện thao tác này.');
      const other = expectError(await revise(otherCoordinator, body()), 403);
      expect(other.message).toBe(
        `Chỉ cán bộ tổng hợp của ${w.orgs.sct.name} (cơ quan theo dõi, tổng hợp kế hoạch) hoặc quản trị hệ thống được sửa kế hoạch này.`,
      );
      const history = expectBody(
        await otherCoordinator.get(`/api/plans/${w.planId}/revisions`),
        revisionListSchema,
      );
      expect(history.canEdit).toBe(false);
      expect(history.items.some((r) => r.reason === 'Thử quyền')).toBe(false);
      expectError(await s.agent().get(`/api/plans/${w.planId}/revisions`), 401);
    });

    it('lets an administrator change it', async () => {
      const r = expectBody(await revise(admin, body()), revisionViewSchema);
      expect(r.label).toBe('I. Nhóm mới');
      expectError(await revise(admin, body()), 404);
    });
  });
});

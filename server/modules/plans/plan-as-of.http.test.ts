import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardResponseSchema } from '../../../shared/contracts/dashboard';
import {
  type RevisionRequest,
  type RevisionTaskFields,
  revisionViewSchema,
} from '../../../shared/contracts/plan-revisions';
import {
  planDetailSchema,
  planTaskViewSchema,
  taskListResponseSchema,
} from '../../../shared/contracts/plans';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody, expectError } from '../../test/expect-body';
import { buildLoggedIn, buildPlan, findReport, openPeriod } from '../../test/factories';
import type { Agent, TestServer } from '../../test/http-agent';
import { startTestServer } from '../../test/http-agent';
import {
  buildReportingWorld,
  daysFromToday,
  type ReportingWorld,
  THIS_YEAR,
} from '../../test/reporting-world';
import { docxParts, tablesOf } from '../documents/test/docx-xml';

/*
 * Issue 13, items 3 and 6: the plan as of a date. A period counts the tasks in force during it and
 * judges each against the deadline in force at its end; a plan annulled or replaced opens no more
 * periods, drops out of the board, stays readable, and a replacing plan takes over the open tasks chosen.
 */
describeEachDatabase('the plan as of a date', (dialect) => {
  let s: TestServer;
  let w: ReportingWorld;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    w = await buildReportingWorld(s);
  });
  afterAll(async () => s?.close());

  const revise = (agent: Agent, body: RevisionRequest, planId = w.planId) =>
    agent.post(`/api/plans/${planId}/revisions`, body);
  const listed = async (query: string, planId = w.planId) =>
    expectBody(
      await w.as.leader.get(`/api/plans/${planId}/tasks?pageSize=200${query}`),
      taskListResponseSchema,
    );
  const task = async (taskId: number, planId = w.planId) =>
    expectBody(await w.as.leader.get(`/api/plans/${planId}/tasks/${taskId}`), planTaskViewSchema);
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

  let added = 0;

  it('a task added in 2024 is not in 2022’s period nor judged there, and is overdue in 2025', async () => {
    const revision = expectBody(
      await revise(w.as.coordinator, {
        reason: 'Bổ sung nhiệm vụ theo Kế hoạch điều chỉnh',
        document: { number: '12/KH-UBND', date: '2024-03-01' },
        change: {
          kind: 'task_add',
          task: {
            ordinal: '6',
            group: null,
            content: 'Nhiệm vụ bổ sung năm 2024',
            product: null,
            deadlineText: '2024',
            leads: [{ text: w.orgs.stc.name, organisationId: w.orgs.stc.id, groupKey: null }],
            coordinators: [],
          },
        },
      }),
      revisionViewSchema,
    );
    added = revision.taskId!;
    expect((await task(added)).addedOn).toBe('2024-03-01');
    const p2022 = await openPeriod(w.as.coordinator, w.planId, { year: 2022 });
    const stc2022 = await findReport(w.as.stc, p2022.id, w.orgs.stc.id);
    expect(stc2022.lead.map((e) => e.task.id)).not.toContain(added);
    expect(stc2022.lead.map((e) => e.task.id)).toContain(w.tasks.t3);
    const in2022 = await listed('&year=2022');
    expect(in2022.items.map((t) => t.id)).not.toContain(added);
    expect(in2022.items.filter((t) => t.status.code === 'overdue').map((t) => t.id)).not.toContain(added);
    const in2025 = await listed('&year=2025');
    expect(in2025.items.find((t) => t.id === added)?.status.code).toBe('overdue');
  });

  it('a task removed in 2025 is still in 2022’s period, the list of 2022 and the consolidated report', async () => {
    const res = await revise(w.as.coordinator, {
      reason: 'Nhiệm vụ đã lồng ghép',
      document: { number: '41/QĐ-UBND', date: '2025-05-01' },
      change: { kind: 'task_remove', taskId: w.tasks.t3, effectiveOn: '2025-05-01' },
    });
    expectBody(res, revisionViewSchema);
    expect((await listed('&year=2022')).items.map((t) => t.id)).toContain(w.tasks.t3);
    expect((await listed('&year=2025')).items.find((t) => t.id === w.tasks.t3)?.removedOn).toBe('2025-05-01');
    expect((await listed(`&year=${THIS_YEAR}`)).items.map((t) => t.id)).not.toContain(w.tasks.t3);
    expect((await listed('')).items.map((t) => t.id)).not.toContain(w.tasks.t3);
    // A period of 2025 lists it, marked; one of this year leaves it out.
    const p2025 = await openPeriod(w.as.coordinator, w.planId, { year: 2025 });
    const doc = async (periodId: number) => {
      const r = await s.app.inject({
        method: 'GET',
        url: `/api/reporting-periods/${periodId}/consolidated-report.docx`,
        headers: { cookie: w.as.coordinator.cookie! },
      });
      expect(r.statusCode).toBe(200);
      return tablesOf(docxParts(r.rawPayload)['word/document.xml']!).at(-1)!;
    };
    const row2025 = (await doc(p2025.id)).find((r) => r[1]?.includes('2021') || r[4] === '2021-2025');
    expect(row2025?.join(' ')).toContain('bãi bỏ từ 01/05/2025');
    const pNow = await openPeriod(w.as.coordinator, w.planId, { year: THIS_YEAR, dueOn: daysFromToday(20) });
    expect((await doc(pNow.id)).some((r) => r[4] === '2021-2025')).toBe(false);
  });

  it('an extended deadline is judged on the new date from when it takes effect, and shows', async () => {
    expect((await listed(`&year=${THIS_YEAR}`)).items.find((t) => t.id === w.tasks.t1)?.status.code).toBe(
      'overdue',
    );
    const fields = await fieldsOf(w.tasks.t1);
    expectBody(
      await revise(w.as.coordinator, {
        reason: 'Gia hạn theo đề nghị của Sở Tài chính',
        document: { number: '25/QĐ-UBND', date: `${THIS_YEAR}-03-02` },
        change: {
          kind: 'task_update',
          taskId: w.tasks.t1,
          task: { ...fields, deadlineText: `${THIS_YEAR + 1}` },
        },
      }),
      revisionViewSchema,
    );
    const now = (await listed(`&year=${THIS_YEAR}`)).items.find((t) => t.id === w.tasks.t1)!;
    expect(now.status.code).not.toBe('overdue');
    expect(now.status.dueDate).toBe(`${THIS_YEAR + 1}-12-31`);
    // 2022 was judged on the deadline in force then.
    const then = (await listed('&year=2022')).items.find((t) => t.id === w.tasks.t1)!;
    expect(then.status.dueDate).toBe('2022-12-31');
    const page = await task(w.tasks.t1);
    expect(page.deadlineChange?.text).toBe(`Gia hạn đến 31/12/${THIS_YEAR + 1}, trước là 31/12/2022`);
    expect(page.deadlineChange?.reason).toBe('Gia hạn theo đề nghị của Sở Tài chính');
    expect(page.deadlineChange?.document?.number).toBe('25/QĐ-UBND');
  });

  it('a back-dated extension re-judges the earlier year too', async () => {
    const fields = await fieldsOf(w.tasks.t4);
    // T4 (2030) brought forward to 2023 from 2023: overdue in 2024; back to 2030 effective 2024-06-01.
    await revise(w.as.coordinator, {
      reason: 'Đẩy nhanh',
      document: null,
      effectiveOn: '2023-01-10',
      change: { kind: 'task_update', taskId: w.tasks.t4, task: { ...fields, deadlineText: '2023' } },
    });
    await revise(w.as.coordinator, {
      reason: 'Gia hạn',
      document: null,
      effectiveOn: '2024-06-01',
      change: { kind: 'task_update', taskId: w.tasks.t4, task: { ...fields, deadlineText: '2030' } },
    });
    const status = async (year: number) =>
      (await listed(`&year=${year}`)).items.find((t) => t.id === w.tasks.t4)!.status;
    expect((await status(2023)).dueDate).toBe('2023-12-31');
    expect((await status(2023)).code).toBe('overdue');
    expect((await status(2024)).dueDate).toBe('2030-12-31');
    expect((await status(2024)).code).not.toBe('overdue');
  });

  describe('a plan annulled or replaced', () => {
    const smallPlan = (number: string) =>
      buildPlan(w.as.coordinator, {
        number,
        title: `Kế hoạch ${number}`,
        issuedOn: '2023-01-05',
        regime: {
          consolidator: 'Sở Công Thương',
          annualDueDay: 15,
          annualDueMonth: 12,
          midTermYear: null,
          finalYear: null,
          text: '',
        },
        consolidator: { org: w.orgs.sct },
        tasks: [
          {
            deadline: { kind: 'year', from: '2027-01-01', to: '2027-12-31', text: '2027' },
            leads: [{ org: w.orgs.stc }],
          },
          {
            deadline: { kind: 'year', from: '2028-01-01', to: '2028-12-31', text: '2028' },
            leads: [{ org: w.orgs.snn }],
          },
        ],
      });
    const end = (change: Partial<Extract<RevisionRequest['change'], { kind: 'plan_end' }>>) => ({
      reason: 'Ban hành kế hoạch mới',
      document: { number: '99/QĐ-UBND', date: daysFromToday(0) },
      change: {
        kind: 'plan_end' as const,
        endKind: 'annulled' as const,
        replacedByPlanId: null,
        effectiveOn: daysFromToday(0),
        continueTaskIds: [],
        ...change,
      },
    });

    it('refuses everyone but the coordinators of the consolidating agency and administrators', async () => {
      const { planId } = await smallPlan('501/KH-UBND');
      const other = (await buildLoggedIn(s, { role: 'coordinator', organisationId: w.orgs.stc.id })).agent;
      for (const agent of [w.as.stc, w.as.leader])
        expect(expectError(await revise(agent, end({}), planId), 403).message).toMatch(/Không|Chỉ|không/);
      expect(expectError(await revise(other, end({}), planId), 403).message).toContain(w.orgs.sct.name);
      // The replacing plan must be the caller's agency's too.
      const foreign = await buildPlan(other, {
        number: '502/KH-STC',
        consolidator: { org: w.orgs.stc },
        tasks: [
          {
            deadline: { kind: 'year', from: '2027-01-01', to: '2027-12-31', text: '2027' },
            leads: [{ org: w.orgs.stc }],
          },
        ],
      });
      const res = await revise(
        w.as.coordinator,
        end({ endKind: 'replaced', replacedByPlanId: foreign.planId }),
        planId,
      );
      expect(expectError(res, 403).message).toContain(w.orgs.stc.name);
      // A date after today is refused; an annulled plan names no successor.
      expect(
        expectError(await revise(w.as.coordinator, end({ effectiveOn: daysFromToday(5) }), planId), 400)
          .message,
      ).toMatch(/không được sau hôm nay/);
      expect(
        expectError(await revise(w.as.coordinator, end({ endKind: 'replaced' }), planId), 400).message,
      ).toBe('Hãy chọn kế hoạch thay thế.');
    });

    it('annulled: opens no more periods, leaves the board, stays readable with its tasks', async () => {
      const { planId } = await smallPlan('503/KH-UBND');
      expectBody(await revise(w.as.coordinator, end({}), planId), revisionViewSchema);
      const refused = await w.as.coordinator.post(`/api/plans/${planId}/reporting-periods`, {
        kind: 'annual',
        year: THIS_YEAR,
      });
      expect(expectError(refused, 409).message).toMatch(/^Kế hoạch đã bị bãi bỏ từ ngày/);
      const board = expectBody(await w.as.leader.get('/api/dashboard'), dashboardResponseSchema);
      expect(board.items.map((i) => i.plan.id)).not.toContain(planId);
      expect(board.items.map((i) => i.plan.id)).toContain(w.planId);
      const plan = expectBody(await w.as.leader.get(`/api/plans/${planId}`), planDetailSchema);
      expect(plan.end?.kind).toBe('annulled');
      expect(plan.taskCount).toBe(2);
      expect((await listed('', planId)).total).toBe(2);
      // No further change of it.
      const again = await revise(w.as.coordinator, end({}), planId);
      expect(expectError(again, 400).message).toMatch(/đã bị bãi bỏ/);
    });

    it('replaced: the chosen open tasks are taken over with a link back, the old plan names its successor', async () => {
      const old = await smallPlan('504/KH-UBND');
      const next = await smallPlan('505/KH-UBND');
      const [keep, drop] = old.taskIds as [number, number];
      const revision = expectBody(
        await revise(
          w.as.coordinator,
          end({ endKind: 'replaced', replacedByPlanId: next.planId, continueTaskIds: [keep] }),
          old.planId,
        ),
        revisionViewSchema,
      );
      expect(revision.title).toMatch(/^Thay thế kế hoạch bằng 505\/KH-UBND/);
      const newList = await listed('', next.planId);
      expect(newList.total).toBe(3);
      const taken = newList.items.find((t) => t.continuesFrom?.taskId === keep)!;
      expect(taken.continuesFrom?.label).toMatch(/^Nhiệm vụ 1 của 504\/KH-UBND/);
      expect(taken.addedOn).toBe(daysFromToday(0));
      expect(taken.leads.map((l) => l.organisationId)).toEqual([w.orgs.stc.id]);
      expect(newList.items.some((t) => t.continuesFrom?.taskId === drop)).toBe(false);
      const oldPlan = expectBody(await w.as.leader.get(`/api/plans/${old.planId}`), planDetailSchema);
      expect(oldPlan.end?.text).toMatch(/^Kế hoạch đã được thay thế bởi 505\/KH-UBND/);
      const refused = await w.as.coordinator.post(`/api/plans/${old.planId}/reporting-periods`, {
        kind: 'annual',
        year: THIS_YEAR,
      });
      expect(expectError(refused, 409).message).toMatch(/thay thế bởi 505\/KH-UBND/);
      const oldTask = await task(keep, old.planId);
      expect(oldTask.removedOn).toBe(daysFromToday(0));
    });
  });
});

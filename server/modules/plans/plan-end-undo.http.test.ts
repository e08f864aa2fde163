import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type RevisionRequest,
  revisionListSchema,
  revisionViewSchema,
} from '../../../shared/contracts/plan-revisions';
import { planDetailSchema } from '../../../shared/contracts/plans';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody, expectError } from '../../test/expect-body';
import { buildPlan, openPeriod } from '../../test/factories';
import type { Agent, TestServer } from '../../test/http-agent';
import { startTestServer } from '../../test/http-agent';
import {
  buildReportingWorld,
  daysFromToday,
  type ReportingWorld,
  THIS_YEAR,
} from '../../test/reporting-world';

/*
 * An ended plan (bãi bỏ / thay thế) reads as ended — no edit control for anyone (`canEdit` false) — and
 * its end can be undone by whoever may end it: the plan and, when replaced, the replacing plan are left
 * exactly as before the end, unless a task taken over has since been reported on or changed there.
 */
describeEachDatabase('undoing a plan’s end', (dialect) => {
  let s: TestServer;
  let w: ReportingWorld;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    w = await buildReportingWorld(s);
  });
  afterAll(async () => s?.close());

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
          coordinators: [{ org: w.orgs.snn }],
        },
        {
          deadline: { kind: 'recurring', from: null, to: null, text: 'Hằng năm' },
          leads: [{ org: w.orgs.snn }],
        },
      ],
    });
  const end = (
    planId: number,
    change: Partial<Extract<RevisionRequest['change'], { kind: 'plan_end' }>> = {},
  ) =>
    w.as.coordinator.post(`/api/plans/${planId}/revisions`, {
      reason: 'Ban hành kế hoạch mới',
      document: { number: '99/QĐ-UBND', date: daysFromToday(0) },
      change: {
        kind: 'plan_end',
        endKind: 'annulled',
        replacedByPlanId: null,
        effectiveOn: daysFromToday(0),
        continueTaskIds: [],
        ...change,
      },
    });
  const undo = (agent: Agent, planId: number) =>
    agent.post(`/api/plans/${planId}/end/undo`, { reason: 'Văn bản bãi bỏ bị thu hồi' });
  const history = async (agent: Agent, planId: number) =>
    expectBody(await agent.get(`/api/plans/${planId}/revisions`), revisionListSchema);

  /** Everything of the plans an end changes, as stored (the version counters aside). */
  async function rows(planIds: number[]) {
    const db = s.ctx.db;
    const plans = await db.selectFrom('plans').selectAll().where('id', 'in', planIds).orderBy('id').execute();
    const tasks = await db
      .selectFrom('tasks')
      .selectAll()
      .where('plan_id', 'in', planIds)
      .orderBy('id')
      .execute();
    const taskIds = tasks.map((t) => t.id);
    return {
      plans: plans.map(({ data_version: _, ...p }) => p),
      tasks,
      agencies: await db
        .selectFrom('task_agencies')
        .selectAll()
        .where('task_id', 'in', taskIds)
        .orderBy('id')
        .execute(),
      statuses: await db
        .selectFrom('task_statuses')
        .selectAll()
        .where('task_id', 'in', taskIds)
        .orderBy('task_id')
        .orderBy('year')
        .execute(),
    };
  }

  it('an ended plan can be changed by no one; its end is undone exactly, by its keepers only', async () => {
    const { planId, taskIds } = await smallPlan('601/KH-UBND');
    // A status stored for this year, so the end drops it and the undo must bring it back.
    await openPeriod(w.as.coordinator, planId, { year: THIS_YEAR });
    const before = await rows([planId]);
    expect(before.statuses.length).toBeGreaterThan(0);
    expect((await history(w.as.coordinator, planId)).canEdit).toBe(true);

    // Ended from the last day of last year: this year's stored statuses leave with it.
    const endedOn = `${THIS_YEAR - 1}-12-31`;
    expectBody(await end(planId, { effectiveOn: endedOn }), revisionViewSchema);
    expect((await rows([planId])).statuses.length).toBeLessThan(before.statuses.length);
    const ended = await history(w.as.coordinator, planId);
    expect([ended.canEdit, ended.canUndoEnd]).toEqual([false, true]);
    const ofTask = expectBody(
      await w.as.coordinator.get(`/api/plans/${planId}/tasks/${taskIds[0]}/revisions`),
      revisionListSchema,
    );
    expect(ofTask.canEdit).toBe(false);
    for (const agent of [w.as.leader, w.as.stc]) {
      const seen = await history(agent, planId);
      expect([seen.canEdit, seen.canUndoEnd]).toEqual([false, false]);
      expect(expectError(await undo(agent, planId), 403).message).toMatch(/quyền|chỉ được xem/);
    }
    expect((await rows([planId])).plans[0]?.ended_on).toBe(endedOn);

    const undone = expectBody(await undo(w.as.coordinator, planId), revisionViewSchema);
    expect(undone.title).toBe('Hoàn tác bãi bỏ kế hoạch');
    expect(undone.reason).toBe('Văn bản bãi bỏ bị thu hồi');
    expect(await rows([planId])).toEqual(before);
    const after = await history(w.as.coordinator, planId);
    expect([after.canEdit, after.canUndoEnd]).toEqual([true, false]);
    expect(after.items.map((r) => r.title).slice(0, 2)).toEqual([
      'Hoàn tác bãi bỏ kế hoạch',
      `Bãi bỏ kế hoạch từ ngày 31/12/${THIS_YEAR - 1}`,
    ]);
    const plan = expectBody(await w.as.leader.get(`/api/plans/${planId}`), planDetailSchema);
    expect(plan.end).toBeNull();
    const logged = await s.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', '=', 'plan.end_undone')
      .execute();
    expect(logged.map((l) => Number(l.entity_id))).toContain(planId);
    // In force again: nothing left to undo.
    expect(expectError(await undo(w.as.coordinator, planId), 409).message).toMatch(/đang có hiệu lực/);
  });

  it('replaced: the tasks taken over leave the replacing plan, both plans as before the end', async () => {
    const old = await smallPlan('602/KH-UBND');
    const next = await smallPlan('603/KH-UBND');
    const before = await rows([old.planId, next.planId]);
    expectBody(
      await end(old.planId, {
        endKind: 'replaced',
        replacedByPlanId: next.planId,
        continueTaskIds: old.taskIds,
      }),
      revisionViewSchema,
    );
    expect((await rows([next.planId])).tasks).toHaveLength(4);
    const undone = expectBody(await undo(w.as.coordinator, old.planId), revisionViewSchema);
    expect(undone.title).toBe('Hoàn tác thay thế kế hoạch bằng 603/KH-UBND');
    expect(await rows([old.planId, next.planId])).toEqual(before);
    // The replacing plan's history tells what was taken over and given back.
    const titles = (await history(w.as.coordinator, next.planId)).items.map((r) => r.title);
    expect(titles.filter((t) => t.startsWith('Trả nhiệm vụ')).sort()).toEqual([
      'Trả nhiệm vụ 1 về 602/KH-UBND',
      'Trả nhiệm vụ 2 về 602/KH-UBND',
    ]);
    expect(titles.filter((t) => t === 'Thêm nhiệm vụ 1' || t === 'Thêm nhiệm vụ 2')).toHaveLength(2);
  });

  it('is refused, naming the task, when a task taken over was revised or reported on since', async () => {
    const old = await smallPlan('604/KH-UBND');
    const next = await smallPlan('605/KH-UBND');
    expectBody(
      await end(old.planId, {
        endKind: 'replaced',
        replacedByPlanId: next.planId,
        continueTaskIds: [old.taskIds[1]!],
      }),
      revisionViewSchema,
    );
    const copy = (await rows([next.planId])).tasks.find((t) => t.continues_task_id === old.taskIds[1])!;
    const agencies = await s.ctx.db
      .selectFrom('task_agencies')
      .selectAll()
      .where('task_id', '=', copy.id)
      .orderBy('position')
      .execute();
    expectBody(
      await w.as.coordinator.post(`/api/plans/${next.planId}/revisions`, {
        reason: 'Sửa nội dung nhiệm vụ tiếp nhận',
        document: null,
        change: {
          kind: 'task_update',
          taskId: copy.id,
          task: {
            ordinal: copy.ordinal,
            group: copy.group_label,
            content: `${copy.content} (sửa)`,
            product: copy.product,
            deadlineText: copy.deadline_text,
            leads: agencies
              .filter((a) => a.role === 'lead')
              .map((a) => ({
                text: a.agency_text,
                organisationId: a.organisation_id,
                groupKey: a.group_key,
              })),
            coordinators: [],
          },
        },
      }),
      revisionViewSchema,
    );
    const stuck = await rows([old.planId, next.planId]);
    const refused = expectError(await undo(w.as.coordinator, old.planId), 409);
    expect(refused.message).toBe(
      'Không hoàn tác được: nhiệm vụ 2 đã chuyển sang 605/KH-UBND và đã được sửa sau khi chuyển. Hãy xử lý nhiệm vụ này trong kế hoạch 605/KH-UBND trước.',
    );
    expect(await rows([old.planId, next.planId])).toEqual(stuck);
    expect((await history(w.as.coordinator, old.planId)).canUndoEnd).toBe(true);

    // Reported on: the replacing plan's period puts the task into its lead agency's report.
    const other = await smallPlan('606/KH-UBND');
    const successor = await smallPlan('607/KH-UBND');
    expectBody(
      await end(other.planId, {
        endKind: 'replaced',
        replacedByPlanId: successor.planId,
        continueTaskIds: [other.taskIds[0]!],
      }),
      revisionViewSchema,
    );
    await openPeriod(w.as.coordinator, successor.planId, { year: THIS_YEAR });
    expect(expectError(await undo(w.as.coordinator, other.planId), 409).message).toMatch(
      /^Không hoàn tác được: nhiệm vụ 1 đã chuyển sang 607\/KH-UBND và đã có trong báo cáo sau khi chuyển/,
    );
    const still = expectBody(await w.as.leader.get(`/api/plans/${other.planId}`), planDetailSchema);
    expect(still.end?.kind).toBe('replaced');
  });
});

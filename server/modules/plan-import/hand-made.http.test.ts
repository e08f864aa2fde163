import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanImport, ReviewDraft } from '../../../shared/contracts/plan-import';
import {
  confirmImportResponseSchema,
  handMadeDraftListResponseSchema,
  planImportSchema,
} from '../../../shared/contracts/plan-import';
import { planDetailSchema, taskListResponseSchema } from '../../../shared/contracts/plans';
import type { RegistryEntry } from '../../../shared/domain/organisations/match';
import { linkTasks } from '../../../shared/domain/plan-import/hand-made';
import { readTaskSheet } from '../../../shared/domain/plan-import/task-sheet';
import { SAMPLE_ORGANISATIONS } from '../../seed/sample/hung-yen-organisations';
import { seedOrganisations } from '../../seed/seed-organisations';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody, expectError } from '../../test/expect-body';
import { buildUser } from '../../test/factories';
import { type Agent, startTestServer, type TestServer } from '../../test/http-agent';

/** Six columns as a spreadsheet copies them: a header, two groups, a multi-line quoted cell. */
const PASTED = [
  'STT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tSản phẩm',
  'I\tNhiệm vụ chung\t\t\t\t',
  '1\t"Xây dựng đề án\nphát triển cụm công nghiệp"\tSở Công Thương\tSở Tài chính, Sở Xây dựng\tNăm 2025\tĐề án',
  '2\tRà soát quy hoạch\tSở Xây dựng\t\tQuý II/2026\tBáo cáo',
  'II. Nhiệm vụ cụ thể\t\t\t\t\t',
  '1\tTuyên truyền về kế hoạch\tBáo Hưng Yên\tSở Công Thương\tHằng năm\tTin, bài',
  '2\tBan hành quy chế phối hợp\tSở Công Thương\t\t30/6/2026\tQuyết định',
].join('\r\n');

describeEachDatabase('plans entered by hand: empty draft, pasted tasks, review, confirm', (dialect) => {
  let s: TestServer;
  let sct: number;
  let stc: number;
  let coordinator: Agent;
  let otherCoordinator: Agent;
  let reporter: Agent;
  let leader: Agent;
  let admin: Agent;
  let registry: RegistryEntry[];

  beforeAll(async () => {
    s = await startTestServer(dialect);
    await seedOrganisations(s.ctx, SAMPLE_ORGANISATIONS);
    const orgs = await s.ctx.db.selectFrom('organisations').selectAll().execute();
    const id = (code: string) => orgs.find((o) => o.code === code)!.id;
    sct = id('SCT');
    stc = id('STC');
    registry = orgs.map((o) => ({
      id: o.id,
      code: o.code,
      name: o.name,
      aliases: o.short_name ? [o.short_name] : [],
      validFrom: o.valid_from,
      validTo: o.valid_to,
      successorId: o.successor_id,
    }));
    coordinator = await s.loginAs(await buildUser(s.ctx, { role: 'coordinator', organisationId: sct }));
    otherCoordinator = await s.loginAs(await buildUser(s.ctx, { role: 'coordinator', organisationId: stc }));
    reporter = await s.loginAs(await buildUser(s.ctx, { role: 'reporter', organisationId: sct }));
    leader = await s.loginAs(await buildUser(s.ctx, { role: 'leader', organisationId: sct }));
    admin = await s.loginAs(await buildUser(s.ctx, { role: 'admin' }));
  });
  afterAll(() => s.close());

  const create = (agent: Agent, consolidatorId: number) => agent.post('/api/plan-drafts', { consolidatorId });

  /** The form filled in: header, period, regime, two targets and the pasted tasks. */
  function filled(draft: ReviewDraft): ReviewDraft {
    const sheet = readTaskSheet(PASTED);
    expect(sheet.problems).toEqual([]);
    return {
      ...draft,
      number: '35/KH-UBND',
      issuedOn: '2025-03-10',
      issuer: 'UBND tỉnh Hưng Yên',
      title: 'Kế hoạch phát triển cụm công nghiệp giai đoạn 2025-2030',
      span: { fromYear: 2025, toYear: 2030 },
      regime: {
        ...draft.regime!,
        annualDueDay: 15,
        annualDueMonth: 12,
        text: 'Báo cáo trước ngày 15/12 hằng năm',
      },
      targets: [
        {
          text: 'Đến năm 2030 có 20 cụm công nghiệp đi vào hoạt động',
          kind: 'count',
          min: 20,
          max: 20,
          unit: 'cụm',
          fromYear: null,
          toYear: 2030,
          approximate: false,
          subject: 'Số cụm công nghiệp đi vào hoạt động',
          origin: 'reviewer',
        },
        {
          text: 'Tỷ lệ lấp đầy các cụm công nghiệp đạt 70%',
          kind: 'percentage',
          min: 70,
          max: 70,
          unit: '%',
          fromYear: null,
          toYear: 2030,
          approximate: false,
          subject: 'Tỷ lệ lấp đầy cụm công nghiệp',
          origin: 'reviewer',
        },
      ],
      tasks: linkTasks(sheet.tasks, registry, '2025-03-10'),
    };
  }

  let draft: PlanImport;

  it('starts an empty draft consolidated by the coordinator’s own agency', async () => {
    const res = await create(coordinator, sct);
    draft = expectBody(res, planImportSchema);
    expect(draft).toMatchObject({ status: 'draft', document: null, sourceText: '', version: 1 });
    expect(draft.draft.tasks).toEqual([]);
    expect(draft.draft.consolidatorResolution).toEqual({
      type: 'organisation',
      organisationId: sct,
      confidence: 1,
    });
    expect(draft.draft.regime?.consolidator).toBe('Sở Công Thương');
  });

  it('keeps what was typed: a saved draft reads back whole and is listed to continue', async () => {
    const saved = await coordinator.request('PUT', `/api/plan-drafts/${draft.id}`, {
      version: draft.version,
      draft: filled(draft.draft),
    });
    draft = expectBody(saved, planImportSchema);
    const again = expectBody(await coordinator.get(`/api/plan-drafts/${draft.id}`), planImportSchema);
    expect(again.draft).toEqual(draft.draft);
    expect(again.draft.tasks).toHaveLength(4);
    // The pasted agencies are linked to the registry as an import links them.
    expect(again.draft.tasks[0]?.leads[0]?.resolution).toMatchObject({
      type: 'organisation',
      organisationId: sct,
    });
    expect(again.draft.tasks[0]?.coordinatorLinks.map((l) => l.text)).toEqual([
      'Sở Tài chính',
      'Sở Xây dựng',
    ]);
    const list = expectBody(await coordinator.get('/api/plan-drafts'), handMadeDraftListResponseSchema);
    expect(list.items.map((i) => [i.id, i.title, i.tasks])).toContainEqual([
      draft.id,
      'Kế hoạch phát triển cụm công nghiệp giai đoạn 2025-2030',
      4,
    ]);
    // Another agency's coordinator does not see it among the drafts to continue.
    const theirs = expectBody(
      await otherCoordinator.get('/api/plan-drafts'),
      handMadeDraftListResponseSchema,
    );
    expect(theirs.items.map((i) => i.id)).not.toContain(draft.id);
  });

  it('refuses to confirm an incomplete plan, naming each field in Vietnamese', async () => {
    const blank = expectBody(await create(coordinator, sct), planImportSchema);
    const tasks = linkTasks(
      readTaskSheet('1\t\tSở Công Thương\t\t2025\n2\tViệc không ai chủ trì\t\t\t2025').tasks,
      registry,
      null,
    );
    const saved = expectBody(
      await coordinator.request('PUT', `/api/plan-drafts/${blank.id}`, {
        version: blank.version,
        draft: { ...blank.draft, tasks },
      }),
      planImportSchema,
    );
    expect(saved.draft.tasks).toHaveLength(1); // the row without content was never a task
    const err = expectError(await coordinator.post(`/api/plan-drafts/${blank.id}/confirm`), 400);
    expect(err.message).toContain('Trích yếu (tên kế hoạch): vui lòng nhập tên kế hoạch');
    expect(err.message).toContain('Nhiệm vụ 2: thiếu cơ quan chủ trì');
    expect(err.fields?.map((f) => f.path)).toEqual(['title', 'tasks.0.lead']);
  });

  it('confirms through the review into a plan with its groups, tasks, targets and deadlines as typed', async () => {
    const res = await coordinator.post(`/api/plan-drafts/${draft.id}/confirm`);
    const { planId } = expectBody(res, confirmImportResponseSchema);
    const plan = expectBody(await coordinator.get(`/api/plans/${planId}`), planDetailSchema);
    expect(plan).toMatchObject({
      number: '35/KH-UBND',
      issuedOn: '2025-03-10',
      title: 'Kế hoạch phát triển cụm công nghiệp giai đoạn 2025-2030',
      taskCount: 4,
      targetCount: 2,
      document: null,
      importId: draft.id,
      span: { fromYear: 2025, toYear: 2030 },
    });
    expect(plan.regime).toMatchObject({
      annualDueDay: 15,
      annualDueMonth: 12,
      consolidatorAgency: { organisationId: sct, organisationName: 'Sở Công Thương' },
    });
    expect(plan.targets.map((t) => t.subject)).toEqual([
      'Số cụm công nghiệp đi vào hoạt động',
      'Tỷ lệ lấp đầy cụm công nghiệp',
    ]);
    const tasks = expectBody(
      await coordinator.get(`/api/plans/${planId}/tasks?pageSize=50`),
      taskListResponseSchema,
    ).items;
    expect(
      tasks.map((t) => [t.group, t.ordinal, t.content, t.deadline.text, t.deadline.kind, t.deadline.to]),
    ).toEqual([
      [
        'I. Nhiệm vụ chung',
        '1',
        'Xây dựng đề án phát triển cụm công nghiệp',
        'Năm 2025',
        'year',
        '2025-12-31',
      ],
      ['I. Nhiệm vụ chung', '2', 'Rà soát quy hoạch', 'Quý II/2026', 'quarter', '2026-06-30'],
      ['II. Nhiệm vụ cụ thể', '1', 'Tuyên truyền về kế hoạch', 'Hằng năm', 'recurring', null],
      ['II. Nhiệm vụ cụ thể', '2', 'Ban hành quy chế phối hợp', '30/6/2026', 'date', '2026-06-30'],
    ]);
    expect(tasks[0]?.leads[0]).toMatchObject({ organisationId: sct });
    expect(tasks[2]?.leads[0]?.organisationName).toBe('Báo Hưng Yên');
    // Confirmed once: the draft is not confirmed again, nor is a plan of the same number and date made twice.
    expectError(await coordinator.post(`/api/plan-drafts/${draft.id}/confirm`), 409);
    const twin = expectBody(await create(coordinator, sct), planImportSchema);
    await coordinator.request('PUT', `/api/plan-drafts/${twin.id}`, {
      version: twin.version,
      draft: filled(twin.draft),
    });
    expect(expectError(await coordinator.post(`/api/plan-drafts/${twin.id}/confirm`), 409).message).toContain(
      'đã có trong hệ thống',
    );
  });

  describe('who may enter a plan by hand', () => {
    it('refuses reporters and leaders in Vietnamese', async () => {
      for (const agent of [reporter, leader]) {
        const err = expectError(await create(agent, sct), 403);
        expect(err.message).toMatch(/quyền/);
        expectError(await agent.get(`/api/plan-drafts/${draft.id}`), 403);
        expectError(await agent.get('/api/plan-drafts'), 403);
      }
    });

    it('refuses a coordinator a plan consolidated by another agency, and another agency’s draft', async () => {
      const err = expectError(await create(otherCoordinator, sct), 403);
      expect(err.message).toBe(
        'Bạn chỉ tạo được kế hoạch do Sở Tài chính chủ trì tổng hợp; kế hoạch này do Sở Công Thương chủ trì tổng hợp.',
      );
      const open = expectBody(await create(coordinator, sct), planImportSchema);
      expectError(await otherCoordinator.get(`/api/plan-drafts/${open.id}`), 403);
      expectError(
        await otherCoordinator.request('PUT', `/api/plan-drafts/${open.id}`, {
          version: open.version,
          draft: open.draft,
        }),
        403,
      );
      expectError(await otherCoordinator.post(`/api/plan-drafts/${open.id}/confirm`), 403);
      expectError(await otherCoordinator.post(`/api/plan-drafts/${open.id}/discard`), 403);
      // Nor may the owner hand the draft over to another agency.
      const moved = {
        ...open.draft,
        consolidatorResolution: { type: 'organisation' as const, organisationId: stc, confidence: 1 },
      };
      const handOver = expectError(
        await coordinator.request('PUT', `/api/plan-drafts/${open.id}`, {
          version: open.version,
          draft: moved,
        }),
        403,
      );
      expect(handOver.message).toContain('do Sở Tài chính chủ trì tổng hợp');
      // The upload routes do not serve a hand-made draft, so its agency check cannot be gone around.
      expectError(await coordinator.get(`/api/plan-imports/${open.id}`), 404);
      expectError(await coordinator.post(`/api/plan-imports/${open.id}/confirm`), 404);
      expect((await coordinator.post(`/api/plan-drafts/${open.id}/discard`)).status).toBe(200);
    });

    it('lets an administrator enter a plan for any agency', async () => {
      const res = await create(admin, stc);
      expect(expectBody(res, planImportSchema).draft.regime?.consolidator).toBe('Sở Tài chính');
    });
  });
});

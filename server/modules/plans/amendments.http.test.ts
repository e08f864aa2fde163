import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AmendmentView,
  amendmentFileSchema,
  amendmentViewSchema,
} from '../../../shared/contracts/plan-amendments';
import {
  amendmentSummarySchema,
  type RevisionTaskFields,
  revisionListSchema,
  revisionViewSchema,
} from '../../../shared/contracts/plan-revisions';
import { planTaskViewSchema, taskListResponseSchema } from '../../../shared/contracts/plans';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody, expectError } from '../../test/expect-body';
import { buildLoggedIn, buildOrganisation, buildPlan } from '../../test/factories';
import type { Agent, TestServer } from '../../test/http-agent';
import { startTestServer } from '../../test/http-agent';

const FIXTURE = readFileSync(
  path.join(import.meta.dirname, '../../../fixtures/plans/amendments/dieu-chinh-bo-sung-theo-muc.txt'),
);
const MULTI_FIXTURE = readFileSync(
  path.join(import.meta.dirname, '../../../fixtures/plans/amendments/dieu-chinh-nhieu-nhiem-vu.txt'),
);
const GROUP_I = 'I. Hoàn thiện cơ chế, chính sách';
const GROUP_II = 'II. Phát triển hạ tầng công nghiệp';
const year = (y: number) => ({
  kind: 'year' as const,
  from: `${y}-01-01`,
  to: `${y}-12-31`,
  text: String(y),
});

/*
 * Issue 13, item 2: an amending document is uploaded against a confirmed plan and read into proposed
 * changes (new tasks, tasks adjusted by ordinal and group, new deadlines), applied as one revision whose
 * file the history links, and reverted exactly; only the coordinators of the plan's consolidating agency
 * and administrators do any of it.
 */
describeEachDatabase('amending documents', (dialect) => {
  let s: TestServer;
  let coordinator: Agent;
  let admin: Agent;
  let refused: { who: string; agent: Agent; message: RegExp }[];
  let planId: number;
  let taskIds: number[];
  let orgs: Record<'sct' | 'stc' | 'skh', { id: number; name: string }>;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    orgs = {
      sct: await buildOrganisation(s.ctx, { name: 'Sở Công Thương', kind: 'so' }),
      stc: await buildOrganisation(s.ctx, { name: 'Sở Tài chính', kind: 'so' }),
      skh: await buildOrganisation(s.ctx, { name: 'Sở Kế hoạch và Đầu tư', kind: 'so' }),
    };
    const tinh = await buildOrganisation(s.ctx, { name: 'UBND tỉnh Thử Nghiệm', kind: 'ubnd_tinh' });
    const [c, a, reporter, leader, other] = await Promise.all([
      buildLoggedIn(s, { role: 'coordinator', organisationId: orgs.sct.id }),
      buildLoggedIn(s, { role: 'admin' }),
      buildLoggedIn(s, { role: 'reporter', organisationId: orgs.sct.id }),
      buildLoggedIn(s, { role: 'leader', organisationId: tinh.id }),
      buildLoggedIn(s, { role: 'coordinator', organisationId: orgs.stc.id }),
    ]);
    coordinator = c.agent;
    admin = a.agent;
    refused = [
      { who: 'reporter', agent: reporter.agent, message: /không có quyền/ },
      { who: 'leader', agent: leader.agent, message: /không có quyền/ },
      {
        who: 'other agency’s coordinator',
        agent: other.agent,
        message: /^Chỉ cán bộ tổng hợp của Sở Công Thương \(cơ quan theo dõi, tổng hợp kế hoạch\)/,
      },
    ];
    ({ planId, taskIds } = await buildPlan(coordinator, {
      number: '90/KH-UBND',
      issuedOn: '2023-02-10',
      consolidator: { org: orgs.sct },
      tasks: [
        {
          ordinal: '1',
          group: GROUP_I,
          content: 'Xây dựng cơ chế hỗ trợ cụm công nghiệp',
          leads: [{ org: orgs.sct }],
          coordinators: [{ org: orgs.stc }],
          deadline: year(2024),
        },
        {
          ordinal: '2',
          group: GROUP_I,
          content: 'Rà soát thủ tục đầu tư',
          leads: [{ org: orgs.skh }],
          deadline: year(2024),
        },
        {
          ordinal: '1',
          group: GROUP_II,
          content: 'Mở rộng khu công nghiệp phía Bắc',
          leads: [{ org: orgs.sct }],
          deadline: year(2025),
        },
        {
          ordinal: '2',
          group: GROUP_II,
          content: 'Hạ tầng giao thông kết nối cụm công nghiệp',
          leads: [{ org: orgs.skh }],
          deadline: year(2025),
        },
      ],
    }));
  });
  afterAll(async () => s?.close());

  const upload = (agent: Agent) =>
    agent.upload(`/api/plans/${planId}/amendments`, 'kh-17-dieu-chinh.txt', FIXTURE);
  const fieldsOf = async (taskId: number): Promise<RevisionTaskFields> => {
    const t = expectBody(await coordinator.get(`/api/plans/${planId}/tasks/${taskId}`), planTaskViewSchema);
    const agency = (x: (typeof t.leads)[number]) => ({
      text: x.text,
      organisationId: x.organisationId,
      groupKey: x.groupKey,
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
  const allTasks = async () =>
    expectBody(await coordinator.get(`/api/plans/${planId}/tasks?pageSize=200`), taskListResponseSchema)
      .items;
  const ticked = (p: AmendmentView) => p.changes.map((c) => c.change);

  describe('refusals', () => {
    it('refuses the upload, the proposal, applying and reverting to reporters, leaders and other agencies’ coordinators', async () => {
      const draft = expectBody(await upload(coordinator), amendmentViewSchema);
      for (const { agent, message } of refused) {
        expect(expectError(await upload(agent), 403).message).toMatch(message);
        expect(
          expectError(await agent.get(`/api/plans/${planId}/amendments/${draft.id}`), 403).message,
        ).toMatch(message);
        const apply = await agent.post(`/api/plans/${planId}/amendments/${draft.id}/apply`, {
          reason: 'Thử',
          document: { number: '17/KH-UBND', date: '2025-05-20' },
          changes: ticked(draft),
        });
        expect(expectError(apply, 403).message).toMatch(message);
        const revert = await agent.post(`/api/plans/${planId}/amendments/${draft.id}/revert`, {
          reason: 'Thử',
        });
        expect(expectError(revert, 403).message).toMatch(message);
        const file = await agent.upload(
          `/api/plans/${planId}/revision-files`,
          'qd.txt',
          Buffer.from('Quyết định'),
        );
        expect(expectError(file, 403).message).toMatch(message);
      }
      // Nothing changed: the plan has no amendment in its history.
      const history = expectBody(await coordinator.get(`/api/plans/${planId}/revisions`), revisionListSchema);
      expect(history.amendments).toEqual([]);
    });
  });

  describe('a supplementing and adjusting document', () => {
    let proposal: AmendmentView;
    let before: RevisionTaskFields[];

    it('is read into the changes it makes, with its number and date and the references it cannot match', async () => {
      before = await Promise.all(taskIds.map(fieldsOf));
      proposal = expectBody(await upload(coordinator), amendmentViewSchema);
      expect(proposal.status).toBe('draft');
      expect(proposal.document).toMatchObject({
        number: '17/KH-UBND',
        date: '2025-05-20',
        file: { filename: 'kh-17-dieu-chinh.txt', size: FIXTURE.byteLength },
      });
      expect(proposal.document.title).toMatch(
        /Điều chỉnh, bổ sung Kế hoạch số 90\/KH-UBND ngày 10\/02\/2023/,
      );
      expect(proposal.groups).toEqual([GROUP_I, GROUP_II]);
      const [deadline, coordinators, added] = proposal.changes;
      // "số thứ tự 2 mục II": the second task of group II, not of group I.
      expect(deadline).toMatchObject({
        reference: 'nhiệm vụ số 2 mục II',
        change: {
          kind: 'task_update',
          taskId: taskIds[3],
          task: { ...before[3], deadlineText: 'Quý IV/2026' },
        },
        current: before[3],
      });
      expect(coordinators).toMatchObject({
        reference: 'nhiệm vụ số 1 mục I',
        change: {
          kind: 'task_update',
          taskId: taskIds[0],
          task: {
            ...before[0],
            coordinators: [
              { text: 'Sở Tài chính', organisationId: orgs.stc.id, groupKey: null },
              { text: 'Sở Kế hoạch và Đầu tư', organisationId: orgs.skh.id, groupKey: null },
            ],
          },
        },
      });
      expect(added).toMatchObject({
        reference: null,
        change: {
          kind: 'task_add',
          task: {
            ordinal: '3',
            group: GROUP_II,
            content: 'Đầu tư hạ tầng kỹ thuật cụm công nghiệp làng nghề',
            product: 'Dự án',
            deadlineText: '2026',
            leads: [{ text: 'Sở Công Thương', organisationId: orgs.sct.id, groupKey: null }],
            coordinators: [{ text: 'Sở Tài chính', organisationId: orgs.stc.id, groupKey: null }],
          },
        },
      });
      expect(proposal.changes).toHaveLength(3);
      expect(proposal.warnings.map((w) => w.message)).toEqual([
        'Không tìm thấy nhiệm vụ số 12 mục IV trong kế hoạch: kế hoạch không có mục IV.',
        `Nhiệm vụ bổ sung số 1 (${GROUP_II}) trùng số thứ tự với nhiệm vụ đang có; đề xuất đánh số 3, hãy kiểm tra lại.`,
      ]);
      // Read again later by the review page.
      expect(
        expectBody(
          await coordinator.get(`/api/plans/${planId}/amendments/${proposal.id}`),
          amendmentViewSchema,
        ),
      ).toEqual(proposal);
    });

    it('requires a reason and the document’s number and date', async () => {
      const res = await coordinator.post(`/api/plans/${planId}/amendments/${proposal.id}/apply`, {
        reason: ' ',
        document: { number: '', date: null },
        changes: ticked(proposal),
      });
      const error = expectError(res, 400);
      expect(error.message).toMatch(/lý do|số, ký hiệu|ngày/i);
    });

    it('applies the ticked changes, edited, as one revision the history shows with the document’s file', async () => {
      const changes = ticked(proposal);
      const add = changes[2]!;
      if (add.kind !== 'task_add') throw new Error('task_add');
      add.task.content = 'Đầu tư hạ tầng kỹ thuật cụm công nghiệp làng nghề Phú Thị';
      const applied = expectBody(
        await coordinator.post(`/api/plans/${planId}/amendments/${proposal.id}/apply`, {
          reason: 'Thực hiện Kế hoạch số 17/KH-UBND của UBND tỉnh',
          document: { number: '17/KH-UBND', date: '2025-05-20' },
          changes,
        }),
        amendmentSummarySchema,
      );
      expect(applied.title).toBe('Áp dụng văn bản 17/KH-UBND ngày 20/05/2025 (3 thay đổi)');

      const tasks = await allTasks();
      expect(tasks).toHaveLength(5);
      expect(tasks.find((t) => t.id === taskIds[3])!.deadline.text).toBe('Quý IV/2026');
      const fresh = tasks.find((t) => !taskIds.includes(t.id))!;
      expect(fresh).toMatchObject({ ordinal: '3', group: GROUP_II, content: add.task.content });

      const history = expectBody(await coordinator.get(`/api/plans/${planId}/revisions`), revisionListSchema);
      expect(history.amendments).toHaveLength(1);
      const entry = history.amendments[0]!;
      expect(entry).toMatchObject({
        id: proposal.id,
        kind: 'amendment',
        status: 'applied',
        reason: 'Thực hiện Kế hoạch số 17/KH-UBND của UBND tỉnh',
        document: { number: '17/KH-UBND', date: '2025-05-20', file: { filename: 'kh-17-dieu-chinh.txt' } },
      });
      const rows = history.items.filter((r) => r.amendmentId === proposal.id);
      expect(rows.map((r) => r.title).sort()).toEqual([
        'Sửa nhiệm vụ 1',
        'Sửa nhiệm vụ 2',
        'Thêm nhiệm vụ 3',
      ]);
      const file = await refused[1]!.agent.get(`/api/plans/${planId}/files/${entry.document.file!.id}`);
      expect(file.status).toBe(200);
      expect(file.body).toBe(FIXTURE.toString('utf8'));

      const again = await coordinator.post(`/api/plans/${planId}/amendments/${proposal.id}/apply`, {
        reason: 'Lần nữa',
        document: { number: '17/KH-UBND', date: '2025-05-20' },
        changes,
      });
      expect(expectError(again, 409).message).toMatch(/đã được áp dụng/);
    });

    it('is reverted exactly: the added task is gone, every adjusted field is back, and the revert is in the history', async () => {
      const res = await coordinator.post(`/api/plans/${planId}/amendments/${proposal.id}/revert`, {
        reason: 'Văn bản 17/KH-UBND bị thu hồi',
      });
      const revert = expectBody(res, amendmentSummarySchema);
      expect(revert).toMatchObject({ kind: 'revert', revertsId: proposal.id });
      expect(revert.title).toBe('Hoàn tác văn bản 17/KH-UBND ngày 20/05/2025 (3 thay đổi)');
      const tasks = await allTasks();
      expect(tasks.map((t) => t.id).sort()).toEqual([...taskIds].sort());
      expect(await Promise.all(taskIds.map(fieldsOf))).toEqual(before);

      const history = expectBody(await coordinator.get(`/api/plans/${planId}/revisions`), revisionListSchema);
      expect(history.amendments.map((a) => [a.kind, a.status])).toEqual([
        ['revert', 'applied'],
        ['amendment', 'reverted'],
      ]);
      expect(history.amendments[1]!.revertedById).toBe(revert.id);
      const again = await coordinator.post(`/api/plans/${planId}/amendments/${proposal.id}/revert`, {
        reason: 'Lần nữa',
      });
      expect(expectError(again, 409).message).toBe('Văn bản 17/KH-UBND đã được hoàn tác trước đó.');
    });

    it('refuses to revert when a later change touched the same tasks', async () => {
      const draft = expectBody(await upload(admin), amendmentViewSchema);
      expectBody(
        await admin.post(`/api/plans/${planId}/amendments/${draft.id}/apply`, {
          reason: 'Áp dụng lại',
          document: { number: '17/KH-UBND', date: '2025-05-20' },
          changes: ticked(draft),
        }),
        amendmentSummarySchema,
      );
      const current = await fieldsOf(taskIds[3]!);
      expectBody(
        await coordinator.post(`/api/plans/${planId}/revisions`, {
          reason: 'Gia hạn thêm',
          document: null,
          change: { kind: 'task_update', taskId: taskIds[3], task: { ...current, deadlineText: '2027' } },
        }),
        revisionViewSchema,
      );
      const res = await coordinator.post(`/api/plans/${planId}/amendments/${draft.id}/revert`, {
        reason: 'Thu hồi',
      });
      expect(expectError(res, 409).message).toBe(
        'Không hoàn tác được văn bản 17/KH-UBND: nhiệm vụ 2 đã được sửa sau khi áp dụng văn bản này. Hãy hoàn tác hoặc sửa lại các thay đổi sau đó trước.',
      );
      expect((await fieldsOf(taskIds[3]!)).deadlineText).toBe('2027');
    });
  });

  it('reads a clause naming several tasks into one proposed change per task', async () => {
    const proposal = expectBody(
      await coordinator.upload(`/api/plans/${planId}/amendments`, 'qd-31.txt', MULTI_FIXTURE),
      amendmentViewSchema,
    );
    expect(proposal.document).toMatchObject({ number: '31/QĐ-UBND', date: '2025-06-02' });
    expect(
      proposal.changes.map((c) => ({
        reference: c.reference,
        kind: c.change.kind,
        taskId: 'taskId' in c.change ? c.change.taskId : null,
        deadline: c.change.kind === 'task_update' ? c.change.task.deadlineText : null,
      })),
    ).toEqual([
      // "nhiệm vụ số 1 và số 2 mục I … thành Quý II/2026": both tasks of group I.
      { reference: 'nhiệm vụ số 1 mục I', kind: 'task_update', taskId: taskIds[0], deadline: 'Quý II/2026' },
      { reference: 'nhiệm vụ số 2 mục I', kind: 'task_update', taskId: taskIds[1], deadline: 'Quý II/2026' },
      // "Bãi bỏ nhiệm vụ số 1 mục II và nhiệm vụ số 5 mục II": the plan has no fifth task in group II.
      { reference: 'nhiệm vụ số 1 mục II', kind: 'task_remove', taskId: taskIds[2], deadline: null },
    ]);
    expect(proposal.warnings.map((w) => w.message)).toEqual([
      'Không tìm thấy nhiệm vụ số 5 mục II trong kế hoạch.',
      'Chưa đọc được tự động: “Điều chỉnh chỉ tiêu tỷ lệ lấp đầy các khu công nghiệp từ 70% thành 80%.” — hãy sửa chỉ tiêu trên trang kế hoạch (nút “Sửa chỉ tiêu”).',
    ]);
  });

  it('keeps the amending document’s file of a single change, downloadable from the history', async () => {
    const file = expectBody(
      await coordinator.upload(
        `/api/plans/${planId}/revision-files`,
        'qd-25.txt',
        Buffer.from('Quyết định số 25/QĐ-UBND'),
      ),
      amendmentFileSchema,
    );
    const current = await fieldsOf(taskIds[1]!);
    const revision = expectBody(
      await coordinator.post(`/api/plans/${planId}/revisions`, {
        reason: 'Đổi sản phẩm',
        document: { number: '25/QĐ-UBND', date: '2025-06-01', fileId: file.id },
        change: { kind: 'task_update', taskId: taskIds[1], task: { ...current, product: 'Quyết định' } },
      }),
      revisionViewSchema,
    );
    expect(revision.document).toEqual({
      number: '25/QĐ-UBND',
      date: '2025-06-01',
      file: { id: file.id, filename: 'qd-25.txt' },
    });
    const download = await refused[0]!.agent.get(`/api/plans/${planId}/files/${file.id}`);
    expect(download.body).toBe('Quyết định số 25/QĐ-UBND');
    // A file of no change of this plan is not served through it.
    expect((await coordinator.get(`/api/plans/${planId}/files/2147483647`)).status).toBe(404);
  });
});

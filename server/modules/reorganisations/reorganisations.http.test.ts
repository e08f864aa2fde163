import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditListResponseSchema } from '../../../shared/contracts/audit';
import {
  type ReorganisationCreate,
  reorganisationDetailSchema,
  reorganisationListSchema,
} from '../../../shared/contracts/reorganisations';
import { reportDetailSchema } from '../../../shared/contracts/reporting';
import { localDate } from '../../../shared/domain/reporting/local-date';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody, expectError } from '../../test/expect-body';
import {
  buildOrganisation,
  buildPlan,
  buildUser,
  findReport,
  openPeriod,
  reportInState,
  saveReport,
} from '../../test/factories';
import type { Agent, TestServer } from '../../test/http-agent';
import { startTestServer } from '../../test/http-agent';
import { daysFromToday, THIS_YEAR } from '../reporting/test-fixture';

type Org = { id: number; code: string; name: string };

/** Every table an event may change, row by row (the plan's cache counter aside). */
const TABLES = [
  'organisations',
  'organisation_successors',
  'task_agencies',
  'reports',
  'report_entries',
  'users',
  'indicators',
  'plans',
] as const;

describeEachDatabase('reorganisation events: preview, apply, undo (issue 14)', (dialect) => {
  let s: TestServer;
  let admin: Agent;
  let coordinator: Agent;
  const today = localDate(new Date());
  const o: Record<string, Org> = {};
  const writer: Record<string, Agent> = {};
  let planId: number;
  let taskIds: number[];
  let periodId: number;

  async function snapshot(): Promise<Record<string, unknown[]>> {
    const out: Record<string, unknown[]> = {};
    for (const t of TABLES) {
      const rows = (
        await sql<Record<string, unknown>>`select * from ${sql.table(t)} order by id`.execute(s.ctx.db)
      ).rows;
      out[t] = rows.map(({ data_version: _v, ...r }) => r);
    }
    return out;
  }

  const create = async (body: ReorganisationCreate) =>
    expectBody(await admin.post('/api/reorganisations', body), reorganisationDetailSchema);
  const event = (
    kind: ReorganisationCreate['kind'],
    spec: ReorganisationCreate['spec'],
  ): ReorganisationCreate => ({
    kind,
    title: `Sắp xếp thử (${kind})`,
    effectiveOn: today,
    basisNumber: '123/QĐ-UBND',
    basisDate: today,
    basisText: 'Quyết định thử về sắp xếp cơ quan chuyên môn',
    spec,
  });
  const apply = async (id: number, taskChoices: Record<string, number> = {}) =>
    expectBody(
      await admin.post(`/api/reorganisations/${id}/apply`, { taskChoices }),
      reorganisationDetailSchema,
    );
  const undo = async (id: number) =>
    expectBody(await admin.post(`/api/reorganisations/${id}/undo`), reorganisationDetailSchema);
  const reportOf = async (orgId: number) =>
    s.ctx.db
      .selectFrom('reports')
      .selectAll()
      .where('period_id', '=', periodId)
      .where('organisation_id', '=', orgId)
      .executeTakeFirst();
  const entriesOf = async (reportId: number) =>
    (
      await s.ctx.db
        .selectFrom('report_entries')
        .select('task_id')
        .where('report_id', '=', reportId)
        .orderBy('task_id')
        .execute()
    ).map((e) => e.task_id);

  beforeAll(async () => {
    s = await startTestServer(dialect);
    for (const [key, kind] of [
      ['a', 'so'],
      ['b', 'so'],
      ['c', 'so'],
      ['d', 'so'],
      ['f', 'so'],
      ['g', 'so'],
      ['h', 'so'],
      ['k', 'ubnd_huyen'],
    ] as const) {
      o[key] = await buildOrganisation(s.ctx, {
        kind,
        name: kind === 'ubnd_huyen' ? `UBND huyện Thử ${key}` : `Sở Thử ${key.toUpperCase()}`,
      });
    }
    admin = await s.loginAs(await buildUser(s.ctx, { role: 'admin' }));
    coordinator = await s.loginAs(await buildUser(s.ctx, { role: 'coordinator' }));
    for (const key of ['a', 'b', 'd', 'g', 'h', 'k'])
      writer[key] = await s.loginAs(await buildUser(s.ctx, { role: 'reporter', organisationId: o[key]!.id }));
    const org = (key: string) => ({ org: o[key]! });
    ({ planId, taskIds } = await buildPlan(coordinator, {
      consolidator: org('a'),
      tasks: [
        { content: 'Nhiệm vụ của A', leads: [org('a')], coordinators: [org('c')] },
        { content: 'Nhiệm vụ của B', leads: [org('b')], coordinators: [org('a')] },
        { content: 'Nhiệm vụ thứ nhất của D', leads: [org('d')] },
        { content: 'Nhiệm vụ thứ hai của D', leads: [org('d')] },
        { content: 'Nhiệm vụ của G', leads: [org('g')] },
        { content: 'Nhiệm vụ của H', leads: [org('h')] },
        { content: 'Nhiệm vụ của huyện K', leads: [org('k')] },
        { content: 'Nhiệm vụ của các huyện', leads: [{ group: 'ubnd_cap_huyen', text: 'UBND các huyện' }] },
      ],
    }));
    const period = await openPeriod(coordinator, planId, {
      kind: 'ad_hoc',
      year: THIS_YEAR,
      title: 'Báo cáo đột xuất trước sắp xếp',
      dueOn: daysFromToday(10),
    });
    periodId = period.id;
    // A's draft is half written; B sent its report before the merger.
    const a = await findReport(writer.a!, periodId, o.a!.id);
    await saveReport(writer.a!, a, { summary: '<p>Bản nháp của Sở A</p>' });
    const b = await findReport(writer.b!, periodId, o.b!.id);
    await reportInState(writer.b!, coordinator, b, 'submitted');
  });
  afterAll(() => s.close());

  it('administrators and coordinators record reorganisations; a reporter and a leader are refused in Vietnamese', async () => {
    const body = event('rename', {
      sources: [o.g!.id],
      successors: [{ create: { code: 'SG_THU_QUYEN', name: 'Sở Thử Quyền', kind: 'so' } }],
      taskChoices: {},
    });
    const leader = await s.loginAs(await buildUser(s.ctx, { role: 'leader' }));
    for (const refused of [writer.a!, leader]) {
      const res = await refused.post('/api/reorganisations', body);
      expect(expectError(res, 403).message).toMatch(/quyền/);
      expect((await refused.get('/api/reorganisations')).status).toBe(403);
    }
    // A coordinator may prepare one (and discard it): the preview changes nothing.
    const prepared = expectBody(
      await coordinator.post('/api/reorganisations', body),
      reorganisationDetailSchema,
    );
    expect(prepared.event.state).toBe('previewed');
    const discarded = await coordinator.request('DELETE', `/api/reorganisations/${prepared.event.id}`);
    expect(discarded.status).toBeLessThan(300);
  });

  it('a merger previews every hand-over, moves the open draft and keeps the sent report; undo restores every row', async () => {
    const detail = await create(
      event('merge', {
        sources: [o.a!.id, o.b!.id],
        successors: [{ create: { code: 'SHN_MOI', name: 'Sở Hợp Nhất Mới', kind: 'so' } }],
        taskChoices: {},
      }),
    );
    expect(detail.event.state).toBe('previewed');
    const labels = detail.moves.map((m) => `${m.subject}|${m.label}|${m.to ?? ''}`);
    expect(labels).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^organisation\|Thêm Sở Hợp Nhất Mới \(mã SHN_MOI\)/),
        expect.stringMatching(/^task\|Nhiệm vụ 1 \(chủ trì, .*Sở Thử A\|Sở Hợp Nhất Mới$/),
        expect.stringMatching(/^task\|Nhiệm vụ 2 \(phối hợp, .*Sở Thử A\|Sở Hợp Nhất Mới$/),
        expect.stringMatching(
          /^report\|Báo cáo của Sở Thử A, kỳ Báo cáo đột xuất trước sắp xếp.*\|Sở Hợp Nhất Mới$/,
        ),
        expect.stringMatching(/^kept\|Báo cáo của Sở Thử B.*đã gửi, giữ lại ở cơ quan đã lập\|$/),
        expect.stringMatching(/^plan\|Kế hoạch .*: cơ quan chủ trì tổng hợp\|Sở Hợp Nhất Mới$/),
        expect.stringMatching(/^user\|.*Sở Thử A\|Sở Hợp Nhất Mới$/),
        expect.stringMatching(/^group\|Sở Thử A rời nhóm “Các sở, ban, ngành”/),
      ]),
    );
    // The preview wrote nothing.
    expect(
      await s.ctx.db
        .selectFrom('organisations')
        .select('id')
        .where('code', '=', 'SHN_MOI')
        .executeTakeFirst(),
    ).toBeUndefined();

    const before = await snapshot();
    const applied = await apply(detail.event.id);
    expect(applied.event.state).toBe('applied');
    expect(applied.event.moveCount).toBeGreaterThan(5);
    // What was recorded reads as the preview did: where each thing went, and what stayed.
    expect(applied.moves).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ subject: 'report', op: 'update', to: 'Sở Hợp Nhất Mới' }),
        expect.objectContaining({ subject: 'task', op: 'handover', to: 'Sở Hợp Nhất Mới' }),
        expect.objectContaining({
          subject: 'kept',
          op: 'note',
          label: expect.stringMatching(/^Báo cáo của Sở Thử B/),
        }),
      ]),
    );
    const merged = await s.ctx.db
      .selectFrom('organisations')
      .selectAll()
      .where('code', '=', 'SHN_MOI')
      .executeTakeFirstOrThrow();
    expect(merged.valid_from).toBe(today);
    // A's draft is now the merged department's, with what A had written; B's sent report stays B's.
    const moved = await reportOf(merged.id);
    expect(moved?.summary).toBe('<p>Bản nháp của Sở A</p>');
    expect(await reportOf(o.a!.id)).toBeUndefined();
    expect((await reportOf(o.b!.id))?.state).toBe('submitted');
    // The former departments ended yesterday with the merged one as successor.
    const a = await s.ctx.db
      .selectFrom('organisations')
      .selectAll()
      .where('id', '=', o.a!.id)
      .executeTakeFirstOrThrow();
    expect(a.successor_id).toBe(merged.id);
    expect(a.valid_to! < today).toBe(true);
    // The reporter of A now works for the merged department and sees the draft as its own.
    const opened = expectBody(await writer.a!.get(`/api/reports/${moved!.id}`), reportDetailSchema);
    expect(opened.organisation.name).toBe('Sở Hợp Nhất Mới');

    const list = expectBody(await admin.get('/api/reorganisations'), reorganisationListSchema);
    expect(list.items[0]).toMatchObject({
      id: detail.event.id,
      state: 'applied',
      sourceNames: ['Sở Thử A', 'Sở Thử B'],
    });

    const undone = await undo(detail.event.id);
    expect(undone.event.state).toBe('undone');
    expect(await snapshot()).toEqual(before);
    // Applying an undone event again is refused; a new one must be recorded.
    const again = await admin.post(`/api/reorganisations/${detail.event.id}/apply`, { taskChoices: {} });
    expect(expectError(again, 409).message).toMatch(/đã được hoàn tác/);
  });

  it('after a merger a new period expects the report from the new agency; undo is refused once it depends on it', async () => {
    const detail = await create(
      event('merge', {
        sources: [o.h!.id],
        successors: [{ existingId: o.f!.id }],
        taskChoices: {},
      }),
    );
    await apply(detail.event.id);
    const later = await openPeriod(coordinator, planId, {
      kind: 'ad_hoc',
      year: THIS_YEAR,
      title: 'Báo cáo đột xuất sau sáp nhập',
      dueOn: daysFromToday(20),
    });
    const expected = await s.ctx.db
      .selectFrom('reports')
      .select('organisation_id')
      .where('period_id', '=', later.id)
      .execute();
    const ids = expected.map((r) => r.organisation_id);
    expect(ids).toContain(o.f!.id);
    expect(ids).not.toContain(o.h!.id);
    // H's open draft of the earlier period went to F.
    expect(await reportOf(o.h!.id)).toBeUndefined();
    expect(await entriesOf((await reportOf(o.f!.id))!.id)).toEqual([taskIds[5]]);
    // F's user saves the moved draft: the event can no longer be undone without losing that work.
    const f = await findReport(writer.h!, periodId, o.f!.id);
    await saveReport(writer.h!, f, { summary: '<p>Sở F đã sửa</p>' });
    const res = await admin.post(`/api/reorganisations/${detail.event.id}/undo`);
    expect(expectError(res, 409).message).toMatch(
      /^Không thể hoàn tác: Báo cáo của Sở Thử H.*đã có thay đổi sau khi sắp xếp/,
    );
  });

  it('a split lets each task go to a chosen successor, moving its draft entry with it; undo restores every row', async () => {
    const detail = await create(
      event('split', {
        sources: [o.d!.id],
        successors: [
          { create: { code: 'SD_MOT', name: 'Sở Tách Một', kind: 'so' } },
          { existingId: o.c!.id },
        ],
        taskChoices: {},
      }),
    );
    const choosable = detail.moves.filter((m) => m.choice !== null);
    expect(choosable).toHaveLength(2);
    expect(choosable.every((m) => m.choice!.successorIndex === 0)).toBe(true);
    const second = choosable.find((m) => m.label.includes('Nhiệm vụ thứ hai của D'))!;
    const choices = { [String(second.choice!.taskAgencyId)]: 1 };
    const previewed = expectBody(
      await admin.post(`/api/reorganisations/${detail.event.id}/preview`, { taskChoices: choices }),
      reorganisationDetailSchema,
    );
    expect(previewed.moves.find((m) => m.choice?.taskAgencyId === second.choice!.taskAgencyId)?.to).toBe(
      'Sở Thử C',
    );

    const before = await snapshot();
    await apply(detail.event.id, choices);
    const one = await s.ctx.db
      .selectFrom('organisations')
      .select('id')
      .where('code', '=', 'SD_MOT')
      .executeTakeFirstOrThrow();
    expect(await entriesOf((await reportOf(one.id))!.id)).toEqual([taskIds[2]]);
    expect(await entriesOf((await reportOf(o.c!.id))!.id)).toEqual(
      expect.arrayContaining([taskIds[0], taskIds[3]]),
    );
    const link = await s.ctx.db
      .selectFrom('task_agencies')
      .select('organisation_id')
      .where('id', '=', second.choice!.taskAgencyId)
      .executeTakeFirstOrThrow();
    expect(link.organisation_id).toBe(o.c!.id);
    const successors = await s.ctx.db
      .selectFrom('organisation_successors')
      .selectAll()
      .where('organisation_id', '=', o.d!.id)
      .orderBy('id')
      .execute();
    expect(successors.map((r) => [r.successor_id, r.is_main])).toEqual([
      [one.id, 1],
      [o.c!.id, 0],
    ]);
    await undo(detail.event.id);
    expect(await snapshot()).toEqual(before);
  });

  it('a rename and an abolition without successor: the empty draft goes, users are flagged; undo restores every row', async () => {
    const before = await snapshot();
    const rename = await create(
      event('rename', {
        sources: [o.g!.id],
        successors: [{ create: { code: 'SG_TEN_MOI', name: 'Sở Tên Mới', kind: 'so' } }],
        taskChoices: {},
      }),
    );
    await apply(rename.event.id);
    const abolish = await create(event('abolish', { sources: [o.k!.id], successors: [], taskChoices: {} }));
    expect(
      abolish.moves.some((m) => m.subject === 'warning' && /cần chuyển sang cơ quan khác/.test(m.label)),
    ).toBe(true);
    await apply(abolish.event.id);
    expect(await reportOf(o.k!.id)).toBeUndefined();
    // The later event must be undone first when they touch the same rows; these do not.
    await undo(rename.event.id);
    await undo(abolish.event.id);
    expect(await snapshot()).toEqual(before);
  });

  it('districts replaced by communes: tasks of the district group and of a district go to the commune group; undo restores', async () => {
    const before = await snapshot();
    const detail = await create(event('level_replace', { sources: [], successors: [], taskChoices: {} }));
    expect(detail.moves.filter((m) => m.subject === 'task').map((m) => m.to)).toEqual(
      expect.arrayContaining(['UBND các xã, phường, thị trấn']),
    );
    await apply(detail.event.id);
    const links = await s.ctx.db
      .selectFrom('task_agencies')
      .select(['task_id', 'organisation_id', 'group_key'])
      .where('task_id', 'in', [taskIds[6]!, taskIds[7]!])
      .orderBy('task_id')
      .execute();
    expect(links).toEqual([
      { task_id: taskIds[6], organisation_id: null, group_key: 'ubnd_cap_xa' },
      { task_id: taskIds[7], organisation_id: null, group_key: 'ubnd_cap_xa' },
    ]);
    await undo(detail.event.id);
    expect(await snapshot()).toEqual(before);
  });

  it('two provinces become one: codes kept unique with the prefix, matching departments recorded as merged; undo restores', async () => {
    const before = await snapshot();
    const detail = await create(
      event('province_merge', {
        sources: [],
        successors: [],
        taskChoices: {},
        incoming: {
          provinceName: 'Thái Bình',
          codePrefix: 'TB',
          agencies: [
            { code: o.c!.code, name: 'Sở Thử C', kind: 'so' },
            { code: 'XA_TB_1', name: 'UBND xã Thử Thái Bình', kind: 'ubnd_xa' },
          ],
        },
      }),
    );
    expect(detail.moves.map((m) => m.label)).toEqual(
      expect.arrayContaining([expect.stringContaining(`mã ${o.c!.code} trùng, đổi thành TB.${o.c!.code}`)]),
    );
    await apply(detail.event.id);
    const former = await s.ctx.db
      .selectFrom('organisations')
      .selectAll()
      .where('code', '=', `TB.${o.c!.code}`)
      .executeTakeFirstOrThrow();
    expect(former).toMatchObject({ name: 'Sở Thử C tỉnh Thái Bình', successor_id: o.c!.id });
    expect(former.valid_to! < today).toBe(true);
    await undo(detail.event.id);
    expect(await snapshot()).toEqual(before);
  });

  it('the audit log says in Vietnamese what was applied and undone', async () => {
    const body = expectBody(
      await admin.get('/api/audit?action=reorganisation.undone'),
      auditListResponseSchema,
    );
    expect(body.items.map((e) => e.text)).toContain(
      'Hoàn tác sắp xếp tổ chức “Sắp xếp thử (merge)” (123/QĐ-UBND)',
    );
  });

  it('a bad event is refused with a message naming what is wrong', async () => {
    const res = await admin.post(
      '/api/reorganisations',
      event('split', { sources: [o.c!.id], successors: [{ existingId: o.f!.id }], taskChoices: {} }),
    );
    expect(expectError(res, 400).message).toBe('Chia tách cần ít nhất hai cơ quan tiếp nhận.');
  });
});

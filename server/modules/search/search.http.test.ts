import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEARCH_COUNT_CAP, searchResponseSchema } from '../../../shared/contracts/search';
import { searchKey } from '../../../shared/domain/text/normalize';
import { searchWords } from '../../../shared/domain/text/search-words';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody, expectError } from '../../test/expect-body';
import {
  acceptReport,
  buildLoggedIn,
  buildPlan,
  findReport,
  openPeriod,
  reportInState,
} from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/http-agent';
import {
  buildReportingWorld,
  daysFromToday,
  type ReportingWorld,
  THIS_YEAR,
} from '../../test/reporting-world';
import { searchTasks } from './search-repository';

/**
 * GET /api/search: typed without diacritics it finds accented plans, tasks, reports and agencies, and
 * each role finds only what it may read (a reporter: its agency's reports and accepted ones).
 */
describeEachDatabase('search across everything', (dialect) => {
  let s: TestServer;
  let w: ReportingWorld;
  beforeEach(async () => {
    s = await startTestServer(dialect);
    w = await buildReportingWorld(s);
    await buildPlan(w.as.coordinator, {
      number: '77/KH-UBND',
      title: 'Kế hoạch tăng cường quản lý đất đai',
      tasks: [
        { content: 'Tăng cường quản lý nhà nước về đất đai', leads: [{ org: w.orgs.stc }] },
        { content: 'Đẩy mạnh chuyển đổi số trong quản lý', leads: [{ org: w.orgs.snn }] },
        { content: 'Rà soát quy hoạch', leads: [{ org: w.orgs.snn }] },
      ],
    });
  });
  afterEach(async () => s?.close());

  const search = async (agent = w.as.coordinator, q: string, limit?: number) =>
    expectBody(
      await agent.get(`/api/search?q=${encodeURIComponent(q)}${limit ? `&limit=${limit}` : ''}`),
      searchResponseSchema,
      200,
    );
  const groupOf = (res: Awaited<ReturnType<typeof search>>, kind: string) => {
    const g = res.groups.find((x) => x.kind === kind);
    if (!g) throw new Error(`no ${kind} group in ${JSON.stringify(res)}`);
    return g;
  };

  it('finds accented plans and tasks typed without diacritics, "đ" as "d", words in any order', async () => {
    const res = await search(w.as.coordinator, 'quan ly');
    expect(groupOf(res, 'plan').items.map((p) => p.title)).toEqual([
      '77/KH-UBND — Kế hoạch tăng cường quản lý đất đai',
    ]);
    const tasks = groupOf(res, 'task');
    expect(tasks.total).toBe(2);
    expect(tasks.items.map((t) => t.title)).toEqual([
      '1. Tăng cường quản lý nhà nước về đất đai',
      '2. Đẩy mạnh chuyển đổi số trong quản lý',
    ]);
    expect(tasks.items[0]?.link).toMatch(/^\/ke-hoach\/\d+\/nhiem-vu\/\d+$/);

    const dat = groupOf(await search(w.as.coordinator, 'DAT DAI nha nuoc'), 'task');
    expect(dat.items.map((t) => t.title)).toEqual(['1. Tăng cường quản lý nhà nước về đất đai']);
    expect(groupOf(await search(w.as.coordinator, 'day manh'), 'task').total).toBe(1);
    expect(groupOf(await search(w.as.coordinator, 'quản lý'), 'task').total).toBe(2);
  });

  it('finds agencies and their reports by the folded agency name, with links to their pages', async () => {
    await openPeriod(w.as.coordinator, w.planId, {
      kind: 'annual',
      year: THIS_YEAR,
      dueOn: daysFromToday(20),
    });
    const res = await search(w.as.coordinator, 'so tai chinh');
    const orgs = groupOf(res, 'organisation');
    expect(orgs.items.map((o) => o.title)).toEqual(['Sở Tài chính thử']);
    expect(orgs.items[0]?.link).toBe(`/lich-han?organisationId=${w.orgs.stc.id}`);
    const reports = groupOf(res, 'report');
    expect(reports.items).toHaveLength(1);
    expect(reports.items[0]?.title).toContain('Sở Tài chính thử');
    expect(reports.items[0]?.detail).toContain('148/KH-UBND');
    expect(reports.items[0]?.link).toMatch(/^\/bao-cao\/\d+$/);
  });

  it("keeps another agency's reports from a reporter until they are accepted", async () => {
    const period = await openPeriod(w.as.coordinator, w.planId, {
      kind: 'annual',
      year: THIS_YEAR,
      dueOn: daysFromToday(20),
    });
    // SNN's reporter searches for STC's report: a draft of another agency is not readable.
    expect(groupOf(await search(w.as.snn, 'so tai chinh'), 'report')).toMatchObject({ total: 0, items: [] });
    const stcReport = await findReport(w.as.stc, period.id, w.orgs.stc.id);
    expect((await w.as.snn.get(`/api/reports/${stcReport.id}`)).status).toBe(403);
    // …STC's own reporter finds it,
    expect(groupOf(await search(w.as.stc, 'so tai chinh'), 'report').total).toBe(1);
    // …and once accepted, so does SNN's.
    const submitted = await reportInState(w.as.stc, w.as.coordinator, stcReport, 'submitted');
    expect(groupOf(await search(w.as.snn, 'so tai chinh'), 'report').total).toBe(0);
    await acceptReport(w.as.coordinator, submitted);
    expect(groupOf(await search(w.as.snn, 'so tai chinh'), 'report').total).toBe(1);
  });

  it('gives an administrator no report group (administrators do not read reports)', async () => {
    const admin = await buildLoggedIn(s, { role: 'admin' });
    const res = await search(admin.agent, 'so tai chinh');
    expect(res.groups.map((g) => g.kind)).toEqual(['plan', 'task', 'organisation']);
  });

  it('limits each kind and still counts every match', async () => {
    const res = await search(w.as.coordinator, 'noi dung nhiem vu', 2);
    const tasks = groupOf(res, 'task');
    expect(tasks.items).toHaveLength(2);
    expect(tasks.total).toBe(5);
  });

  it('treats LIKE wildcards as plain text and refuses short or bad queries in Vietnamese', async () => {
    expect(groupOf(await search(w.as.coordinator, '%%'), 'task').total).toBe(0);
    expect(groupOf(await search(w.as.coordinator, '__ quan'), 'task').total).toBe(2);
    const short = expectError(await w.as.coordinator.get('/api/search?q=a'), 400);
    expect(short.message).toContain('Từ khóa tìm kiếm phải có ít nhất 2 ký tự');
    const limit = expectError(await w.as.coordinator.get('/api/search?q=quan&limit=500'), 400);
    expect(limit.message).toContain('Số kết quả mỗi nhóm tối đa là 50');
    expect((await s.agent().get('/api/search?q=quan')).status).toBe(401);
  });

  it('matches words of 1–2 characters (too short for a trigram index) alone and with longer ones', async () => {
    // "77" is only in the new plan's number, "ly" in its title ("quản lý"), "dat" in "đất đai".
    expect(groupOf(await search(w.as.coordinator, '77'), 'plan').items.map((p) => p.title)).toEqual([
      '77/KH-UBND — Kế hoạch tăng cường quản lý đất đai',
    ]);
    expect(groupOf(await search(w.as.coordinator, 'Đất 77'), 'plan').total).toBe(1);
    expect(groupOf(await search(w.as.coordinator, 'ly 148'), 'plan').total).toBe(0);
    expect(groupOf(await search(w.as.coordinator, 'so Đẩy'), 'task').items.map((t) => t.title)).toEqual([
      '2. Đẩy mạnh chuyển đổi số trong quản lý',
    ]);
    // A word is a run of characters: its letters scattered over the text do not match.
    expect(groupOf(await search(w.as.coordinator, 'quanly'), 'task').total).toBe(0);
  });

  it("finds a report by its period's words and its agency's words together", async () => {
    await openPeriod(w.as.coordinator, w.planId, {
      kind: 'annual',
      year: THIS_YEAR,
      dueOn: daysFromToday(20),
    });
    const res = groupOf(await search(w.as.coordinator, `tai chinh ${THIS_YEAR} ket qua`), 'report');
    expect(res.items.map((r) => r.title)).toEqual([
      `Báo cáo kết quả thực hiện năm ${THIS_YEAR} — Sở Tài chính thử`,
    ]);
    expect(groupOf(await search(w.as.coordinator, `tai chinh ${THIS_YEAR - 1}`), 'report').total).toBe(0);
  });

  it('follows rows written after the index was built: renamed, rewritten and deleted rows', async () => {
    // An agency renamed through the API is found by its new name only.
    const admin = (await buildLoggedIn(s, { role: 'admin' })).agent;
    const org = (await admin.get(`/api/organisations/${w.orgs.snn.id}`)).body as {
      code: string;
      kind: string;
    };
    const renamed = await admin.patch(`/api/organisations/${w.orgs.snn.id}`, {
      code: org.code,
      kind: org.kind,
      name: 'Sở Nông nghiệp và Môi trường thử',
    });
    expect(renamed.status).toBe(200);
    const orgs = groupOf(await search(w.as.coordinator, 'nong nghiep moi truong'), 'organisation');
    expect(orgs.items.map((o) => o.title)).toEqual(['Sở Nông nghiệp và Môi trường thử']);
    expect(groupOf(await search(w.as.coordinator, 'nong nghiep thu'), 'organisation').items).toEqual([
      expect.objectContaining({ title: 'Sở Nông nghiệp và Môi trường thử' }),
    ]);

    // Any writer of a task's key (here straight SQL) moves it in the index, then a deleted task leaves it.
    const task = await s.ctx.db
      .selectFrom('tasks')
      .select(['id', 'search_key'])
      .where('content', '=', 'Rà soát quy hoạch')
      .executeTakeFirstOrThrow();
    expect(groupOf(await search(w.as.coordinator, 'ra soat quy hoach'), 'task').total).toBe(1);
    await s.ctx.db
      .updateTable('tasks')
      .set({ content: 'Rà soát hồ sơ địa chính', search_key: searchKey('3 Rà soát hồ sơ địa chính') })
      .where('id', '=', task.id)
      .execute();
    expect(groupOf(await search(w.as.coordinator, 'quy hoach'), 'task').total).toBe(0);
    expect(
      groupOf(await search(w.as.coordinator, 'ho so dia chinh'), 'task').items.map((t) => t.title),
    ).toEqual(['3. Rà soát hồ sơ địa chính']);
    await s.ctx.db.deleteFrom('task_statuses').where('task_id', '=', task.id).execute();
    await s.ctx.db.deleteFrom('task_agencies').where('task_id', '=', task.id).execute();
    await s.ctx.db.deleteFrom('tasks').where('id', '=', task.id).execute();
    expect(groupOf(await search(w.as.coordinator, 'dia chinh'), 'task').total).toBe(0);
    // The other rows stay found.
    expect(groupOf(await search(w.as.coordinator, 'quan ly'), 'task').total).toBe(2);
  });

  describe('more matches than the count cap', () => {
    // One plan of SEARCH_COUNT_CAP + 1 tasks sharing a phrase: "hơn 100" instead of a count of all.
    const many = SEARCH_COUNT_CAP + 1;
    beforeEach(async () => {
      await buildPlan(w.as.coordinator, {
        number: '88/KH-UBND',
        title: 'Kế hoạch kiểm tra hiện trường',
        issuedOn: '2030-01-01',
        tasks: Array.from({ length: many }, (_, i) => ({
          content: `Kiểm tra hiện trường đợt ${i + 1}`,
          leads: [{ org: w.orgs.stc }],
        })),
      });
    });

    it('answers "hơn 100" with the first tasks in the plan\'s order, and the exact count once at the cap', async () => {
      const tasks = groupOf(await search(w.as.coordinator, 'kiem tra hien truong'), 'task');
      expect(tasks).toMatchObject({ total: SEARCH_COUNT_CAP, totalCapped: true });
      expect(tasks.items.map((t) => t.title)).toEqual(
        [1, 2, 3, 4, 5].map((i) => `${i}. Kiểm tra hiện trường đợt ${i}`),
      );
      // A short word among them ("10" is in "đợt 10", "đợt 100", "đợt 101"): counted exactly.
      const ten = groupOf(await search(w.as.coordinator, 'hien truong 10'), 'task');
      expect(ten).toMatchObject({ total: 3, totalCapped: false });
      expect(ten.items.map((t) => t.title)).toEqual([
        '10. Kiểm tra hiện trường đợt 10',
        '100. Kiểm tra hiện trường đợt 100',
        '101. Kiểm tra hiện trường đợt 101',
      ]);
      // One task fewer: exactly at the cap, the count is exact again.
      const last = await s.ctx.db
        .selectFrom('tasks')
        .select('id')
        .where('content', '=', `Kiểm tra hiện trường đợt ${many}`)
        .executeTakeFirstOrThrow();
      await s.ctx.db.deleteFrom('task_statuses').where('task_id', '=', last.id).execute();
      await s.ctx.db.deleteFrom('task_agencies').where('task_id', '=', last.id).execute();
      await s.ctx.db.deleteFrom('tasks').where('id', '=', last.id).execute();
      expect(groupOf(await search(w.as.coordinator, 'kiem tra hien truong'), 'task')).toMatchObject({
        total: SEARCH_COUNT_CAP,
        totalCapped: false,
      });
    });

    it('finds the same first tasks whichever way the page is read (in list order or from the index)', async () => {
      for (const q of ['hien truong', 'dot 1', 'ra soat', 'kiem tra 9', 'quan ly']) {
        const words = searchWords(q);
        const exact = await searchTasks(s.ctx.db, words, { limit: 7, cap: 10_000 });
        // A cap of 3 makes these "many" matches; a window of 2 rows sends the page past the window.
        for (const orderWindow of [2, 50, 5000]) {
          const capped = await searchTasks(s.ctx.db, words, { limit: 7, cap: 3, orderWindow });
          expect(capped.rows).toEqual(exact.rows);
          expect(capped.total).toBe(Math.min(exact.total, 3));
          expect(capped.capped).toBe(exact.total > 3);
        }
      }
    });
  });
});

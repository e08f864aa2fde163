import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { notificationListResponseSchema } from '../../../shared/contracts/notifications';
import { type ReportSummary, reportListResponseSchema } from '../../../shared/contracts/reporting';
import * as listCounts from '../../db/migrations/20261201T0440_list_counts';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody } from '../../test/expect-body';
import {
  acceptReport,
  fillReport,
  findReport,
  openPeriod,
  returnReport,
  submitReport,
} from '../../test/factories';
import type { Agent } from '../../test/http-agent';
import { startTestServer, type TestServer } from '../../test/http-agent';
import {
  buildReportingWorld,
  daysFromToday,
  type ReportingWorld,
  THIS_YEAR,
} from '../../test/reporting-world';

// Issue 10, item 9: the inbox, the review queue and "my work" read precomputed counts, come one page
// at a time in a stable order, and name the plan; "my work" shows every report of the agency.

/** Every page of a list, in order, as a client paging through it would see them. */
async function allPages(agent: Agent, query: string, pageSize: number) {
  const first = expectBody(
    await agent.get(`/api/reports?${query}&pageSize=${pageSize}`),
    reportListResponseSchema,
    200,
  );
  const items = [...first.items];
  for (let page = 2; (page - 1) * pageSize < first.total; page++) {
    const next = expectBody(
      await agent.get(`/api/reports?${query}&pageSize=${pageSize}&page=${page}`),
      reportListResponseSchema,
      200,
    );
    expect(next.total).toBe(first.total);
    items.push(...next.items);
  }
  return { total: first.total, items };
}

describeEachDatabase('report lists at scale', (dialect) => {
  let s: TestServer;
  let w: ReportingWorld;
  /** The ad-hoc periods added straight into the database, with STC's report in each. */
  const EXTRA = 205;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    w = await buildReportingWorld(s);
  }, 60_000);
  afterAll(async () => s?.close());

  /** The counts the columns hold, next to a recount of the entries and versions. */
  async function countsOf(reportId: number) {
    const db = s.ctx.db;
    const row = await db
      .selectFrom('reports')
      .select(['lead_count', 'support_count', 'version_count'])
      .where('id', '=', reportId)
      .executeTakeFirstOrThrow();
    const recount = async (table: 'report_entries' | 'report_versions', role?: 'lead' | 'support') => {
      let q = db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('report_id', '=', reportId);
      if (role) q = q.where('role' as never, '=', role as never);
      return Number((await q.executeTakeFirstOrThrow()).n);
    };
    return {
      columns: [Number(row.lead_count), Number(row.support_count), Number(row.version_count)],
      recount: [
        await recount('report_entries', 'lead'),
        await recount('report_entries', 'support'),
        await recount('report_versions'),
      ],
    };
  }

  it('keeps the precomputed counts equal to a recount through submit, return, resubmit and accept', async () => {
    const period = await openPeriod(w.as.coordinator, w.planId, {
      kind: 'annual',
      year: THIS_YEAR,
      dueOn: daysFromToday(20),
    });
    const draft = await findReport(w.as.stc, period.id, w.orgs.stc.id);
    const check = async (versions: number) => {
      const c = await countsOf(draft.id);
      expect(c.columns).toEqual(c.recount);
      expect(c.columns).toEqual([draft.lead.length, draft.support.length, versions]);
      const listed = expectBody(
        await w.as.stc.get(`/api/reports?periodId=${period.id}&organisationId=${w.orgs.stc.id}`),
        reportListResponseSchema,
        200,
      ).items[0]!;
      expect([listed.leadCount, listed.supportCount, listed.versionCount]).toEqual(c.recount);
    };
    // STC leads T1 and T3 and supports T2 this year (reporting-world.ts).
    expect([draft.lead.length, draft.support.length]).toEqual([2, 1]);
    await check(0);
    const submitted = await submitReport(w.as.stc, await fillReport(w.as.stc, draft));
    await check(1);
    const returned = await returnReport(w.as.coordinator, submitted, 'Bổ sung số liệu');
    await check(1);
    const again = await submitReport(w.as.stc, returned);
    await check(2);
    await acceptReport(w.as.coordinator, again);
    await check(2);
  });

  it('names the plan on every report row and in the notifications', async () => {
    const list = expectBody(
      await w.as.coordinator.get('/api/reports?pageSize=5'),
      reportListResponseSchema,
      200,
    );
    expect(list.items.length).toBeGreaterThan(0);
    for (const r of list.items)
      expect(r.plan).toEqual({
        id: w.planId,
        number: '148/KH-UBND',
        title: 'Kế hoạch thử nghiệm báo cáo',
        label: '148/KH-UBND · Thử nghiệm báo cáo',
      });
    // STC's report was returned then accepted in the test above: its reporters were told, naming the plan.
    const notes = expectBody(await w.as.stc.get('/api/notifications'), notificationListResponseSchema, 200);
    const accepted = notes.items.find((n) => n.kind === 'report_accepted')!;
    expect(accepted.title).toContain('· 148/KH-UBND');
    expect(accepted.plan?.label).toBe('148/KH-UBND · Thử nghiệm báo cáo');
  });

  it('lists every report of an agency with more than 200, returned first, across pages', async () => {
    // Past 200 reports (the client's old cap): ad-hoc periods written straight into the database.
    const db = s.ctx.db;
    const now = new Date().toISOString();
    const states = ['draft', 'returned', 'accepted', 'submitted'] as const;
    for (let i = 0; i < EXTRA; i++) {
      const period = await db
        .insertInto('reporting_periods')
        .values({
          plan_id: w.planId,
          kind: 'ad_hoc',
          year: THIS_YEAR,
          title: `Báo cáo đột xuất số ${i + 1}`,
          due_on: daysFromToday(30 + (i % 40)),
          state: i % 10 === 9 ? 'closed' : 'open',
          opened_at: now,
          extensions_json: '[]',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('reports')
        .values({
          period_id: period.id,
          organisation_id: w.orgs.stc.id,
          state: states[i % 4]!,
          version: 1,
          late: 0,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    const mine = `organisationId=${w.orgs.stc.id}&sort=work`;
    const { total, items } = await allPages(w.as.stc, mine, 50);
    const count = await db
      .selectFrom('reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organisation_id', '=', w.orgs.stc.id)
      .executeTakeFirstOrThrow();
    expect(total).toBe(Number(count.n));
    expect(total).toBeGreaterThan(200);
    // Every report once: no row on two pages, none missing.
    expect(new Set(items.map((r) => r.id)).size).toBe(total);
    // What waits on the agency first: returned, drafts, sent, accepted; in each, open periods first,
    // then the earliest due date.
    const rank = { returned: 0, draft: 1, submitted: 2, accepted: 3 };
    const key = (r: ReportSummary) =>
      `${rank[r.state]}|${r.period.state === 'open' ? 0 : 1}|${r.period.dueOn}|${String(r.id).padStart(9, '0')}`;
    const keys = items.map(key);
    expect(keys).toEqual([...keys].sort());
    expect(items[0]!.state).toBe('returned');
  });

  it('pages the inbox in a stable order with the right total', async () => {
    const { total, items } = await allPages(w.as.coordinator, 'state=draft', 37);
    const count = await s.ctx.db
      .selectFrom('reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('state', '=', 'draft')
      .executeTakeFirstOrThrow();
    expect(total).toBe(Number(count.n));
    expect(new Set(items.map((r) => r.id)).size).toBe(total);
    // Latest due date first, then agency name, then id.
    for (let i = 1; i < items.length; i++) {
      const a = items[i - 1]!;
      const b = items[i]!;
      expect(a.period.dueOn >= b.period.dueOn).toBe(true);
      if (a.period.dueOn === b.period.dueOn && a.organisation.name === b.organisation.name)
        expect(a.id).toBeLessThan(b.id);
    }
    // The same page asked twice is the same page.
    const again = expectBody(
      await w.as.coordinator.get('/api/reports?state=draft&pageSize=37&page=3'),
      reportListResponseSchema,
      200,
    );
    expect(again.items.map((r) => r.id)).toEqual(items.slice(74, 111).map((r) => r.id));
  });

  it("shows a reporter another agency's reports only once accepted, however it sorts and pages", async () => {
    // SNN's reporter asks for STC's "my work": only STC's accepted reports come back.
    const { total, items } = await allPages(w.as.snn, `organisationId=${w.orgs.stc.id}&sort=work`, 50);
    expect(total).toBeGreaterThan(0);
    expect(items.every((r) => r.state === 'accepted')).toBe(true);
    const drafts = expectBody(
      await w.as.snn.get(`/api/reports?organisationId=${w.orgs.stc.id}&state=draft&sort=work`),
      reportListResponseSchema,
      200,
    );
    expect(drafts).toMatchObject({ total: 0, items: [] });
    // Nor can it open one of them by its id.
    const stcDraft = (await allPages(w.as.stc, `organisationId=${w.orgs.stc.id}&state=draft`, 200)).items[0]!;
    expect((await w.as.snn.get(`/api/reports/${stcDraft.id}`)).status).toBe(403);
  });

  it('fills the counts of reports and plans written before the migration', async () => {
    // Undo and redo the migration on this database: the columns come back filled from the rows.
    const db = s.ctx.db as unknown as Kysely<unknown>;
    await listCounts.down(db);
    await listCounts.up(db);
    const reports = await s.ctx.db.selectFrom('reports').select('id').execute();
    expect(reports.length).toBeGreaterThan(200);
    let withEntries = 0;
    for (const r of reports) {
      const c = await countsOf(r.id);
      expect(c.columns).toEqual(c.recount);
      if (c.recount[0]! + c.recount[1]! > 0) withEntries++;
    }
    // The generated reports have entries, STC's this-year report two sent versions (first test).
    expect(withEntries).toBeGreaterThanOrEqual(3);
    const plan = await s.ctx.db
      .selectFrom('plans')
      .select('task_count')
      .where('id', '=', w.planId)
      .executeTakeFirstOrThrow();
    expect(Number(plan.task_count)).toBe(5);
  });

  it('refuses a page size beyond the limit, in Vietnamese', async () => {
    const res = await w.as.coordinator.get('/api/reports?pageSize=201');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('Số dòng mỗi trang tối đa là 200');
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { agendaResponseSchema } from '../../../shared/contracts/my-work';
import { reportDetailSchema, reportListResponseSchema } from '../../../shared/contracts/reporting';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody } from '../../test/expect-body';
import { buildLoggedIn, buildOrganisation, buildPlan, findReport, openPeriod } from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/http-agent';
import { daysFromToday, THIS_YEAR } from '../../test/reporting-world';
import { docxParts, paragraphsOf } from '../documents/test/docx-xml';

/**
 * Issue 14, "history stays true": a report made by an agency merged afterwards stays that agency's, and
 * the inbox, the report page and its document say where the work went.
 */
describeEachDatabase('a report of an agency reorganised after it was made (issue 14)', (dialect) => {
  let s: TestServer;
  let coordinator: Awaited<ReturnType<typeof buildLoggedIn>>;
  let reporter: Awaited<ReturnType<typeof buildLoggedIn>>;
  let skhdt: { id: number; name: string };
  let stc: { id: number; name: string };
  let periodId: number;
  let reportId: number;
  const inbox = async () =>
    expectBody(await coordinator.agent.get(`/api/reports?periodId=${periodId}`), reportListResponseSchema)
      .items;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    const sct = await buildOrganisation(s.ctx, { code: 'SCT', name: 'Sở Công Thương thử', kind: 'so' });
    skhdt = await buildOrganisation(s.ctx, { code: 'SKHDT', name: 'Sở Kế hoạch và Đầu tư thử', kind: 'so' });
    stc = await buildOrganisation(s.ctx, { code: 'STC', name: 'Sở Tài chính thử', kind: 'so' });
    coordinator = await buildLoggedIn(s, { role: 'coordinator', organisationId: sct.id });
    reporter = await buildLoggedIn(s, { role: 'reporter', organisationId: skhdt.id });
    const { planId } = await buildPlan(coordinator.agent, {
      number: '148/KH-UBND',
      consolidator: { org: sct },
      tasks: [
        { content: 'Thu hút đầu tư vào khu công nghiệp', leads: [{ org: skhdt }] },
        { content: 'Bố trí vốn ngân sách', leads: [{ org: stc }] },
      ],
    });
    const period = await openPeriod(coordinator.agent, planId, {
      year: THIS_YEAR,
      dueOn: daysFromToday(20),
    });
    periodId = period.id;
    reportId = (await findReport(coordinator.agent, periodId, skhdt.id)).id;
  });
  afterAll(() => s.close());

  it('before the merger, no chain; after it, the inbox (its cached page too) and the report show it', async () => {
    const before = await inbox();
    expect(before.find((r) => r.id === reportId)!.organisation).toEqual({ id: skhdt.id, name: skhdt.name });

    // The registry records the merger: Sở Kế hoạch và Đầu tư thử ended on 28/02/2025, Sở Tài chính thử took over.
    await s.ctx.db
      .updateTable('organisations')
      .set({ valid_to: '2025-02-28', successor_id: stc.id })
      .where('id', '=', skhdt.id)
      .execute();

    const chain = [{ organisationId: stc.id, name: stc.name, from: '2025-03-01' }];
    const after = await inbox();
    // The report stays the agency's that made it, with where its work went.
    expect(after.find((r) => r.id === reportId)!.organisation).toEqual({
      id: skhdt.id,
      name: skhdt.name,
      chain,
    });
    expect(after.find((r) => r.organisation.id === stc.id)!.organisation).not.toHaveProperty('chain');

    const detail = expectBody(await coordinator.agent.get(`/api/reports/${reportId}`), reportDetailSchema);
    expect(detail.organisation).toEqual({ id: skhdt.id, name: skhdt.name, chain });

    // The agency's own reporter sees it on its home ("Tất cả báo cáo của …") and in its list of reports.
    const agenda = expectBody(await reporter.agent.get('/api/my-work/agenda'), agendaResponseSchema);
    expect(agenda.organisation).toEqual({ id: skhdt.id, name: skhdt.name, chain });
    const mine = expectBody(
      await reporter.agent.get(`/api/reports?organisationId=${skhdt.id}&sort=work`),
      reportListResponseSchema,
    ).items;
    expect(mine.map((r) => r.organisation.chain)).toEqual([chain]);
  });

  it('the agency’s document says under its name what it is now', async () => {
    const res = await s.app.inject({
      method: 'GET',
      url: `/api/reports/${reportId}/document.docx`,
      headers: { cookie: coordinator.agent.cookie! },
    });
    expect(res.statusCode).toBe(200);
    const texts = paragraphsOf(docxParts(res.rawPayload)['word/document.xml']!).map((p) => p.text);
    const name = texts.indexOf('SỞ KẾ HOẠCH VÀ ĐẦU TƯ THỬ');
    expect(name).toBeGreaterThanOrEqual(0);
    expect(texts[name + 1]).toBe('(nay là Sở Tài chính thử từ 01/03/2025)');
  });
});

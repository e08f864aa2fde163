import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  generationJobListSchema,
  generationJobSchema,
  narrativeResponseSchema,
} from '../../../../shared/contracts/consolidated';
import { buildApp } from '../../../app';
import { describeEachDatabase } from '../../../test/describe-each-database';
import { expectBody, expectError } from '../../../test/expect-body';
import {
  acceptReport,
  buildLoggedIn,
  buildOrganisation,
  buildPlan,
  findReport,
  openPeriod,
  saveReport,
  submitReport,
} from '../../../test/factories';
import type { Agent, TestServer } from '../../../test/http-agent';
import { startTestServer } from '../../../test/http-agent';
import { daysFromToday, THIS_YEAR } from '../../../test/reporting-world';
import { ABANDONED_MESSAGE } from '../generation/job-runner';
import { docxParts, paragraphsOf } from '../test/docx-xml';

/**
 * A plan consolidated by the Department of Industry and Trade, whose period has the finance
 * department's report accepted (a result, a difficulty, a proposal). Callers: the consolidating
 * agency's coordinator, a coordinator of another agency, a reporter, a leader and an administrator.
 */
async function buildWorld(s: TestServer) {
  const sct = await buildOrganisation(s.ctx, { code: 'SCT', name: 'Sở Công Thương', kind: 'so' });
  const stc = await buildOrganisation(s.ctx, { name: 'Sở Tài chính', kind: 'so' });
  const snn = await buildOrganisation(s.ctx, { name: 'Sở Nông nghiệp và Môi trường', kind: 'so' });
  const [coordinator, otherCoordinator, reporter, leader, admin] = await Promise.all([
    buildLoggedIn(s, { role: 'coordinator', organisationId: sct.id, fullName: 'Nguyễn Văn Tổng Hợp' }),
    buildLoggedIn(s, { role: 'coordinator', organisationId: snn.id }),
    buildLoggedIn(s, { role: 'reporter', organisationId: stc.id }),
    buildLoggedIn(s, { role: 'leader', organisationId: sct.id }),
    buildLoggedIn(s, { role: 'admin', organisationId: sct.id }),
  ]);
  const { planId } = await buildPlan(coordinator.agent, {
    number: '148/KH-UBND',
    title: 'Kế hoạch phát triển công nghiệp thử nghiệm',
    issuedOn: '2021-09-27',
    consolidator: { org: sct },
    tasks: [
      {
        group: 'Nhóm 1. Phát triển công nghiệp',
        content: 'Xây dựng đề án phát triển cụm công nghiệp',
        leads: [{ org: stc }],
        deadline: {
          kind: 'year',
          from: `${THIS_YEAR}-01-01`,
          to: `${THIS_YEAR}-12-31`,
          text: `Năm ${THIS_YEAR}`,
        },
      },
    ],
  });
  const period = await openPeriod(coordinator.agent, planId, {
    kind: 'annual',
    year: THIS_YEAR,
    dueOn: daysFromToday(20),
  });
  const draft = await findReport(reporter.agent, period.id, stc.id);
  const saved = await saveReport(reporter.agent, draft, {
    difficulties: 'Thiếu quỹ đất sạch cho cụm công nghiệp',
    proposals: 'Đề nghị UBND tỉnh bố trí vốn đầu tư hạ tầng',
    entries: [{ id: draft.lead[0]!.id, progress: 'in_progress', result: '<p>Đã trình đề án lần đầu</p>' }],
  });
  const accepted = await acceptReport(coordinator.agent, await submitReport(reporter.agent, saved));
  return {
    planId,
    period,
    reportId: accepted.id,
    as: {
      coordinator: coordinator.agent,
      otherCoordinator: otherCoordinator.agent,
      reporter: reporter.agent,
      leader: leader.agent,
      admin: admin.agent,
    },
  };
}

const put = (a: Agent, url: string, body: unknown) => a.request('PUT', url, body);

describeEachDatabase('consolidated report: narrative sections and generated files', (dialect) => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof buildWorld>>;
  let narrativeUrl: string;
  let jobsUrl: string;
  beforeAll(async () => {
    s = await startTestServer(dialect);
    w = await buildWorld(s);
    narrativeUrl = `/api/reporting-periods/${w.period.id}/narrative`;
    jobsUrl = `/api/reporting-periods/${w.period.id}/generation-jobs`;
  }, 120_000);
  afterAll(async () => s?.close());

  /** Polls the period's list until the job is done or failed, as the page does. */
  async function waitForJob(agent: Agent, id: number) {
    for (let i = 0; i < 600; i++) {
      const list = expectBody(await agent.get(jobsUrl), generationJobListSchema, 200);
      const job = list.items.find((j) => j.id === id)!;
      if (job.status === 'done' || job.status === 'failed') return job;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`job ${id} did not finish`);
  }

  async function download(agent: Agent, jobId: number) {
    return s.app.inject({
      method: 'GET',
      url: `${jobsUrl}/${jobId}/file`,
      headers: { cookie: agent.cookie! },
    });
  }

  it('drafts each section from the accepted reports until a coordinator edits it', async () => {
    const n = expectBody(await w.as.coordinator.get(narrativeUrl), narrativeResponseSchema, 200);
    expect(n.canEdit).toBe(true);
    expect(n.consolidatorName).toBe('Sở Công Thương');
    expect(n.sections.map((x) => x.key)).toEqual(['results', 'difficulties', 'next_tasks', 'proposals']);
    const by = Object.fromEntries(n.sections.map((x) => [x.key, x]));
    expect(by.results!.draft).toContain('- Sở Tài chính: Đã trình đề án lần đầu.');
    expect(by.difficulties!.draft).toBe('- Sở Tài chính: Thiếu quỹ đất sạch cho cụm công nghiệp');
    expect(by.next_tasks!.title).toBe(`III. Nhiệm vụ, giải pháp trọng tâm năm ${THIS_YEAR + 1}`);
    expect(by.proposals!.draft).toContain('Đề nghị UBND tỉnh bố trí vốn đầu tư hạ tầng');
    for (const x of n.sections) expect([x.text, x.version, x.history]).toEqual([null, 0, []]);
    // Leaders read without editing; administrators may edit.
    expect(expectBody(await w.as.leader.get(narrativeUrl), narrativeResponseSchema, 200).canEdit).toBe(false);
    expect(expectBody(await w.as.admin.get(narrativeUrl), narrativeResponseSchema, 200).canEdit).toBe(true);
    expect(
      expectBody(await w.as.otherCoordinator.get(narrativeUrl), narrativeResponseSchema, 200).canEdit,
    ).toBe(false);
  });

  it('refuses reporters reading, and reporters, leaders and other agencies’ coordinators writing', async () => {
    expect(expectError(await w.as.reporter.get(narrativeUrl), 403).message).toContain('báo cáo tổng hợp');
    expect(expectError(await w.as.reporter.get(jobsUrl), 403).code).toBe('FORBIDDEN');
    const body = { version: 0, text: 'Sửa trái phép' };
    for (const who of ['reporter', 'leader', 'otherCoordinator'] as const) {
      const agent = w.as[who];
      const e = expectError(await put(agent, `${narrativeUrl}/difficulties`, body), 403);
      if (who !== 'reporter') expect(e.message).toContain('Sở Công Thương');
      expectError(await agent.post(`${narrativeUrl}/difficulties/reset`, { version: 0 }), 403);
      expectError(await agent.post(jobsUrl, { kind: 'consolidated' }), 403);
    }
    // Nothing was written by the refused calls.
    const n = expectBody(await w.as.coordinator.get(narrativeUrl), narrativeResponseSchema, 200);
    expect(n.sections.every((x) => x.version === 0)).toBe(true);
  });

  it('checks what is sent, in Vietnamese', async () => {
    const blank = expectError(
      await put(w.as.coordinator, `${narrativeUrl}/difficulties`, { version: 0, text: '  \n ' }),
      400,
    );
    expect(JSON.stringify(blank)).toContain('Khôi phục dự thảo');
    expectError(await put(w.as.coordinator, `${narrativeUrl}/phan-la`, { version: 0, text: 'x' }), 400);
    const kind = expectError(await w.as.coordinator.post(jobsUrl, { kind: 'khong_co' }), 400);
    expect(kind.message).toContain('Không có loại tài liệu');
    expectError(await w.as.coordinator.get('/api/reporting-periods/999999/narrative'), 404);
  });

  it('saves versions with who and when, refuses a stale save naming who saved, resets to the draft', async () => {
    const url = `${narrativeUrl}/next_tasks`;
    const v1 = expectBody(
      await put(w.as.coordinator, url, {
        version: 0,
        text: 'Tập trung hoàn thành đề án.\r\n\r\nRà soát quỹ đất.  ',
      }),
      narrativeResponseSchema,
      200,
    );
    const s1 = v1.sections.find((x) => x.key === 'next_tasks')!;
    expect(s1.text).toBe('Tập trung hoàn thành đề án.\n\nRà soát quỹ đất.');
    expect(s1.version).toBe(1);
    expect(s1.history).toEqual([
      expect.objectContaining({
        version: 1,
        reset: false,
        savedBy: expect.objectContaining({ name: 'Nguyễn Văn Tổng Hợp' }),
      }),
    ]);
    const stale = expectError(await put(w.as.admin, url, { version: 0, text: 'Bản cũ' }), 409);
    expect(stale.message).toContain('Nguyễn Văn Tổng Hợp');
    const v2 = expectBody(
      await put(w.as.admin, url, { version: 1, text: 'Bản của quản trị' }),
      narrativeResponseSchema,
      200,
    );
    expect(v2.sections.find((x) => x.key === 'next_tasks')!.version).toBe(2);
    const reset = expectBody(
      await w.as.coordinator.post(`${url}/reset`, { version: 2 }),
      narrativeResponseSchema,
      200,
    );
    const s3 = reset.sections.find((x) => x.key === 'next_tasks')!;
    expect(s3.text).toBeNull();
    expect(s3.version).toBe(3);
    expect(s3.history.map((h) => [h.version, h.reset])).toEqual([
      [3, true],
      [2, false],
      [1, false],
    ]);
    const audits = await s.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', 'like', 'consolidated_narrative.%')
      .orderBy('id')
      .execute();
    expect(audits).toEqual([
      { action: 'consolidated_narrative.saved', entity_id: String(w.period.id) },
      { action: 'consolidated_narrative.saved', entity_id: String(w.period.id) },
      { action: 'consolidated_narrative.reset', entity_id: String(w.period.id) },
    ]);
  });

  it('generates the document as a job, keeps the file with who, when and the report versions', async () => {
    const edited = 'Ý kiến của cơ quan tổng hợp: thiếu quỹ đất sạch là vướng mắc lớn nhất năm nay.';
    const cur = expectBody(await w.as.coordinator.get(narrativeUrl), narrativeResponseSchema, 200);
    const version = cur.sections.find((x) => x.key === 'difficulties')!.version;
    expectBody(
      await put(w.as.coordinator, `${narrativeUrl}/difficulties`, {
        version,
        text: `${edited}\nĐoạn thứ hai.`,
      }),
      narrativeResponseSchema,
      200,
    );
    const started = expectBody(
      await w.as.coordinator.post(jobsUrl, { kind: 'consolidated' }),
      generationJobSchema,
      202,
    );
    expect(['queued', 'running', 'done']).toContain(started.status);
    expect(started.kindLabel).toBe('Báo cáo tổng hợp');
    const job = await waitForJob(w.as.coordinator, started.id);
    expect(job.status).toBe('done');
    expect(job.progress).toBe(100);
    expect(job.error).toBeNull();
    expect(job.requestedBy?.name).toBe('Nguyễn Văn Tổng Hợp');
    expect(job.file?.name).toBe(`Báo cáo tổng hợp 148/KH-UBND năm ${THIS_YEAR}.docx`);
    expect(job.sources).toEqual([{ reportId: w.reportId, organisation: 'Sở Tài chính', versionNo: 1 }]);

    // A leader lists and downloads it; the file carries the edited section, not the draft.
    const listed = expectBody(await w.as.leader.get(jobsUrl), generationJobListSchema, 200);
    expect(listed.items[0]!.id).toBe(job.id);
    const res = await download(w.as.leader, job.id);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1]!)).toBe(
      `Báo cáo tổng hợp 148-KH-UBND năm ${THIS_YEAR}.docx`,
    );
    const texts = paragraphsOf(docxParts(res.rawPayload)['word/document.xml']!).map((p) => p.text);
    const heading = texts.indexOf('II. TỒN TẠI, HẠN CHẾ, KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN');
    expect(texts.slice(heading + 1, heading + 3)).toEqual([edited, 'Đoạn thứ hai.']);
    expect(texts.join('\n')).not.toContain('Thiếu quỹ đất sạch cho cụm công nghiệp');
    // Sections left alone print the draft.
    expect(texts.join('\n')).toContain('Đề nghị UBND tỉnh bố trí vốn đầu tư hạ tầng');
    // The direct download prints the same edited text.
    const direct = await s.app.inject({
      method: 'GET',
      url: `/api/reporting-periods/${w.period.id}/consolidated-report.docx`,
      headers: { cookie: w.as.coordinator.cookie! },
    });
    expect(docxParts(direct.rawPayload)['word/document.xml']).toContain(edited);

    expect((await download(w.as.reporter, job.id)).statusCode).toBe(403);
    expect((await download(w.as.leader, 2_147_483_000)).statusCode).toBe(404);
  });

  it('marks failed, in Vietnamese, a job whose process stopped, at start-up and when listing', async () => {
    const insert = (holder: string) =>
      s.ctx.db
        .insertInto('generation_jobs')
        .values({
          kind: 'consolidated',
          period_id: w.period.id,
          subject_id: null,
          status: 'running',
          progress: 40,
          requested_by: null,
          requested_at: new Date(Date.now() - 120_000).toISOString(),
          holder,
          lease_until: new Date(Date.now() - 1_000).toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const atStart = await insert('may-da-tat:1:abcd');
    // A process starting on the same database fails it while getting ready.
    const second = await buildApp(s.ctx, { logger: false });
    await second.ready();
    await second.close();
    const row = await s.ctx.db
      .selectFrom('generation_jobs')
      .select(['status', 'error'])
      .where('id', '=', atStart.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'failed', error: ABANDONED_MESSAGE });

    const whileListing = await insert('may-khac:2:ef01');
    const list = expectBody(await w.as.leader.get(jobsUrl), generationJobListSchema, 200);
    const job = list.items.find((j) => j.id === whileListing.id)!;
    expect(job.status).toBe('failed');
    expect(job.error).toContain('dừng giữa chừng');
    expect(job.file).toBeNull();
    expect((await download(w.as.leader, job.id)).statusCode).toBe(409);
  });

  it('fails a job with the reason when the report cannot be drafted', async () => {
    await s.ctx.db
      .updateTable('plans')
      .set({ consolidator_org_id: null })
      .where('id', '=', w.planId)
      .execute();
    try {
      // Without a consolidating agency any coordinator may start it, and the job says what is missing.
      const started = expectBody(await w.as.otherCoordinator.post(jobsUrl, {}), generationJobSchema, 202);
      const job = await waitForJob(w.as.otherCoordinator, started.id);
      expect(job.status).toBe('failed');
      expect(job.error).toContain('chưa có cơ quan tổng hợp báo cáo');
    } finally {
      const sct = await s.ctx.db
        .selectFrom('organisations')
        .select('id')
        .where('code', '=', 'SCT')
        .executeTakeFirstOrThrow();
      await s.ctx.db
        .updateTable('plans')
        .set({ consolidator_org_id: sct.id })
        .where('id', '=', w.planId)
        .execute();
    }
  });
});

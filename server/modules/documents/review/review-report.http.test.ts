import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type GenerationJob,
  generationJobListSchema,
  generationJobSchema,
} from '../../../../shared/contracts/consolidated';
import { indicatorDetailSchema, planIndicatorsResponseSchema } from '../../../../shared/contracts/indicators';
import type { ReportDetail } from '../../../../shared/contracts/reporting';
import { taskStatusesResponseSchema } from '../../../../shared/contracts/reporting';
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
import { type Agent, startTestServer, type TestServer } from '../../../test/http-agent';
import { daysFromToday, THIS_YEAR } from '../../../test/reporting-world';
import { docxParts, paragraphsOf, tablesOf } from '../test/docx-xml';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const run = promisify(execFile);

/** The plan runs three years, the last being this year: its final review spans all three. */
const FIRST = THIS_YEAR - 2;
const YEARS = [FIRST, FIRST + 1, THIS_YEAR];

const year = (y: number) => ({
  kind: 'year' as const,
  from: `${y}-01-01`,
  to: `${y}-12-31`,
  text: `Năm ${y}`,
});

/** The finance department's report of a period, each lead task given its progress, then accepted. */
async function reportAccepted(
  as: { coordinator: Agent; stc: Agent },
  periodId: number,
  stcId: number,
  entries: (r: ReportDetail) => Record<number, Record<string, unknown>>,
  texts: { difficulties?: string; proposals?: string } = {},
) {
  const draft = await findReport(as.stc, periodId, stcId);
  const byTask = entries(draft);
  const saved = await saveReport(as.stc, draft, {
    ...texts,
    entries: draft.lead.map((e) => ({ id: e.id, progress: 'in_progress' as const, ...byTask[e.task.id] })),
  });
  await acceptReport(as.coordinator, await submitReport(as.stc, saved));
}

/**
 * A plan issued in the first year with four tasks (one due each year, one recurring), a growth target
 * over the three years with figures for the first two, an annual period in each of the first two years
 * and the final period this year, with the finance department's report accepted in three of them.
 */
async function buildWorld(s: TestServer) {
  const tinh = await buildOrganisation(s.ctx, { name: 'Ủy ban nhân dân tỉnh Thử Nghiệm', kind: 'ubnd_tinh' });
  const sct = await buildOrganisation(s.ctx, { code: 'SCT', name: 'Sở Công Thương', kind: 'so' });
  await s.ctx.db.updateTable('organisations').set({ parent_id: tinh.id }).where('id', '=', sct.id).execute();
  const stc = await buildOrganisation(s.ctx, { name: 'Sở Tài chính', kind: 'so' });
  const snn = await buildOrganisation(s.ctx, { name: 'Sở Nông nghiệp và Môi trường', kind: 'so' });
  const [coordinator, stcReporter, leader] = await Promise.all([
    buildLoggedIn(s, { role: 'coordinator', organisationId: sct.id }),
    buildLoggedIn(s, { role: 'reporter', organisationId: stc.id }),
    buildLoggedIn(s, { role: 'leader', organisationId: tinh.id }),
  ]);
  const { planId, taskIds } = await buildPlan(coordinator.agent, {
    number: '27/KH-UBND',
    title: 'Kế hoạch phát triển thương mại thử nghiệm',
    issuedOn: `${FIRST}-03-15`,
    regime: {
      consolidator: 'Sở Công Thương',
      annualDueDay: 15,
      annualDueMonth: 12,
      midTermYear: FIRST + 1,
      finalYear: THIS_YEAR,
      text: '',
    },
    consolidator: { org: sct },
    targets: [
      {
        text: `Tổng mức bán lẻ hàng hóa tăng bình quân 10%/năm giai đoạn ${FIRST}-${THIS_YEAR}`,
        kind: 'average_growth',
        min: 10,
        max: null,
        unit: '%',
        fromYear: FIRST,
        toYear: THIS_YEAR,
        approximate: false,
        subject: 'Tổng mức bán lẻ hàng hóa',
      },
    ],
    tasks: [
      {
        group: 'Nhóm 1. Hạ tầng thương mại',
        content: 'Lập đề án phát triển chợ',
        leads: [{ org: stc }],
        deadline: year(FIRST),
        product: 'Đề án',
      },
      {
        group: 'Nhóm 1. Hạ tầng thương mại',
        content: 'Xây dựng trung tâm logistics',
        leads: [{ org: stc }],
        deadline: year(FIRST + 1),
      },
      {
        group: 'Nhóm 2. Xúc tiến thương mại',
        content: 'Tổ chức hội chợ hàng Việt',
        leads: [{ org: stc }],
        deadline: year(THIS_YEAR),
      },
      { group: 'Nhóm 2. Xúc tiến thương mại', content: 'Kết nối cung cầu hằng năm', leads: [{ org: snn }] },
    ],
  });
  const indicators = expectBody(
    await coordinator.agent.get(`/api/plans/${planId}/indicators`),
    planIndicatorsResponseSchema,
    200,
  );
  const indicatorId = indicators.items[0]!.id;
  for (const [y, value] of [
    [FIRST, 9.6],
    [FIRST + 1, 11.25],
  ] as const) {
    expectBody(
      await coordinator.agent.post(`/api/indicators/${indicatorId}/values`, {
        year: y,
        value,
        status: 'official',
        source: 'Cục Thống kê tỉnh',
        sourceUrl: null,
        note: null,
      }),
      indicatorDetailSchema,
      200,
    );
  }
  const as = { coordinator: coordinator.agent, stc: stcReporter.agent };
  const first = await openPeriod(coordinator.agent, planId, { kind: 'annual', year: FIRST });
  await reportAccepted(
    as,
    first.id,
    stc.id,
    () => ({
      [taskIds[0]!]: {
        progress: 'completed',
        completedOn: `${FIRST}-11-20`,
        result: '<p>Đã trình phê duyệt đề án phát triển chợ</p>',
        productNumber: '45/QĐ-UBND',
        productDate: `${FIRST}-11-20`,
        productSummary: 'Quyết định phê duyệt đề án',
      },
    }),
    { difficulties: 'Thiếu vốn đầu tư hạ tầng chợ' },
  );
  const second = await openPeriod(coordinator.agent, planId, { kind: 'annual', year: FIRST + 1 });
  await reportAccepted(
    as,
    second.id,
    stc.id,
    () => ({ [taskIds[1]!]: { progress: 'in_progress', result: '<p>Đang giải phóng mặt bằng</p>' } }),
    { difficulties: 'Thiếu vốn đầu tư hạ tầng chợ', proposals: 'Đề nghị UBND tỉnh bố trí vốn đầu tư công' },
  );
  const final = await openPeriod(coordinator.agent, planId, {
    kind: 'final',
    year: THIS_YEAR,
    dueOn: daysFromToday(20),
  });
  await reportAccepted(as, final.id, stc.id, () => ({
    [taskIds[2]!]: {
      progress: 'completed',
      completedOn: daysFromToday(-3),
      result: '<p>Đã tổ chức hội chợ với 200 gian hàng</p>',
    },
  }));
  return { planId, taskIds, indicatorId, final, as: { ...as, leader: leader.agent } };
}

describeEachDatabase('final review report (.docx, Decree 30)', (dialect) => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof buildWorld>>;
  let bytes: Buffer;
  let xml: string;
  /** styles.xml: where the runs' inherited font and sizes are. */
  let styles = '';
  const url = () => `/api/plans/${w.planId}/review-report.docx?kind=final`;
  beforeAll(async () => {
    s = await startTestServer(dialect);
    w = await buildWorld(s);
    const res = await s.app.inject({
      method: 'GET',
      url: url(),
      headers: { cookie: w.as.coordinator.cookie! },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1]!)).toBe(
      `Báo cáo tổng kết 27/KH-UBND giai đoạn ${FIRST}–${THIS_YEAR}.docx`,
    );
    bytes = res.rawPayload;
    xml = docxParts(bytes)['word/document.xml']!;
    styles = docxParts(bytes)['word/styles.xml']!;
  }, 180_000);
  afterAll(async () => s?.close());

  it('is A4 portrait with the Decree 30 margins in Times New Roman, titled as a final review', () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    const margins = xml.match(/<w:pgMar ([^/]*)\/>/)![1]!;
    expect(margins).toContain('w:top="1134"');
    expect(margins).toContain('w:bottom="1134"');
    expect(margins).toContain('w:left="1701"');
    expect(margins).toContain('w:right="850"');
    const ps = paragraphsOf(xml, styles);
    expect(new Set(ps.flatMap((p) => p.runs.map((r) => r.font)))).toEqual(new Set(['Times New Roman']));
    const find = (text: string) => ps.find((p) => p.text === text);
    expect(find('SỞ CÔNG THƯƠNG')!.runs[0]).toMatchObject({ bold: true, size: 26 });
    expect(find('ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM')!.runs[0]).toMatchObject({ bold: false, size: 26 });
    expect(find('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')!.runs[0]).toMatchObject({ bold: true, size: 26 });
    expect(find('Độc lập - Tự do - Hạnh phúc')!.runs[0]).toMatchObject({ bold: true, size: 28 });
    expect(find('BÁO CÁO')!.runs[0]).toMatchObject({ bold: true, size: 28 });
    const title = find(`Tổng kết 3 năm thực hiện Kế hoạch số 27/KH-UBND (${FIRST}–${THIS_YEAR})`)!;
    expect(title.runs[0]).toMatchObject({ bold: true, size: 28 });
    const heading = find(`I. KẾT QUẢ THỰC HIỆN GIAI ĐOẠN ${FIRST}–${THIS_YEAR}`)!;
    expect(heading).toMatchObject({ align: 'both', firstLine: 720, after: 120 });
    expect(heading.runs[0]).toMatchObject({ bold: true, size: 28 });
    expect(find('Nơi nhận:')!.runs[0]).toMatchObject({ bold: true, italic: true, size: 24 });
  });

  it('has a column per year of the plan with the figures entered, and the final evaluation in words', async () => {
    const table = tablesOf(xml).find((t) => t[0]!.includes('Mục tiêu'))!;
    expect(table[0]).toEqual([
      'TT',
      'Chỉ tiêu',
      'Mục tiêu',
      ...YEARS.map((y) => `Năm ${y}`),
      'Đánh giá cuối kỳ',
    ]);
    const detail = expectBody(
      await w.as.coordinator.get(`/api/indicators/${w.indicatorId}`),
      indicatorDetailSchema,
      200,
    );
    const e = detail.targets[0]!.evaluation;
    expect(table[1]!.slice(3)).toEqual(['9,6', '11,25', '-', `${e.label}: ${e.reason}`]);
    expect(e.reason.length).toBeGreaterThan(10);
  });

  it('embeds the indicator chart as a PNG after the indicator table', () => {
    const parts = docxParts(bytes);
    const media = Object.keys(parts).filter((n) => n.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    const png = docxParts(bytes)[media[0]!]!;
    expect(png.slice(1, 4)).toBe('PNG');
    expect(xml).toContain('<pic:pic');
    const ps = paragraphsOf(xml, styles).map((p) => p.text);
    const caption = ps.indexOf('Biểu đồ 1. Tổng mức bán lẻ hàng hóa (%): thực hiện các năm so với mục tiêu');
    expect(caption).toBeGreaterThan(ps.indexOf('1. Kết quả thực hiện các chỉ tiêu'));
    expect(caption).toBeLessThan(ps.indexOf('2. Kết quả thực hiện các nhiệm vụ qua từng năm'));
  });

  it('counts the tasks year by year as the task-status page does for each year', async () => {
    const table = tablesOf(xml).find((t) => t[0]![0] === 'Năm')!;
    expect(table[0]).toEqual([
      'Năm',
      'Nhiệm vụ đến hạn',
      'Hoàn thành đúng hạn',
      'Hoàn thành quá hạn',
      'Đang thực hiện trong hạn',
      'Quá hạn',
      'Chưa báo cáo',
      'Chưa đến hạn',
    ]);
    expect(table.slice(1).map((r) => r[0])).toEqual(YEARS.map(String));
    for (const [k, y] of YEARS.entries()) {
      const page = expectBody(
        await w.as.coordinator.get(`/api/plans/${w.planId}/task-statuses?year=${y}&pageSize=100`),
        taskStatusesResponseSchema,
        200,
      );
      const m = page.summary;
      expect(table[k + 1]).toEqual(
        [y, 2, m.done_on_time, m.done_late, m.in_progress_on_time, m.overdue, m.not_reported, m.not_due].map(
          String,
        ),
      );
    }
    // The first task was done in its year; the second was still in progress after its deadline.
    expect(table[1]![2]).toBe('1');
    expect(Number(table[3]![5])).toBeGreaterThanOrEqual(1);
  });

  it('gathers results by group, difficulties and proposals across the years, and lists every task', async () => {
    const ps = paragraphsOf(xml, styles).map((p) => p.text);
    expect(ps).toContain(
      `- Sở Tài chính (năm ${FIRST}): Đã trình phê duyệt đề án phát triển chợ. Sản phẩm: 45/QĐ-UBND ngày 20/11/${FIRST} Quyết định phê duyệt đề án.`,
    );
    expect(ps).toContain(`- Sở Tài chính (năm ${THIS_YEAR}): Đã tổ chức hội chợ với 200 gian hàng.`);
    expect(ps).toContain(`- Sở Tài chính: Thiếu vốn đầu tư hạ tầng chợ (năm ${FIRST}, ${FIRST + 1})`);
    expect(ps).toContain(`- Sở Tài chính: Đề nghị UBND tỉnh bố trí vốn đầu tư công (năm ${FIRST + 1})`);
    expect(ps.indexOf('Nhóm 1. Hạ tầng thương mại')).toBeLessThan(ps.indexOf('Nhóm 2. Xúc tiến thương mại'));
    const appendix = tablesOf(xml).at(-1)!;
    expect(appendix).toHaveLength(1 + w.taskIds.length);
    const statuses = expectBody(
      await w.as.coordinator.get(`/api/plans/${w.planId}/task-statuses?year=${THIS_YEAR}&pageSize=100`),
      taskStatusesResponseSchema,
      200,
    );
    expect(appendix.slice(1).map((r) => [r[1], r[5]])).toEqual(
      statuses.items.map((i) => [i.task.content, i.status.label]),
    );
    expect(appendix[2]![6]).toBe(`Đang giải phóng mặt bằng (năm ${FIRST + 1})`);
  });

  it('is for those who monitor: a reporter is refused, a leader reads, a missing review is named', async () => {
    expect(expectError(await w.as.stc.get(url()), 403).message).toMatch(/quyền/);
    const leader = await s.app.inject({
      method: 'GET',
      url: url(),
      headers: { cookie: w.as.leader.cookie! },
    });
    expect(leader.statusCode).toBe(200);
    const midterm = expectError(
      await w.as.coordinator.get(`/api/plans/${w.planId}/review-report.docx?kind=midterm`),
      404,
    );
    expect(midterm.message).toBe(
      'Kế hoạch số 27/KH-UBND chưa mở kỳ sơ kết: hãy mở kỳ báo cáo sơ kết của kế hoạch rồi lập báo cáo.',
    );
    const bad = expectError(
      await w.as.coordinator.get(`/api/plans/${w.planId}/review-report.docx?kind=x`),
      400,
    );
    expect(bad.message + JSON.stringify(bad)).toContain('sơ kết (kind=midterm) hoặc tổng kết (kind=final)');
    const none = expectError(await w.as.coordinator.get(`/api/plans/${w.planId}/review-report.docx`), 400);
    expect(none.message).toBe('Chọn loại báo cáo: sơ kết (kind=midterm) hoặc tổng kết (kind=final)');
    expect(expectError(await w.as.stc.get(`/api/plans/${w.planId}/review-report.docx`), 403).message).toMatch(
      /quyền/,
    );
    expect(
      expectError(await w.as.coordinator.get('/api/plans/999999/review-report.docx?kind=final'), 404).message,
    ).toBe('Không tìm thấy kế hoạch.');
  });

  it('serves the review data as .xlsx: a column per year, the final evaluation, a row per year and per task', async () => {
    const res = await s.app.inject({
      method: 'GET',
      url: `/api/plans/${w.planId}/review-report.xlsx?kind=final`,
      headers: { cookie: w.as.leader.cookie! },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((x) => x.name)).toEqual([
      'Chỉ tiêu',
      'Nhiệm vụ qua từng năm',
      'Kết quả qua các năm',
      'Phụ lục',
    ]);
    const ind = wb.getWorksheet('Chỉ tiêu')!;
    expect((ind.getRow(4).values as unknown[]).slice(1)).toEqual([
      'STT',
      'Chỉ tiêu',
      'Đơn vị tính',
      'Mục tiêu',
      ...YEARS.map((y) => `Năm ${y}`),
      'Đánh giá cuối kỳ',
      'Căn cứ đánh giá',
    ]);
    expect(ind.rowCount - 4).toBe(1);
    // The figures entered, as numbers; none for this year.
    expect((ind.getRow(5).values as unknown[]).slice(5, 8)).toEqual([9.6, 11.25, undefined]);
    const years = wb.getWorksheet('Nhiệm vụ qua từng năm')!;
    expect(years.rowCount - 4).toBe(YEARS.length);
    expect(YEARS.map((_, k) => years.getRow(5 + k).getCell(1).value)).toEqual(YEARS.map(String));
    // Every accepted answer of the three periods (the finance department's lead tasks in each report),
    // three of them with a result written.
    const results = wb.getWorksheet('Kết quả qua các năm')!;
    const rows = Array.from({ length: results.rowCount - 4 }, (_, k) => results.getRow(5 + k));
    expect(rows).toHaveLength(7);
    expect(rows.map((r) => r.getCell(9).value).filter(Boolean)).toEqual([
      'Đã trình phê duyệt đề án phát triển chợ',
      'Đang giải phóng mặt bằng',
      'Đã tổ chức hội chợ với 200 gian hàng',
    ]);
    expect(rows.map((r) => r.getCell(2).value)).toEqual([...rows.map((r) => r.getCell(2).value)].sort());
    expect(wb.getWorksheet('Phụ lục')!.rowCount - 4).toBe(w.taskIds.length);
    expect(
      expectError(await w.as.stc.get(`/api/plans/${w.planId}/review-report.xlsx?kind=final`), 403).message,
    ).toMatch(/quyền/);
  });

  it('generates the final review as a tracked job, kept with who, when and the reports of every year', async () => {
    const jobsUrl = `/api/plans/${w.planId}/review-jobs`;
    const started = expectBody(
      await w.as.coordinator.post(jobsUrl, { kind: 'final' }),
      generationJobSchema,
      202,
    );
    expect(started.kind).toBe('final');
    expect(['queued', 'running']).toContain(started.status);
    let job: GenerationJob | undefined;
    for (let i = 0; i < 600 && !(job?.status === 'done' || job?.status === 'failed'); i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 100));
      job = expectBody(await w.as.leader.get(jobsUrl), generationJobListSchema, 200).items.find(
        (j) => j.id === started.id,
      );
    }
    expect(job!.error).toBeNull();
    expect(job!.status).toBe('done');
    expect(job!.kindLabel).toBe('Báo cáo tổng kết');
    expect(job!.requestedBy?.name).toBeTruthy();
    expect(job!.file?.name).toBe(`Báo cáo tổng kết 27/KH-UBND giai đoạn ${FIRST}–${THIS_YEAR}.docx`);
    // The finance department's accepted report of each of the three periods, at its first version.
    expect(job!.sources.map((x) => [x.organisation, x.versionNo])).toEqual([
      [`Sở Tài chính (năm ${FIRST})`, 1],
      [`Sở Tài chính (năm ${FIRST + 1})`, 1],
      [`Sở Tài chính (năm ${THIS_YEAR})`, 1],
    ]);
    const file = await s.app.inject({
      method: 'GET',
      url: `${jobsUrl}/${started.id}/file`,
      headers: { cookie: w.as.leader.cookie! },
    });
    expect(file.statusCode).toBe(200);
    const ps = paragraphsOf(docxParts(file.rawPayload)['word/document.xml']!).map((p) => p.text);
    expect(ps).toContain(`Tổng kết 3 năm thực hiện Kế hoạch số 27/KH-UBND (${FIRST}–${THIS_YEAR})`);
    // Not listed with the period as its consolidated report, nor downloadable through it.
    const periodJobs = `/api/reporting-periods/${w.final.id}/generation-jobs`;
    expect(expectBody(await w.as.leader.get(periodJobs), generationJobListSchema, 200).items).toEqual([]);
    expectError(await w.as.leader.get(`${periodJobs}/${started.id}/file`), 404);
  });

  it('lets only the consolidating agency generate a review; reporters do not see the files', async () => {
    const jobsUrl = `/api/plans/${w.planId}/review-jobs`;
    expect(expectError(await w.as.stc.post(jobsUrl, { kind: 'final' }), 403).message).toBe(
      'Chỉ lãnh đạo, cán bộ tổng hợp và quản trị hệ thống mới xem được báo cáo tổng hợp.',
    );
    expect(expectError(await w.as.stc.get(jobsUrl), 403).message).toBe(
      'Chỉ lãnh đạo, cán bộ tổng hợp và quản trị hệ thống mới xem được báo cáo tổng hợp.',
    );
    const list = expectBody(await w.as.leader.get(jobsUrl), generationJobListSchema, 200);
    expect(expectError(await w.as.stc.get(`${jobsUrl}/${list.items[0]!.id}/file`), 403).message).toMatch(
      /báo cáo tổng hợp/,
    );
    expect(expectError(await w.as.leader.post(jobsUrl, { kind: 'final' }), 403).message).toBe(
      'Chỉ cán bộ tổng hợp của Sở Công Thương mới sửa và lập được báo cáo tổng hợp; bạn được xem và tải về.',
    );
    const other = await buildOrganisation(s.ctx, { name: 'Sở Xây dựng', kind: 'so' });
    const foreign = await buildLoggedIn(s, { role: 'coordinator', organisationId: other.id });
    expect(expectError(await foreign.agent.post(jobsUrl, { kind: 'final' }), 403).message).toBe(
      'Chỉ cán bộ tổng hợp của Sở Công Thương mới sửa và lập được báo cáo tổng hợp của kế hoạch này.',
    );
    expect(expectError(await w.as.coordinator.post(jobsUrl, { kind: 'midterm' }), 404).message).toBe(
      'Kế hoạch số 27/KH-UBND chưa mở kỳ sơ kết: hãy mở kỳ báo cáo sơ kết của kế hoạch rồi lập báo cáo.',
    );
    expect(expectBody(await w.as.leader.get(jobsUrl), generationJobListSchema, 200).items).toHaveLength(1);
  });

  it('drafts the mid-term review over the years up to its period', async () => {
    await openPeriod(w.as.coordinator, w.planId, { kind: 'mid_term', year: FIRST + 1 });
    const res = await s.app.inject({
      method: 'GET',
      url: `/api/plans/${w.planId}/review-report.docx?kind=midterm`,
      headers: { cookie: w.as.coordinator.cookie! },
    });
    expect(res.statusCode).toBe(200);
    const mid = docxParts(res.rawPayload)['word/document.xml']!;
    const ps = paragraphsOf(mid).map((p) => p.text);
    expect(ps).toContain(`Sơ kết 2 năm thực hiện Kế hoạch số 27/KH-UBND (${FIRST}–${FIRST + 1})`);
    const table = tablesOf(mid).find((t) => t[0]!.includes('Mục tiêu'))!;
    expect(table[0]).toEqual([
      'TT',
      'Chỉ tiêu',
      'Mục tiêu',
      `Năm ${FIRST}`,
      `Năm ${FIRST + 1}`,
      'Đánh giá giữa kỳ',
    ]);
    expect(ps.join('\n')).not.toContain('Đã tổ chức hội chợ');
  });

  it.runIf(dialect === 'sqlite' && SOFFICE !== undefined)(
    'renders to PDF with LibreOffice, its first page and the chart page to PNG',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'planwatch-review-'));
      try {
        const docx = path.join(dir, 'tong-ket.docx');
        writeFileSync(docx, bytes);
        await run(SOFFICE!, [
          `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          docx,
        ]);
        const pdf = path.join(dir, 'tong-ket.pdf');
        const info = (await run('pdfinfo', [pdf])).stdout;
        expect(Number(info.match(/^Pages:\s+(\d+)/m)![1])).toBeGreaterThan(1);
        expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
        await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, path.join(dir, 'page')]);
        for (const n of [1, 2]) {
          const png = readFileSync(path.join(dir, `page-${n}.png`));
          expect(png.subarray(1, 4).toString()).toBe('PNG');
        }
        // The PDF keeps the chart as an image.
        const images = (await run('pdfimages', ['-list', pdf])).stdout;
        expect(images.split('\n').filter((l) => /\spng|\simage\s/.test(l)).length).toBeGreaterThan(0);
        if (process.env.DECREE30_KEEP) writeFileSync(process.env.DECREE30_KEEP, readFileSync(pdf));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );
});

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
import type { ReportDetail } from '../../../../shared/contracts/reporting';
import { describeEachDatabase } from '../../../test/describe-each-database';
import { expectBody, expectError } from '../../../test/expect-body';
import {
  buildLoggedIn,
  buildOrganisation,
  buildPlan,
  findReport,
  openPeriod,
  saveReport,
  submitReport,
} from '../../../test/factories';
import { startTestServer, type TestServer } from '../../../test/http-agent';
import { daysFromToday, THIS_YEAR } from '../../../test/reporting-world';
import { docxParts, paragraphsOf, tablesOf } from '../test/docx-xml';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const run = promisify(execFile);

/**
 * A plan consolidated by the trade department; the finance department (whose registry parent is the
 * province) leads two tasks and supports a third, and has filled in its draft; the agriculture
 * department leads the third task and has a reporter of its own.
 */
async function buildWorld(s: TestServer) {
  const tinh = await buildOrganisation(s.ctx, { name: 'Ủy ban nhân dân tỉnh Thử Nghiệm', kind: 'ubnd_tinh' });
  const sct = await buildOrganisation(s.ctx, { code: 'SCT', name: 'Sở Công Thương', kind: 'so' });
  const stc = await buildOrganisation(s.ctx, { code: 'STC', name: 'Sở Tài chính', kind: 'so' });
  await s.ctx.db.updateTable('organisations').set({ parent_id: tinh.id }).where('id', '=', stc.id).execute();
  const snn = await buildOrganisation(s.ctx, { name: 'Sở Nông nghiệp và Môi trường', kind: 'so' });
  const [coordinator, stcReporter, snnReporter, leader] = await Promise.all([
    buildLoggedIn(s, { role: 'coordinator', organisationId: sct.id }),
    buildLoggedIn(s, { role: 'reporter', organisationId: stc.id }),
    buildLoggedIn(s, { role: 'reporter', organisationId: snn.id }),
    buildLoggedIn(s, { role: 'leader', organisationId: tinh.id }),
  ]);
  const year = (y: number) => ({
    kind: 'year' as const,
    from: `${y}-01-01`,
    to: `${y}-12-31`,
    text: `Năm ${y}`,
  });
  const { planId, taskIds } = await buildPlan(coordinator.agent, {
    number: '148/KH-UBND',
    title: 'Kế hoạch phát triển công nghiệp thử nghiệm',
    issuer: 'UBND tỉnh Thử Nghiệm',
    regime: {
      consolidator: 'Sở Công Thương',
      annualDueDay: 15,
      annualDueMonth: 12,
      midTermYear: null,
      finalYear: null,
      text: '',
    },
    consolidator: { org: sct },
    tasks: [
      {
        content: 'Xây dựng đề án phát triển cụm công nghiệp',
        leads: [{ org: stc }],
        deadline: year(THIS_YEAR),
        product: 'Đề án',
      },
      { content: 'Rà soát quy hoạch khu công nghiệp', leads: [{ org: stc }], deadline: year(2022) },
      { content: 'Xây dựng chợ đầu mối nông sản', leads: [{ org: snn }], coordinators: [{ org: stc }] },
    ],
  });
  const period = await openPeriod(coordinator.agent, planId, {
    kind: 'annual',
    year: THIS_YEAR,
    dueOn: daysFromToday(20),
  });
  const draft = await findReport(stcReporter.agent, period.id, stc.id);
  const saved = await saveReport(stcReporter.agent, draft, {
    summary: '<p>Sở đã hoàn thành phần lớn nhiệm vụ được giao</p>',
    difficulties: 'Thiếu quỹ đất sạch cho cụm công nghiệp',
    proposals: 'Đề nghị UBND tỉnh bố trí vốn đầu tư hạ tầng',
    entries: [
      {
        id: draft.lead[0]!.id,
        progress: 'completed',
        completedOn: daysFromToday(-2),
        result: '<p>Đã trình UBND tỉnh phê duyệt đề án</p>',
        productNumber: '12/QĐ-UBND',
        productDate: daysFromToday(-2),
        productSummary: 'Quyết định phê duyệt đề án',
      },
      {
        id: draft.lead[1]!.id,
        progress: 'in_progress',
        result: '<p>Đang rà soát 9 khu công nghiệp</p>',
        difficulties: 'Số liệu đất đai chưa thống nhất',
      },
      { id: draft.support[0]!.id, result: '<p>Đã thẩm định nguồn vốn cho chợ đầu mối</p>' },
    ],
  });
  return {
    planId,
    taskIds,
    period,
    snnId: snn.id,
    report: saved,
    as: { coordinator, stc: stcReporter, snn: snnReporter, leader },
  };
}

describeEachDatabase("an agency's own report (.docx, Decree 30)", (dialect) => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof buildWorld>>;
  let bytes: Buffer;
  let xml: string;
  /** styles.xml: where the runs' inherited font and sizes are. */
  let styles = '';
  const download = (cookie: string, id: number) =>
    s.app.inject({ method: 'GET', url: `/api/reports/${id}/document.docx`, headers: { cookie } });

  beforeAll(async () => {
    s = await startTestServer(dialect);
    w = await buildWorld(s);
    const res = await download(w.as.stc.agent.cookie!, w.report.id);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1]!)).toBe(
      `Báo cáo STC 148/KH-UBND năm ${THIS_YEAR}.docx`,
    );
    bytes = res.rawPayload;
    xml = docxParts(bytes)['word/document.xml']!;
    styles = docxParts(bytes)['word/styles.xml']!;
  }, 120_000);
  afterAll(async () => s?.close());

  it('is A4 portrait with the Decree 30 margins, in Times New Roman', () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    const margins = xml.match(/<w:pgMar ([^/]*)\/>/)![1]!;
    expect(margins).toContain('w:top="1134"');
    expect(margins).toContain('w:bottom="1134"');
    expect(margins).toContain('w:left="1701"');
    expect(margins).toContain('w:right="850"');
    const fonts = new Set(paragraphsOf(xml, styles).flatMap((p) => p.runs.map((r) => r.font)));
    expect([...fonts]).toEqual(['Times New Roman']);
  });

  it('is issued by the agency under its superior, addressed to the consolidating agency, marked as a draft', () => {
    const ps = paragraphsOf(xml, styles);
    const find = (text: string) => {
      const p = ps.find((x) => x.text === text);
      if (!p) throw new Error(`no paragraph "${text}" among ${ps.map((x) => x.text).join(' | ')}`);
      return p;
    };
    expect(ps[0]!.text).toBe('DỰ THẢO');
    expect(find('ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM').runs[0]).toMatchObject({ bold: false, size: 26 });
    expect(find('SỞ TÀI CHÍNH').runs[0]).toMatchObject({ bold: true, size: 26 });
    expect(find('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').runs[0]).toMatchObject({ bold: true, size: 26 });
    expect(ps.find((p) => p.text.startsWith('Số:'))!.text).toMatch(/^Số:\s+\/BC-STC$/);
    const date = ps.find((p) => p.text.startsWith('Hưng Yên, ngày'))!;
    expect(date.text.replace(/\s+/g, ' ')).toBe(`Hưng Yên, ngày tháng năm ${THIS_YEAR}`);
    expect(date.runs[0]).toMatchObject({ italic: true, size: 28 });
    expect(find('BÁO CÁO').runs[0]).toMatchObject({ bold: true, size: 28 });
    expect(find(`Kết quả thực hiện Kế hoạch số 148/KH-UBND năm ${THIS_YEAR}`).runs[0]!.bold).toBe(true);
    expect(find('Kính gửi: Sở Công Thương').runs.map((r) => r.size)).toEqual([28, 28]);
    expect(find('Nơi nhận:').runs[0]).toMatchObject({ bold: true, italic: true, size: 24 });
    expect(find('- Như trên;').runs[0]!.size).toBe(22);
    expect(find('- Lưu: VT, STC.').runs[0]!.size).toBe(22);
    expect(find('GIÁM ĐỐC').runs[0]!.bold).toBe(true);
  });

  it("writes the report's own texts: summary, each task's status and result, difficulties, proposals", () => {
    const ps = paragraphsOf(xml, styles).map((p) => p.text);
    const body = paragraphsOf(xml, styles).find((p) => p.text === 'I. KẾT QUẢ THỰC HIỆN')!;
    expect(body).toMatchObject({ align: 'both', firstLine: 720, after: 120 });
    expect(ps).toContain(
      `Thực hiện Kế hoạch số 148/KH-UBND ngày 27/09/2021 của UBND tỉnh Thử Nghiệm, Sở Tài chính báo cáo kết quả thực hiện năm ${THIS_YEAR} như sau:`,
    );
    expect(ps).toContain('Sở đã hoàn thành phần lớn nhiệm vụ được giao');
    const lead = w.report.lead;
    expect(ps).toContain(
      `Sở Tài chính chủ trì 2 nhiệm vụ, trong đó ${[...new Set(lead.map((e) => e.status.label))]
        .map((l) => `${l.toLocaleLowerCase('vi')}: ${lead.filter((e) => e.status.label === l).length}`)
        .join('; ')}.`,
    );
    expect(ps).toContain(
      `Tình trạng: ${lead[0]!.status.label} (hoàn thành, ngày hoàn thành ${daysFromToday(-2).split('-').reverse().join('/')}).`,
    );
    expect(ps).toContain('Kết quả: Đã trình UBND tỉnh phê duyệt đề án.');
    expect(ps).toContain(
      `Sản phẩm: 12/QĐ-UBND ngày ${daysFromToday(-2).split('-').reverse().join('/')} Quyết định phê duyệt đề án.`,
    );
    expect(ps).toContain('Kết quả: Đang rà soát 9 khu công nghiệp.');
    expect(ps).toContain('Kết quả: Đã thẩm định nguồn vốn cho chợ đầu mối.');
    const ii = ps.indexOf('II. KHÓ KHĂN, VƯỚNG MẮC');
    expect(ps.slice(ii + 1, ii + 3)).toEqual([
      'Thiếu quỹ đất sạch cho cụm công nghiệp',
      '- Nhiệm vụ 2: Số liệu đất đai chưa thống nhất',
    ]);
    const iii = ps.indexOf('III. KIẾN NGHỊ, ĐỀ XUẤT');
    expect(ps[iii + 1]).toBe('Đề nghị UBND tỉnh bố trí vốn đầu tư hạ tầng');
  });

  it("lists the agency's tasks in the appendix, lead first, with the statuses the report page shows", () => {
    const appendix = tablesOf(xml).at(-1)!;
    expect(appendix[0]).toEqual([
      'TT',
      'Nội dung nhiệm vụ',
      'Vai trò',
      'Sản phẩm',
      'Thời hạn',
      'Tình trạng',
      'Kết quả',
    ]);
    const entries = [...w.report.lead, ...w.report.support];
    expect(appendix).toHaveLength(1 + entries.length);
    expect(appendix.slice(1).map((r) => [r[0], r[1], r[2], r[5]])).toEqual(
      entries.map((e) => [
        e.task.ordinal,
        e.task.content,
        e.role === 'lead' ? 'Chủ trì' : 'Phối hợp',
        e.status.label,
      ]),
    );
    expect(appendix[1]![6]).toBe('Đã trình UBND tỉnh phê duyệt đề án');
    expect(appendix.slice(1).map((r) => r[1])).not.toContain('Không thuộc cơ quan');
  });

  it('is read by whoever may read the report: another agency is refused while it is a draft', async () => {
    const refused = await w.as.snn.agent.get(`/api/reports/${w.report.id}/document.docx`);
    expect(expectError(refused, 403).message).toBe(
      'Báo cáo của cơ quan khác chỉ xem được sau khi đã được tiếp nhận.',
    );
    expect((await download(w.as.coordinator.agent.cookie!, w.report.id)).statusCode).toBe(200);
    expect((await download(w.as.leader.agent.cookie!, w.report.id)).statusCode).toBe(200);
    expect(expectError(await w.as.stc.agent.get('/api/reports/999999/document.docx'), 404).message).toBe(
      'Không tìm thấy báo cáo.',
    );
  });

  it("serves the report's tasks and results as .xlsx, to whoever may read the report", async () => {
    const res = await s.app.inject({
      method: 'GET',
      url: `/api/reports/${w.report.id}/document.xlsx`,
      headers: { cookie: w.as.coordinator.agent.cookie! },
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const tasks = wb.getWorksheet('Nhiệm vụ và kết quả')!;
    expect(tasks.rowCount - 4).toBe(3);
    expect([5, 6, 7].map((r) => tasks.getRow(r).getCell(4).value)).toEqual([
      'Chủ trì',
      'Chủ trì',
      'Phối hợp',
    ]);
    expect(tasks.getRow(5).getCell(9).value).toBe('Đã trình UBND tỉnh phê duyệt đề án');
    expect(tasks.getRow(5).getCell(10).value).toBe('12/QĐ-UBND');
    expect(tasks.getRow(6).getCell(13).value).toBe('Số liệu đất đai chưa thống nhất');
    expect(String(tasks.getRow(2).getCell(1).value)).toContain('DỰ THẢO');
    expect(wb.getWorksheet('Đánh giá chung')!.getRow(6).getCell(2).value).toBe(
      'Thiếu quỹ đất sạch cho cụm công nghiệp',
    );
    const refused = await w.as.snn.agent.get(`/api/reports/${w.report.id}/document.xlsx`);
    expect(expectError(refused, 403).message).toBe(
      'Báo cáo của cơ quan khác chỉ xem được sau khi đã được tiếp nhận.',
    );
  });

  it('generates the Word report as a tracked job listed on the report, kept with who, when and its version', async () => {
    const jobsUrl = `/api/reports/${w.report.id}/generation-jobs`;
    const started = expectBody(await w.as.stc.agent.post(jobsUrl, {}), generationJobSchema, 202);
    let job: GenerationJob | undefined;
    for (let i = 0; i < 600 && !(job?.status === 'done' || job?.status === 'failed'); i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 100));
      job = expectBody(await w.as.stc.agent.get(jobsUrl), generationJobListSchema, 200).items.find(
        (j) => j.id === started.id,
      );
    }
    expect(job!.error).toBeNull();
    expect(job!).toMatchObject({
      status: 'done',
      kind: 'agency_report',
      kindLabel: 'Văn bản báo cáo của cơ quan',
    });
    expect(job!.requestedBy?.id).toBe(w.as.stc.user.id);
    expect(job!.file?.name).toBe(`Báo cáo STC 148/KH-UBND năm ${THIS_YEAR}.docx`);
    expect(job!.sources).toEqual([{ reportId: w.report.id, organisation: 'Sở Tài chính', versionNo: 0 }]);
    const file = await s.app.inject({
      method: 'GET',
      url: `${jobsUrl}/${started.id}/file`,
      headers: { cookie: w.as.coordinator.agent.cookie! },
    });
    expect(file.statusCode).toBe(200);
    expect(decodeURIComponent(String(file.headers['content-disposition']).split("UTF-8''")[1]!)).toBe(
      `Báo cáo STC 148-KH-UBND năm ${THIS_YEAR}.docx`,
    );
    const ps = paragraphsOf(docxParts(file.rawPayload)['word/document.xml']!).map((p) => p.text);
    expect(ps).toContain('SỞ TÀI CHÍNH');
    expect(ps).toContain('DỰ THẢO');
    // The leader and the coordinator see the list; the agency's report is not a file of the period.
    expect(expectBody(await w.as.leader.agent.get(jobsUrl), generationJobListSchema, 200).items).toHaveLength(
      1,
    );
    const periodJobs = `/api/reporting-periods/${w.period.id}/generation-jobs`;
    expect(
      expectBody(await w.as.coordinator.agent.get(periodJobs), generationJobListSchema, 200).items,
    ).toEqual([]);
  });

  it("refuses another agency's reporter: no generation, no list, no file of a draft report", async () => {
    const jobsUrl = `/api/reports/${w.report.id}/generation-jobs`;
    const message = 'Báo cáo của cơ quan khác chỉ xem được sau khi đã được tiếp nhận.';
    expect(expectError(await w.as.snn.agent.post(jobsUrl, {}), 403).message).toBe(message);
    expect(expectError(await w.as.snn.agent.get(jobsUrl), 403).message).toBe(message);
    const list = expectBody(await w.as.stc.agent.get(jobsUrl), generationJobListSchema, 200);
    expect(expectError(await w.as.snn.agent.get(`${jobsUrl}/${list.items[0]!.id}/file`), 403).message).toBe(
      message,
    );
    // A job of this report is not found under another report.
    const other = await findReport(w.as.snn.agent, w.period.id, w.snnId);
    expectError(
      await w.as.snn.agent.get(`/api/reports/${other.id}/generation-jobs/${list.items[0]!.id}/file`),
      404,
    );
    // Period routes do not start an agency's report.
    const viaPeriod = expectError(
      await w.as.coordinator.agent.post(`/api/reporting-periods/${w.period.id}/generation-jobs`, {
        kind: 'agency_report',
      }),
      400,
    );
    expect(viaPeriod.message).toBe('Văn bản báo cáo của cơ quan được lập ở trang báo cáo của cơ quan đó.');
  });

  it('drops the draft mark once the report is sent: that is the file to sign', async () => {
    const current = (await w.as.stc.agent.get(`/api/reports/${w.report.id}`)).body as ReportDetail;
    await submitReport(w.as.stc.agent, current);
    const res = await download(w.as.stc.agent.cookie!, w.report.id);
    const ps = paragraphsOf(docxParts(res.rawPayload)['word/document.xml']!).map((p) => p.text);
    expect(ps).not.toContain('DỰ THẢO');
    expect(ps).toContain('SỞ TÀI CHÍNH');
  });

  it.runIf(dialect === 'sqlite' && SOFFICE !== undefined)(
    'renders to PDF with LibreOffice, at least one page, and its first page to PNG',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'planwatch-agency-'));
      try {
        const docx = path.join(dir, 'bao-cao.docx');
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
        const info = (await run('pdfinfo', [path.join(dir, 'bao-cao.pdf')])).stdout;
        expect(Number(info.match(/^Pages:\s+(\d+)/m)![1])).toBeGreaterThan(0);
        expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
        await run('pdftoppm', [
          '-png',
          '-r',
          '60',
          '-f',
          '1',
          '-l',
          '1',
          path.join(dir, 'bao-cao.pdf'),
          path.join(dir, 'page'),
        ]);
        const png = readFileSync(path.join(dir, 'page-1.png'));
        expect(png.subarray(1, 4).toString()).toBe('PNG');
        if (process.env.DECREE30_KEEP)
          writeFileSync(process.env.DECREE30_KEEP, readFileSync(path.join(dir, 'bao-cao.pdf')));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );
});

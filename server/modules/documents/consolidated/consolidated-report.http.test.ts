import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { indicatorDetailSchema, planIndicatorsResponseSchema } from '../../../../shared/contracts/indicators';
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
import { startTestServer, type TestServer } from '../../../test/http-agent';
import { daysFromToday, THIS_YEAR } from '../../../test/reporting-world';
import { docxParts, paragraphsOf, tablesOf } from '../test/docx-xml';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

const run = promisify(execFile);

/**
 * A plan of four tasks consolidated by a department whose registry parent is the province, with one
 * target entered for two years, and this year's period where the finance department's report is
 * accepted (one task done with its product, one overdue, one due next year) and the agriculture
 * department's report is still a draft (so its words stay out of the document).
 */
async function buildWorld(s: TestServer) {
  const tinh = await buildOrganisation(s.ctx, { name: 'Ủy ban nhân dân tỉnh Thử Nghiệm', kind: 'ubnd_tinh' });
  const sct = await buildOrganisation(s.ctx, { code: 'SCT', name: 'Sở Công Thương', kind: 'so' });
  await s.ctx.db.updateTable('organisations').set({ parent_id: tinh.id }).where('id', '=', sct.id).execute();
  const stc = await buildOrganisation(s.ctx, { name: 'Sở Tài chính', kind: 'so' });
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
    title: 'Kế hoạch phát triển công nghiệp thử nghiệm giai đoạn 2021-2030',
    issuedOn: '2021-09-27',
    regime: {
      consolidator: 'Sở Công Thương',
      annualDueDay: 15,
      annualDueMonth: 12,
      midTermYear: null,
      finalYear: null,
      text: '',
    },
    consolidator: { org: sct },
    targets: [
      {
        text: 'Tốc độ tăng giá trị sản xuất công nghiệp bình quân 9%/năm giai đoạn 2021-2025',
        kind: 'average_growth',
        min: 9,
        max: null,
        unit: '%',
        fromYear: 2021,
        toYear: 2025,
        approximate: false,
        subject: 'Tốc độ tăng giá trị sản xuất công nghiệp',
      },
    ],
    tasks: [
      {
        group: 'Nhóm 1. Phát triển công nghiệp',
        content: 'Xây dựng đề án phát triển cụm công nghiệp',
        leads: [{ org: stc }],
        deadline: year(THIS_YEAR),
        product: 'Đề án',
      },
      {
        group: 'Nhóm 1. Phát triển công nghiệp',
        content: 'Rà soát quy hoạch khu công nghiệp',
        leads: [{ org: stc }],
        deadline: year(2022),
      },
      {
        group: 'Nhóm 2. Thương mại',
        content: 'Xây dựng chợ đầu mối nông sản',
        leads: [{ org: stc }],
        deadline: year(THIS_YEAR + 1),
      },
      { group: 'Nhóm 2. Thương mại', content: 'Xúc tiến thương mại hằng năm', leads: [{ org: snn }] },
    ],
  });
  const indicators = expectBody(
    await coordinator.agent.get(`/api/plans/${planId}/indicators`),
    planIndicatorsResponseSchema,
    200,
  );
  const indicatorId = indicators.items[0]!.id;
  for (const [y, value] of [
    [2021, 8.82],
    [2022, 10.5],
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
  const period = await openPeriod(coordinator.agent, planId, {
    kind: 'annual',
    year: THIS_YEAR,
    dueOn: daysFromToday(20),
  });
  const draft = await findReport(stcReporter.agent, period.id, stc.id);
  const saved = await saveReport(stcReporter.agent, draft, {
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
        productSummary: 'Quyết định phê duyệt đề án phát triển cụm công nghiệp',
      },
      { id: draft.lead[1]!.id, progress: 'in_progress', result: '<p>Đang rà soát 9 khu công nghiệp</p>' },
      { id: draft.lead[2]!.id, progress: 'not_started' },
    ],
  });
  await acceptReport(coordinator.agent, await submitReport(stcReporter.agent, saved));
  const snnDraft = await findReport(snnReporter.agent, period.id, snn.id);
  await saveReport(snnReporter.agent, snnDraft, { difficulties: 'Nội dung nháp chưa gửi' });
  return {
    planId,
    taskIds,
    indicatorId,
    period,
    as: { coordinator: coordinator.agent, stc: stcReporter.agent, leader: leader.agent },
  };
}

describeEachDatabase('consolidated report (.docx, Decree 30)', (dialect) => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof buildWorld>>;
  let bytes: Buffer;
  let xml: string;
  /** styles.xml: where the runs' inherited font and sizes are. */
  let styles = '';
  beforeAll(async () => {
    s = await startTestServer(dialect);
    w = await buildWorld(s);
    const res = await s.app.inject({
      method: 'GET',
      url: `/api/reporting-periods/${w.period.id}/consolidated-report.docx`,
      headers: { cookie: w.as.coordinator.cookie! },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain(
      'attachment; filename="Bao-cao-tong-hop-148-KH-UBND',
    );
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1]!)).toBe(
      `Báo cáo tổng hợp 148/KH-UBND năm ${THIS_YEAR}.docx`,
    );
    bytes = res.rawPayload;
    xml = docxParts(bytes)['word/document.xml']!;
    styles = docxParts(bytes)['word/styles.xml']!;
  }, 120_000);
  afterAll(async () => s?.close());

  it('is A4 portrait with the Decree 30 margins, in Times New Roman, page numbers from page 2', () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    const margins = xml.match(/<w:pgMar ([^/]*)\/>/)![1]!;
    expect(margins).toContain('w:top="1134"');
    expect(margins).toContain('w:bottom="1134"');
    expect(margins).toContain('w:left="1701"');
    expect(margins).toContain('w:right="850"');
    expect(xml).toContain('<w:titlePg/>');
    const fonts = new Set(paragraphsOf(xml, styles).flatMap((p) => p.runs.map((r) => r.font)));
    expect([...fonts]).toEqual(['Times New Roman']);
    const parts = docxParts(bytes);
    const headers = Object.keys(parts).filter((n) => /^word\/header\d+\.xml$/.test(n));
    const withPage = headers.filter((h) => /PAGE/.test(parts[h]!));
    expect(withPage).toHaveLength(1);
    expect(xml).toMatch(/<w:headerReference w:type="first" r:id="[^"]+"\/>/);
  });

  it('has the header of Phụ lục I: issuer with its superior, national motto, number, place and date, title', () => {
    const ps = paragraphsOf(xml, styles);
    const find = (text: string) => {
      const p = ps.find((x) => x.text === text);
      if (!p) throw new Error(`no paragraph "${text}" among ${ps.map((x) => x.text).join(' | ')}`);
      return p;
    };
    expect(find('ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM').runs[0]).toMatchObject({ bold: false, size: 26 });
    expect(find('SỞ CÔNG THƯƠNG').runs[0]).toMatchObject({ bold: true, size: 26 });
    expect(find('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').runs[0]).toMatchObject({ bold: true, size: 26 });
    expect(find('Độc lập - Tự do - Hạnh phúc').runs[0]).toMatchObject({ bold: true, size: 28 });
    const number = ps.find((p) => p.text.startsWith('Số:'))!;
    expect(number.text).toMatch(/^Số:\s+\/BC-SCT$/);
    expect(number.runs[0]!.size).toBe(26);
    const date = ps.find((p) => p.text.startsWith('Hưng Yên, ngày'))!;
    expect(date.text.replace(/\s+/g, ' ')).toBe(`Hưng Yên, ngày tháng năm ${THIS_YEAR}`);
    expect(date.runs[0]).toMatchObject({ italic: true, size: 28 });
    expect(find('BÁO CÁO').runs[0]).toMatchObject({ bold: true, size: 28 });
    expect(find(`Kết quả thực hiện Kế hoạch số 148/KH-UBND năm ${THIS_YEAR}`).runs[0]!.bold).toBe(true);
    const recipients = find('Nơi nhận:');
    expect(recipients.runs[0]).toMatchObject({ bold: true, italic: true, size: 24 });
    expect(find('- Ủy ban nhân dân tỉnh Thử Nghiệm (để báo cáo);').runs[0]!.size).toBe(22);
    expect(find('GIÁM ĐỐC').runs[0]!.bold).toBe(true);
  });

  it('writes the body justified at 14 pt with a 1.27 cm first-line indent and 6 pt after', () => {
    const body = paragraphsOf(xml, styles).find((p) => p.text === 'I. KẾT QUẢ THỰC HIỆN')!;
    expect(body).toMatchObject({ align: 'both', firstLine: 720, after: 120 });
    expect(body.runs[0]).toMatchObject({ bold: true, size: 28 });
  });

  it('draws its figures from the data: indicator values and evaluation, results, difficulties, tasks', async () => {
    const ps = paragraphsOf(xml, styles).map((p) => p.text);
    const tables = tablesOf(xml);
    const indicatorTable = tables.find((t) => t[0]!.includes('Mục tiêu'))!;
    expect(indicatorTable[0]).toEqual(['TT', 'Chỉ tiêu', 'Mục tiêu', 'Năm 2021', 'Năm 2022', 'Đánh giá']);
    const detail = expectBody(
      await w.as.coordinator.get(`/api/indicators/${w.indicatorId}`),
      indicatorDetailSchema,
      200,
    );
    const evaluation = detail.targets[0]!.evaluation;
    expect(indicatorTable[1]!.slice(3)).toEqual([
      '8,82',
      '10,5',
      `${evaluation.label}: ${evaluation.reason}`,
    ]);
    expect(ps).toContain(
      '- Sở Tài chính: Đã trình UBND tỉnh phê duyệt đề án. Sản phẩm: 12/QĐ-UBND ngày ' +
        `${daysFromToday(-2).split('-').reverse().join('/')} Quyết định phê duyệt đề án phát triển cụm công nghiệp.`,
    );
    expect(ps).toContain(
      'Thực hiện Kế hoạch số 148/KH-UBND ngày 27/09/2021 (Kế hoạch phát triển công nghiệp thử nghiệm giai đoạn 2021-2030), ' +
        `trên cơ sở báo cáo của 1 cơ quan, đơn vị đã được tiếp nhận, Sở Công Thương tổng hợp, báo cáo kết quả thực hiện năm ${THIS_YEAR} như sau:`,
    );
    expect(ps).toContain('- Sở Tài chính: Thiếu quỹ đất sạch cho cụm công nghiệp');
    const iv = ps.indexOf('IV. KIẾN NGHỊ, ĐỀ XUẤT');
    expect(ps.slice(iv + 1, iv + 3)).toEqual([
      '1. Kiến nghị với Tỉnh ủy, HĐND, UBND tỉnh',
      '- Sở Tài chính: Đề nghị UBND tỉnh bố trí vốn đầu tư hạ tầng',
    ]);
    expect(ps.join('\n')).not.toContain('Nội dung nháp chưa gửi');
    expect(ps).toContain(`1. Nhiệm vụ đến hạn trong năm ${THIS_YEAR + 1}: 1 nhiệm vụ.`);
    expect(ps).toContain('- Xây dựng chợ đầu mối nông sản (Sở Tài chính chủ trì).');
    expect(ps).toContain(
      `3. Nhiệm vụ quá hạn chưa hoàn thành, chuyển sang năm ${THIS_YEAR + 1} tiếp tục thực hiện: 1 nhiệm vụ.`,
    );
    expect(ps).toContain('- Rà soát quy hoạch khu công nghiệp (Sở Tài chính chủ trì).');
  });

  it('embeds the chart of the indicator with figures as a PNG after the indicator table', () => {
    const parts = docxParts(bytes);
    const media = Object.keys(parts).filter((n) => n.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(parts[media[0]!]!.slice(1, 4)).toBe('PNG');
    const ps = paragraphsOf(xml, styles).map((p) => p.text);
    const caption = ps.indexOf(
      'Biểu đồ 1. Tốc độ tăng giá trị sản xuất công nghiệp (%): thực hiện các năm so với mục tiêu',
    );
    expect(caption).toBeGreaterThan(ps.indexOf('1. Kết quả thực hiện các chỉ tiêu'));
    expect(caption).toBeLessThan(ps.indexOf('2. Kết quả thực hiện các nhiệm vụ'));
  });

  it('draws the appendix table at 11 pt, its heading row bold, in Times New Roman', () => {
    const appendixXml = xml.slice(xml.lastIndexOf('<w:tbl>'));
    const runs = paragraphsOf(appendixXml, styles).flatMap((p) => p.runs);
    expect(runs.length).toBeGreaterThan(7);
    expect(new Set(runs.map((r) => r.size))).toEqual(new Set([22]));
    expect(new Set(runs.map((r) => r.font))).toEqual(new Set(['Times New Roman']));
    expect(runs.slice(0, 7).every((r) => r.bold)).toBe(true);
    expect(runs.slice(7).some((r) => r.bold)).toBe(false);
  });

  it('lists every task in the appendix with the status the task-status page shows', async () => {
    const appendix = tablesOf(xml).at(-1)!;
    expect(appendix[0]).toEqual([
      'TT',
      'Nội dung nhiệm vụ',
      'Cơ quan chủ trì',
      'Sản phẩm',
      'Thời hạn',
      'Tình trạng',
      'Kết quả',
    ]);
    expect(appendix).toHaveLength(1 + w.taskIds.length);
    const statuses = expectBody(
      await w.as.coordinator.get(`/api/plans/${w.planId}/task-statuses?year=${THIS_YEAR}&pageSize=100`),
      taskStatusesResponseSchema,
      200,
    );
    expect(appendix.slice(1).map((r) => [r[1], r[5]])).toEqual(
      statuses.items.map((i) => [i.task.content, i.status.label]),
    );
    expect(appendix[1]!.slice(2)).toEqual([
      'Sở Tài chính',
      'Đề án',
      `Năm ${THIS_YEAR}`,
      'Hoàn thành đúng hạn',
      'Đã trình UBND tỉnh phê duyệt đề án',
    ]);
  });

  it('is for those who review or monitor: a reporter is refused, a leader may read, unknown periods are named', async () => {
    const url = `/api/reporting-periods/${w.period.id}/consolidated-report.docx`;
    expect(expectError(await w.as.stc.get(url), 403).message).toMatch(/quyền/);
    const leader = await s.app.inject({ method: 'GET', url, headers: { cookie: w.as.leader.cookie! } });
    expect(leader.statusCode).toBe(200);
    expect(
      expectError(await w.as.coordinator.get('/api/reporting-periods/999999/consolidated-report.docx'), 404)
        .message,
    ).toBe('Không tìm thấy kỳ báo cáo.');
  });

  // The document does not depend on the database: rendered once. Skipped, and reported as skipped,
  // only where LibreOffice is missing (.ci/run installs it), never passed without rendering.
  it.runIf(dialect === 'sqlite' && SOFFICE !== undefined)(
    'renders to PDF with LibreOffice, at least one page, and its first page to PNG',
    async () => {
      const soffice = SOFFICE!;
      const dir = mkdtempSync(path.join(tmpdir(), 'planwatch-decree30-'));
      try {
        const docx = path.join(dir, 'bao-cao.docx');
        writeFileSync(docx, bytes);
        await run(soffice, [
          `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          docx,
        ]);
        const info = (await run('pdfinfo', [path.join(dir, 'bao-cao.pdf')])).stdout;
        const pages = Number(info.match(/^Pages:\s+(\d+)/m)![1]);
        expect(pages).toBeGreaterThan(0);
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

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { taskListResponseSchema } from '../../../shared/contracts/plans';
import { periodRatesResponseSchema, taskStatusesResponseSchema } from '../../../shared/contracts/reporting';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody, expectError } from '../../test/expect-body';
import {
  acceptReport,
  buildLoggedIn,
  fillReport,
  findReport,
  openPeriod,
  returnReport,
  saveReport,
  submitReport,
} from '../../test/factories';
import { type Agent, startTestServer, type TestServer } from '../../test/http-agent';
import { buildReportingWorld, daysFromToday, THIS_YEAR } from '../../test/reporting-world';

/** The sheets' header row: title, subtitle and a blank line above it. */
const HEADER_ROW = 4;

async function load(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

function headings(ws: ExcelJS.Worksheet): string[] {
  return (ws.getRow(HEADER_ROW).values as unknown[]).slice(1).map(String);
}

/** Every data row below the header, its cells as values (column 1 first). */
function dataRows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++) out.push((ws.getRow(r).values as unknown[]).slice(1));
  return out;
}

/** What every sheet must have: a bold frozen header with its filter and set widths. */
function expectTableLayout(ws: ExcelJS.Worksheet, columns: number) {
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
  expect(ws.getRow(HEADER_ROW).getCell(1).font?.bold).toBe(true);
  const last = String.fromCharCode(64 + columns);
  expect(ws.autoFilter).toBe(`A${HEADER_ROW}:${last}${Math.max(ws.rowCount, HEADER_ROW)}`);
  for (let c = 1; c <= columns; c++) expect(ws.getColumn(c).width).toBeGreaterThan(4);
}

/**
 * The reporting world's current-year period: STC's report accepted (T1 in progress with a result,
 * difficulties and a proposal to the province), SNN's submitted (T2 with a result, not yet accepted),
 * SCT's returned. T1 ("Năm 2022", unfinished) is overdue.
 */
async function buildWorld(s: TestServer) {
  const w = await buildReportingWorld(s);
  const period = await openPeriod(w.as.coordinator, w.planId, {
    kind: 'annual',
    year: THIS_YEAR,
    dueOn: daysFromToday(20),
  });
  const stc = await findReport(w.as.stc, period.id, w.orgs.stc.id);
  const stcSaved = await saveReport(w.as.stc, stc, {
    difficulties: 'Thiếu kinh phí thẩm định',
    proposals: 'Đề nghị UBND tỉnh bổ sung kinh phí',
    entries: stc.lead.map((e) => ({
      id: e.id,
      progress: 'in_progress' as const,
      result: e.task.id === w.tasks.t1 ? '<p>Đã hoàn thành <strong>dự thảo</strong> đề án</p>' : null,
    })),
  });
  await acceptReport(w.as.coordinator, await submitReport(w.as.stc, stcSaved));
  const snn = await findReport(w.as.snn, period.id, w.orgs.snn.id);
  const snnSaved = await saveReport(w.as.snn, snn, {
    entries: snn.lead.map((e) => ({
      id: e.id,
      progress: 'in_progress' as const,
      result: e.task.id === w.tasks.t2 ? '<p>Kết quả chưa tiếp nhận của Sở Nông nghiệp</p>' : null,
    })),
  });
  await submitReport(w.as.snn, snnSaved);
  const sctReporter = (await buildLoggedIn(s, { role: 'reporter', organisationId: w.orgs.sct.id })).agent;
  const sct = await findReport(sctReporter, period.id, w.orgs.sct.id);
  await returnReport(w.as.coordinator, await submitReport(sctReporter, await fillReport(sctReporter, sct)));
  return { ...w, period };
}

describeEachDatabase('lists exported as .xlsx', (dialect) => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof buildWorld>>;
  const get = (agent: Agent | null, url: string) =>
    s.app.inject({ method: 'GET', url, headers: agent?.cookie ? { cookie: agent.cookie } : {} });

  beforeAll(async () => {
    s = await startTestServer(dialect);
    w = await buildWorld(s);
  }, 120_000);
  afterAll(async () => s?.close());

  it('exports every task of the plan as the list shows it: headings, statuses, agencies as they are now', async () => {
    const res = await get(w.as.coordinator, `/api/plans/${w.planId}/tasks/export.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1]!)).toMatch(
      /^Nhiệm vụ 148-KH-UBND \d{4}-\d{2}-\d{2}\.xlsx$/,
    );
    const wb = await load(res.rawPayload);
    expect(wb.worksheets.map((x) => x.name)).toEqual(['Nhiệm vụ']);
    const ws = wb.getWorksheet('Nhiệm vụ')!;
    expect(String(ws.getCell('A1').value)).toBe(
      'Danh sách nhiệm vụ — Kế hoạch 148/KH-UBND · Thử nghiệm báo cáo',
    );
    expect(String(ws.getCell('A2').value)).toContain(
      `Mọi nhiệm vụ của kế hoạch · Tình trạng năm ${THIS_YEAR} · 5 nhiệm vụ`,
    );
    expect(headings(ws)).toEqual([
      'STT',
      'Số thứ tự trong kế hoạch',
      'Nhóm nhiệm vụ',
      'Nội dung nhiệm vụ',
      'Cơ quan chủ trì',
      'Cơ quan phối hợp',
      'Sản phẩm',
      'Thời hạn',
      'Hạn hoàn thành',
      'Tình trạng',
      'Số ngày quá hạn',
      'Kết quả thực hiện',
    ]);
    expectTableLayout(ws, 12);
    const list = expectBody(
      await w.as.coordinator.get(`/api/plans/${w.planId}/tasks?pageSize=200`),
      taskListResponseSchema,
    );
    const rows = dataRows(ws);
    expect(rows).toHaveLength(list.total);
    expect(rows.map((r) => r[0])).toEqual(list.items.map((_, i) => i + 1));
    expect(rows.map((r) => r[1])).toEqual(list.items.map((t) => t.ordinal));
    expect(rows.map((r) => r[9])).toEqual(list.items.map((t) => t.status.label));
    // Due dates are Excel dates shown dd/mm/yyyy, the same days as the list's.
    list.items.forEach((t, i) => {
      const cell = ws.getRow(HEADER_ROW + 1 + i).getCell(9);
      if (t.status.dueDate === null) expect(cell.value).toBeNull();
      else {
        expect(cell.value).toBeInstanceOf(Date);
        expect((cell.value as Date).toISOString().slice(0, 10)).toBe(t.status.dueDate);
        expect(cell.numFmt).toBe('dd/mm/yyyy');
      }
    });
    const byTask = new Map(list.items.map((t, i) => [t.id, rows[i]!]));
    const t1 = byTask.get(w.tasks.t1)!;
    expect(t1[4]).toBe('Sở Tài chính thử');
    expect(t1[9]).toBe('Quá hạn');
    expect(typeof t1[10]).toBe('number');
    expect(t1[10]).toBe(list.items.find((t) => t.id === w.tasks.t1)!.status.daysLate);
    expect(t1[11]).toBe('Đã hoàn thành dự thảo đề án');
    // T5's district ended and passed its work to the agriculture department.
    expect(byTask.get(w.tasks.t5)![4]).toBe('Sở Nông nghiệp thử (trước đây: UBND huyện thử)');
    expect(byTask.get(w.tasks.t2)![5]).toBe('Sở Tài chính thử');
    // Coordinators read every report: the submitted, not yet accepted answer shows too.
    expect(byTask.get(w.tasks.t2)![11]).toBe('Kết quả chưa tiếp nhận của Sở Nông nghiệp');
  });

  it('applies the list filter: status=overdue gives exactly the overdue tasks the list shows', async () => {
    const list = expectBody(
      await w.as.leader.get(`/api/plans/${w.planId}/tasks?status=overdue&sort=status&pageSize=200`),
      taskListResponseSchema,
    );
    expect(list.total).toBeGreaterThan(0);
    const res = await get(w.as.leader, `/api/plans/${w.planId}/tasks/export.xlsx?status=overdue&sort=status`);
    expect(res.statusCode).toBe(200);
    const ws = (await load(res.rawPayload)).getWorksheet('Nhiệm vụ')!;
    expect(String(ws.getCell('A2').value)).toContain('Bộ lọc: Tình trạng: Quá hạn');
    const rows = dataRows(ws);
    expect(rows.map((r) => r[1])).toEqual(list.items.map((t) => t.ordinal));
    expect(new Set(rows.map((r) => r[9]))).toEqual(new Set(['Quá hạn']));
    const byAgency = expectBody(
      await w.as.leader.get(
        `/api/plans/${w.planId}/tasks?organisationId=${w.orgs.snn.id}&agencyRole=lead&pageSize=200`,
      ),
      taskListResponseSchema,
    );
    const agencyRows = dataRows(
      (
        await load(
          (
            await get(
              w.as.leader,
              `/api/plans/${w.planId}/tasks/export.xlsx?organisationId=${w.orgs.snn.id}&agencyRole=lead`,
            )
          ).rawPayload,
        )
      ).getWorksheet('Nhiệm vụ')!,
    );
    expect(agencyRows.map((r) => r[1])).toEqual(byAgency.items.map((t) => t.ordinal));
  });

  it("shows a reporter another agency's result only once that report is accepted", async () => {
    const res = await get(w.as.stc, `/api/plans/${w.planId}/tasks/export.xlsx`);
    expect(res.statusCode).toBe(200);
    const rows = dataRows((await load(res.rawPayload)).getWorksheet('Nhiệm vụ')!);
    const list = expectBody(
      await w.as.stc.get(`/api/plans/${w.planId}/tasks?pageSize=200`),
      taskListResponseSchema,
    );
    const byTask = new Map(list.items.map((t, i) => [t.id, rows[i]!]));
    expect(byTask.get(w.tasks.t1)![11]).toBe('Đã hoàn thành dự thảo đề án');
    // An empty cell reads back as nothing.
    expect(byTask.get(w.tasks.t2)![11] ?? null).toBeNull();
  });

  it('refuses in Vietnamese: no session, an unknown plan, a wrong filter', async () => {
    expect((await get(null, `/api/plans/${w.planId}/tasks/export.xlsx`)).statusCode).toBe(401);
    expectError(await w.as.coordinator.get('/api/plans/999999/tasks/export.xlsx'), 404);
    const bad = await w.as.coordinator.get(`/api/plans/${w.planId}/tasks/export.xlsx?status=bogus`);
    expect(bad.status).toBe(400);
  });

  it("exports a period's reporting rates per agency with the API's figures; reporters may not", async () => {
    const url = `/api/reporting-periods/${w.period.id}/rates.xlsx`;
    const res = await get(w.as.leader, url);
    expect(res.statusCode).toBe(200);
    const wb = await load(res.rawPayload);
    expect(wb.worksheets.map((x) => x.name)).toEqual(['Theo cơ quan', 'Tổng cộng']);
    const ws = wb.getWorksheet('Theo cơ quan')!;
    expect(headings(ws)).toEqual([
      'STT',
      'Cơ quan',
      'Trạng thái báo cáo',
      'Ngày gửi',
      'Phải nộp',
      'Gửi đúng hạn',
      'Gửi muộn',
      'Chưa gửi',
      'Đã tiếp nhận',
      'Bị trả lại',
    ]);
    expectTableLayout(ws, 10);
    const api = expectBody(
      await w.as.leader.get(`/api/reporting-periods/${w.period.id}/rates`),
      periodRatesResponseSchema,
    );
    const rows = dataRows(ws);
    expect(rows).toHaveLength(api.agencies.length);
    expect(rows.map((r) => r[1])).toEqual(api.agencies.map((a) => a.organisation.name));
    const of = (name: string) => rows.find((r) => r[1] === name)!.slice(4);
    expect(of('Sở Tài chính thử')).toEqual([1, 1, 0, 0, 1, 0]);
    expect(of('Sở Nông nghiệp thử')).toEqual([1, 1, 0, 0, 0, 0]);
    expect(of('Sở Công Thương thử')).toEqual([1, 0, 0, 1, 0, 1]);
    expect(rows.find((r) => r[1] === 'Sở Tài chính thử')![3]).toBeInstanceOf(Date);
    const totals = dataRows(wb.getWorksheet('Tổng cộng')!);
    expect(totals).toHaveLength(1);
    const t = api.totals;
    expect(totals[0]!.slice(0, 7)).toEqual([t.expected, t.submitted, t.submittedOnTime, 0, 1, t.accepted, 1]);
    expect(totals[0]![7]).toBeCloseTo(t.submittedRate! / 100);
    expect(totals[0]![9]).toBeCloseTo(t.acceptedRate! / 100);
    expectError(await w.as.stc.get(url), 403);
    expect((await get(null, url)).statusCode).toBe(401);
  });

  it('exports the consolidated data of a period, one sheet per part; reporters may not', async () => {
    const url = `/api/reporting-periods/${w.period.id}/consolidated-data.xlsx`;
    const res = await get(w.as.coordinator, url);
    expect(res.statusCode).toBe(200);
    const wb = await load(res.rawPayload);
    expect(wb.worksheets.map((x) => x.name)).toEqual([
      'Chỉ tiêu',
      'I. Kết quả',
      'II. Khó khăn, vướng mắc',
      'III. Nhiệm vụ năm tới',
      'IV. Kiến nghị, đề xuất',
      'Phụ lục',
    ]);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
      expect(ws.autoFilter).toMatch(/^A4:[A-Z]+\d+$/);
      expect(String(ws.getCell('A1').value)).toContain(`Kế hoạch số 148/KH-UBND năm ${THIS_YEAR}`);
    }
    const statuses = expectBody(
      await w.as.coordinator.get(`/api/plans/${w.planId}/task-statuses?year=${THIS_YEAR}&pageSize=200`),
      taskStatusesResponseSchema,
    );
    const appendix = wb.getWorksheet('Phụ lục')!;
    expectTableLayout(appendix, 11);
    const rows = dataRows(appendix);
    expect(rows).toHaveLength(statuses.total);
    const labelOf = new Map(statuses.items.map((i) => [i.task.ordinal, i.status.label]));
    for (const r of rows) expect(r[8]).toBe(labelOf.get(String(r[1])));
    // Only the accepted report's entries: STC leads T1 and T3 and supports T2.
    const results = dataRows(wb.getWorksheet('I. Kết quả')!);
    expect(results).toHaveLength(3);
    expect(new Set(results.map((r) => r[4]))).toEqual(new Set(['Sở Tài chính thử']));
    expect(results.find((r) => r[7] === 'Đã hoàn thành dự thảo đề án')).toBeDefined();
    expect(dataRows(wb.getWorksheet('II. Khó khăn, vướng mắc')!)).toEqual([
      [1, 'Sở Tài chính thử', 'Chung', 'Thiếu kinh phí thẩm định'],
    ]);
    expect(dataRows(wb.getWorksheet('IV. Kiến nghị, đề xuất')!)).toEqual([
      [
        1,
        'Kiến nghị với Tỉnh ủy, HĐND, UBND tỉnh',
        'Sở Tài chính thử',
        'Chung',
        'Đề nghị UBND tỉnh bổ sung kinh phí',
      ],
    ]);
    const next = dataRows(wb.getWorksheet('III. Nhiệm vụ năm tới')!);
    expect(next.filter((r) => String(r[1]).startsWith('Quá hạn'))).toHaveLength(
      statuses.items.filter((i) => i.status.code === 'overdue').length,
    );
    expectError(await w.as.stc.get(url), 403);
    expectError(await w.as.coordinator.get('/api/reporting-periods/999999/consolidated-data.xlsx'), 404);
  });
});

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { errorResponseSchema } from '../../../shared/contracts/errors';
import type { ImportValuesResponse } from '../../../shared/contracts/indicators';
import { planIndicatorsResponseSchema } from '../../../shared/contracts/indicators';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody } from '../../test/expect-body';
import { buildUser } from '../../test/factories';
import { type Agent, startTestServer, type TestServer } from '../../test/http-agent';
import { importSamplePlan } from './test-plan';

const HEADER = ['Mã chỉ số', 'Tên chỉ số', 'Đơn vị', 'Năm', 'Giá trị', 'Trạng thái', 'Nguồn', 'Ghi chú'];

async function workbookOf(rows: unknown[][], sheetName = 'Số liệu'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(sheetName);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describeEachDatabase('indicator values to and from .xlsx', (dialect) => {
  let s: TestServer;
  let coordinator: Agent;
  let reporter: Agent;
  let planId: number;

  const effective = async () => {
    const body = expectBody(
      await coordinator.get(`/api/plans/${planId}/indicators`),
      planIndicatorsResponseSchema,
    );
    return body.items.map((i) => ({
      code: i.code,
      values: i.effectiveValues.map(({ valueId: _, ...v }) => v),
    }));
  };
  const valueRowCount = async () =>
    Number(
      (
        await s.ctx.db
          .selectFrom('indicator_values')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const download = async () => {
    const res = await s.app.inject({
      method: 'GET',
      url: `/api/plans/${planId}/indicator-values.xlsx`,
      headers: { cookie: coordinator.cookie! },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    return res.rawPayload;
  };

  beforeAll(async () => {
    s = await startTestServer(dialect);
    let sctId: number;
    ({ planId, sctId } = await importSamplePlan(s.ctx));
    coordinator = await s.loginAs(await buildUser(s.ctx, { role: 'coordinator', organisationId: sctId }));
    reporter = await s.loginAs(await buildUser(s.ctx, { role: 'reporter', organisationId: sctId }));
  });
  afterAll(() => s.close());

  it('imports a file typed by a statistician: columns in any order, decimal commas in text cells', async () => {
    const file = await workbookOf([
      ['Số liệu chỉ tiêu Kế hoạch 148'],
      ['Năm', 'Mã chỉ số', 'Giá trị', 'Trạng thái', 'Nguồn'],
      [2021, 'CT01', 8.82, 'Chính thức', 'Cục Thống kê — niên giám 2021'],
      [2022, 'ct01', '10,5', 'Sơ bộ', 'Cục Thống kê — báo cáo KT-XH 2022'],
      [],
      ['2022', 'CT02', '6,3', 'sơ bộ', 'Cục Thống kê — báo cáo KT-XH 2022'],
      [2021, 'CT03', 63.67, 'CHÍNH THỨC', 'Cục Thống kê — cơ cấu GRDP'],
    ]);
    const res = await coordinator.upload(
      `/api/plans/${planId}/indicator-values/import`,
      'so-lieu.xlsx',
      file,
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ created: 4, unchanged: 0 } satisfies ImportValuesResponse);
    const eff = await effective();
    expect(eff.find((i) => i.code === 'CT01')!.values).toEqual([
      { year: 2021, value: 8.82, status: 'official' },
      { year: 2022, value: 10.5, status: 'preliminary' },
    ]);
    expect(eff.find((i) => i.code === 'CT02')!.values).toEqual([
      { year: 2022, value: 6.3, status: 'preliminary' },
    ]);
  });

  it('exports the effective values and the evaluations; importing the export changes nothing', async () => {
    const before = await effective();
    const rowsBefore = await valueRowCount();
    const bytes = await download();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Số liệu')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 9)).toEqual(HEADER);
    expect(sheet.rowCount).toBe(1 + 4);
    expect((sheet.getRow(2).values as unknown[]).slice(1, 7)).toEqual([
      'CT01',
      'Chỉ số sản xuất công nghiệp',
      '%',
      2021,
      8.82,
      'Chính thức',
    ]);
    const targets = wb.getWorksheet('Chỉ tiêu và đánh giá')!;
    expect(targets.rowCount).toBe(1 + 9);
    const reasons = targets.getColumn(8).values.map(String).join('\n');
    expect(reasons).toContain('Bình quân 2021–2022 đạt');

    const res = await coordinator.upload(`/api/plans/${planId}/indicator-values/import`, 'xuat.xlsx', bytes);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ created: 0, unchanged: 4 });
    expect(await effective()).toEqual(before);
    expect(await valueRowCount()).toBe(rowsBefore);
  });

  it('rejects a file with bad cells, lists every problem by row and column, and saves nothing', async () => {
    const rowsBefore = await valueRowCount();
    const file = await workbookOf([
      HEADER,
      ['CT01', '', '', 2023, 6.35, 'Ước tính', 'Cục Thống kê'],
      ['CT01', '', '', 2024, 'abc', 'Ước tính', 'Cục Thống kê'],
      ['CT02', '', '', 2023, 7, 'Dự kiến', 'Cục Thống kê'],
    ]);
    const res = await coordinator.upload(`/api/plans/${planId}/indicator-values/import`, 'loi.xlsx', file);
    expect(res.status).toBe(400);
    const body = expectBody(res, errorResponseSchema);
    expect(body.error.message).toContain('Tệp có 2 lỗi, chưa lưu số liệu nào');
    expect(body.error.message).toContain('Dòng 3, cột Giá trị: “abc” không phải là số.');
    expect(body.error.message).toContain(
      'Dòng 4, cột Trạng thái: “Dự kiến” không phải là Ước tính, Sơ bộ hoặc Chính thức.',
    );
    expect(body.error.fields?.map((f) => f.path)).toEqual(['row3.value', 'row4.status']);
    expect(await valueRowCount()).toBe(rowsBefore);
  });

  it('checks rows against the plan: unknown code, year out of range, empty value, duplicates', async () => {
    const rowsBefore = await valueRowCount();
    const file = await workbookOf([
      HEADER,
      ['XX99', '', '', 2023, 1, 'Ước tính', 'Cục Thống kê'],
      ['CT01', '', '', 1850, 1, 'Ước tính', 'Cục Thống kê'],
      ['CT01', '', '', 2023, null, 'Ước tính', 'Cục Thống kê'],
      ['CT03', '', '', 2023, 130, 'Ước tính', 'Cục Thống kê'],
      ['CT01', '', '', 2023, 6, 'Ước tính', ''],
      ['CT02', '', '', 2023, 7, 'Ước tính', 'A'],
      ['CT02', '', '', 2023, 7.1, 'Ước tính', 'B'],
    ]);
    const res = await coordinator.upload(`/api/plans/${planId}/indicator-values/import`, 'loi.xlsx', file);
    expect(res.status).toBe(400);
    const message = expectBody(res, errorResponseSchema).error.message;
    expect(message).toContain('Dòng 2, cột Mã chỉ số: mã chỉ số “XX99” không có trong kế hoạch này.');
    expect(message).toContain('Dòng 3, cột Năm: năm 1850 nằm ngoài khoảng 1990–');
    expect(message).toContain('Dòng 4, cột Giá trị: chưa ghi giá trị.');
    expect(message).toContain('Dòng 5, cột Giá trị: tỷ trọng, tỷ lệ không được vượt quá 100%.');
    expect(message).toContain('Dòng 6, cột Nguồn: chưa ghi nguồn số liệu.');
    expect(message).toContain('Dòng 8, cột Năm: trùng chỉ số, năm và trạng thái với dòng 7.');
    expect(await valueRowCount()).toBe(rowsBefore);
  });

  it('refuses what is not a values workbook', async () => {
    const notXlsx = await coordinator.upload(
      `/api/plans/${planId}/indicator-values/import`,
      'so-lieu.xlsx',
      Buffer.from('không phải excel'),
    );
    expect(notXlsx.status).toBe(400);
    expect(expectBody(notXlsx, errorResponseSchema).error.message).toContain('không phải là bảng tính Excel');
    const csv = await coordinator.upload(
      `/api/plans/${planId}/indicator-values/import`,
      'so-lieu.csv',
      Buffer.from('a'),
    );
    expect(csv.status).toBe(400);
    const noHeader = await coordinator.upload(
      `/api/plans/${planId}/indicator-values/import`,
      'trong.xlsx',
      await workbookOf([['Bảng gì đó'], [1, 2, 3]]),
    );
    expect(noHeader.status).toBe(400);
    expect(expectBody(noHeader, errorResponseSchema).error.message).toContain('Không tìm thấy dòng tiêu đề');
  });

  it('lets only the coordinator import, while everyone logged in may download', async () => {
    const file = await workbookOf([HEADER, ['CT01', '', '', 2023, 6.35, 'Ước tính', 'Cục Thống kê']]);
    const res = await reporter.upload(`/api/plans/${planId}/indicator-values/import`, 'so-lieu.xlsx', file);
    expect(res.status).toBe(403);
    const anonymous = await s
      .agent()
      .upload(`/api/plans/${planId}/indicator-values/import`, 'so-lieu.xlsx', file);
    expect(anonymous.status).toBe(401);
    expect((await s.agent().get(`/api/plans/${planId}/indicator-values.xlsx`)).status).toBe(401);
    expect((await reporter.get(`/api/plans/${planId}/indicator-values.xlsx`)).status).toBe(200);
  });

  it("dates the evaluation with Vietnam's day: at 01:00 on 01/12 in Hà Nội (18:00 UTC on 30/11) the sheet says 01/12/2026", async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-30T18:00:00Z') });
    try {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await download()) as unknown as ArrayBuffer);
      const header = (wb.getWorksheet('Chỉ tiêu và đánh giá')!.getRow(1).values as unknown[]).map(String);
      expect(header).toContain('Đánh giá (ngày 01/12/2026)');
      expect(header.join('|')).not.toContain('30/11/2026');
    } finally {
      vi.useRealTimers();
    }
  });
});

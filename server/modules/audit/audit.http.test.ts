import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditListResponseSchema } from '../../../shared/contracts/audit';
import { localDate } from '../../../shared/domain/reporting/local-date';
import { LIST_COUNT_CAP } from '../../lib/bounded-count';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody } from '../../test/expect-body';
import {
  acceptReport,
  buildLoggedIn,
  buildOrganisation,
  buildPlan,
  fillReport,
  findReport,
  openPeriod,
  submitReport,
} from '../../test/factories';
import type { Agent, TestServer } from '../../test/http-agent';
import { startTestServer } from '../../test/http-agent';

describeEachDatabase('the audit log in Vietnamese, filtered and exported', (dialect) => {
  let s: TestServer;
  let admin: Agent;
  let leader: Agent;
  let coordinator: Agent;
  let reporter: Agent;
  let coordinatorId: number;
  let reportId: number;
  let stcId: number;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    const stc = await buildOrganisation(s.ctx, { name: 'Sở Tài chính' });
    stcId = stc.id;
    const sct = await buildOrganisation(s.ctx, { name: 'Sở Công Thương' });
    admin = (await buildLoggedIn(s, { role: 'admin' })).agent;
    leader = (await buildLoggedIn(s, { role: 'leader' })).agent;
    const c = await buildLoggedIn(s, {
      role: 'coordinator',
      organisationId: sct.id,
      fullName: 'Trần Thị Tổng Hợp',
    });
    coordinator = c.agent;
    coordinatorId = c.user.id;
    reporter = (
      await buildLoggedIn(s, { role: 'reporter', organisationId: stc.id, fullName: 'Lê Văn Báo Cáo' })
    ).agent;
    const { planId } = await buildPlan(coordinator, {
      number: '77/KH-UBND',
      consolidator: { org: sct },
      tasks: [{ leads: [{ org: stc }] }],
    });
    const period = await openPeriod(coordinator, planId, { year: 2025 });
    let report = await findReport(reporter, period.id, stc.id);
    report = await fillReport(reporter, report);
    report = await submitReport(reporter, report);
    report = await acceptReport(coordinator, report);
    reportId = report.id;
  });
  afterAll(() => s.close());

  it('names the action and the object: "Tiếp nhận báo cáo của Sở Tài chính, kỳ Báo cáo năm 2025"', async () => {
    const body = expectBody(await admin.get('/api/audit?action=report.accepted'), auditListResponseSchema);
    expect(body.total).toBe(1);
    const [e] = body.items;
    expect(e!.entityId).toBe(String(reportId));
    expect(e!.actorName).toBe('Trần Thị Tổng Hợp');
    expect(e!.actionLabel).toBe('Tiếp nhận báo cáo');
    expect(e!.text).toBe('Tiếp nhận báo cáo của Sở Tài chính, kỳ Báo cáo năm 2025 (kế hoạch 77/KH-UBND)');
    expect(e!.changes).toEqual([{ label: 'Lần gửi', before: null, after: '1' }]);
    // Nothing a person reads in the whole log is a code, an id or JSON.
    const all = expectBody(await admin.get('/api/audit?pageSize=200'), auditListResponseSchema);
    const read = all.items.flatMap((x) => [
      x.text,
      x.actionLabel,
      ...x.changes.flatMap((c) => [c.label, c.after ?? '']),
    ]);
    expect(read.filter((t) => /[a-z_]+\.[a-z_]+|#\d|[{}]|Thao tác khác/.test(t))).toEqual([]);
  });

  it('lists changed fields with Vietnamese labels and names instead of ids', async () => {
    const { user } = await buildLoggedIn(s, { role: 'reporter', fullName: 'Phạm Văn Đổi' });
    const res = await admin.request('PATCH', `/api/users/${user.id}`, {
      fullName: 'Phạm Văn Đã Đổi',
      role: 'coordinator',
      organisationId: stcId,
    });
    expect(res.status).toBe(200);
    const body = expectBody(
      await admin.get(`/api/audit?action=user.updated&entityId=${user.id}`),
      auditListResponseSchema,
    );
    const [e] = body.items;
    expect(e!.text).toMatch(/^Sửa thông tin người dùng Phạm Văn Đã Đổi \(/);
    expect(e!.changes).toEqual(
      expect.arrayContaining([
        { label: 'Họ tên', before: 'Phạm Văn Đổi', after: 'Phạm Văn Đã Đổi' },
        { label: 'Vai trò', before: 'Cán bộ báo cáo của cơ quan', after: 'Cán bộ tổng hợp' },
        expect.objectContaining({ label: 'Cơ quan', after: 'Sở Tài chính' }),
      ]),
    );
  });

  it('shows a new entry and a renamed person at once, though the same page was just read (pages are kept)', async () => {
    const { user } = await buildLoggedIn(s, { role: 'reporter', fullName: 'Đỗ Văn Giữ' });
    const url = `/api/audit?action=user.updated&entityId=${user.id}`;
    expect(expectBody(await leader.get(url), auditListResponseSchema).total).toBe(0);
    const res = await admin.request('PATCH', `/api/users/${user.id}`, {
      fullName: 'Đỗ Văn Đã Giữ',
      role: 'reporter',
      organisationId: stcId,
    });
    expect(res.status).toBe(200);
    const after = expectBody(await leader.get(url), auditListResponseSchema);
    expect(after.total).toBe(1);
    expect(after.items[0]!.text).toMatch(/^Sửa thông tin người dùng Đỗ Văn Đã Giữ \(/);
    // A name changed outside the product's writers (no audit row) still shows on the kept page.
    await s.ctx.db.updateTable('users').set({ full_name: 'Đỗ Văn Mới' }).where('id', '=', user.id).execute();
    const renamed = expectBody(await leader.get(url), auditListResponseSchema);
    expect(renamed.items[0]!.text).toMatch(/^Sửa thông tin người dùng Đỗ Văn Mới \(/);
  });

  it('filters by person, by Vietnamese calendar day and by action', async () => {
    const mine = expectBody(
      await admin.get(`/api/audit?actorId=${coordinatorId}&pageSize=200`),
      auditListResponseSchema,
    );
    expect(mine.total).toBeGreaterThan(2);
    expect(new Set(mine.items.map((i) => i.actorName))).toEqual(new Set(['Trần Thị Tổng Hợp']));
    const today = localDate(new Date());
    const todays = expectBody(
      await admin.get(`/api/audit?from=${today}&to=${today}`),
      auditListResponseSchema,
    );
    const all = expectBody(await admin.get('/api/audit'), auditListResponseSchema);
    expect(todays.total).toBe(all.total);
    const past = expectBody(
      await admin.get('/api/audit?from=2020-01-01&to=2020-12-31'),
      auditListResponseSchema,
    );
    expect(past.total).toBe(0);
    const backwards = await admin.get('/api/audit?from=2026-12-31&to=2026-01-01');
    expect(backwards.status).toBe(400);
    const submitted = expectBody(
      await admin.get('/api/audit?action=report.submitted'),
      auditListResponseSchema,
    );
    expect(submitted.items.map((i) => i.text)).toEqual([
      'Gửi báo cáo của Sở Tài chính, kỳ Báo cáo năm 2025 (kế hoạch 77/KH-UBND)',
    ]);
  });

  it('exports the same filter as .xlsx with Vietnamese headings, a frozen header and set widths', async () => {
    const res = await s.app.inject({
      method: 'GET',
      url: `/api/audit/export.xlsx?actorId=${coordinatorId}`,
      headers: { cookie: leader.cookie! },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="nhat-ky-thay-doi-\d{4}-\d{2}-\d{2}\.xlsx"/,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Nhật ký thay đổi')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'STT',
      'Ngày',
      'Giờ',
      'Người thực hiện',
      'Hành động',
      'Nội dung',
      'Thay đổi, thông tin kèm theo',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(6).width).toBe(70);
    const list = expectBody(
      await admin.get(`/api/audit?actorId=${coordinatorId}&pageSize=200`),
      auditListResponseSchema,
    );
    expect(sheet.rowCount).toBe(1 + list.total);
    const texts = sheet.getColumn(6).values.slice(2).map(String);
    expect(texts).toContain('Tiếp nhận báo cáo của Sở Tài chính, kỳ Báo cáo năm 2025 (kế hoạch 77/KH-UBND)');
    const actors = new Set(sheet.getColumn(4).values.slice(2).map(String));
    expect(actors).toEqual(new Set(['Trần Thị Tổng Hợp']));
    expect(String(sheet.getRow(2).getCell(2).value)).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    // The second sheet says who exported what, in Vietnamese.
    const about = wb.getWorksheet('Thông tin xuất')!;
    const facts = new Map(
      about
        .getSheetValues()
        .slice(2)
        .map((r) => [String((r as unknown[])[1]), String((r as unknown[])[2])]),
    );
    expect(facts.get('Người thực hiện')).toMatch(/^Trần Thị Tổng Hợp \(/);
    expect(facts.get('Số mục')).toBe(String(list.total));
    expect(facts.get('Người xuất')).toMatch(/\(/);
  });

  it('refuses the log and its export to reporters and coordinators', async () => {
    expect((await reporter.get('/api/audit')).status).toBe(403);
    expect((await reporter.get('/api/audit/export.xlsx')).status).toBe(403);
    expect((await coordinator.get('/api/audit/export.xlsx')).status).toBe(403);
    expect((await s.agent().get('/api/audit/export.xlsx')).status).toBe(401);
  });

  // Last: it adds 1,001 rows dated 2019, which the tests above would otherwise count.
  it('stops counting a long log at 1.000 and says so, newest first', async () => {
    const rows = Array.from({ length: LIST_COUNT_CAP + 1 }, (_, i) => ({
      at: new Date(Date.UTC(2019, 0, 1) + i * 60_000).toISOString(),
      actor_id: coordinatorId,
      action: i === 0 ? 'report.returned' : 'auth.login',
      entity: 'user',
      entity_id: String(coordinatorId),
      detail: null,
      request_id: null,
    }));
    for (let i = 0; i < rows.length; i += 1000)
      await s.ctx.db
        .insertInto('audit_log')
        .values(rows.slice(i, i + 1000))
        .execute();
    const year = expectBody(
      await leader.get('/api/audit?from=2019-01-01&to=2019-12-31'),
      auditListResponseSchema,
    );
    expect(year).toMatchObject({ total: LIST_COUNT_CAP, totalCapped: true });
    expect(year.items).toHaveLength(50);
    expect(year.items[0]!.at).toBe(rows.at(-1)!.at);
    expect(year.items[1]!.at < year.items[0]!.at).toBe(true);
    // A narrower filter is counted exactly.
    const returned = expectBody(
      await leader.get('/api/audit?from=2019-01-01&to=2019-12-31&action=report.returned'),
      auditListResponseSchema,
    );
    expect(returned).toMatchObject({ total: 1, totalCapped: false });
    expect(returned.items[0]!.at).toBe(rows[0]!.at);
  });
});

import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  attachmentSchema,
  compareVersionsResponseSchema,
  type ReportDetail,
  reportDetailSchema,
} from '../../../shared/contracts/reporting';
import { signedScanListSchema, signedScanSchema } from '../../../shared/contracts/signed-scans';
import * as entryFiles from '../../db/migrations/20261201T1040_entry_files';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody, expectError } from '../../test/expect-body';
import {
  acceptReport,
  buildLoggedIn,
  buildOrganisation,
  buildPlan,
  findReport,
  openPeriod,
  returnReport,
  saveReport,
  submitReport,
} from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/http-agent';
import { daysFromToday, THIS_YEAR } from '../../test/reporting-world';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
/** The smallest PNG signature file-type recognises (signature and IHDR chunk header). */
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

async function buildWorld(s: TestServer) {
  const sct = await buildOrganisation(s.ctx, { code: 'SCT', name: 'Sở Công Thương', kind: 'so' });
  const stc = await buildOrganisation(s.ctx, { code: 'STC', name: 'Sở Tài chính', kind: 'so' });
  const snn = await buildOrganisation(s.ctx, { name: 'Sở Nông nghiệp và Môi trường', kind: 'so' });
  const [coordinator, stcReporter, snnReporter, leader] = await Promise.all([
    buildLoggedIn(s, { role: 'coordinator', organisationId: sct.id }),
    buildLoggedIn(s, { role: 'reporter', organisationId: stc.id }),
    buildLoggedIn(s, { role: 'reporter', organisationId: snn.id }),
    buildLoggedIn(s, { role: 'leader', organisationId: sct.id }),
  ]);
  const { planId } = await buildPlan(coordinator.agent, {
    consolidator: { org: sct },
    tasks: [
      { content: 'Xây dựng đề án', leads: [{ org: stc }] },
      { content: 'Rà soát quy hoạch', leads: [{ org: stc }] },
      { content: 'Xây dựng chợ', leads: [{ org: snn }] },
    ],
  });
  const period = await openPeriod(coordinator.agent, planId, { year: THIS_YEAR, dueOn: daysFromToday(20) });
  const report = await findReport(stcReporter.agent, period.id, stc.id);
  return {
    report,
    as: {
      coordinator: coordinator.agent,
      stc: stcReporter.agent,
      snn: snnReporter.agent,
      leader: leader.agent,
    },
  };
}

describeEachDatabase('files of a task entry and the signed scan of a report', (dialect) => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof buildWorld>>;
  const current = async () =>
    expectBody(await w.as.stc.get(`/api/reports/${w.report.id}`), reportDetailSchema, 200);
  const upload = async (name: string, bytes: Buffer = PDF) =>
    expectBody(
      await w.as.stc.upload(`/api/reports/${w.report.id}/attachments`, name, bytes),
      attachmentSchema,
      201,
    );

  beforeAll(async () => {
    s = await startTestServer(dialect);
    w = await buildWorld(s);
  }, 120_000);
  afterAll(async () => s?.close());

  it('keeps any number of files on one task: added, listed in order, one removed, the rest kept', async () => {
    const [qd, pl, anh] = [
      await upload('QĐ 12.pdf'),
      await upload('Phụ lục.pdf'),
      await upload('Ảnh hiện trường.png', PNG),
    ];
    const entry = w.report.lead[0]!.id;
    let r = await saveReport(w.as.stc, await current(), {
      entries: [
        { id: entry, progress: 'in_progress', attachmentIds: [qd.id, pl.id, anh.id] },
        { id: w.report.lead[1]!.id, progress: 'not_started' },
      ],
    });
    expect(r.lead[0]!.files.map((f) => f.filename)).toEqual([
      'QĐ 12.pdf',
      'Phụ lục.pdf',
      'Ảnh hiện trường.png',
    ]);
    expect(r.lead[0]!.files[2]).toMatchObject({ mediaType: 'image/png', url: `/api/attachments/${anh.id}` });
    expect(r.lead[1]!.files).toEqual([]);
    // Saving other fields leaves the files as they are.
    r = await saveReport(w.as.stc, r, { entries: [{ id: entry, result: '<p>Đang làm</p>' }] });
    expect(r.lead[0]!.files).toHaveLength(3);
    r = await saveReport(w.as.stc, r, { entries: [{ id: entry, attachmentIds: [qd.id, anh.id] }] });
    expect(r.lead[0]!.files.map((f) => f.filename)).toEqual(['QĐ 12.pdf', 'Ảnh hiện trường.png']);
    // A detached file is still stored (older versions may list it).
    expect((await w.as.stc.get(pl.url)).status).toBe(200);
  });

  it("refuses another report's file and another agency's upload", async () => {
    const snnReport = (await w.as.snn.get(`/api/reports?pageSize=100`)).body as {
      items: { id: number; organisation: { name: string } }[];
    };
    const theirs = snnReport.items.find((x) => x.organisation.name === 'Sở Nông nghiệp và Môi trường')!;
    const foreign = expectBody(
      await w.as.snn.upload(`/api/reports/${theirs.id}/attachments`, 'x.pdf', PDF),
      attachmentSchema,
      201,
    );
    const r = await current();
    const refused = await w.as.stc.patch(`/api/reports/${r.id}`, {
      version: r.version,
      entries: [{ id: r.lead[0]!.id, attachmentIds: [foreign.id] }],
    });
    expect(expectError(refused, 400).message).toBe('Tệp đính kèm không thuộc báo cáo này.');
    expectError(await w.as.snn.upload(`/api/reports/${r.id}/attachments`, 'x.pdf', PDF), 403);
    expectError(await w.as.coordinator.upload(`/api/reports/${r.id}/attachments`, 'x.pdf', PDF), 403);
    expectError(await w.as.snn.get(r.lead[0]!.files[0]!.url), 403);
  });

  it('records file changes in the version history', async () => {
    const first = await submitReport(w.as.stc, await current());
    const returned = await returnReport(w.as.coordinator, first, 'Bổ sung phụ lục số liệu');
    const extra = await upload('Số liệu bổ sung.pdf');
    const entry = returned.lead[0]!;
    const saved = await saveReport(w.as.stc, returned, {
      entries: [{ id: entry.id, attachmentIds: [...entry.files.map((f) => f.id), extra.id] }],
    });
    await submitReport(w.as.stc, saved);
    const cmp = expectBody(
      await w.as.coordinator.get(`/api/reports/${w.report.id}/versions/compare`),
      compareVersionsResponseSchema,
      200,
    );
    const change = cmp.changes.find((c) => c.path === `entries.${entry.task.id}.files`)!;
    expect(change).toMatchObject({
      kind: 'changed',
      label: `Nhiệm vụ ${entry.task.ordinal} — Tệp sản phẩm`,
      before: 'QĐ 12.pdf; Ảnh hiện trường.png',
      after: 'QĐ 12.pdf; Ảnh hiện trường.png; Số liệu bổ sung.pdf',
    });
    expect(cmp.from.snapshot.entries[0]!.files.map((f) => f.filename)).toEqual([
      'QĐ 12.pdf',
      'Ảnh hiện trường.png',
    ]);
  });

  it('takes the signed scan once sent, replaces it keeping the earlier one, and lets readers download both', async () => {
    const url = `/api/reports/${w.report.id}/signed-scans`;
    const first = expectBody(await w.as.stc.upload(url, 'Báo cáo đã ký.pdf', PDF), signedScanSchema, 201);
    expect(first).toMatchObject({
      current: true,
      filename: 'Báo cáo đã ký.pdf',
      mediaType: 'application/pdf',
    });
    const accepted = await acceptReport(w.as.coordinator, (await current()) as ReportDetail);
    expect(accepted.state).toBe('accepted');
    const second = expectBody(
      await w.as.stc.upload(url, 'Báo cáo đã ký (bản rõ).png', PNG),
      signedScanSchema,
      201,
    );
    const list = expectBody(await w.as.coordinator.get(url), signedScanListSchema, 200);
    expect(list.canUpload).toBe(false);
    expect(list.items.map((x) => [x.filename, x.current, x.uploadedBy?.name !== undefined])).toEqual([
      ['Báo cáo đã ký (bản rõ).png', true, true],
      ['Báo cáo đã ký.pdf', false, true],
    ]);
    expect(expectBody(await w.as.stc.get(url), signedScanListSchema, 200).canUpload).toBe(true);
    for (const agent of [w.as.coordinator, w.as.leader]) {
      const old = await agent.get(first.url);
      expect(old.status).toBe(200);
      expect(old.headers['x-content-sha256']).toBe(first.sha256);
      expect((await agent.get(second.url)).status).toBe(200);
    }
    // Accepted: other agencies read the report, and so its scans.
    expect((await w.as.snn.get(url)).status).toBe(200);
  });

  it('refuses a scan from others, of a report not yet sent, or not a PDF or image', async () => {
    const url = `/api/reports/${w.report.id}/signed-scans`;
    expect(expectError(await w.as.snn.upload(url, 'x.pdf', PDF), 403).message).toBe(
      'Bạn chỉ được tải lên bản scan báo cáo của cơ quan mình.',
    );
    expectError(await w.as.coordinator.upload(url, 'x.pdf', PDF), 403);
    expectError(await w.as.leader.upload(url, 'x.pdf', PDF), 403);
    expect(expectError(await w.as.stc.upload(url, 'bao-cao.docx', PDF), 400).message).toBe(
      'Bản scan báo cáo đã ký phải là tệp PDF hoặc ảnh (.jpg, .png, .tif).',
    );
    expect(
      expectError(await w.as.stc.upload(url, 'gia.pdf', Buffer.from('MZ không phải PDF')), 400).message,
    ).toBe('Nội dung tệp không đúng định dạng .pdf như tên tệp.');
    const snnList = (await w.as.snn.get('/api/reports?pageSize=100')).body as {
      items: { id: number; organisation: { name: string } }[];
    };
    const draft = snnList.items.find((x) => x.organisation.name === 'Sở Nông nghiệp và Môi trường')!;
    expect(
      expectError(await w.as.snn.upload(`/api/reports/${draft.id}/signed-scans`, 'x.pdf', PDF), 409).message,
    ).toMatch(/^Báo cáo chưa gửi/);
    expectError(await w.as.stc.get(`/api/reports/${draft.id}/signed-scans`), 403);
    expect(
      expectError(await w.as.coordinator.get(`/api/reports/${w.report.id}/signed-scans/999999`), 404).message,
    ).toBe('Không tìm thấy bản scan báo cáo.');
  });

  // Last: it rewinds the schema. Migration 20261201T1040 moves each entry's single file (the column it
  // replaces) into the new table; going down keeps the first file in the column, going up moves it back.
  it('moves the single file of each entry into the multi-file table, keeping the stored files', async () => {
    const db = s.ctx.db as unknown as Kysely<unknown>;
    const before = await s.ctx.db.selectFrom('report_attachments').select('id').execute();
    await entryFiles.down(db);
    const single = await sql<{
      attachment_id: number | null;
    }>`select attachment_id from report_entries where id = ${w.report.lead[0]!.id}`.execute(db);
    await entryFiles.up(db);
    const r = await current();
    expect(r.lead[0]!.files.map((f) => f.id)).toEqual([single.rows[0]!.attachment_id]);
    expect(r.lead[0]!.files[0]!.filename).toBe('QĐ 12.pdf');
    expect(r.lead[0]!.files[0]!.uploadedBy).not.toBeNull();
    expect(await s.ctx.db.selectFrom('report_attachments').select('id').execute()).toEqual(before);
  });
});

import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { errorResponseSchema } from '../../shared/contracts/errors';
import { fixtureWithOpenReport } from '../modules/reporting/test-fixture';
import { describeEachDatabase } from '../test/describe-each-database';
import { expectBody } from '../test/expect-body';
import { type Agent, startTestServer, type TestServer } from '../test/http-agent';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const wrap = (body: string) => `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
const docx = (xml: string | Uint8Array) =>
  zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'word/document.xml': typeof xml === 'string' ? strToU8(xml) : xml,
  });

/** Hostile files through the real upload routes: refused with a 400 that says why, nothing stored. */
describeEachDatabase('hostile uploads', (dialect) => {
  let s: TestServer;
  let coordinator: Agent;
  let reporter: Agent;
  let reportId: number;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    const o = await fixtureWithOpenReport(s);
    expect(o.openedStatus).toBe(201);
    coordinator = o.coordinator;
    reporter = o.reporter;
    reportId = o.reportId;
  });
  afterAll(async () => s?.close());

  const storedFiles = () => {
    const dir = path.join(s.ctx.config.dataDir, 'files');
    return existsSync(dir) ? readdirSync(dir).length : 0;
  };
  const importRows = async () =>
    Number(
      (
        await s.ctx.db
          .selectFrom('plan_imports')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses .docx bombs, hostile nesting and broken XML as plans, in Vietnamese, storing nothing', async () => {
    const files = storedFiles();
    const rows = await importRows();
    const cases: [string, Uint8Array, RegExp][] = [
      ['bom.docx', docx(new Uint8Array(20 * 1024 * 1024).fill(0x20)), /lớn hơn 3 MB/],
      [
        'long.docx',
        docx(wrap(`${'<w:sdt>'.repeat(20_000)}<w:p/>${'</w:sdt>'.repeat(20_000)}`)),
        /lồng nhau quá sâu/,
      ],
      ['hong.docx', docx(wrap('<!--'.repeat(100_000))), /không phải XML hợp lệ/],
    ];
    for (const [name, bytes, message] of cases) {
      const res = await coordinator.upload('/api/plan-imports', name, bytes);
      expect(res.status).toBe(400);
      expect(expectBody(res, errorResponseSchema).error.message).toMatch(message);
    }
    expect(storedFiles()).toBe(files);
    expect(await importRows()).toBe(rows);
  });

  it('checks attachment types by content, whatever the file is called', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Số liệu').addRow(['Chỉ tiêu', 1]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const ok = await reporter.upload(`/api/reports/${reportId}/attachments`, 'so-lieu.xlsx', xlsx);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });

    const files = storedFiles();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    for (const [name, bytes] of [
      ['bao-cao.docx', xlsx], // a workbook renamed .docx
      ['bao-cao.xlsx', pdf],
      ['anh.jpg', png],
      ['bao-cao.pdf', Buffer.from('<html><script>alert(1)</script></html>')],
    ] as const) {
      const res = await reporter.upload(`/api/reports/${reportId}/attachments`, name, bytes);
      expect(res.status).toBe(400);
      expect(expectBody(res, errorResponseSchema).error.message).toContain('không đúng định dạng');
    }
    expect(storedFiles()).toBe(files);
  });
});

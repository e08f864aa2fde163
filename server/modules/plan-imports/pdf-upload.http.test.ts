import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PlanImport } from '../../../shared/contracts/plan-import';
import { describeEachDatabase } from '../../test/describe-each-database';
import { buildUser } from '../../test/factories';
import { type Agent, startTestServer, type TestServer } from '../../test/http-agent';

const PDF = readFileSync(path.join(import.meta.dirname, '../../../fixtures/pdf/plan-borderless.pdf'));

describeEachDatabase('plan import: PDF upload', (dialect) => {
  let s: TestServer;
  let coordinator: Agent;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    coordinator = await s.loginAs(await buildUser(s.ctx, { role: 'coordinator' }));
  });
  afterAll(() => s.close());

  it('reads an uploaded PDF into a draft and keeps the PDF as the original', async () => {
    const res = await coordinator.upload('/api/plan-imports', 'ke-hoach-57.pdf', PDF);
    expect(res.status).toBe(200);
    const imp = res.body as PlanImport;
    expect(imp.document.mediaType).toBe('application/pdf');
    expect(imp.draft.number).toBe('57/KH-UBND');
    expect(imp.draft.tasks.map((t) => t.leads.map((l) => l.text))).toEqual([
      ['Sở Công Thương'],
      ['Liên minh Hợp tác xã tỉnh'],
      ['Báo và Phát thanh, Truyền hình Thái Bình'],
    ]);
    expect(imp.sourceText).toContain('Cơ quan phối hợp');
  });

  it('answers a scan with OCR off with the Vietnamese message and saves nothing', async () => {
    s.ctx.config.documents = { ...s.ctx.config.documents, ocr: 'off' };
    const scan = readFileSync(path.join(import.meta.dirname, '../../../fixtures/pdf/scan.pdf'));
    const res = await coordinator.upload('/api/plan-imports', 'ban-quet.pdf', scan);
    expect(res.status).toBe(400);
    expect((res.body as { error: { message: string } }).error.message).toContain('bản quét');
    const docs = await s.ctx.db.selectFrom('documents').select('filename').execute();
    expect(docs.map((d) => d.filename)).not.toContain('ban-quet.pdf');
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { errorResponseSchema } from '../../../shared/contracts/errors';
import { planImportSchema } from '../../../shared/contracts/plan-import';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody } from '../../test/expect-body';
import { buildOrganisation, buildUser } from '../../test/factories';
import { type Agent, startTestServer, type TestServer } from '../../test/http-agent';

const PDF = readFileSync(path.join(import.meta.dirname, '../../../fixtures/pdf/plan-borderless.pdf'));

describeEachDatabase('plan import: PDF upload', (dialect) => {
  let s: TestServer;
  let coordinator: Agent;

  let sct: number;
  let lmhtx: number;
  let bao: number;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    coordinator = await s.loginAs(await buildUser(s.ctx, { role: 'coordinator' }));
    sct = (await buildOrganisation(s.ctx, { name: 'Sở Công Thương' })).id;
    bao = (await buildOrganisation(s.ctx, { name: 'Báo và Phát thanh, Truyền hình Thái Bình', kind: 'khac' }))
      .id;
    // Abolished before the plan's date (12/3/2025), its work passed to the Department of Industry and Trade.
    lmhtx = (await buildOrganisation(s.ctx, { name: 'Liên minh Hợp tác xã tỉnh', validTo: '2024-12-31' })).id;
    await s.ctx.db.updateTable('organisations').set({ successor_id: sct }).where('id', '=', lmhtx).execute();
  });
  afterAll(() => s.close());

  it('reads an uploaded PDF into a draft and keeps the PDF as the original', async () => {
    const res = await coordinator.upload('/api/plan-imports', 'ke-hoach-57.pdf', PDF);
    expect(res.status).toBe(200);
    const imp = expectBody(res, planImportSchema);
    expect(imp.document!.mediaType).toBe('application/pdf');
    expect(imp.draft.number).toBe('57/KH-UBND');
    expect(imp.draft.tasks.map((t) => t.leads.map((l) => l.text))).toEqual([
      ['Sở Công Thương'],
      ['Liên minh Hợp tác xã tỉnh'],
      ['Báo và Phát thanh, Truyền hình Thái Bình'],
    ]);
    expect(imp.sourceText).toContain('Cơ quan phối hợp');
    // The registry name with a comma is one agency, not two.
    expect(imp.draft.tasks[2]?.leads[0]?.resolution).toEqual({
      type: 'organisation',
      organisationId: bao,
      confidence: 1,
    });
    // A name matched to an agency abolished before the plan's date is flagged with its successor.
    expect(imp.draft.tasks[1]?.leads[0]?.resolution).toEqual({
      type: 'organisation',
      organisationId: lmhtx,
      confidence: 1,
      notInForce: { on: '2025-03-12', status: 'ended', successorId: sct },
    });
  });

  it('answers a scan with OCR off with the Vietnamese message and saves nothing', async () => {
    s.ctx.config.documents = { ...s.ctx.config.documents, ocr: 'off' };
    const scan = readFileSync(path.join(import.meta.dirname, '../../../fixtures/pdf/scan.pdf'));
    const res = await coordinator.upload('/api/plan-imports', 'ban-quet.pdf', scan);
    expect(res.status).toBe(400);
    expect(expectBody(res, errorResponseSchema).error.message).toContain('bản quét');
    const docs = await s.ctx.db.selectFrom('documents').select('filename').execute();
    expect(docs.map((d) => d.filename)).not.toContain('ban-quet.pdf');
  });
});

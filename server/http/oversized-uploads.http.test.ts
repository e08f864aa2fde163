import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponseSchema } from '../../shared/contracts/errors';
import { ATTACHMENT_MAX_BYTES } from '../../shared/contracts/reporting';
import { MAX_UPLOAD_BYTES } from '../modules/plan-import/import-service';
import { fixtureWithOpenReport } from '../modules/reporting/test-fixture';
import { describeEachDatabase } from '../test/describe-each-database';
import { expectBody } from '../test/expect-body';
import { type Agent, startTestServer, type TestServer } from '../test/http-agent';
import { MAX_XLSX_BYTES } from './upload-limits';

/**
 * A file one byte (or a little) over a limit must never be stored cut down to the limit. The stream
 * parser stops at the limit; whether the route noticed used to depend on where the network chunks
 * ended (a chunk ending exactly on the limit slipped through), so every case is sent both in one piece
 * and split at and around the limit and at 64 KiB chunk boundaries.
 */
function overLimitCases(limit: number): { name: string; size: number; splitAt: number[] }[] {
  const every64k = (size: number) =>
    Array.from({ length: Math.floor(size / 65536) }, (_, i) => (i + 1) * 65536);
  return [
    { name: 'limit + 1 byte, chunk ending exactly on the limit', size: limit + 1, splitAt: [limit] },
    { name: 'limit + 1 byte, one piece', size: limit + 1, splitAt: [] },
    { name: 'limit + 1 byte, 64 KiB chunks', size: limit + 1, splitAt: every64k(limit + 1) },
    { name: 'limit + 1 byte, chunk ending one byte before the limit', size: limit + 1, splitAt: [limit - 1] },
    { name: 'limit + 64 KiB, chunk ending exactly on the limit', size: limit + 65536, splitAt: [limit] },
    {
      name: 'limit + 1 MiB, 64 KiB chunks',
      size: limit + 1024 * 1024,
      splitAt: every64k(limit + 1024 * 1024),
    },
  ];
}

/** Content that passes every content check, so only the size can be the reason for a refusal. */
function pdfOfSize(size: number): Buffer {
  const b = Buffer.alloc(size, 0x20);
  b.write('%PDF-1.4\n', 0, 'latin1');
  return b;
}

function textOfSize(size: number): Buffer {
  return Buffer.alloc(size, 'KẾ HOẠCH\n');
}

function storedFiles(s: TestServer): string[] {
  const dir = path.join(s.ctx.config.dataDir, 'files');
  return existsSync(dir) ? readdirSync(dir) : [];
}

describeEachDatabase('uploads over the size limit', (dialect) => {
  let s: TestServer;
  let reporter: Agent;
  let coordinator: Agent;
  let reportId: number;
  let planId: number;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    const o = await fixtureWithOpenReport(s);
    expect(o.openedStatus).toBe(201);
    coordinator = o.coordinator;
    reporter = o.reporter;
    reportId = o.reportId;
    planId = o.f.planId;
  });
  afterAll(async () => s?.close());

  const count = async (table: 'report_attachments' | 'documents' | 'plan_imports' | 'indicator_values') =>
    Number(
      (
        await s.ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  describe('report attachments', () => {
    for (const c of overLimitCases(ATTACHMENT_MAX_BYTES)) {
      it(`refuses ${c.name} with 413 and stores nothing`, async () => {
        const files = storedFiles(s).length;
        const rows = await count('report_attachments');
        const res = await reporter.uploadInChunks(
          `/api/reports/${reportId}/attachments`,
          'bien-ban.pdf',
          pdfOfSize(c.size),
          c.splitAt,
        );
        expect(res.status).toBe(413);
        expect(expectBody(res, errorResponseSchema).error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
        expect(expectBody(res, errorResponseSchema).error.message).toContain('20 MB');
        expect(expectBody(res, errorResponseSchema).error.message).toContain('bien-ban.pdf');
        expect(await count('report_attachments')).toBe(rows);
        expect(storedFiles(s).length).toBe(files);
      });
    }

    it('still accepts a file of exactly the limit, whatever the chunking', async () => {
      for (const splitAt of [[], [ATTACHMENT_MAX_BYTES - 1], [65536, 131072]]) {
        const res = await reporter.uploadInChunks(
          `/api/reports/${reportId}/attachments`,
          'dung-gioi-han.pdf',
          pdfOfSize(ATTACHMENT_MAX_BYTES),
          splitAt,
        );
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({ size: ATTACHMENT_MAX_BYTES });
      }
    });
  });

  describe('plan imports', () => {
    for (const c of overLimitCases(MAX_UPLOAD_BYTES)) {
      it(`refuses ${c.name} with 413 and stores nothing`, async () => {
        const files = storedFiles(s).length;
        const [documents, imports] = [await count('documents'), await count('plan_imports')];
        const res = await coordinator.uploadInChunks(
          '/api/plan-imports',
          'ke-hoach.txt',
          textOfSize(c.size),
          c.splitAt,
        );
        expect(res.status).toBe(413);
        expect(expectBody(res, errorResponseSchema).error.code).toBe('PAYLOAD_TOO_LARGE');
        expect(expectBody(res, errorResponseSchema).error.message).toContain('ke-hoach.txt');
        expect(await count('documents')).toBe(documents);
        expect(await count('plan_imports')).toBe(imports);
        expect(storedFiles(s).length).toBe(files);
      });
    }
  });

  describe('indicator values from .xlsx', () => {
    for (const c of overLimitCases(MAX_XLSX_BYTES)) {
      it(`refuses ${c.name} with 413 and stores nothing`, async () => {
        const values = await count('indicator_values');
        const res = await coordinator.uploadInChunks(
          `/api/plans/${planId}/indicator-values/import`,
          'so-lieu.xlsx',
          Buffer.alloc(c.size, 0x41),
          c.splitAt,
        );
        expect(res.status).toBe(413);
        expect(expectBody(res, errorResponseSchema).error.code).toBe('PAYLOAD_TOO_LARGE');
        expect(expectBody(res, errorResponseSchema).error.message).toContain('10 MB');
        expect(await count('indicator_values')).toBe(values);
      });
    }
  });
});

import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { planImportSchema } from '../../shared/contracts/plan-import';
import { describeEachDatabase } from '../test/describe-each-database';
import { expectBody } from '../test/expect-body';
import { buildUser } from '../test/factories';
import { type Agent, startTestServer, type TestServer } from '../test/http-agent';

const SAMPLE = readFileSync(
  path.join(import.meta.dirname, '../../fixtures/plans/hung-yen-148-KH-UBND-2021.txt'),
);

describeEachDatabase('uploaded files under FILE_STORAGE', (dialect) => {
  let s: TestServer;
  let coordinator: Agent;
  beforeAll(async () => {
    s = await startTestServer(dialect);
    coordinator = await s.loginAs(await buildUser(s.ctx, { role: 'coordinator' }));
  });
  afterAll(() => s?.close());

  const filesDir = () => path.join(s.ctx.config.dataDir, 'files');
  /** Uploads a variant of the sample plan (a distinct file each time) and returns the import. */
  const upload = async (variant: string) => {
    const bytes = Buffer.concat([SAMPLE, Buffer.from(`\n${variant}\n`, 'utf8')]);
    const res = await coordinator.upload('/api/plan-imports', `ke-hoach-${variant}.txt`, bytes);
    expect(res.status).toBe(200);
    return { imp: expectBody(res, planImportSchema), bytes };
  };
  const original = async (id: number) => {
    const res = await s.app.inject({
      method: 'GET',
      url: `/api/plan-imports/${id}/original`,
      headers: { cookie: coordinator.cookie! },
    });
    return res;
  };

  it('database: the original is kept in the database and served with the disk folder gone', async () => {
    s.ctx.config.fileStorage = 'database';
    const { imp, bytes } = await upload('luu-trong-co-so-du-lieu');
    const row = await s.ctx.db
      .selectFrom('stored_files')
      .select(['size'])
      .where('sha256', '=', imp.document!.sha256)
      .executeTakeFirstOrThrow();
    expect(row.size).toBe(bytes.byteLength);
    rmSync(filesDir(), { recursive: true, force: true });
    const res = await original(imp.id);
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-content-sha256']).toBe(imp.document!.sha256);
    expect(Buffer.compare(res.rawPayload, bytes)).toBe(0);
  });

  it('disk: the original is kept under DATA_DIR/files, and its loss is reported in Vietnamese', async () => {
    s.ctx.config.fileStorage = 'disk';
    const { imp, bytes } = await upload('luu-tren-o-dia');
    const sha = imp.document!.sha256;
    expect(existsSync(path.join(filesDir(), sha.slice(0, 2), sha))).toBe(true);
    const inTable = await s.ctx.db
      .selectFrom('stored_files')
      .select('sha256')
      .where('sha256', '=', sha)
      .execute();
    expect(inTable).toEqual([]);
    expect(Buffer.compare((await original(imp.id)).rawPayload, bytes)).toBe(0);

    rmSync(filesDir(), { recursive: true, force: true });
    const lost = await original(imp.id);
    expect(lost.statusCode).toBe(500);
    expect(lost.json().error).toMatchObject({ code: 'INTERNAL' });
    expect(lost.json().error.message).toContain('Không tìm thấy tệp văn bản gốc đã lưu');
  });
});

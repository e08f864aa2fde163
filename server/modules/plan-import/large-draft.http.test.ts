import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { syntheticPlan } from '../../../bench/synthetic-plan';
import { errorResponseSchema } from '../../../shared/contracts/errors';
import type { PlanImport } from '../../../shared/contracts/plan-import';
import { planImportSchema } from '../../../shared/contracts/plan-import';
import { SAMPLE_ORGANISATIONS } from '../../seed/sample/hung-yen-organisations';
import { seedOrganisations } from '../../seed/seed-organisations';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody } from '../../test/expect-body';
import { buildUser } from '../../test/factories';
import { type Agent, startTestServer, type TestServer } from '../../test/http-agent';

const SAMPLE = readFileSync(
  path.join(import.meta.dirname, '../../../fixtures/plans/hung-yen-148-KH-UBND-2021.txt'),
  'utf8',
);
const TASKS = 10_000;

/**
 * A 10,000-task plan: its review draft is several MB of JSON, over the app-wide 2 MB body limit, and
 * must still be saveable and read back whole.
 */
describeEachDatabase('a 10,000-task plan’s review draft', (dialect) => {
  let s: TestServer;
  let coordinator: Agent;
  let imp: PlanImport;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    await seedOrganisations(s.ctx, SAMPLE_ORGANISATIONS);
    coordinator = await s.loginAs(await buildUser(s.ctx, { role: 'coordinator' }));
  });
  afterAll(() => s.close());

  it('is read from the uploaded text', async () => {
    const res = await coordinator.upload(
      '/api/plan-imports',
      'ke-hoach-lon.txt',
      Buffer.from(syntheticPlan(SAMPLE, TASKS)),
    );
    expect(res.status).toBe(200);
    imp = expectBody(res, planImportSchema);
    expect(imp.draft.tasks).toHaveLength(TASKS);
  }, 120_000);

  it('is saved through HTTP and reads back with the change', async () => {
    const draft = structuredClone(imp.draft);
    draft.tasks[TASKS - 1]!.product = 'Báo cáo tổng kết (đã sửa)';
    const payload = { version: imp.version, draft };
    const bytes = Buffer.byteLength(JSON.stringify(payload));
    expect(bytes).toBeGreaterThan(4 * 1024 * 1024);

    const saved = await coordinator.request('PUT', `/api/plan-imports/${imp.id}/draft`, payload);
    expect(saved.status, JSON.stringify(saved.body).slice(0, 300)).toBe(200);
    expect(expectBody(saved, planImportSchema).version).toBe(imp.version + 1);

    const again = expectBody(await coordinator.get(`/api/plan-imports/${imp.id}`), planImportSchema);
    expect(again.draft.tasks).toHaveLength(TASKS);
    expect(again.draft.tasks[TASKS - 1]!.product).toBe('Báo cáo tổng kết (đã sửa)');
    expect(again.draft).toEqual(draft);
  }, 120_000);

  it('still refuses a body over the draft limit, in Vietnamese', async () => {
    const res = await coordinator.request('PUT', `/api/plan-imports/${imp.id}/draft`, {
      version: imp.version + 1,
      draft: { ...imp.draft, basis: Array.from({ length: 200 }, () => 'x'.repeat(190_000)) },
    });
    expect(res.status).toBe(413);
    expect(expectBody(res, errorResponseSchema).error.message).toMatch(
      /^Dữ liệu gửi lên quá lớn \(giới hạn 32 MB/,
    );
  }, 60_000);
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { syntheticPlan } from '../../../bench/synthetic-plan';
import { AGENCY_TEXT_MAX, planImportSchema } from '../../../shared/contracts/plan-import';
import { SAMPLE_ORGANISATIONS } from '../../seed/sample/hung-yen-organisations';
import { seedOrganisations } from '../../seed/seed-organisations';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody } from '../../test/expect-body';
import { buildUser } from '../../test/factories';
import { type Agent, startTestServer, type TestServer } from '../../test/http-agent';

/*
 * Inputs the upload fuzz found: an agency cell longer than a draft may hold (it answered 500), and a plan
 * repeating its task rows thousands of times (it took 20–30 s). Speed is measured in bench/import-review.ts.
 */
const SAMPLE = readFileSync(
  path.join(import.meta.dirname, '../../../fixtures/plans/hung-yen-148-KH-UBND-2021.txt'),
  'utf8',
);
const LONG_CELL = `Phòng ${'Kinh tế hạ tầng và đô thị '.repeat(40)}`.trim();

/** The synthetic plan with one coordinator cell replaced by text longer than any agency's name. */
function planWithLongCell(): string {
  const plan = syntheticPlan(SAMPLE, 5);
  const cell = 'Các\nsở, ban, ngành, UBND các huyện, thị xã, thành phố';
  const at = plan.lastIndexOf(cell);
  return `${plan.slice(0, at)}${LONG_CELL}${plan.slice(at + cell.length)}`;
}

describeEachDatabase('plan import: oversized cells and repeated rows', (dialect) => {
  let s: TestServer;
  let coordinator: Agent;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    await seedOrganisations(s.ctx, SAMPLE_ORGANISATIONS);
    coordinator = await s.loginAs(await buildUser(s.ctx, { role: 'coordinator' }));
  });
  afterAll(() => s.close());

  it('shortens an agency cell longer than a draft holds, warns, and the draft saves and reads back', async () => {
    expect(LONG_CELL.length).toBeGreaterThan(AGENCY_TEXT_MAX);
    const res = await coordinator.upload(
      '/api/plan-imports',
      'o-qua-dai.txt',
      Buffer.from(planWithLongCell()),
    );
    expect(res.status).toBe(200);
    const imp = expectBody(res, planImportSchema);
    const task = imp.draft.tasks.find((t) => t.coordinators.join(' ').includes('Kinh tế hạ tầng'));
    expect(task).toBeDefined();
    const link = task!.coordinatorLinks.find((l) => l.text.startsWith('Phòng Kinh tế'))!;
    expect(link.text.length).toBeLessThanOrEqual(AGENCY_TEXT_MAX);
    expect(link.text.endsWith('…')).toBe(true);
    expect(link.resolution).toEqual({ type: 'unresolved' });
    const warning = imp.draft.warnings.find((w) => w.code === 'agency_text_too_long');
    expect(warning?.message).toContain(`nhiệm vụ ${task!.ordinal}`);

    const saved = await coordinator.request('PUT', `/api/plan-imports/${imp.id}/draft`, {
      version: imp.version,
      draft: imp.draft,
    });
    expect(saved.status).toBe(200);
    const read = await coordinator.request('GET', `/api/plan-imports/${imp.id}`);
    expect(read.status).toBe(200);
    expect(expectBody(read, planImportSchema).draft).toEqual(imp.draft);
  });

  it('imports a plan of 2,000 repeated task rows', async () => {
    const res = await coordinator.upload(
      '/api/plan-imports',
      'lap-lai.txt',
      Buffer.from(syntheticPlan(SAMPLE, 2000)),
    );
    expect(res.status).toBe(200);
    const imp = expectBody(res, planImportSchema);
    expect(imp.draft.tasks).toHaveLength(2000);
    expect(imp.draft.tasks[1999]!.coordinatorLinks.map((l) => l.resolution)).toEqual([
      { type: 'group', groupKey: 'so_ban_nganh', confidence: 1 },
      { type: 'group', groupKey: 'ubnd_cap_huyen', confidence: 1 },
    ]);
  });
});

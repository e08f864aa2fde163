/**
 * Benchmark of the plan pages' API on a large database: 20 plans of 1,000 tasks each (20,000 tasks,
 * 60,000 task-agency links), through the real HTTP stack (app.inject) on SQLite, and on PostgreSQL
 * when TEST_DATABASE_URL is set. Run: node --import tsx bench/plan-queries.ts
 */
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { buildApp } from '../server/app';
import { systemContext } from '../server/context';
import { confirmImport } from '../server/modules/plan-import/confirm-import';
import { createImport } from '../server/modules/plan-import/import-service';
import { SAMPLE_ORGANISATIONS } from '../server/seed/sample/hung-yen-organisations';
import { seedOrganisations } from '../server/seed/seed-organisations';
import { openTestContext, TEST_DIALECTS } from '../server/test/databases';
import { buildUser } from '../server/test/factories';
import { Agent } from '../server/test/http-agent';
import { type Timing, time } from './stats';
import { syntheticPlan } from './synthetic-plan';

const PLANS = 20;
const TASKS = 1000;
const sample = readFileSync(
  new URL('../fixtures/plans/hung-yen-148-KH-UBND-2021.txt', import.meta.url),
  'utf8',
);

async function run(dialect: 'sqlite' | 'postgres') {
  const t = await openTestContext(dialect);
  const ctx = t.ctx;
  await seedOrganisations(ctx, SAMPLE_ORGANISATIONS);
  const timings: Timing[] = [];
  let planId = 0;
  let n = 0;
  timings.push(
    await time(`import + confirm a ${TASKS}-task plan`, PLANS, async () => {
      n++;
      const text = syntheticPlan(sample, TASKS).replace('148/KH-UBND', `${1000 + n}/KH-UBND`);
      const imp = await createImport(systemContext(ctx), { filename: `p${n}.txt`, bytes: Buffer.from(text) });
      planId = await confirmImport(systemContext(ctx), imp.id);
    }),
  );
  // Fresh tables have no planner statistics yet; a running server gets them from autovacuum.
  if (dialect === 'postgres') await sql`analyze`.execute(ctx.db);
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  const user = await buildUser(ctx, { role: 'coordinator' });
  const agent = new Agent(app);
  await agent.login(user.username, user.password);
  const org = async (code: string) =>
    (await ctx.db.selectFrom('organisations').select('id').where('code', '=', code).executeTakeFirstOrThrow())
      .id;
  const sct = await org('SCT');
  const stc = await org('STC');
  const get = (url: string) => async () => {
    const r = await agent.get(url);
    if (r.status !== 200) throw new Error(`${url}: ${r.status}`);
  };
  const I = 100;
  timings.push(await time('GET /api/plans (list)', I, get('/api/plans')));
  timings.push(await time('GET /api/plans/:id (overview)', I, get(`/api/plans/${planId}`)));
  timings.push(await time('GET tasks page 1 (50 of 1,000)', I, get(`/api/plans/${planId}/tasks`)));
  timings.push(await time('GET tasks page 20', I, get(`/api/plans/${planId}/tasks?page=20`)));
  timings.push(
    await time(
      'GET tasks led by one agency',
      I,
      get(`/api/plans/${planId}/tasks?agencyId=${sct}&agencyRole=lead`),
    ),
  );
  timings.push(
    await time(
      'GET tasks supported via a group',
      I,
      get(`/api/plans/${planId}/tasks?agencyId=${stc}&agencyRole=coordinator`),
    ),
  );
  timings.push(
    await time(
      'GET tasks, search without diacritics',
      I,
      get(`/api/plans/${planId}/tasks?q=nhiem%20vu%20so%20999`),
    ),
  );
  timings.push(await time('GET tasks due in 2022', I, get(`/api/plans/${planId}/tasks?deadlineYear=2022`)));
  timings.push(await time('GET task facets', I, get(`/api/plans/${planId}/task-facets`)));
  await app.close();
  await t.close();
  return timings;
}

const out: Record<string, Timing[]> = {};
for (const d of TEST_DIALECTS) out[d] = await run(d);
console.log(JSON.stringify(out, null, 2));
console.log(
  `\n## Plan API on ${PLANS} plans × ${TASKS} tasks\n\nNode ${process.version}; median and p95 over the iterations shown.\n`,
);
console.log(`| operation | ${TEST_DIALECTS.map((d) => `${d} median / p95 (ms)`).join(' | ')} |`);
console.log(`|---|${TEST_DIALECTS.map(() => '---:').join('|')}|`);
for (const [i, row] of (out.sqlite ?? []).entries()) {
  const cells = TEST_DIALECTS.map((d) => {
    const x = out[d]?.[i];
    return x ? `${x.medianMs} / ${x.p95Ms}` : '';
  });
  console.log(`| ${row.name} | ${cells.join(' | ')} |`);
}

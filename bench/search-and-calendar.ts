/**
 * Benchmark of the header search and the deadline calendar on 100 plans of 1,000 tasks (100,000
 * tasks), through the real HTTP stack (app.inject) on SQLite, and on PostgreSQL when
 * TEST_DATABASE_URL is set. Run: node --import tsx bench/search-and-calendar.ts
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

const PLANS = Number(process.env.PLANS ?? 100);
const TASKS = 1000;
const sample = readFileSync(
  new URL('../fixtures/plans/hung-yen-148-KH-UBND-2021.txt', import.meta.url),
  'utf8',
);

async function run(dialect: 'sqlite' | 'postgres') {
  const t = await openTestContext(dialect);
  const ctx = t.ctx;
  await seedOrganisations(ctx, SAMPLE_ORGANISATIONS);
  for (let n = 1; n <= PLANS; n++) {
    const text = syntheticPlan(sample, TASKS).replace('148/KH-UBND', `${1000 + n}/KH-UBND`);
    const imp = await createImport(systemContext(ctx), { filename: `p${n}.txt`, bytes: Buffer.from(text) });
    await confirmImport(systemContext(ctx), imp.id);
  }
  const count = await ctx.db
    .selectFrom('tasks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (dialect === 'postgres') await sql`analyze`.execute(ctx.db);
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  const user = await buildUser(ctx, { role: 'coordinator' });
  const agent = new Agent(app);
  await agent.login(user.username, user.password);
  const stc = (
    await ctx.db.selectFrom('organisations').select('id').where('code', '=', 'STC').executeTakeFirstOrThrow()
  ).id;
  const get = (url: string) => async () => {
    const r = await agent.get(url);
    if (r.status !== 200) throw new Error(`${url}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
  };
  const I = 20;
  const timings: Timing[] = [];
  timings.push(
    await time('GET /api/search?q=quan ly (common words, 5 per kind)', I, get('/api/search?q=quan%20ly')),
  );
  timings.push(await time('GET /api/search?q=so tai chinh', I, get('/api/search?q=so%20tai%20chinh')));
  timings.push(await time('GET /api/search, no match', I, get('/api/search?q=khong%20co%20dau%20ca')));
  timings.push(
    await time('GET /api/calendar, a June month view', I, get('/api/calendar?from=2025-05-26&to=2025-07-06')),
  );
  timings.push(
    await time(
      'GET /api/calendar, a December month view',
      I,
      get('/api/calendar?from=2025-12-01&to=2026-01-11'),
    ),
  );
  timings.push(
    await time(
      'GET /api/calendar, December, one agency',
      I,
      get(`/api/calendar?from=2025-12-01&to=2026-01-11&organisationId=${stc}`),
    ),
  );
  await app.close();
  await t.close();
  return { tasks: Number(count.n), timings };
}

const out: Record<string, Awaited<ReturnType<typeof run>>> = {};
for (const d of TEST_DIALECTS) out[d] = await run(d);
console.log(JSON.stringify(out, null, 2));
console.log(`| operation | ${TEST_DIALECTS.map((d) => `${d} median / p95 (ms)`).join(' | ')} |`);
console.log(`|---|${TEST_DIALECTS.map(() => '---:').join('|')}|`);
for (const [i, row] of (out.sqlite?.timings ?? []).entries()) {
  const cells = TEST_DIALECTS.map((d) => {
    const x = out[d]?.timings[i];
    return x ? `${x.medianMs} / ${x.p95Ms}` : '';
  });
  console.log(`| ${row.name} | ${cells.join(' | ')} |`);
}

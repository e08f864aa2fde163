/**
 * The task list exported as .xlsx (GET /api/plans/:id/tasks/export.xlsx, exports/task-list-xlsx.ts) on
 * one plan of 2,000 and one of 10,000 tasks with this year's period open and every lead answered, through
 * the real HTTP stack (app.inject), on SQLite and on PostgreSQL when TEST_DATABASE_URL is set. Prints the
 * median and p95 time of the whole file, its size, and the growth of the process's resident memory
 * during the runs (the export writes in batches of 2,000 tasks, so it should not grow with the plan).
 *
 * Run: flock /tmp/bench.lock env LOG_LEVEL=silent node --import tsx bench/task-export.ts
 * Options: SIZES=2000,10000 ONLY=sqlite|postgres
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
import { localDate } from '../shared/domain/reporting/local-date';
import { time } from './stats';
import { syntheticPlan } from './synthetic-plan';

const SIZES = (process.env.SIZES ?? '2000,10000').split(',').map(Number);
const sample = readFileSync(
  new URL('../fixtures/plans/hung-yen-148-KH-UBND-2021.txt', import.meta.url),
  'utf8',
);

async function run(dialect: 'sqlite' | 'postgres', tasks: number) {
  const t = await openTestContext(dialect);
  const ctx = t.ctx;
  await seedOrganisations(ctx, SAMPLE_ORGANISATIONS);
  const imp = await createImport(systemContext(ctx), {
    filename: 'p.txt',
    bytes: Buffer.from(syntheticPlan(sample, tasks)),
  });
  const planId = await confirmImport(systemContext(ctx), imp.id);
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  const coordinator = await buildUser(ctx, { role: 'coordinator' });
  const agent = new Agent(app);
  await agent.login(coordinator.username, coordinator.password);
  const today = localDate(new Date());
  const opened = await agent.post(`/api/plans/${planId}/reporting-periods`, {
    kind: 'annual',
    year: Number(today.slice(0, 4)),
    dueOn: today,
  });
  if (opened.status !== 201 && opened.status !== 200) throw new Error(`open period: ${opened.status}`);
  // Every lead answers with a result (bench data written directly), and the reports are accepted.
  await ctx.db
    .updateTable('report_entries')
    .set({
      progress: 'in_progress',
      result: '<p>Đã triển khai, đang hoàn thiện hồ sơ trình cấp có thẩm quyền</p>',
    })
    .where('role', '=', 'lead')
    .execute();
  await ctx.db
    .updateTable('reports')
    .set({ state: 'accepted', submitted_at: new Date().toISOString() })
    .execute();
  await ctx.db.deleteFrom('task_status_plan_years').execute();
  if (dialect === 'postgres') await sql`analyze`.execute(ctx.db);

  const url = `/api/plans/${planId}/tasks/export.xlsx`;
  let bytes = 0;
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const timer = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 20);
  const timing = await time(`export ${tasks} tasks (${dialect})`, tasks > 5000 ? 5 : 10, async () => {
    const r = await app.inject({ method: 'GET', url, headers: { cookie: agent.cookie! } });
    if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 200)}`);
    bytes = r.rawPayload.length;
  });
  clearInterval(timer);
  await app.close();
  await t.close();
  return {
    ...timing,
    fileKb: Math.round(bytes / 1024),
    rssGrowthMb: Math.round((rssPeak - rssBefore) / 1048576),
  };
}

const results = [];
for (const dialect of TEST_DIALECTS) {
  if (process.env.ONLY && process.env.ONLY !== dialect) continue;
  for (const n of SIZES) results.push(await run(dialect, n));
}
console.table(results);

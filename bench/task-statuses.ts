/**
 * Benchmark of the task status list on one 2,000-task plan with this year's period open (every agency's
 * report generated, the lead entries answered), through the real HTTP stack (app.inject), on SQLite and
 * on PostgreSQL when TEST_DATABASE_URL is set. Run: LOG_LEVEL=silent node --import tsx bench/task-statuses.ts
 *
 * BENCH_BEFORE=1 measures only what the code before the stored statuses had (the status list), so the
 * same file can be run on an older checkout for the "before" figures in docs/PERFORMANCE.md.
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
import { type Timing, time } from './stats';
import { syntheticPlan } from './synthetic-plan';

const TASKS = 2000;
const BEFORE = process.env.BENCH_BEFORE === '1';
const sample = readFileSync(
  new URL('../fixtures/plans/hung-yen-148-KH-UBND-2021.txt', import.meta.url),
  'utf8',
);

async function run(dialect: 'sqlite' | 'postgres') {
  const t = await openTestContext(dialect);
  const ctx = t.ctx;
  await seedOrganisations(ctx, SAMPLE_ORGANISATIONS);
  const imp = await createImport(systemContext(ctx), {
    filename: 'p.txt',
    bytes: Buffer.from(syntheticPlan(sample, TASKS)),
  });
  const planId = await confirmImport(systemContext(ctx), imp.id);
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  const coordinator = await buildUser(ctx, { role: 'coordinator' });
  const agent = new Agent(app);
  await agent.login(coordinator.username, coordinator.password);
  const today = localDate(new Date());
  const year = Number(today.slice(0, 4));
  const opened = await agent.post(`/api/plans/${planId}/reporting-periods`, {
    kind: 'annual',
    year,
    dueOn: today,
  });
  if (opened.status !== 201 && opened.status !== 200) throw new Error(`open period: ${opened.status}`);
  // Every lead answers (bench data written directly): a third completed, a third in progress, a third
  // not started; the reports are submitted.
  const leads = await ctx.db
    .selectFrom('report_entries')
    .select(['id', 'report_id'])
    .where('role', '=', 'lead')
    .execute();
  for (const [i, e] of leads.entries()) {
    const progress = (['completed', 'in_progress', 'not_started'] as const)[i % 3]!;
    await ctx.db
      .updateTable('report_entries')
      .set({ progress, completed_on: progress === 'completed' ? today : null })
      .where('id', '=', e.id)
      .execute();
  }
  await ctx.db
    .updateTable('reports')
    .set({ state: 'submitted', submitted_at: new Date().toISOString() })
    .where('id', 'in', [...new Set(leads.map((e) => e.report_id))])
    .execute();
  const entries = await ctx.db
    .selectFrom('report_entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (dialect === 'postgres') await sql`analyze`.execute(ctx.db);
  const sct = (
    await ctx.db.selectFrom('organisations').select('id').where('code', '=', 'SCT').executeTakeFirstOrThrow()
  ).id;
  const get = (url: string) => async () => {
    const r = await agent.get(url);
    if (r.status !== 200) throw new Error(`${url}: ${r.status}`);
  };
  const store = BEFORE ? null : await import('../server/modules/reporting/task-status-store');
  // The bench wrote entries behind the store's back: the first read must compute the plan-year again.
  if (store) await ctx.db.deleteFrom('task_status_plan_years').execute();

  const I = 100;
  const timings: Timing[] = [];
  timings.push(
    await time(
      `status list: 100 of ${TASKS} tasks`,
      I,
      get(`/api/plans/${planId}/task-statuses?year=${year}&pageSize=100`),
    ),
  );
  timings.push(
    await time(
      'status list of one agency (100 per page)',
      I,
      get(`/api/plans/${planId}/task-statuses?year=${year}&organisationId=${sct}&pageSize=100`),
    ),
  );
  timings.push(
    await time(
      'status list, overdue only',
      I,
      get(`/api/plans/${planId}/task-statuses?year=${year}&status=overdue&pageSize=100`),
    ),
  );
  if (store) {
    timings.push(
      await time(
        'task list with statuses: 100, status=overdue',
        I,
        get(`/api/plans/${planId}/tasks?year=${year}&status=overdue&pageSize=100`),
      ),
    );
    timings.push(
      await time(
        'task list sorted by status (100)',
        I,
        get(`/api/plans/${planId}/tasks?sort=status&pageSize=100`),
      ),
    );
    timings.push(
      await time('planStatusCounts (dashboard counts)', I, () => store.planStatusCounts(ctx.db, year)),
    );
    timings.push(
      await time(`refresh one plan-year (${TASKS} tasks; the daily roll's unit)`, 20, () =>
        store.refreshPlanStatuses(ctx.db, planId, year, today),
      ),
    );
    const report = await ctx.db
      .selectFrom('reports')
      .innerJoin('report_entries as e', 'e.report_id', 'reports.id')
      .select(['reports.id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('e.role', '=', 'lead')
      .groupBy('reports.id')
      .orderBy('n', 'desc')
      .executeTakeFirstOrThrow();
    timings.push(
      await time(`refresh one report's tasks (${report.n} led tasks; done on submit)`, 20, () =>
        store.refreshReportStatuses(ctx.db, report.id, today),
      ),
    );
  }
  await app.close();
  await t.close();
  return { timings, entries: Number(entries.n) };
}

const out: Record<string, { timings: Timing[]; entries: number }> = {};
for (const d of TEST_DIALECTS) out[d] = await run(d);
console.log(JSON.stringify(out, null, 2));
console.log(
  `\n## Task statuses on a ${TASKS}-task plan (${out.sqlite?.entries} report entries)${BEFORE ? ' — before' : ''}\n\nNode ${process.version}; median / p95 (ms).\n`,
);
console.log(`| operation | ${TEST_DIALECTS.map((d) => `${d} median / p95 (ms)`).join(' | ')} |`);
console.log(`|---|${TEST_DIALECTS.map(() => '---:').join('|')}|`);
for (const [i, row] of (out.sqlite?.timings ?? []).entries()) {
  const cells = TEST_DIALECTS.map((d) => {
    const x = out[d]?.timings[i];
    return x ? `${x.medianMs} / ${x.p95Ms}` : '';
  });
  console.log(`| ${row.name} | ${cells.join(' | ')} |`);
}

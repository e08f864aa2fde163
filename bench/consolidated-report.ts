/**
 * Benchmark of the documents of issue 11: the consolidated annual report (.docx, Decree 30, with its
 * indicator charts) of a 100-task and a 1,000-task plan, and the final review (tổng kết) of the
 * 1,000-task plan, on SQLite and on PostgreSQL when TEST_DATABASE_URL is set.
 *
 * The plans are the sample plan 148/KH-UBND with its appendix grown to N rows (bench/synthetic-plan.ts,
 * deterministic), imported and confirmed through the importer, with the sample indicator figures
 * (server/seed). This year's annual period and the final period are opened through the period service;
 * every lead entry is then answered directly in the tables (a third completed, a third in progress, a
 * third not started, each with a result) and the reports accepted, so the documents have every section
 * full. Run under the lock: flock /tmp/bench.lock env LOG_LEVEL=silent node --import tsx bench/consolidated-report.ts
 *
 * Options: --sizes 100,1000 (the plan sizes), --iterations N (timed builds per document; default 10 for
 * 100 tasks, 5 for 1,000), --warmup N (untimed builds first; default as many as the timed, at most 5),
 * --no-review (skip the final review). Besides wall time, each row gives the median CPU time of the
 * process during a build (process.cpuUsage, user + system), which a loaded shared machine inflates much
 * less than wall time, and the load average is printed before and after.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { type AppContext, systemContext, systemRequestContext } from '../server/context';
import { buildConsolidatedReport } from '../server/modules/documents/consolidated/consolidated-service';
import { buildReviewReport } from '../server/modules/documents/review/review-service';
import { confirmImport } from '../server/modules/plan-import/confirm-import';
import { createImport } from '../server/modules/plan-import/import-service';
import { openPeriod } from '../server/modules/reporting/period-service';
import { SAMPLE_PLAN_148_INDICATORS } from '../server/seed/sample/hung-yen-148-indicators';
import { SAMPLE_ORGANISATIONS } from '../server/seed/sample/hung-yen-organisations';
import { seedIndicatorValues } from '../server/seed/seed-indicator-values';
import { seedOrganisations } from '../server/seed/seed-organisations';
import { openTestContext, TEST_DIALECTS } from '../server/test/databases';
import { buildUser } from '../server/test/factories';
import { localDate } from '../shared/domain/reporting/local-date';
import type { Timing } from './stats';
import { syntheticPlan } from './synthetic-plan';

const { values: opts } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000' },
    iterations: { type: 'string' },
    warmup: { type: 'string' },
    'no-review': { type: 'boolean', default: false },
  },
});
const SIZES = opts.sizes.split(',').map(Number);

interface CpuTiming extends Timing {
  /** Median CPU time of the process (user + system) per build. */
  cpuMedianMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length / 2) - 1] ?? Number.NaN;
const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(0.95 * s.length) - 1))] ?? Number.NaN;
};

/** One build: wall and CPU milliseconds. */
async function measure(fn: () => Promise<unknown>) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

async function time(name: string, iterations: number, fn: () => Promise<unknown>): Promise<CpuTiming> {
  const warmup = opts.warmup !== undefined ? Number(opts.warmup) : Math.min(5, iterations);
  for (let i = 0; i < warmup; i++) await fn();
  const samples = [];
  for (let i = 0; i < iterations; i++) samples.push(await measure(fn));
  const walls = samples.map((x) => x.wall);
  return {
    name,
    iterations,
    medianMs: Math.round(median(walls)),
    p95Ms: Math.round(p95(walls)),
    cpuMedianMs: Math.round(median(samples.map((x) => x.cpu))),
  };
}
const sample = readFileSync(
  new URL('../fixtures/plans/hung-yen-148-KH-UBND-2021.txt', import.meta.url),
  'utf8',
);

/** Answers every lead entry of the plan's periods and accepts the reports (bench data, written directly). */
async function answerAndAccept(ctx: AppContext, periodIds: number[], completedOn: string) {
  const leads = await ctx.db
    .selectFrom('report_entries')
    .innerJoin('reports', 'reports.id', 'report_entries.report_id')
    .select(['report_entries.id', 'report_entries.report_id'])
    .where('reports.period_id', 'in', periodIds)
    .where('report_entries.role', '=', 'lead')
    .orderBy('report_entries.id')
    .execute();
  for (const [i, e] of leads.entries()) {
    const progress = (['completed', 'in_progress', 'not_started'] as const)[i % 3]!;
    await ctx.db
      .updateTable('report_entries')
      .set({
        progress,
        completed_on: progress === 'completed' ? completedOn : null,
        result: `<p>Kết quả thực hiện nhiệm vụ số ${i + 1}: đã ban hành văn bản, tổ chức triển khai</p>`,
        difficulties: i % 50 === 0 ? `Khó khăn về kinh phí của nhiệm vụ số ${i + 1}` : null,
        proposals: i % 70 === 0 ? 'Đề nghị UBND tỉnh bố trí kinh phí thực hiện' : null,
      })
      .where('id', '=', e.id)
      .execute();
  }
  await ctx.db
    .updateTable('reports')
    .set({ state: 'accepted', submitted_at: new Date().toISOString() })
    .where('period_id', 'in', periodIds)
    .execute();
  // Written behind the status store's back: the first read computes the plan's years again.
  await ctx.db.deleteFrom('task_status_plan_years').execute();
}

async function run(dialect: 'sqlite' | 'postgres') {
  const timings: CpuTiming[] = [];
  for (const size of SIZES) {
    const t = await openTestContext(dialect);
    const ctx = t.ctx;
    await seedOrganisations(ctx, SAMPLE_ORGANISATIONS);
    const imp = await createImport(systemContext(ctx), {
      filename: 'p.txt',
      bytes: Buffer.from(syntheticPlan(sample, size)),
    });
    const planId = await confirmImport(systemContext(ctx), imp.id);
    await seedIndicatorValues(ctx, planId, SAMPLE_PLAN_148_INDICATORS);
    const user = await buildUser(ctx, { role: 'coordinator' });
    const actor = {
      id: user.id,
      username: user.username,
      fullName: user.username,
      role: 'coordinator' as const,
      organisationId: user.organisationId,
      organisationName: 'Sở Công Thương',
      mustChangePassword: false,
    };
    const rc = systemRequestContext(ctx, actor, 'bench');
    const today = localDate(new Date());
    const year = Number(today.slice(0, 4));
    const annual = await openPeriod(rc, planId, { kind: 'annual', year });
    const final = await openPeriod(rc, planId, { kind: 'final' });
    await answerAndAccept(ctx, [annual.period.id, final.period.id], today);
    if (dialect === 'postgres') await sql`analyze`.execute(ctx.db);
    const tasks = Number(
      (
        await ctx.db
          .selectFrom('tasks')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('plan_id', '=', planId)
          .executeTakeFirstOrThrow()
      ).n,
    );
    const iterations = opts.iterations !== undefined ? Number(opts.iterations) : size >= 1000 ? 5 : 10;
    // The first build after the answers were written also computes the stored statuses of the years.
    let first: Buffer = Buffer.alloc(0);
    const cold = await measure(async () => {
      first = await buildConsolidatedReport(ctx, { planId, periodId: annual.period.id });
    });
    timings.push({
      name: `consolidated annual report, ${tasks} tasks: first build (${Math.round(first.length / 1024)} KiB)`,
      iterations: 1,
      medianMs: Math.round(cold.wall),
      p95Ms: Math.round(cold.wall),
      cpuMedianMs: Math.round(cold.cpu),
    });
    timings.push(
      await time(`consolidated annual report, ${tasks} tasks`, iterations, () =>
        buildConsolidatedReport(ctx, { planId, periodId: annual.period.id }),
      ),
    );
    if (size >= 1000 && !opts['no-review']) {
      timings.push(
        await time(`final review ${final.period.year} (tổng kết), ${tasks} tasks`, iterations, () =>
          buildReviewReport(ctx, { planId, kind: 'final' }),
        ),
      );
    }
    await t.close();
  }
  return timings;
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
const loadBefore = load();
const out: Record<string, CpuTiming[]> = {};
for (const d of TEST_DIALECTS) out[d] = await run(d);
console.log(JSON.stringify(out, null, 2));
console.log(
  `\nNode ${process.version}; load average ${loadBefore} before, ${load()} after; median / p95 wall (ms) and median CPU (ms) after a warm-up; "first build" is one build right after the answers were written.\n`,
);
console.log(`| document | ${TEST_DIALECTS.map((d) => `${d} median / p95 (ms) · CPU (ms)`).join(' | ')} |`);
console.log(`|---|${TEST_DIALECTS.map(() => '---:').join('|')}|`);
for (const [i, row] of (out.sqlite ?? []).entries()) {
  const cells = TEST_DIALECTS.map((d) => {
    const x = out[d]?.[i];
    return x ? `${x.medianMs} / ${x.p95Ms} · ${x.cpuMedianMs}` : '';
  });
  console.log(`| ${row.name} | ${cells.join(' | ')} |`);
}

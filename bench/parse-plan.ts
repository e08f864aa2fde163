/**
 * Benchmark of the plan parser: the Hưng Yên sample, a synthetic plan with 1,000 task rows, a
 * 150-task plan in the gazette layout (cells rebuilt from the layout) and the two published plans.
 * Run: node --import tsx bench/parse-plan.ts [iterations]
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parsePlanText } from '../shared/domain/plan-import/parse-text';
import { gazettePlan } from './gazette-plan';
import { syntheticPlan } from './synthetic-plan';

const FIXTURE = new URL('../fixtures/plans/hung-yen-148-KH-UBND-2021.txt', import.meta.url);
const WARM_UP = 20;
const ITERATIONS = Number(process.argv[2] ?? 200);
const SYNTHETIC_ROWS = 1000;

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

function measure(name: string, text: string) {
  let tasks = 0;
  for (let i = 0; i < WARM_UP; i++) parsePlanText(text);
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const result = parsePlanText(text);
    samples.push(performance.now() - start);
    // CPU time too: on a shared, loaded machine wall time measures the neighbours as much as us.
    const used = process.cpuUsage(cpu);
    cpuSamples.push((used.user + used.system) / 1000);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    tasks = result.draft.tasks.length;
  }
  samples.sort((a, b) => a - b);
  cpuSamples.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return {
    name,
    bytes: Buffer.byteLength(text, 'utf8'),
    lines: text.split('\n').length,
    tasks,
    iterations: ITERATIONS,
    medianMs: round(percentile(samples, 50)),
    p95Ms: round(percentile(samples, 95)),
    cpuMedianMs: round(percentile(cpuSamples, 50)),
  };
}

const sample = readFileSync(FIXTURE, 'utf8');
const published = (name: string) =>
  readFileSync(new URL(`../fixtures/plans/published/${name}.txt`, import.meta.url), 'utf8');
const results = [
  measure('hung-yen-148-KH-UBND-2021', sample),
  measure(`synthetic-${SYNTHETIC_ROWS}-tasks`, syntheticPlan(sample, SYNTHETIC_ROWS)),
  measure('gazette-layout-150-tasks', gazettePlan(150)),
  measure('qd844-2026-gazette', published('qd844-2026-gazette')),
  measure('bnnmt-2200-2026', published('bnnmt-2200-2026')),
];

console.log(JSON.stringify({ node: process.version, warmUp: WARM_UP, results }, null, 2));
console.log('\n## Plan parser benchmark\n');
console.log(`Node ${process.version}, ${WARM_UP} warm-up runs, ${ITERATIONS} measured runs per input.\n`);
console.log('| Input | Size | Lines | Tasks | Median (ms) | p95 (ms) | CPU median (ms) |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of results) {
  console.log(
    `| ${r.name} | ${(r.bytes / 1024).toFixed(1)} KiB | ${r.lines} | ${r.tasks} | ${r.medianMs} | ${r.p95Ms} | ${r.cpuMedianMs} |`,
  );
}

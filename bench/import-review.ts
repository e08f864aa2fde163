/**
 * Benchmark of building the review draft of an import (registry matching of every agency cell, review
 * building, schema check and serialisation), the step of `createImport` after the file is read.
 * Run: node --import tsx bench/import-review.ts [iterations] [--skip-long]
 * (--skip-long leaves out the 3,000-character cells, which took hours before the length bound in match.ts)
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { SAMPLE_ORGANISATIONS } from '../server/seed/sample/hung-yen-organisations';
import { reviewDraftSchema } from '../shared/contracts/plan-import';
import { matchAgency, namesWithCommas, type RegistryEntry } from '../shared/domain/organisations/match';
import { parsePlanText } from '../shared/domain/plan-import/parse-text';
import { toReviewDraft } from '../shared/domain/plan-import/review';
import { syntheticPlan } from './synthetic-plan';

const FIXTURE = new URL('../fixtures/plans/hung-yen-148-KH-UBND-2021.txt', import.meta.url);
const ITERATIONS = Number(process.argv[2] ?? 3);
const SKIP_LONG = process.argv.includes('--skip-long');
const COORDINATORS = 'Các\nsở, ban, ngành, UBND các huyện, thị xã, thành phố';

/** The sample registry as the importer sees it (ids in seed order). */
const registry: RegistryEntry[] = SAMPLE_ORGANISATIONS.map((o, i) => ({
  id: i + 1,
  code: o.code,
  name: o.name,
  aliases: [...(o.shortName ? [o.shortName] : []), ...(o.aliases ?? [])],
}));

/** Rows whose coordinator cell names a different, unknown agency each time (no two cells alike). */
function distinctNames(plan: string): string {
  let i = 0;
  return plan.replaceAll(COORDINATORS, () => `Phòng Kinh tế số ${++i}, Trung tâm Dịch vụ ${i}`);
}

/** Rows whose coordinator cell is 3,000 characters of words, as a hostile document writes it. */
function longCells(plan: string): string {
  let i = 0;
  return plan.replaceAll(COORDINATORS, () => `Phòng ${'Kinh tế hạ tầng đô thị '.repeat(130)}${++i}`);
}

function measure(name: string, text: string) {
  const parsed = parsePlanText(text);
  if (!parsed.ok) throw new Error(`${name}: ${parsed.error.message}`);
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    // A fresh registry array each time, as each upload reads the registry anew (no warm match cache).
    const fresh = [...registry];
    const start = performance.now();
    const draft = toReviewDraft(
      parsed.draft,
      (raw) => matchAgency(raw, fresh, parsed.draft.issuedOn),
      namesWithCommas(fresh),
    );
    // safeParse: before the draft limits a long cell made the draft invalid; the time is what counts here.
    reviewDraftSchema.safeParse(JSON.parse(JSON.stringify(draft)));
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return {
    name,
    tasks: parsed.draft.tasks.length,
    medianMs: Math.round(samples[Math.floor(samples.length / 2)] ?? Number.NaN),
    maxMs: Math.round(samples[samples.length - 1] ?? Number.NaN),
  };
}

const sample = readFileSync(FIXTURE, 'utf8');
const repeated = syntheticPlan(sample, 2000);
const results = [
  measure('hung-yen-148-KH-UBND-2021', sample),
  measure('2,000 rows, same agencies', repeated),
  measure('2,000 rows, a distinct agency per row', distinctNames(repeated)),
  ...(SKIP_LONG ? [] : [measure('2,000 rows, 3,000-character agency cells', longCells(repeated))]),
];
console.log(`\nNode ${process.version}, ${ITERATIONS} runs per input.\n`);
console.log('| Input | Tasks | Median (ms) | Max (ms) |');
console.log('|---|---:|---:|---:|');
for (const r of results) console.log(`| ${r.name} | ${r.tasks} | ${r.medianMs} | ${r.maxMs} |`);

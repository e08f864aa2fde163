import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type PlanDraft, planDraftSchema } from '../../contracts/plan-draft';
import { searchKey } from '../text/normalize';
import { parsePlanText } from './parse-text';

/*
 * Real published plans in layouts other than the sample's (see fixtures/plans/published/README.md),
 * checked against the facts read from them by hand. Every fact must hold; the share is printed so a
 * regression shows how far it went.
 */

interface SampleTask {
  tt: string;
  content_starts_with: string;
  lead: string;
  coordinators?: string;
  product?: string;
  deadline: string;
}
interface Facts {
  number: string;
  issuer: string;
  date: string;
  title: string;
  task_count: number;
  sample_tasks: SampleTask[];
}

function load(name: string): { draft: PlanDraft; facts: Facts } {
  const base = new URL(`../../../fixtures/plans/published/${name}`, import.meta.url);
  const result = parsePlanText(readFileSync(new URL(`${base.href}.txt`), 'utf8'));
  if (!result.ok) throw new Error(result.error.message);
  const facts = JSON.parse(readFileSync(new URL(`${base.href}.facts.json`), 'utf8')) as Facts;
  return { draft: result.draft, facts };
}

/** Compares as a reader would: case, spacing and a final full stop do not matter. */
const same = (a: string | null | undefined, b: string) =>
  searchKey(a ?? '').replace(/[.;,]+$/, '') === searchKey(b).replace(/[.;,]+$/, '');
/** Agency lists compare by their names: separators and the joining "và" do not matter. */
const agencies = (list: readonly string[]) =>
  searchKey(list.join(', '))
    .replace(/[;,]|\bva\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function checks(draft: PlanDraft, facts: Facts): Array<[string, boolean]> {
  const out: Array<[string, boolean]> = [
    ['number', draft.number === facts.number],
    ['issuer', same(draft.issuer, facts.issuer)],
    ['date', draft.issuedOn === facts.date],
    ['title', same(draft.title, facts.title)],
    ['task count', draft.tasks.length === facts.task_count],
  ];
  for (const sample of facts.sample_tasks) {
    const task = draft.tasks.find((t) => t.ordinal === sample.tt);
    out.push([`${sample.tt} found`, task !== undefined]);
    out.push([
      `${sample.tt} content`,
      searchKey(task?.content ?? '').startsWith(searchKey(sample.content_starts_with)),
    ]);
    out.push([`${sample.tt} lead`, same(task?.lead, sample.lead)]);
    out.push([`${sample.tt} deadline`, same(task?.deadline.text, sample.deadline)]);
    if (sample.coordinators !== undefined) {
      out.push([
        `${sample.tt} coordinators`,
        agencies(task?.coordinators ?? []).replace(/\.$/, '') ===
          agencies([sample.coordinators]).replace(/\.$/, ''),
      ]);
    }
    if (sample.product !== undefined) out.push([`${sample.tt} product`, same(task?.product, sample.product)]);
  }
  return out;
}

describe.each(['qd844-2026-gazette', 'bnnmt-2200-2026'])('published plan %s', (name) => {
  const { draft, facts } = load(name);

  it('matches the contract and reads it as a Quyết định issuing a plan', () => {
    expect(planDraftSchema.safeParse(draft).success).toBe(true);
    expect(draft.kind).toBe('decision');
  });

  it('gets every hand-read fact right', () => {
    const results = checks(draft, facts);
    const wrong = results.filter(([, ok]) => !ok).map(([label]) => label);
    expect(wrong).toEqual([]);
  });

  it('marks the rows whose cell edges it rebuilt, with their source lines', () => {
    const guessed = draft.tasks.filter((t) => t.review !== undefined);
    expect(guessed.length).toBeGreaterThan(0);
    for (const task of guessed) {
      const note = task.review?.[0];
      expect(note?.fromLine).toBeGreaterThan(0);
      expect(note?.toLine).toBeGreaterThanOrEqual(note?.fromLine ?? 0);
    }
    expect(draft.warnings.map((w) => w.code)).toContain('table_cells_guessed');
  });
});

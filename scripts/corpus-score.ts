/**
 * Corpus score: how many of the facts read by hand from real published documents (fixtures/corpus/) the
 * importer reads right. Each document is `<name>.txt` (or .pdf/.docx) with `<name>.facts.json` beside it.
 * Facts scored: number, date, issuer, task count (complete documents only), and for each sampled row its
 * lead agency and deadline. The importer is reached only through its public reader (readPlanUpload), so
 * the score follows whatever parser is merged.
 * Run: npm run corpus
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { PlanDraft, PlanTask } from '../shared/contracts/plan-draft';
import { agencyKey } from '../shared/domain/organisations/match';
import { readPlanUpload } from '../shared/domain/plan-import/read-upload';
import { searchKey } from '../shared/domain/text/normalize';

export const CORPUS_DIR = path.join(import.meta.dirname, '../fixtures/corpus');

interface Facts {
  number?: string;
  date?: string;
  issuer?: string;
  complete?: boolean;
  task_count?: number;
  sample_tasks?: { tt: string; lead?: string; deadline?: string }[];
}

export interface FactResult {
  fact: string;
  expected: string;
  got: string;
  right: boolean;
}

export interface DocumentScore {
  name: string;
  right: number;
  total: number;
  share: number;
  facts: FactResult[];
  error: string | null;
}

/** Spacing, case, diacritics and trailing punctuation are not facts: "Sở Công Thương," = "Sở Công Thương". */
const loose = (text: string) =>
  searchKey(text)
    .replace(/[\s.,;:]+$/g, '')
    .replace(/\s*([/-])\s*/g, '$1');

/** The task a sampled row names: by its number, or by group and letter ("1a" = group 1, task a). */
function findTask(tasks: readonly PlanTask[], tt: string): PlanTask | undefined {
  // Ordinals keep their letters as written: folding diacritics would make "2đ" the row "2d".
  const ordinalKey = (text: string) =>
    text.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, '').replace(/[.)]$/, '');
  const want = ordinalKey(tt);
  const ordinal = (t: PlanTask) => ordinalKey(t.ordinal);
  const groupNumber = (t: PlanTask) => loose(t.group ?? '').match(/^([0-9ivxl]+)[.\s]/)?.[1] ?? '';
  return (
    tasks.find((t) => ordinal(t) === want) ??
    tasks.find((t) => `${groupNumber(t)}${ordinal(t)}` === want || `${groupNumber(t)}.${ordinal(t)}` === want)
  );
}

function scoreFacts(facts: Facts, draft: PlanDraft | null): FactResult[] {
  const out: FactResult[] = [];
  const check = (
    fact: string,
    expected: string,
    got: string | null | undefined,
    same: (a: string, b: string) => boolean,
  ) => out.push({ fact, expected, got: got ?? '', right: got != null && same(expected, got) });
  const text = (a: string, b: string) => loose(a) === loose(b);
  const agency = (a: string, b: string) => agencyKey(a) === agencyKey(b);
  if (facts.number !== undefined) check('number', facts.number, draft?.number, text);
  if (facts.date !== undefined) check('date', facts.date, draft?.issuedOn, (a, b) => a === b);
  if (facts.issuer !== undefined) check('issuer', facts.issuer, draft?.issuer, agency);
  if (facts.complete === true && facts.task_count !== undefined)
    check(
      'task_count',
      String(facts.task_count),
      draft ? String(draft.tasks.length) : null,
      (a, b) => a === b,
    );
  for (const sample of facts.sample_tasks ?? []) {
    const task = draft ? findTask(draft.tasks, sample.tt) : undefined;
    if (sample.lead !== undefined) check(`task ${sample.tt} lead`, sample.lead, task?.lead, agency);
    if (sample.deadline !== undefined)
      check(`task ${sample.tt} deadline`, sample.deadline, task?.deadline.text, text);
  }
  return out;
}

export async function scoreDocument(dir: string, name: string, file: string): Promise<DocumentScore> {
  const facts = JSON.parse(readFileSync(path.join(dir, `${name}.facts.json`), 'utf8')) as Facts;
  const read = await readPlanUpload(file, readFileSync(path.join(dir, file)));
  const results = scoreFacts(facts, read.ok ? read.draft : null);
  const right = results.filter((r) => r.right).length;
  return {
    name,
    right,
    total: results.length,
    share: results.length === 0 ? 1 : right / results.length,
    facts: results,
    error: read.ok ? null : read.error.message,
  };
}

/** Every document of a corpus folder that has its facts beside it. */
export async function scoreCorpus(
  dir = CORPUS_DIR,
): Promise<{ documents: DocumentScore[]; overall: number }> {
  const files = readdirSync(dir).filter((f) => !f.endsWith('.json') && !f.endsWith('.md'));
  const documents: DocumentScore[] = [];
  for (const file of files.sort()) {
    const name = file.replace(/\.[^.]+$/, '');
    if (!files.length || !readdirSync(dir).includes(`${name}.facts.json`)) continue;
    documents.push(await scoreDocument(dir, name, file));
  }
  const right = documents.reduce((n, d) => n + d.right, 0);
  const total = documents.reduce((n, d) => n + d.total, 0);
  return { documents, overall: total === 0 ? 1 : right / total };
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

if (process.argv[1] !== undefined && import.meta.filename === path.resolve(process.argv[1])) {
  const verbose = process.argv.includes('--verbose');
  const dir = process.argv.find((a, i) => i > 1 && !a.startsWith('--')) ?? CORPUS_DIR;
  const { documents, overall } = await scoreCorpus(dir);
  for (const d of documents) {
    console.log(
      `${percent(d.share).padStart(6)}  ${String(d.right).padStart(3)}/${String(d.total).padEnd(3)}  ${d.name}`,
    );
    if (d.error) console.log(`        không đọc được: ${d.error}`);
    if (verbose)
      for (const f of d.facts.filter((r) => !r.right))
        console.log(`        ✗ ${f.fact}: cần “${f.expected}”, đọc được “${f.got}”`);
  }
  const right = documents.reduce((n, d) => n + d.right, 0);
  const total = documents.reduce((n, d) => n + d.total, 0);
  console.log(
    `${percent(overall).padStart(6)}  ${String(right).padStart(3)}/${String(total).padEnd(3)}  tổng cộng`,
  );
}

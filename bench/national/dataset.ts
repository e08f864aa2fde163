/**
 * Where a national-scale dataset lives and whether it is already there. A dataset is named by its
 * seed, its size and the generator's version, so a second `npm run bench:national` reuses it, and a
 * changed generator (or a new table it must fill) makes a new one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** Bump when the generator writes different rows: cached datasets of older versions are not reused. */
// 3: the stored list counts (reports.lead_count/support_count/version_count, plans.task_count) filled.
// 4: the audit log (1,000,000 rows) and notifications (200,000) of five years' activity (activity.ts).
// 5: reporting_periods.search_key filled (the header search finds reports by their period).
// 6: both of the above in one dataset (4 and 5 were written at the same time on separate branches).
export const GENERATOR_VERSION = 6;

export interface DatasetSize {
  plans: number;
  tasksPerPlan: number;
  agencies: number;
  /** Reporting years, ending with the last one (an open period); earlier ones are closed. */
  years: number;
  lastYear: number;
}

/** The national scale: 200 plans, 100,000 tasks, 1,000 agencies, 5 years, 1,000,000 entries. */
export const NATIONAL: DatasetSize = {
  plans: 200,
  tasksPerPlan: 500,
  agencies: 1000,
  years: 5,
  lastYear: 2026,
};

/** The same shapes, `factor` times smaller in plans and tasks (tests and quick trials). */
export function scaled(factor: number): DatasetSize {
  return {
    ...NATIONAL,
    plans: Math.max(2, Math.round(NATIONAL.plans / factor)),
    tasksPerPlan: Math.max(10, Math.round(NATIONAL.tasksPerPlan / factor)),
    agencies: Math.max(120, Math.round(NATIONAL.agencies / factor)),
  };
}

export interface DatasetTarget {
  kind: 'sqlite' | 'postgres';
  /** SQLite: the data folder holding planwatch.sqlite. */
  dataDir: string;
  /** PostgreSQL: the database's URL. */
  databaseUrl?: string;
  /** PostgreSQL: the database's name. */
  pgDatabase?: string;
}

/** Where the generator leaves its marker once every row is written. */
export const MARKER_FILE = 'bench-dataset.json';

export const PG_SERVER_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function datasetName(seed: number, size: DatasetSize): string {
  return `s${seed}_p${size.plans}_t${size.tasksPerPlan}_a${size.agencies}_y${size.years}_v${GENERATOR_VERSION}`;
}

export function datasetTarget(kind: 'sqlite' | 'postgres', seed: number, size: DatasetSize): DatasetTarget {
  const name = datasetName(seed, size);
  const root = process.env.BENCH_DATA_ROOT ?? path.join(tmpdir(), 'planwatch-bench');
  const dataDir = path.join(root, `${kind}-${name}`);
  if (kind === 'sqlite') return { kind, dataDir };
  // BENCH_PG_PREFIX lets two benchmark runs of different code keep their own copies of the dataset.
  const pgDatabase = `${process.env.BENCH_PG_PREFIX ?? 'planwatch_bench'}_${name}`;
  const url = new URL(PG_SERVER_URL);
  url.pathname = `/${pgDatabase}`;
  return { kind, dataDir, databaseUrl: url.toString(), pgDatabase };
}

export interface DatasetMarker {
  seed: number;
  size: DatasetSize;
  generatorVersion: number;
  counts: Record<string, number>;
  seconds: number;
  logins: { coordinator: string; leader: string; reporter: string; password: string };
  /** Ids the benchmark asks about: a large plan and an agency taking part in it. */
  sample: { planId: number; organisationId: number; reporterOrganisationId: number };
}

/** The marker of a complete dataset, or null when it was never generated (or generation stopped). */
export async function readMarker(t: DatasetTarget): Promise<DatasetMarker | null> {
  const file = path.join(t.dataDir, MARKER_FILE);
  if (!existsSync(file)) return null;
  if (t.kind === 'postgres' && !(await pgDatabaseExists(t.pgDatabase!))) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as DatasetMarker;
}

async function adminQuery<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
  const c = new pg.Client({ connectionString: PG_SERVER_URL });
  await c.connect();
  try {
    return await c.query<T>(text, values);
  } finally {
    await c.end();
  }
}

export async function pgDatabaseExists(name: string): Promise<boolean> {
  const r = await adminQuery('select 1 from pg_database where datname = $1', [name]);
  return r.rowCount === 1;
}

/** A name the benchmark made: planwatch_bench_…, or BENCH_PG_PREFIX's (letters, digits, _) followed by _. */
function isBenchDatabase(name: string): boolean {
  const prefix = process.env.BENCH_PG_PREFIX ?? 'planwatch_bench';
  return /^[a-z][a-z0-9_]*$/.test(prefix) && /^[a-z0-9_]+$/.test(name) && name.startsWith(`${prefix}_s`);
}

/** Drops the benchmark database (names are ours: see isBenchDatabase), ending its sessions first. */
export async function dropPgDatabase(name: string): Promise<void> {
  if (!isBenchDatabase(name)) throw new Error(`not a benchmark database: ${name}`);
  await adminQuery(`drop database if exists ${name} with (force)`);
}

export async function createPgDatabase(name: string): Promise<void> {
  if (!isBenchDatabase(name)) throw new Error(`not a benchmark database: ${name}`);
  await adminQuery(`create database ${name}`);
}

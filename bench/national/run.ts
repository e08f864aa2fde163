/**
 * National-scale benchmark (issue 10, item 8): generates (or reuses) the dataset, starts the real built
 * server on it (`planwatch serve`), and measures the dashboard and the lists over HTTP: p50/p95 for one
 * client, requests/s with 50 clients, and the lists with 4 clients for the comparison with Redmine.
 * Prints a markdown table. Run: npm run bench:national
 *
 * Options: --db sqlite,postgres  --workers 1,auto (auto: the server's default, one per core)
 *          --seed 1  --scale 1  --seconds 8 (each load run)  --iterations 200 (each latency)
 *          --port 4300  --bin ../other-checkout/bin/planwatch.js (measure another build, for before/after)
 *          --only inbox,my work,search (measure only the requests whose name contains one of these)
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../server/config';
import { openContext } from '../../server/runtime';
import { searchKey } from '../../shared/domain/text/normalize';
import { NATIONAL, scaled } from './dataset';
import { ensureDataset } from './generate';
import { get, type Latency, latency, type Throughput, throughput } from './load';
import * as N from './names';
import { freshenTaskStatuses } from './statuses';

const ROOT = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite,postgres' },
    workers: { type: 'string', default: '1,auto' },
    seed: { type: 'string', default: '1' },
    scale: { type: 'string', default: '1' },
    seconds: { type: 'string', default: '8' },
    iterations: { type: 'string', default: '200' },
    port: { type: 'string', default: '4300' },
    /** Another build's bin/planwatch.js (a checkout of an older commit, built), for before/after. */
    bin: { type: 'string' },
    /** Only the measures whose name contains one of these (comma-separated), e.g. `inbox,my work`. */
    only: { type: 'string' },
  },
});
const only = values.only?.split(',').map((s) => s.trim().toLowerCase());
const seed = Number(values.seed);
const factor = Number(values.scale);
const size = factor === 1 ? NATIONAL : scaled(factor);
const seconds = Number(values.seconds);
const iterations = Number(values.iterations);
const port = Number(values.port);
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Server {
  base: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function startServer(env: Record<string, string>, workers: string): Promise<Server> {
  const args = [
    // --bin: another build (before/after); it was parsed but not used, so both runs measured this one.
    values.bin ? path.resolve(values.bin) : path.join(ROOT, 'bin/planwatch.js'),
    'serve',
    ...(workers === 'auto' ? [] : ['--workers', workers]),
  ];
  const child = spawn(process.execPath, args, {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      // Request logs off: the figures are the server's, not pino's writing to a pipe nobody reads.
      LOG_LEVEL: 'warn',
      REMINDER_INTERVAL_MINUTES: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c));
  child.stderr!.on('data', (c: Buffer) => (out += c));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${out}`);
    if (Date.now() > deadline) throw new Error(`server did not answer /api/health:\n${out}`);
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    child,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function login(base: string, username: string, password: string): Promise<string> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!r.ok) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
  const cookie = r.headers.getSetCookie().find((c) => c.startsWith('pw_session='));
  return cookie!.split(';')[0]!;
}

interface Measure {
  name: string;
  path: string;
  as: 'coordinator' | 'reporter' | 'leader';
  /** Load runs: 50 clients (issue's throughput targets) and/or 4 clients (Redmine comparison). */
  load: (50 | 4)[];
}

interface Row {
  name: string;
  latency?: Latency;
  rps50?: Throughput;
  rps4?: Throughput;
  missing?: boolean;
}

/**
 * The header search (GET /api/search, 5 per kind as the header asks) for what people type: a plan's
 * number (the sample plan's, read from the plan list), a task phrase, an agency's name typed without
 * diacritics, a 2-word query, and a text found nowhere (the floor when every key must be read).
 * The words are the generator's own (names.ts), typed folded as a user without a Vietnamese keyboard.
 */
async function searchMeasures(base: string, cookie: string, planId: number): Promise<Measure[]> {
  const plans = JSON.parse(await get(base, '/api/plans?pageSize=200', cookie)) as {
    items: { id: number; number: string | null }[];
  };
  const number = plans.items.find((p) => p.id === planId)?.number ?? plans.items[0]?.number ?? '1';
  const queries: [string, string][] = [
    ['plan number', number],
    ['task phrase', searchKey(N.OBJECTS[6]!.split(' ').slice(2, 4).join(' '))],
    ['agency without diacritics', searchKey(`Sở ${N.DEPARTMENTS[2]}`)],
    ['2 words', searchKey(N.OBJECTS[4]!.split(' ').slice(0, 2).join(' '))],
    ['no match', 'khong tim thay gi'],
  ];
  return queries.map(([what, q]) => ({
    name: `search, ${what} ("${q}")`,
    path: `/api/search?q=${encodeURIComponent(q)}&limit=5`,
    as: 'coordinator',
    load: [50, 4],
  }));
}

async function measureAll(
  base: string,
  pid: number,
  marker: Awaited<ReturnType<typeof ensureDataset>>['marker'],
) {
  const cookies = {
    coordinator: await login(base, marker.logins.coordinator, marker.logins.password),
    reporter: await login(base, marker.logins.reporter, marker.logins.password),
    // The audit log is read by leaders (and admins): audit.read.
    leader: await login(base, marker.logins.leader, marker.logins.password),
  };
  const paths = Object.keys(JSON.parse(await get(base, '/api/openapi.json', cookies.coordinator)).paths);
  const { planId, organisationId, reporterOrganisationId } = marker.sample;
  const year = marker.size.lastYear;
  // The second page of 100 (a full page past the first), or the first on a small trial dataset.
  const taskPage = marker.size.tasksPerPlan >= 200 ? 2 : 1;
  const measures: Measure[] = [
    { name: 'dashboard, all plans', path: `/api/dashboard?year=${year}`, as: 'coordinator', load: [50] },
    {
      name: 'dashboard, one plan',
      path: `/api/dashboard/plans/${planId}?year=${year}`,
      as: 'coordinator',
      load: [],
    },
    {
      name: 'dashboard, one plan, one agency',
      path: `/api/dashboard/plans/${planId}?year=${year}&organisationId=${organisationId}`,
      as: 'coordinator',
      load: [],
    },
    {
      name: 'task list (100 per page)',
      path: `/api/plans/${planId}/tasks?page=${taskPage}&pageSize=100`,
      as: 'coordinator',
      load: [50, 4],
    },
    {
      name: 'report inbox (100 per page)',
      path: '/api/reports?state=submitted&pageSize=100',
      as: 'coordinator',
      load: [4],
    },
    {
      name: 'my work (reporter, 200 per page)',
      path: `/api/reports?organisationId=${reporterOrganisationId}&pageSize=200`,
      as: 'reporter',
      load: [4],
    },
    { name: 'plan list (all plans)', path: '/api/plans', as: 'coordinator', load: [4] },
    ...(await searchMeasures(base, cookies.coordinator, planId)),
    // Lists that grow with the years of activity (generator v4: 1,000,000 audit rows, 200,000 notifications).
    {
      name: 'notifications (coordinator, newest 20)',
      path: '/api/notifications',
      as: 'coordinator',
      load: [50, 4],
    },
    {
      name: 'notifications (reporter, unread only)',
      path: '/api/notifications?unreadOnly=true',
      as: 'reporter',
      load: [4],
    },
    { name: 'audit log (newest 50)', path: '/api/audit', as: 'leader', load: [50, 4] },
    { name: 'audit log, one person', path: '/api/audit?actorId=3', as: 'leader', load: [4] },
    {
      name: 'audit log, one month',
      path: `/api/audit?from=${year - 1}-03-01&to=${year - 1}-03-31`,
      as: 'leader',
      load: [4],
    },
    { name: 'audit log, one action', path: '/api/audit?action=report.returned', as: 'leader', load: [4] },
    {
      name: 'audit log, person + month + action',
      path: `/api/audit?actorId=1&action=report.accepted&from=${year - 1}-03-01&to=${year - 1}-03-31`,
      as: 'leader',
      load: [4],
    },
    // The month view of December (six weeks, as the page asks): 31/12 is when most tasks fall due.
    // Since the calendar counts per day (migration 20261202T0300), the grid answers counts; a click on a
    // day asks for its deadlines a page at a time (31/12's tasks, 15/12's reports).
    {
      name: 'calendar, one month, all agencies',
      path: `/api/calendar?from=${year}-11-30&to=${year + 1}-01-10`,
      as: 'coordinator',
      load: [50, 4],
    },
    {
      name: 'calendar, one month, one agency',
      path: `/api/calendar?from=${year}-11-30&to=${year + 1}-01-10&organisationId=${organisationId}`,
      as: 'coordinator',
      load: [4],
    },
    {
      name: 'calendar, 31/12 tasks (first 20)',
      path: `/api/calendar/day?date=${year}-12-31&kind=task`,
      as: 'coordinator',
      load: [4],
    },
    {
      name: 'calendar, 31/12 tasks of one agency (first 20)',
      path: `/api/calendar/day?date=${year}-12-31&kind=task&organisationId=${organisationId}`,
      as: 'coordinator',
      load: [4],
    },
    {
      name: 'calendar, 15/12 reports (first 20)',
      path: `/api/calendar/day?date=${year}-12-15&kind=report`,
      as: 'coordinator',
      load: [4],
    },
  ];
  const rows: Row[] = [];
  for (const m of measures) {
    if (only && !only.some((o) => m.name.toLowerCase().includes(o))) continue;
    const route = m.path.split('?')[0]!.replace(/\/\d+(?=\/|$)/g, '/{id}');
    if (!paths.includes(route)) {
      log(`  ${m.name}: ${route} not in this build`);
      rows.push({ name: m.name, missing: true });
      continue;
    }
    const cookie = cookies[m.as];
    const row: Row = { name: m.name, latency: await latency(base, m.path, cookie, iterations) };
    if (m.load.includes(50)) row.rps50 = await throughput(base, m.path, cookie, 50, seconds, pid);
    if (m.load.includes(4)) row.rps4 = await throughput(base, m.path, cookie, 4, seconds, pid);
    log(`  ${m.name}: ${JSON.stringify(row)}`);
    rows.push(row);
  }
  return rows;
}

const dbs = values.db.split(',') as ('sqlite' | 'postgres')[];
const workerRuns = values.workers.split(',');
log('Building the server (npm run build:server)…');
if (!values.bin) {
  const build = spawnSync('npm', ['run', 'build:server'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('Không dựng được máy chủ (npm run build:server): xem lỗi ở trên.');
}

const tables: string[] = [];
for (const kind of dbs) {
  const { target, marker, generated } = await ensureDataset(kind, { seed, size, log });
  log(`${kind}: dataset ${generated ? `generated in ${marker.seconds} s` : 'reused from the cache'}`);
  if (!generated) {
    // Generated on an earlier day: bring its task statuses to today as the daily job would.
    const ctx = await openContext(
      loadConfig({}, { dataDir: target.dataDir, databaseUrl: target.databaseUrl, logLevel: 'silent' }),
    );
    log(`  task statuses recomputed for today: ${await freshenTaskStatuses(ctx.db)} plan-years`);
    await ctx.db.destroy();
  }
  const env: Record<string, string> = {
    DATA_DIR: target.dataDir,
    ...(target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : {}),
  };
  const c = marker.counts;
  tables.push(
    `### ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}\n\nDataset (seed ${seed}): ${c.plans} plans, ${c.tasks?.toLocaleString('en')} tasks, ${c.organisations} agencies, ${c.reporting_periods} periods (${marker.size.years} years), ${c.reports?.toLocaleString('en')} reports, ${c.report_entries?.toLocaleString('en')} report entries; generated in ${marker.seconds} s.\n`,
  );
  for (const workers of workerRuns) {
    const label =
      workers === 'auto'
        ? `default workers (${availableParallelism()} cores)`
        : `${workers} worker${workers === '1' ? '' : 's'}`;
    log(`${kind}, ${label}:`);
    const server = await startServer(env, workers);
    let rows: Row[];
    try {
      rows = await measureAll(server.base, server.child.pid!, marker);
    } finally {
      await server.stop();
    }
    const ms = (l?: Latency) => (l ? `${l.p50} / ${l.p95}` : '');
    const rps = (t?: Throughput) =>
      !t
        ? ''
        : t.rps === 0
          ? `none answered within ${seconds} s`
          : `${t.rps.toLocaleString('en')} (${t.serverCpuMs} + ${kind === 'postgres' ? `${t.databaseCpuMs} + ` : ''}${t.clientCpuMs} ms CPU)`;
    // The Redmine comparison is made with 4 clients: their median wait is shown with their rate.
    const rps4 = (t?: Throughput) => (!t || t.rps === 0 ? rps(t) : `${rps(t)}, p50 ${t.p50} ms`);
    tables.push(
      `**${label}**\n\n| request | answer size | p50 / p95, 1 client (ms) | req/s, 50 clients (server + ${kind === 'postgres' ? 'database + ' : ''}load tool CPU per request) | req/s, 4 clients |\n|---|---:|---:|---:|---:|\n${rows
        .map((r) =>
          r.missing
            ? `| ${r.name} | not in this build | | | |`
            : `| ${r.name} | ${Math.round((r.latency?.bytes ?? 0) / 100) / 10} KB | ${ms(r.latency)} | ${rps(r.rps50)} | ${rps4(r.rps4)} |`,
        )
        .join('\n')}\n`,
    );
  }
}
console.log(
  `## National scale (issue 10)\n\nNode ${process.version}, ${availableParallelism()} cores; ${seconds} s per load run, ${iterations} requests per latency. CPU per request is the CPU time over the measured run (after a warm-up second) divided by the requests answered, of the server's processes, of the local PostgreSQL server's processes (on PostgreSQL) and of the load tool (autocannon, in a process of its own for each run): unlike requests/s it hardly depends on what else the machine runs; a quiet machine answers about cores × 1000 / (sum of the three) requests/s.\n`,
);
console.log(tables.join('\n'));

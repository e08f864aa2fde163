/**
 * Crash script: are acknowledged writes durable when the server dies at any moment?
 *
 *   node --import tsx scripts/reliability/crash.ts [--db sqlite,postgres] [--kills 10] [--clients 6] [--port 3160]
 *
 * For each database: seeds a world, starts the real server (bin/planwatch.js serve), and lets several
 * concurrent reporter clients save their report (a unique summary each time) and submit it, while a
 * coordinator client returns submitted reports so saving can go on. Every answer 2xx is recorded with
 * its content. At a random moment the server is killed with SIGKILL (no shutdown of any kind), then
 * restarted; after each restart every acknowledged write must be there:
 * - the last acknowledged save of each report: its version is at least the acknowledged one and its
 *   summary is that save's or a later attempted one (a request in flight at the kill may have landed);
 * - every acknowledged submission: a stored version (report_versions) whose snapshot has the summary
 *   submitted.
 * Prints the counts; exits 1 when any acknowledged write is lost. Loops are bounded in count and time.
 */
import type { ReportDetail, ReportVersion } from '../../shared/contracts/reporting';
import {
  argValue,
  Client,
  type Database,
  dbKinds,
  freshDatabase,
  killHard,
  type ServerProcess,
  seedWorld,
  sleep,
  startServer,
  stopServer,
  type World,
} from './harness';

const KILLS = Number(argValue('kills', '10'));
const CLIENTS = Number(argValue('clients', '6'));
const PORT = Number(argValue('port', process.env.E2E_PORT ?? '3160'));
/** Random moment of the kill after the server is up: between MIN and MAX ms of writing. */
const KILL_MIN_MS = 500;
const KILL_MAX_MS = 5000;
/** Bound on the whole run per database. */
const MAX_RUN_MS = 10 * 60_000;

/** Seeded pseudo-random numbers so a run can be repeated (seed printed). */
let seed = Number(argValue('seed', String(Date.now() % 1_000_000)));
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

interface ReportLedger {
  reportId: number;
  /** Summaries of saves in the order they were sent; `acked` once the server answered 2xx. */
  saves: { summary: string; acked: boolean; version?: number }[];
  /** Submissions answered 2xx: the summary in the report when it was submitted. */
  submissions: { summary: string }[];
}

interface Counts {
  savesAcked: number;
  submissionsAcked: number;
  returnsAcked: number;
  requestsFailed: number;
  kills: number;
  lost: number;
  problems: string[];
}

async function main() {
  const initialSeed = seed;
  console.log(`crash: seed ${initialSeed}, ${KILLS} kills, ${CLIENTS} clients, port ${PORT}`);
  let failed = false;
  for (const kind of dbKinds()) {
    const db = await freshDatabase(kind, 'crash');
    try {
      const counts = await runOn(db);
      console.log(
        `${kind}: kills ${counts.kills}, saves acknowledged ${counts.savesAcked}, submissions acknowledged ${counts.submissionsAcked}, returns acknowledged ${counts.returnsAcked}, requests cut by a kill ${counts.requestsFailed}, acknowledged writes lost ${counts.lost}`,
      );
      for (const p of counts.problems.slice(0, 20)) console.log(`  LOST: ${p}`);
      if (counts.lost > 0) failed = true;
    } finally {
      await db.drop();
    }
  }
  process.exit(failed ? 1 : 0);
}

async function runOn(db: Database): Promise<Counts> {
  const world = await seedWorld(db, {
    reportersPerReport: 1,
    reporters: CLIENTS,
    coordinators: 1,
    leaders: 0,
    admins: 0,
  });
  const counts: Counts = {
    savesAcked: 0,
    submissionsAcked: 0,
    returnsAcked: 0,
    requestsFailed: 0,
    kills: 0,
    lost: 0,
    problems: [],
  };
  const reporters = world.users.filter((u) => u.role === 'reporter').slice(0, CLIENTS);
  const coordinator = world.users.find((u) => u.role === 'coordinator')!;
  const ledgers = new Map<number, ReportLedger>();
  for (const u of reporters) {
    const r = reportOf(world, u.organisationId);
    if (!ledgers.has(r)) ledgers.set(r, { reportId: r, saves: [], submissions: [] });
  }

  let server = await startServer(db, PORT);
  const sessions = await Promise.all(
    reporters.map(async (u) => {
      const c = new Client(server.baseUrl, 10_000);
      await c.login(u.username);
      return { user: u, client: c };
    }),
  );
  const coord = new Client(server.baseUrl, 10_000);
  await coord.login(coordinator.username);

  const started = Date.now();
  let writeNo = 0;
  for (let round = 0; round < KILLS && Date.now() - started < MAX_RUN_MS; round++) {
    let stop = false;
    const workers = sessions.map(async ({ user, client }) => {
      const ledger = ledgers.get(reportOf(world, user.organisationId))!;
      while (!stop) {
        try {
          await step(client, coord, ledger, counts, () => `lần ghi ${++writeNo} (vòng ${round})`);
        } catch {
          counts.requestsFailed++;
          await sleep(20);
        }
      }
    });
    await sleep(KILL_MIN_MS + random() * (KILL_MAX_MS - KILL_MIN_MS));
    await killHard(server);
    counts.kills++;
    stop = true;
    await Promise.all(workers);
    server = await startServer(db, PORT);
    await verify(server, coord, ledgers, counts);
    process.stdout.write(`  ${db.kind} round ${round + 1}: lost so far ${counts.lost}\n`);
  }
  await stopServer(server);
  return counts;
}

function reportOf(world: World, organisationId: number): number {
  return world.reports.find((r) => r.organisationId === organisationId)!.id;
}

/** One step of a reporter: read the report, then save it, submit it, or have the coordinator return it. */
async function step(
  client: Client,
  coord: Client,
  ledger: ReportLedger,
  counts: Counts,
  label: () => string,
) {
  const read = await client.request('GET', `/api/reports/${ledger.reportId}`);
  if (read.status !== 200) throw new Error(`read ${read.status}`);
  const report = read.body as ReportDetail;
  if (report.state === 'submitted') {
    const res = await coord.request('POST', `/api/reports/${report.id}/return`, {
      version: report.version,
      reason: 'Trả lại để kiểm tra độ bền dữ liệu',
    });
    if (res.status === 200) counts.returnsAcked++;
    return;
  }
  const lastAcked = [...ledger.saves].reverse().find((s) => s.acked);
  if (lastAcked && random() < 0.25) {
    const res = await client.request('POST', `/api/reports/${report.id}/submit`, { version: report.version });
    if (res.status === 200) {
      counts.submissionsAcked++;
      ledger.submissions.push({ summary: (res.body as ReportDetail).summary ?? '' });
    }
    return;
  }
  const summary = `<p>${label()}</p>`;
  const entry = { summary, acked: false } as ReportLedger['saves'][number];
  ledger.saves.push(entry);
  const res = await client.request('PATCH', `/api/reports/${report.id}`, {
    version: report.version,
    summary,
    entries: report.lead.map((e) => ({ id: e.id, progress: 'in_progress' })),
  });
  if (res.status === 200) {
    entry.acked = true;
    entry.version = (res.body as ReportDetail).version;
    counts.savesAcked++;
  }
}

/** After a restart: every acknowledged save and submission must be in the database. */
async function verify(
  server: ServerProcess,
  coord: Client,
  ledgers: Map<number, ReportLedger>,
  counts: Counts,
) {
  const c = coord.setBase(server.baseUrl);
  counts.lost = 0;
  counts.problems = [];
  for (const ledger of ledgers.values()) {
    const res = await c.request('GET', `/api/reports/${ledger.reportId}`);
    if (res.status !== 200) throw new Error(`verify read ${res.status}`);
    const report = res.body as ReportDetail;
    const lastAckedAt = ledger.saves.findLastIndex((s) => s.acked);
    if (lastAckedAt >= 0) {
      const acked = ledger.saves[lastAckedAt]!;
      const allowed = new Set(ledger.saves.slice(lastAckedAt).map((s) => s.summary));
      if (report.version < acked.version! || !allowed.has(report.summary ?? '')) {
        counts.lost++;
        counts.problems.push(
          `report ${ledger.reportId}: acknowledged save v${acked.version} "${acked.summary}", found v${report.version} "${report.summary}"`,
        );
      }
    }
    const versions = await c.request('GET', `/api/reports/${ledger.reportId}/versions`);
    const items = (versions.body as { items: { versionNo: number }[] }).items;
    const stored = new Set<string>();
    for (const v of items) {
      const one = await c.request('GET', `/api/reports/${ledger.reportId}/versions/${v.versionNo}`);
      stored.add((one.body as ReportVersion).snapshot.summary ?? '');
    }
    for (const s of ledger.submissions) {
      if (!stored.has(s.summary)) {
        counts.lost++;
        counts.problems.push(
          `report ${ledger.reportId}: acknowledged submission of "${s.summary}" has no stored version`,
        );
      }
    }
  }
}

await main();

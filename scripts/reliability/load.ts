/**
 * Load script: many simulated users on the real server, a mixed workload, every answer checked.
 *
 *   node --import tsx scripts/reliability/load.ts [--db sqlite,postgres] [--users 200] [--duration 120]
 *        [--think-ms 5000] [--port 3161]
 *
 * For each database: seeds a world (the sample plan, the current year's open period, one report per
 * agency with tasks) with users of every role, starts bin/planwatch.js serve on 127.0.0.1, logs every
 * user in, then for `duration` seconds each user repeats a step of its role followed by a random think
 * time (0 to 2 × think-ms): reporters open and save their agency's report (one writer per report, so
 * no save meets a legitimate 409) or read lists; coordinators and leaders read rates, statuses,
 * reports; admins read users and the audit log; everybody reads plans, tasks and notifications.
 * Any answer other than 2xx, and any network error or timeout, is an error. Reports per endpoint kind:
 * count, errors, p50/p95/p99 latency; the server's resident memory before and after and its peak.
 * Exits 1 on any error. Only 127.0.0.1 is ever targeted.
 */
import type { ReportDetail } from '../../shared/contracts/reporting';
import {
  argValue,
  Client,
  dbKinds,
  freshDatabase,
  peakRssMiB,
  percentile,
  rssMiB,
  type SeededUser,
  seedWorld,
  sleep,
  startServer,
  stopServer,
  type World,
} from './harness';

const USERS = Number(argValue('users', '200'));
const DURATION_S = Number(argValue('duration', '120'));
const THINK_MS = Number(argValue('think-ms', '5000'));
const PORT = Number(argValue('port', '3161'));
const YEAR = new Date().getFullYear();

interface Stat {
  times: number[];
  errors: number;
  examples: string[];
}

class Recorder {
  readonly stats = new Map<string, Stat>();

  async time(kind: string, run: () => Promise<{ status: number; body: unknown }>) {
    const stat = this.stats.get(kind) ?? { times: [], errors: 0, examples: [] };
    this.stats.set(kind, stat);
    const t0 = performance.now();
    try {
      const res = await run();
      stat.times.push(performance.now() - t0);
      if (res.status < 200 || res.status > 299) {
        stat.errors++;
        if (stat.examples.length < 3)
          stat.examples.push(`${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      }
      return res;
    } catch (e) {
      stat.times.push(performance.now() - t0);
      stat.errors++;
      if (stat.examples.length < 3) stat.examples.push(String(e));
      return null;
    }
  }
}

type Step = (c: Client, rec: Recorder) => Promise<unknown>;

function steps(world: World, user: SeededUser, writer: boolean): Step[] {
  const plan = world.planId;
  const report = world.reports.find((r) => r.organisationId === user.organisationId)?.id;
  const page = () => 1 + Math.floor(Math.random() * 2);
  const common: Step[] = [
    (c, r) => r.time('plans list', () => c.request('GET', '/api/plans')),
    (c, r) => r.time('plan overview', () => c.request('GET', `/api/plans/${plan}`)),
    (c, r) =>
      r.time('task list', () => c.request('GET', `/api/plans/${plan}/tasks?page=${page()}&pageSize=20`)),
    (c, r) => r.time('notifications', () => c.request('GET', '/api/notifications')),
    (c, r) => r.time('session', () => c.request('GET', '/api/auth/session')),
  ];
  switch (user.role) {
    case 'reporter': {
      const own: Step[] = [
        (c, r) => r.time('report list', () => c.request('GET', `/api/reports?periodId=${world.periodId}`)),
        (c, r) => r.time('report open', () => c.request('GET', `/api/reports/${report}`)),
        (c, r) =>
          r.time('task statuses', () => c.request('GET', `/api/plans/${plan}/task-statuses?year=${YEAR}`)),
      ];
      if (writer) own.push(saveOwnReport(report!), saveOwnReport(report!));
      return [...common, ...own];
    }
    case 'coordinator':
    case 'leader':
      return [
        ...common,
        (c, r) =>
          r.time('period rates', () => c.request('GET', `/api/reporting-periods/${world.periodId}/rates`)),
        (c, r) =>
          r.time('task statuses', () => c.request('GET', `/api/plans/${plan}/task-statuses?year=${YEAR}`)),
        (c, r) => r.time('indicators', () => c.request('GET', `/api/plans/${plan}/indicators`)),
        (c, r) => r.time('report list', () => c.request('GET', `/api/reports?periodId=${world.periodId}`)),
        (c, r) => {
          const any = world.reports[Math.floor(Math.random() * world.reports.length)]!;
          return r.time('report open', () => c.request('GET', `/api/reports/${any.id}`));
        },
      ];
    case 'admin':
      return [
        (c, r) => r.time('users list', () => c.request('GET', '/api/users')),
        (c, r) => r.time('audit log', () => c.request('GET', '/api/audit')),
        (c, r) => r.time('organisations', () => c.request('GET', '/api/organisations')),
        ...common,
      ];
  }
}

/** Open the agency's report and save it with the version read, as the editor's autosave does. */
function saveOwnReport(reportId: number): Step {
  return async (c, r) => {
    const read = await r.time('report open', () => c.request('GET', `/api/reports/${reportId}`));
    if (read?.status !== 200) return;
    const report = read.body as ReportDetail;
    await r.time('report save', () =>
      c.request('PATCH', `/api/reports/${reportId}`, {
        version: report.version,
        summary: `<p>Báo cáo tình hình thực hiện, lưu lúc ${new Date().toISOString()}</p>`,
        entries: report.lead.map((e) => ({
          id: e.id,
          progress: 'in_progress',
          result: '<p>Đã triển khai</p>',
        })),
      }),
    );
  };
}

function shares(total: number) {
  const admins = Math.max(1, Math.round(total * 0.025));
  const coordinators = Math.max(1, Math.round(total * 0.1));
  const leaders = Math.max(1, Math.round(total * 0.125));
  return { admins, coordinators, leaders, reporters: Math.max(1, total - admins - coordinators - leaders) };
}

async function main() {
  let failed = false;
  for (const kind of dbKinds()) {
    const db = await freshDatabase(kind, 'load');
    try {
      const n = shares(USERS);
      const world = await seedWorld(db, {
        reportersPerReport: 1,
        reporters: n.reporters,
        coordinators: n.coordinators,
        leaders: n.leaders,
        admins: n.admins,
      });
      const server = await startServer(db, PORT);
      const rec = new Recorder();
      const rssStart = rssMiB(server.pid);
      const writers = new Set<number>();
      const users = world.users.slice(0, USERS).map((u) => {
        const report = world.reports.find((r) => r.organisationId === u.organisationId)?.id;
        const writer = u.role === 'reporter' && report !== undefined && !writers.has(report);
        if (writer) writers.add(report!);
        return { user: u, client: new Client(server.baseUrl), writer };
      });
      // Log in (a few at a time, as a morning's arrivals), then run the workload together.
      for (let i = 0; i < users.length; i += 10) {
        await Promise.all(
          users.slice(i, i + 10).map(({ user, client }) =>
            rec.time('login', async () => {
              await client.login(user.username);
              return { status: 200, body: null };
            }),
          ),
        );
      }
      const rssAfterLogin = rssMiB(server.pid);
      const end = Date.now() + DURATION_S * 1000;
      await Promise.all(
        users.map(async ({ user, client, writer }) => {
          const mine = steps(world, user, writer);
          await sleep(Math.random() * THINK_MS);
          while (Date.now() < end) {
            await mine[Math.floor(Math.random() * mine.length)]!(client, rec);
            await sleep(Math.random() * 2 * THINK_MS);
          }
        }),
      );
      const rssEnd = rssMiB(server.pid);
      const rssPeak = peakRssMiB(server.pid);
      await stopServer(server);
      failed = print(kind, rec, { users: users.length, rssStart, rssAfterLogin, rssEnd, rssPeak }) || failed;
    } finally {
      await db.drop();
    }
  }
  process.exit(failed ? 1 : 0);
}

function print(
  kind: string,
  rec: Recorder,
  m: { users: number; rssStart: number; rssAfterLogin: number; rssEnd: number; rssPeak: number },
): boolean {
  let total = 0;
  let errors = 0;
  const all: number[] = [];
  console.log(`\n${kind}: ${m.users} users, ${DURATION_S} s, think time 0–${2 * THINK_MS} ms`);
  console.log('| endpoint kind | requests | errors | p50 (ms) | p95 (ms) | p99 (ms) |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const [name, s] of [...rec.stats.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const sorted = [...s.times].sort((a, b) => a - b);
    // Logins happen before the measured window (and are scrypt by design): listed, not in "all".
    if (name !== 'login') all.push(...sorted);
    total += s.times.length;
    errors += s.errors;
    console.log(
      `| ${name} | ${s.times.length} | ${s.errors} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 95).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} |`,
    );
    for (const e of s.examples) console.log(`    error example: ${e}`);
  }
  all.sort((a, b) => a - b);
  console.log(
    `| all but login | ${all.length} | ${errors} | ${percentile(all, 50).toFixed(1)} | ${percentile(all, 95).toFixed(1)} | ${percentile(all, 99).toFixed(1)} |`,
  );
  console.log(
    `throughput ${(total / DURATION_S).toFixed(1)} req/s; server RSS: start ${m.rssStart} MiB, after logins ${m.rssAfterLogin} MiB, end ${m.rssEnd} MiB, peak ${m.rssPeak} MiB`,
  );
  return errors > 0;
}

await main();

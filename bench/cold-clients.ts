/**
 * 50 new clients at once (issue 10, item 9): each logs in and then loads what its first page loads
 * (session, the report inbox or "my work", notifications, plans), all started together against a real
 * `planwatch serve` process. Prints how long each kind of request waited (max and p95) and the
 * slowest request overall. Each client comes from its own address (X-Forwarded-For through
 * TRUST_PROXY=127.0.0.1), as 50 offices would, so the per-address login limit does not refuse them.
 *
 * Run: node --import tsx bench/cold-clients.ts [--db sqlite|postgres] [--port 4410] [--clients 50]
 */
import { performance } from 'node:perf_hooks';
import {
  argValue,
  freshDatabase,
  HOST,
  PASSWORD,
  percentile,
  seedWorld,
  startServer,
  stopServer,
} from '../scripts/reliability/harness';

const CLIENTS = Number(argValue('clients', '50'));
const PORT = Number(argValue('port', '4410'));
const KIND = argValue('db', 'sqlite') === 'postgres' ? 'postgres' : 'sqlite';

interface Sample {
  what: string;
  ms: number;
  status: number;
}

async function client(
  base: string,
  i: number,
  user: { username: string; role: string; organisationId: number },
) {
  const samples: Sample[] = [];
  let cookie = '';
  const address = `10.20.${i >> 8}.${(i % 250) + 1}`;
  const call = async (what: string, method: string, url: string, body?: unknown) => {
    const t0 = performance.now();
    const res = await fetch(`${base}${url}`, {
      method,
      headers: {
        'x-forwarded-for': address,
        ...(cookie ? { cookie } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const m = /pw_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '');
    if (m) cookie = `pw_session=${m[1]}`;
    await res.arrayBuffer();
    samples.push({ what, ms: performance.now() - t0, status: res.status });
  };
  await call('login', 'POST', '/api/auth/login', { username: user.username, password: PASSWORD });
  // The first page's requests go out together, as the client's queries do.
  const mine =
    user.role === 'reporter'
      ? `/api/reports?organisationId=${user.organisationId}&sort=work&pageSize=10`
      : '/api/reports?state=submitted&pageSize=20';
  await Promise.all([
    call('session', 'GET', '/api/auth/session'),
    call('reports', 'GET', mine),
    call('notifications', 'GET', '/api/notifications?pageSize=10'),
    call('plans', 'GET', '/api/plans'),
  ]);
  return samples;
}

const db = await freshDatabase(KIND, 'cold-clients');
try {
  const world = await seedWorld(db, {
    reportersPerReport: 1,
    reporters: CLIENTS - 10,
    coordinators: 8,
    leaders: 2,
    admins: 0,
  });
  process.env.TRUST_PROXY = HOST;
  const server = await startServer(db, PORT);
  try {
    const users = world.users.slice(0, CLIENTS);
    const t0 = performance.now();
    const all = (await Promise.all(users.map((u, i) => client(server.baseUrl, i, u)))).flat();
    const wall = performance.now() - t0;
    const bad = all.filter((s) => s.status !== 200);
    if (bad.length > 0) console.error('not 200:', bad.slice(0, 5));
    const kinds = [...new Set(all.map((s) => s.what))];
    const round = (n: number) => Math.round(n);
    console.log(`\n${CLIENTS} clients on ${KIND}, all started at once; everything done in ${round(wall)} ms`);
    console.log('| request | n | p95 (ms) | max (ms) |\n|---|---:|---:|---:|');
    for (const k of [...kinds, 'all']) {
      const ms = all
        .filter((s) => k === 'all' || s.what === k)
        .map((s) => s.ms)
        .sort((a, b) => a - b);
      console.log(
        `| ${k} | ${ms.length} | ${round(percentile(ms, 95))} | ${round(ms[ms.length - 1] ?? 0)} |`,
      );
    }
  } finally {
    await stopServer(server);
  }
} finally {
  await db.drop();
}

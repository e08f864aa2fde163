/**
 * CPU per request of one API call, in-process (app.inject: everything but the socket), on a generated
 * dataset: where the task list's time goes. Run with --cpu-prof to see it by function.
 *   node --import tsx bench/national/inject-profile.ts [--db sqlite|postgres] [--url /api/...] [--n 2000]
 *     [--as coordinator|leader|reporter]
 * Besides the CPU it prints the queries per request and the time between sending each and reading its
 * rows (driver included): the figures a loaded shared machine moves least after CPU.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { KyselyPlugin, QueryId } from 'kysely';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { openContext } from '../../server/runtime';
import { NATIONAL, scaled } from './dataset';
import { ensureDataset } from './generate';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    url: { type: 'string', default: '/api/plans/1/tasks?page=2&pageSize=100' },
    n: { type: 'string', default: '2000' },
    /**
     * The PDF reader as a server has it once warmed up: `product` (warmUpPdfReader, built-ins put back),
     * `polyfilled` (pdfjs imported as before the fix, its core-js polyfills left in place), `none`.
     */
    pdf: { type: 'string', default: 'product' },
    as: { type: 'string', default: 'coordinator' },
    scale: { type: 'string', default: '1' },
    /** Writes the answer's body there (to compare two builds' answers). */
    save: { type: 'string' },
    warmup: { type: 'string', default: '200' },
    /** A file of `name|role|url` lines, each measured in turn (answers saved as <save>/<name>.json). */
    list: { type: 'string' },
  },
});
const { target, marker } = await ensureDataset(values.db === 'postgres' ? 'postgres' : 'sqlite', {
  seed: 1,
  size: values.scale === '1' ? NATIONAL : scaled(Number(values.scale)),
});
const opened = await openContext(
  loadConfig({}, { dataDir: target.dataDir, databaseUrl: target.databaseUrl, logLevel: 'warn' }),
);
/** Queries run and the time from compiling each to its rows, summed (the transaction's own statements too). */
const sqlStats = { queries: 0, ms: 0 };
const started = new WeakMap<QueryId, number>();
const counting: KyselyPlugin = {
  transformQuery(args) {
    sqlStats.queries++;
    started.set(args.queryId, performance.now());
    return args.node;
  },
  async transformResult(args) {
    const t = started.get(args.queryId);
    if (t !== undefined) sqlStats.ms += performance.now() - t;
    return args.result;
  },
};
const ctx = { ...opened, db: opened.db.withPlugin(counting) };
// Taken before pdfjs loads: core-js makes its replacements print as native code, so compare identity.
const engineStringify = JSON.stringify;
if (values.pdf === 'product')
  await (await import('../../server/modules/plan-import/pdf-warm-up')).warmUpPdfReader();
if (values.pdf === 'polyfilled') {
  await import('pdfjs-dist/legacy/build/pdf.mjs');
  // @ts-expect-error pdfjs ships no types for its worker module; loading it is all that is wanted here.
  await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
}
const app = await buildApp(ctx, { reminders: false, sessionSweep: false });
await app.ready();
const cookies = new Map<string, string>();
async function cookieOf(role: string): Promise<string> {
  const known = cookies.get(role);
  if (known) return known;
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: {
      username: marker.logins[role as 'coordinator' | 'leader' | 'reporter'],
      password: marker.logins.password,
    },
  });
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  cookies.set(role, cookie);
  return cookie;
}

async function measure(name: string, role: string, url: string, save: string | undefined) {
  const cookie = await cookieOf(role);
  const n = Number(values.n);
  let bytes = 0;
  for (let i = 0; i < Number(values.warmup); i++) {
    const r = await app.inject({ url, headers: { cookie } });
    bytes = r.rawPayload.length;
    if (i === 0 && save) writeFileSync(save, r.rawPayload);
  }
  sqlStats.queries = 0;
  sqlStats.ms = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const r = await app.inject({ url, headers: { cookie } });
    if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body}`);
  }
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `${name}|${role}|${url}|load ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}|${bytes} bytes|${((performance.now() - t0) / n).toFixed(3)} ms wall|${((cpu.user + cpu.system) / 1000 / n).toFixed(3)} ms CPU|${(sqlStats.queries / n).toFixed(1)} queries|${(sqlStats.ms / n).toFixed(3)} ms SQL (JSON.stringify ${JSON.stringify === engineStringify ? "the engine's" : 'replaced'})`,
  );
}

if (values.list) {
  for (const line of readFileSync(values.list, 'utf8').split('\n')) {
    const [name, role, url] = line.split('|');
    if (!name || !role || !url) continue;
    await measure(
      name,
      role,
      url.replaceAll('ORG', String(marker.sample.organisationId)),
      values.save && `${values.save}/${name}.json`,
    );
  }
} else {
  await measure(values.url, values.as, values.url, values.save);
}
await app.close();
await opened.db.destroy();

/**
 * CPU per request of one API call, in-process (app.inject: everything but the socket), on a generated
 * dataset: where the task list's time goes. Run with --cpu-prof to see it by function.
 *   node --import tsx bench/national/inject-profile.ts [--db sqlite|postgres] [--url /api/...] [--n 2000]
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { openContext } from '../../server/runtime';
import { NATIONAL } from './dataset';
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
  },
});
const { target, marker } = await ensureDataset(values.db === 'postgres' ? 'postgres' : 'sqlite', {
  seed: 1,
  size: NATIONAL,
});
const ctx = await openContext(
  loadConfig({}, { dataDir: target.dataDir, databaseUrl: target.databaseUrl, logLevel: 'warn' }),
);
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
const login = await app.inject({
  method: 'POST',
  url: '/api/auth/login',
  payload: { username: marker.logins.coordinator, password: marker.logins.password },
});
const cookie = String(login.headers['set-cookie']).split(';')[0]!;
const n = Number(values.n);
let bytes = 0;
for (let i = 0; i < 200; i++)
  bytes = (await app.inject({ url: values.url, headers: { cookie } })).rawPayload.length;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (let i = 0; i < n; i++) {
  const r = await app.inject({ url: values.url, headers: { cookie } });
  if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body}`);
}
const cpu = process.cpuUsage(cpu0);
console.log(
  `${values.url} (PDF reader: ${values.pdf}, JSON.stringify ${JSON.stringify === engineStringify ? "the engine's" : 'replaced'}): ${bytes} bytes; ${((performance.now() - t0) / n).toFixed(3)} ms wall, ${((cpu.user + cpu.system) / 1000 / n).toFixed(3)} ms CPU per request`,
);
await app.close();
await ctx.db.destroy();

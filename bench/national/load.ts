/** Measuring a running server over HTTP: one client's latencies (p50/p95) and autocannon's throughput. */
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

export interface Latency {
  p50: number;
  p95: number;
  bytes: number;
}

function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One GET with the session cookie; the body as text. Anything but 200 stops the benchmark. */
export function get(base: string, path: string, cookie: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}${path}`, { agent, headers: { cookie } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode !== 200) reject(new Error(`GET ${path}: ${res.statusCode} ${body.slice(0, 300)}`));
        else resolve(body);
      });
    });
    req.on('error', reject);
  });
}

/** p50 and p95 of `iterations` sequential requests (one client, as one user waiting for a page), after a warm-up. */
export async function latency(
  base: string,
  path: string,
  cookie: string,
  iterations: number,
): Promise<Latency> {
  let bytes = 0;
  for (let i = 0; i < Math.min(20, iterations); i++) bytes = Buffer.byteLength(await get(base, path, cookie));
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await get(base, path, cookie);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)), bytes };
}

export interface Throughput {
  rps: number;
  p50: number;
  p99: number;
  /** CPU time the server's processes (all workers) spent per request: what the machine can give, busy or not. */
  serverCpuMs: number;
  /** CPU time the load tool itself spent per request, on the same cores. */
  clientCpuMs: number;
  /** CPU time of the local PostgreSQL server's processes per request (0 on SQLite). */
  databaseCpuMs: number;
}

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/**
 * CPU milliseconds (user + system) so far of the processes `wanted` picks from /proc (Linux), given each
 * one's pid, parent pid and command name.
 */
function procCpuMs(wanted: (pid: number, ppid: number, command: string) => boolean): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    // "pid (command) state ppid … utime(14) stime(15)"; the command may hold spaces and parentheses.
    const open = stat.indexOf('(');
    const close = stat.lastIndexOf(')');
    const f = stat.slice(close + 2).split(' ');
    if (wanted(Number(entry), Number(f[1]), stat.slice(open + 1, close)))
      ticks += Number(f[11]) + Number(f[12]);
  }
  return (ticks * 1000) / CLOCK_TICKS;
}

/** CPU milliseconds of a process and its children so far. */
export const processTreeCpuMs = (pid: number): number => procCpuMs((p, ppid) => p === pid || ppid === pid);

/**
 * CPU milliseconds of the local PostgreSQL server's processes so far. The pool's connections stay
 * open during a run, so their backends' CPU is counted; a backend that ends within the run is not.
 */
export const databaseCpuMs = (): number => procCpuMs((_p, _ppid, command) => command === 'postgres');

interface ChildResult {
  total: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  cpuMs: number;
}

/**
 * autocannon in a child process (load-child.mjs), so its heap and its CPU are its own. `onMeasuring`
 * runs when the warm-up is over and the measured run starts; `onResult` as soon as it has ended.
 */
function runLoadChild(
  opts: { url: string; connections: number; seconds: number; cookie: string },
  onMeasuring: () => void,
  onResult: () => void,
): Promise<ChildResult> {
  const script = path.join(import.meta.dirname, 'load-child.mjs');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, JSON.stringify(opts)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let result: ChildResult | undefined;
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      let nl = out.indexOf('\n');
      while (nl >= 0) {
        const line = out.slice(0, nl).trim();
        out = out.slice(nl + 1);
        if (line === 'measuring') onMeasuring();
        else if (line.startsWith('{')) {
          onResult();
          result = JSON.parse(line) as ChildResult;
        }
        nl = out.indexOf('\n');
      }
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      result ? resolve(result) : reject(new Error(`load tool exited with ${code} before its result`)),
    );
  });
}

/** Requests per second with `connections` clients for `seconds`; any non-200 answer fails the run. */
export async function throughput(
  base: string,
  path: string,
  cookie: string,
  connections: number,
  seconds: number,
  serverPid: number,
): Promise<Throughput> {
  let server0 = 0;
  let db0 = 0;
  let server = 0;
  let db = 0;
  const r = await runLoadChild(
    { url: `${base}${path}`, connections, seconds, cookie },
    () => {
      server0 = processTreeCpuMs(serverPid);
      db0 = databaseCpuMs();
    },
    () => {
      server = processTreeCpuMs(serverPid) - server0;
      db = databaseCpuMs() - db0;
    },
  );
  if (r.non2xx > 0 || r.errors > 0 || r.timeouts > 0)
    throw new Error(`${path}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts under load`);
  const n = Math.max(1, r.total);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    rps: Math.round(r.total / seconds),
    p50: r.p50,
    p99: r.p99,
    serverCpuMs: round(server / n),
    clientCpuMs: round(r.cpuMs / n),
    databaseCpuMs: round(db / n),
  };
}

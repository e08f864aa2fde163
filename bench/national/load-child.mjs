// One autocannon run in a process of its own (bench/national/load.ts): the load tool's heap and JIT
// state do not carry over from one measured request to the next, and its CPU is its own.
// Input: a JSON argument { url, connections, seconds, cookie }. Output: 'measuring' once warmed up,
// then one JSON line with the result.
import { createRequire } from 'node:module';

const autocannon = createRequire(import.meta.url)('autocannon');
const { url, connections, seconds, cookie } = JSON.parse(process.argv[2]);
// A short warm-up, so the JIT and the database caches are as they are in a running service.
await autocannon({ url, connections, duration: 1, headers: { cookie } });
// The parent reads the server's CPU on this line and again on the result line: the measured run only.
process.stdout.write('measuring\n');
const cpu0 = process.cpuUsage();
const r = await autocannon({ url, connections, duration: seconds, headers: { cookie } });
const cpu = process.cpuUsage(cpu0);
process.stdout.write(
  `${JSON.stringify({
    total: r.requests.total,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    cpuMs: (cpu.user + cpu.system) / 1000,
  })}\n`,
);

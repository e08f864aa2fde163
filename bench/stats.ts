import { performance } from 'node:perf_hooks';

export interface Timing {
  name: string;
  iterations: number;
  medianMs: number;
  p95Ms: number;
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** Runs `fn` a few times to warm up, then `iterations` times, and reports median and p95. */
export async function time(name: string, iterations: number, fn: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < Math.min(5, iterations); i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    name,
    iterations,
    medianMs: round(percentile(samples, 50)),
    p95Ms: round(percentile(samples, 95)),
  };
}

import { describe, expect, it } from 'vitest';
import { whenIdle } from './when-idle';

/** Keeps the event loop busy for `ms` in short slices, as a burst of requests would. */
function busyFor(ms: number): Promise<void> {
  const end = Date.now() + ms;
  return new Promise((resolve) => {
    const slice = () => {
      const until = Date.now() + 15;
      while (Date.now() < until) {
        /* work */
      }
      if (Date.now() < end) setImmediate(slice);
      else resolve();
    };
    slice();
  });
}

describe('whenIdle', () => {
  it('waits while the event loop is busy and runs once it is quiet', async () => {
    const started = Date.now();
    let ranAt = 0;
    whenIdle(() => (ranAt = Date.now()), 50, 1000);
    await busyFor(300);
    expect(ranAt).toBe(0);
    await new Promise((r) => setTimeout(r, 200));
    expect(ranAt).toBeGreaterThanOrEqual(started + 300);
  });

  it('runs anyway after the last check when the loop never quiets down', async () => {
    let ran = 0;
    whenIdle(() => (ran += 1), 20, 3);
    await busyFor(150);
    await new Promise((r) => setTimeout(r, 30));
    expect(ran).toBe(1);
  });
});

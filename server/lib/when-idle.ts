import { performance } from 'node:perf_hooks';

/**
 * Runs `task` once the event loop has been nearly idle (under 5 % busy) for one interval (half a second
 * by default), or after `maxChecks` intervals (a minute) whatever the load, so background work never
 * competes with a burst of requests.
 */
export function whenIdle(task: () => void, intervalMs = 500, maxChecks = 120): void {
  let last = performance.eventLoopUtilization();
  let checks = 0;
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const busy = performance.eventLoopUtilization(now, last).utilization;
    last = now;
    checks += 1;
    if (busy < 0.05 || checks >= maxChecks) {
      clearInterval(timer);
      task();
    }
  }, intervalMs);
  timer.unref();
}

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LowPriorityHashPool } from './low-priority-pool';

const OPTIONS = { algorithm: 2, memoryCost: 4096, timeCost: 1, parallelism: 1 };

/** Nice values of this process's threads, read from /proc (field 19 of each task's stat). */
function threadNiceValues(): number[] {
  return readdirSync('/proc/self/task').map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[16]);
  });
}

describe('low-priority hashing pool', () => {
  it('hashes and verifies many passwords at once, each answer for its own job', async () => {
    const pool = new LowPriorityHashPool();
    const passwords = Array.from({ length: 12 }, (_, i) => `mật khẩu ${i}`);
    const hashes = await Promise.all(
      passwords.map((password) => pool.run<string>({ op: 'hash', password, options: OPTIONS })),
    );
    const checks = await Promise.all(
      hashes.flatMap((stored, i) => [
        pool.run<boolean>({ op: 'verify', password: passwords[i] as string, stored }),
        pool.run<boolean>({ op: 'verify', password: `${passwords[i]}x`, stored }),
      ]),
    );
    expect(checks).toEqual(passwords.flatMap(() => [true, false]));
  });

  it('runs its threads at the lowest priority, leaving the event loop at normal priority', async () => {
    const pool = new LowPriorityHashPool();
    await pool.run<string>({ op: 'hash', password: 'x', options: OPTIONS });
    const nice = threadNiceValues();
    expect(pool.niced).toBe(true);
    expect(nice.filter((n) => n === 19).length).toBeGreaterThanOrEqual(1);
    expect(Number(readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ')[16])).toBeLessThan(19);
  });

  it('rejects a malformed hash as an error of that job only', async () => {
    const pool = new LowPriorityHashPool();
    await expect(pool.run({ op: 'verify', password: 'x', stored: '$argon2id$hỏng' })).rejects.toThrow();
    expect(await pool.run<string>({ op: 'hash', password: 'y', options: OPTIONS })).toMatch(/^\$argon2id\$/);
  });

  it('lets a process that has hashed a password exit on its own (a CLI command is not kept waiting)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pw-pool-'));
    const script = path.join(dir, 'hash-once.mts');
    const pool = path.join(import.meta.dirname, 'low-priority-pool.ts');
    writeFileSync(
      script,
      `import { LowPriorityHashPool } from ${JSON.stringify(pool)};
const p = new LowPriorityHashPool();
const h = await p.run({ op: 'hash', password: 'x', options: ${JSON.stringify(OPTIONS)} });
console.log(await p.run({ op: 'verify', password: 'x', stored: h }));`,
    );
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stdout.trim()).toBe('true');
    expect(run.status).toBe(0);
  });
});

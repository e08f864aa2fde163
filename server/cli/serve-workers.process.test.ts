import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { spawnServer } from '../test/spawn-server';

const dir = mkdtempSync(path.join(tmpdir(), 'planwatch-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The live child processes of `pid` (the workers of a primary). */
function childrenOf(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map(Number);
  } catch {
    return []; // pgrep exits 1 when there are none
  }
}

it('serve --workers 2 runs two processes on one port that share sessions, and SIGTERM stops them all', {
  timeout: 90_000,
}, async () => {
  const server = await spawnServer(
    { DATA_DIR: path.join(dir, 'data'), PLANWATCH_ADMIN_PASSWORD: 'mat-khau-quan-tri-1' },
    60_000,
    ['--workers', '2'],
  );
  try {
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { status: string }).status).toBe('ok');
    const workers = childrenOf(server.process.pid!);
    expect(workers).toHaveLength(2);

    // Logged in through one connection, the session is known to whichever process takes the next ones.
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', connection: 'close' },
      body: JSON.stringify({ username: 'admin', password: 'mat-khau-quan-tri-1' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    for (let i = 0; i < 6; i++) {
      const r = await fetch(`${server.url}/api/auth/session`, { headers: { cookie, connection: 'close' } });
      expect(r.status).toBe(200);
    }
    await expect.poll(() => server.output()).toContain('(2 tiến trình)');

    expect(await server.stop()).toBe(0);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
  } finally {
    await server.stop();
  }
});

it('serve --workers 0 is refused with a Vietnamese message and exit code 1', async () => {
  const r = await promisify(execFile)(
    process.execPath,
    [path.resolve(import.meta.dirname, '../../bin/planwatch.js'), 'serve', '--workers', '0'],
    { env: { PATH: process.env.PATH ?? '', DATA_DIR: path.join(dir, 'refused') } },
  ).catch((e: { code: number; stderr: string }) => e);
  expect('code' in r ? r.code : 0).toBe(1);
  expect(r.stderr).toContain('Số tiến trình không hợp lệ');
});

it('the help names --workers in Vietnamese and in English', async () => {
  const bin = path.resolve(import.meta.dirname, '../../bin/planwatch.js');
  const vi = await promisify(execFile)(process.execPath, [bin, '--help']);
  expect(vi.stdout).toContain('--workers SỐ  số tiến trình phục vụ');
  const en = await promisify(execFile)(process.execPath, [bin, '--help', '--lang', 'en']);
  expect(en.stdout).toContain('--workers N  server processes');
});

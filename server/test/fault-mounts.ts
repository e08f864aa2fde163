import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Small tmpfs mounts for tests that need a real full or read-only file system (ENOSPC, EROFS,
 * SQLITE_FULL, SQLITE_READONLY from the kernel, not from a mock). Needs the right to mount (root with
 * CAP_SYS_ADMIN, as in CI's container); `canMount()` says whether this machine gives it.
 */
let mountable: boolean | undefined;

export function canMount(): boolean {
  if (mountable !== undefined) return mountable;
  const dir = mkdtempSync(path.join(tmpdir(), 'planwatch-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
    execFileSync('umount', [dir], { stdio: 'ignore' });
    mountable = true;
  } catch {
    mountable = false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return mountable;
}

export interface TmpfsMount {
  dir: string;
  readOnly(): void;
  writable(): void;
  unmount(): void;
}

/** A fresh tmpfs of `sizeKb` mounted at `dir` (created if missing). */
export function mountTmpfs(dir: string, sizeKb: number): TmpfsMount {
  mkdirSync(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir]);
  const remount = (mode: 'ro' | 'rw') => execFileSync('mount', ['-o', `remount,${mode}`, dir]);
  return {
    dir,
    readOnly: () => remount('ro'),
    writable: () => remount('rw'),
    unmount: () => execFileSync('umount', ['-l', dir]),
  };
}

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { storageFault } from '../db/faults';

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const SHA256_NAME = /^[0-9a-f]{64}$/;

/** Where the file named `sha` lives under a store's root: `<root>/<first two hex digits>/<sha>`. */
export const storedFilePath = (root: string, sha: string): string => path.join(root, sha.slice(0, 2), sha);

/**
 * mkdir that reports why it failed: a recursive mkdir answers ENOENT on a read-only file system
 * (Node walks up looking for the missing parent), hiding the EROFS a plain mkdir gives.
 */
function makeDir(dir: string): void {
  if (existsSync(dir)) return;
  mkdirSync(path.dirname(dir), { recursive: true });
  try {
    mkdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
}

/**
 * Uploaded originals, named by their SHA-256: the same file is stored once, and a stored file can be
 * checked against its name at any time. Two backends (server/files/select-file-store.ts picks one):
 * a folder on this machine's disk, or the database, which every server process shares.
 */
export interface FileStore {
  readonly kind: 'disk' | 'database';
  /** Stores the bytes (once per content) and returns their SHA-256. */
  put(bytes: Uint8Array): Promise<string>;
  /** The stored bytes, or null when nothing is stored under that SHA-256. */
  get(sha: string): Promise<Buffer | null>;
  exists(sha: string): Promise<boolean>;
}

const SHA_PATTERN = /^[0-9a-f]{64}$/;

/** A name that can be trusted as a path segment: 64 lower-case hex digits. */
export function assertSha(sha: string): void {
  if (!SHA_PATTERN.test(sha)) throw new Error(`Mã SHA-256 không hợp lệ: ${sha.slice(0, 80)}`);
}

/** Files under DATA_DIR/files/<first two hex digits>/<sha256>, on this machine only. */
export class DiskFileStore implements FileStore {
  readonly kind = 'disk' as const;

  constructor(private readonly root: string) {}

  private pathOf(sha: string): string {
    assertSha(sha);
    return storedFilePath(this.root, sha);
  }

  async put(bytes: Uint8Array): Promise<string> {
    const sha = sha256Hex(bytes);
    const target = this.pathOf(sha);
    if (!existsSync(target)) {
      // Write then rename, so a crash never leaves a half-written file under a valid name.
      const tmp = `${target}.${process.pid}.tmp`;
      try {
        makeDir(this.root);
        makeDir(path.dirname(target));
        writeFileSync(tmp, bytes);
        renameSync(tmp, target);
      } catch (err) {
        try {
          rmSync(tmp, { force: true });
        } catch {
          // Nothing was written if the folder is read-only; the original error is the one to report.
        }
        // A full or read-only disk: a Vietnamese 503 naming the folder rather than a bare ENOSPC.
        throw storageFault(err, this.root) ?? err;
      }
    }
    return sha;
  }

  async get(sha: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(sha));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  async exists(sha: string): Promise<boolean> {
    return existsSync(this.pathOf(sha));
  }

  /** The SHA-256 names of every stored file (backups copy them; half-written temporaries are skipped). */
  list(): string[] {
    if (!existsSync(this.root)) return [];
    const shas: string[] = [];
    for (const dir of readdirSync(this.root, { withFileTypes: true })) {
      if (!dir.isDirectory() || !/^[0-9a-f]{2}$/.test(dir.name)) continue;
      for (const name of readdirSync(path.join(this.root, dir.name))) {
        if (SHA256_NAME.test(name) && name.startsWith(dir.name)) shas.push(name);
      }
    }
    return shas.sort();
  }
}

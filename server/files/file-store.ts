import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

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
    return path.join(this.root, sha.slice(0, 2), sha);
  }

  async put(bytes: Uint8Array): Promise<string> {
    const sha = sha256Hex(bytes);
    const target = this.pathOf(sha);
    if (!existsSync(target)) {
      await mkdir(path.dirname(target), { recursive: true });
      // Write then rename, so a crash never leaves a half-written file under a valid name.
      const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, target);
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
}

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Uploaded originals live outside the database, under DATA_DIR/files, named by their SHA-256:
 * the same file is stored once, and a stored file can be checked against its name at any time.
 */
export class FileStore {
  constructor(private readonly root: string) {}

  private pathOf(sha: string): string {
    return path.join(this.root, sha.slice(0, 2), sha);
  }

  save(bytes: Uint8Array): string {
    const sha = sha256Hex(bytes);
    const target = this.pathOf(sha);
    if (!existsSync(target)) {
      mkdirSync(path.dirname(target), { recursive: true });
      // Write then rename, so a crash never leaves a half-written file under a valid name.
      const tmp = `${target}.${process.pid}.tmp`;
      writeFileSync(tmp, bytes);
      renameSync(tmp, target);
    }
    return sha;
  }

  read(sha: string): Buffer {
    return readFileSync(this.pathOf(sha));
  }
}

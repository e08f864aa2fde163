import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../context';
import { DatabaseFileStore } from './database-file-store';
import { sha256Hex } from './file-store';

export interface CopyResult {
  copied: number;
  alreadyThere: number;
  /** Files whose content no longer matches their SHA-256 name: left on disk, not copied. */
  damaged: string[];
}

/**
 * Copies every file under DATA_DIR/files into the database (`planwatch files copy-to-database`), for a
 * SQLite or single-machine installation moving to FILE_STORAGE=database: afterwards any process serves
 * them. The disk copies are left in place; running it again copies nothing new.
 */
export async function copyDiskFilesToDatabase(ctx: AppContext): Promise<CopyResult> {
  const root = path.join(ctx.config.dataDir, 'files');
  const store = new DatabaseFileStore(ctx.db);
  const result: CopyResult = { copied: 0, alreadyThere: 0, damaged: [] };
  let folders: string[];
  try {
    folders = await readdir(root);
  } catch {
    return result; // no folder: nothing was ever stored on disk
  }
  for (const folder of folders.filter((f) => /^[0-9a-f]{2}$/.test(f)).sort()) {
    for (const name of (await readdir(path.join(root, folder))).sort()) {
      if (!/^[0-9a-f]{64}$/.test(name) || !name.startsWith(folder)) continue; // e.g. *.tmp of a crash
      if (await store.exists(name)) {
        result.alreadyThere += 1;
        continue;
      }
      const bytes = await readFile(path.join(root, folder, name));
      if (sha256Hex(bytes) !== name) {
        result.damaged.push(path.join(folder, name));
        continue;
      }
      await store.put(bytes);
      result.copied += 1;
    }
  }
  return result;
}

import { existsSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import * as tar from 'tar';
import { SQLITE_BUSY_TIMEOUT_MS } from '../db/connect';
import { DiskFileStore, storedFilePath } from '../files/file-store';
import { APP_VERSION } from '../version';
import {
  BACKUP_FORMAT,
  type BackupManifest,
  DB_FILE,
  MANIFEST_FILE,
  sha256OfFile,
  tableRowCounts,
} from './manifest';

export class BackupError extends Error {}

export interface BackupSummary {
  out: string;
  tables: number;
  rows: number;
  files: number;
  bytes: number;
}

/**
 * The stored files a backup carries, as paths relative to the data folder. The one place that knows
 * where files live, so another store (e.g. files kept in the database) only changes this function.
 */
export function listStoredFiles(dataDir: string): { sha256: string; relativePath: string }[] {
  const root = path.join(dataDir, 'files');
  return new DiskFileStore(root)
    .list()
    .map((sha256) => ({ sha256, relativePath: path.relative(dataDir, storedFilePath(root, sha256)) }));
}

/**
 * `planwatch backup --out FILE` on SQLite, safe while the server runs and writes:
 * 1. SQLite's online backup API copies the database in one step, i.e. inside one read transaction, so
 *    the copy is one consistent moment including what is still in the WAL (copying planwatch.sqlite
 *    alone loses the rows not yet checkpointed);
 * 2. then the stored files are listed and hashed — after the database, because a file is always
 *    written before the row that names it, so every file the copied rows refer to is already there;
 * 3. one uncompressed tar holds planwatch-backup.json (tables, row counts, every file's SHA-256),
 *    planwatch.sqlite and files/<ab>/<sha256>, the layout of the data folder itself. It is written
 *    beside FILE and renamed into place, so FILE is never a half-written archive.
 */
export async function createBackup(dataDir: string, out: string): Promise<BackupSummary> {
  const source = path.join(dataDir, DB_FILE);
  if (!existsSync(source))
    throw new BackupError(`Không có cơ sở dữ liệu "${DB_FILE}" trong thư mục "${dataDir}".`);
  if (existsSync(out))
    throw new BackupError(`Tệp "${out}" đã có; hãy chọn tên khác để không ghi đè bản sao lưu cũ.`);
  const outDir = path.dirname(path.resolve(out));
  if (!existsSync(outDir)) throw new BackupError(`Thư mục "${outDir}" không tồn tại.`);

  const staging = mkdtempSync(path.join(outDir, '.planwatch-backup-'));
  const partial = path.join(staging, 'archive.tar');
  try {
    const copy = path.join(staging, DB_FILE);
    const db = new SQLite(source, { fileMustExist: true });
    try {
      db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
      // All remaining pages in the next step: a backup done in several steps restarts whenever another
      // process writes in between, and may never finish under steady writes.
      await db.backup(copy, { progress: () => 0x7fffffff });
    } finally {
      db.close();
    }
    const tables = checkedCopy(copy);

    const files = listStoredFiles(dataDir);
    const manifestFiles: BackupManifest['files'] = [];
    for (const f of files) {
      const full = path.join(dataDir, f.relativePath);
      const actual = await sha256OfFile(full);
      if (actual !== f.sha256)
        throw new BackupError(`Tệp lưu trữ "${full}" đã bị hỏng (nội dung không khớp mã SHA-256 của nó).`);
      manifestFiles.push({ sha256: f.sha256, path: f.relativePath, bytes: statSync(full).size });
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      appVersion: APP_VERSION,
      createdAt: new Date().toISOString(),
      database: DB_FILE,
      tables,
      files: manifestFiles,
    };
    writeFileSync(path.join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);

    await tar.create({ file: partial, cwd: staging, portable: true }, [MANIFEST_FILE, DB_FILE]);
    // Appended straight from the data folder: no second copy of possibly many large files.
    for (let i = 0; i < files.length; i += 500) {
      await tar.replace(
        { file: partial, cwd: dataDir, portable: true },
        files.slice(i, i + 500).map((f) => f.relativePath),
      );
    }
    renameSync(partial, out);
    return {
      out,
      tables: Object.keys(tables).length,
      rows: Object.values(tables).reduce((a, b) => a + b, 0),
      files: files.length,
      bytes: statSync(out).size,
    };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** The copy is checked and turned into a single self-contained file (rollback journal, not WAL). */
function checkedCopy(file: string): Record<string, number> {
  const db = new SQLite(file, { fileMustExist: true });
  try {
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`Bản sao cơ sở dữ liệu không toàn vẹn: ${String(check)}`);
    db.pragma('journal_mode = DELETE');
    return tableRowCounts(db);
  } finally {
    db.close();
  }
}

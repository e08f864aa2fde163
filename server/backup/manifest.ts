import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type SQLite from 'better-sqlite3';

/** What a planwatch backup archive holds besides the data: read first by `planwatch restore`. */
export interface BackupManifest {
  format: number;
  appVersion: string;
  createdAt: string;
  database: string;
  /** Rows per table at the moment of the copy; restore checks the restored database against them. */
  tables: Record<string, number>;
  /** Every stored file: its SHA-256 (also its name), its path in the archive and its size. */
  files: { sha256: string; path: string; bytes: number }[];
}

export const BACKUP_FORMAT = 1;
export const MANIFEST_FILE = 'planwatch-backup.json';
export const DB_FILE = 'planwatch.sqlite';

export function sha256OfFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

export function tableRowCounts(db: SQLite.Database): Record<string, number> {
  const names = db
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const name of names) {
    counts[name] = db
      .prepare(`select count(*) from "${name.replaceAll('"', '""')}"`)
      .pluck()
      .get() as number;
  }
  return counts;
}

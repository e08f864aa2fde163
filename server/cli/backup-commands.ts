import path from 'node:path';
import { BackupError, createBackup } from '../backup/create-backup';
import { restoreBackup } from '../backup/restore-backup';
import type { Config } from '../config';
import type { Lang } from './messages';

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

const T = {
  vi: {
    noOut: 'Thiếu tệp đích. Cách dùng: planwatch backup --out TỆP.tar',
    noArchive: 'Thiếu tệp sao lưu. Cách dùng: planwatch restore TỆP.tar [--data-dir THƯ_MỤC_TRỐNG]',
    postgresBackup: (files: string) =>
      `Đang dùng PostgreSQL (DATABASE_URL): planwatch backup chỉ sao lưu SQLite. Hãy sao lưu cơ sở dữ liệu bằng pg_dump (ví dụ: pg_dump --format=custom --file planwatch.dump "$DATABASE_URL") và sao chép thư mục tệp "${files}" (xem README, mục Sao lưu).`,
    postgresRestore:
      'Đang dùng PostgreSQL (DATABASE_URL): planwatch restore chỉ khôi phục SQLite. Hãy khôi phục cơ sở dữ liệu bằng pg_restore và chép lại thư mục tệp (xem README, mục Sao lưu).',
    backedUp: (s: { out: string; tables: number; rows: number; files: number; bytes: number }) =>
      `Đã sao lưu ${s.tables} bảng (${s.rows} dòng) và ${s.files} tệp vào "${s.out}" (${mb(s.bytes)} MB).`,
    restored: (s: { dataDir: string; tables: number; rows: number; files: number; createdAt: string }) =>
      `Đã khôi phục bản sao lưu lúc ${s.createdAt}: ${s.tables} bảng (${s.rows} dòng) và ${s.files} tệp (đã kiểm tra SHA-256) vào "${s.dataDir}". Chạy "planwatch serve --data-dir ${s.dataDir}" để dùng.`,
    failed: 'Lỗi:',
  },
  en: {
    noOut: 'Missing target file. Usage: planwatch backup --out FILE.tar',
    noArchive: 'Missing backup file. Usage: planwatch restore FILE.tar [--data-dir EMPTY_DIR]',
    postgresBackup: (files: string) =>
      `Using PostgreSQL (DATABASE_URL): planwatch backup only backs up SQLite. Back up the database with pg_dump (e.g. pg_dump --format=custom --file planwatch.dump "$DATABASE_URL") and copy the files folder "${files}" (see README, Backup).`,
    postgresRestore:
      'Using PostgreSQL (DATABASE_URL): planwatch restore only restores SQLite. Restore the database with pg_restore and copy the files folder back (see README, Backup).',
    backedUp: (s: { out: string; tables: number; rows: number; files: number; bytes: number }) =>
      `Backed up ${s.tables} tables (${s.rows} rows) and ${s.files} files to "${s.out}" (${mb(s.bytes)} MB).`,
    restored: (s: { dataDir: string; tables: number; rows: number; files: number; createdAt: string }) =>
      `Restored the backup of ${s.createdAt}: ${s.tables} tables (${s.rows} rows) and ${s.files} files (SHA-256 checked) into "${s.dataDir}". Run "planwatch serve --data-dir ${s.dataDir}" to use it.`,
    failed: 'Error:',
  },
};

/** `planwatch backup --out FILE`: the SQLite database and stored files, while the server runs. */
export async function backupCommand(config: Config, out: string | undefined, lang: Lang): Promise<number> {
  const t = T[lang];
  if (!out) {
    console.error(t.noOut);
    return 1;
  }
  if (config.databaseUrl) {
    console.error(`${t.failed} ${t.postgresBackup(path.join(config.dataDir, 'files'))}`);
    return 1;
  }
  return report(t.failed, async () => console.log(t.backedUp(await createBackup(config.dataDir, out))));
}

/** `planwatch restore FILE`: into an empty data folder, every file's SHA-256 checked. */
export async function restoreCommand(
  config: Config,
  archive: string | undefined,
  lang: Lang,
): Promise<number> {
  const t = T[lang];
  if (!archive) {
    console.error(t.noArchive);
    return 1;
  }
  if (config.databaseUrl) {
    console.error(`${t.failed} ${t.postgresRestore}`);
    return 1;
  }
  return report(t.failed, async () => console.log(t.restored(await restoreBackup(archive, config.dataDir))));
}

async function report(failed: string, run: () => Promise<void>): Promise<number> {
  try {
    await run();
    return 0;
  } catch (err) {
    if (err instanceof BackupError) {
      console.error(`${failed} ${err.message}`);
      return 1;
    }
    throw err;
  }
}

import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import * as tar from 'tar';
import { BackupError } from './create-backup';
import {
  BACKUP_FORMAT,
  type BackupManifest,
  DB_FILE,
  MANIFEST_FILE,
  sha256OfFile,
  tableRowCounts,
} from './manifest';

export interface RestoreSummary {
  dataDir: string;
  tables: number;
  rows: number;
  files: number;
  createdAt: string;
}

/** The only names an archive may hold: the manifest, the database and files/<ab>/<sha256>. */
const ALLOWED_FILE = /^(planwatch-backup\.json|planwatch\.sqlite|files\/([0-9a-f]{2})\/\2[0-9a-f]{62})$/;
const ALLOWED_DIR = /^files\/([0-9a-f]{2}\/)?$/;

/**
 * `planwatch restore FILE` into an empty (or not yet existing) data folder. Everything is unpacked
 * into a hidden folder inside it and checked — only the expected names, every file's SHA-256 against
 * its name and the manifest, the database's integrity and its row counts — before being moved into
 * place; on any failure the folder is left as empty as it was found.
 */
export async function restoreBackup(archive: string, dataDir: string): Promise<RestoreSummary> {
  if (!existsSync(archive) || !statSync(archive).isFile())
    throw new BackupError(`Không tìm thấy tệp sao lưu "${archive}".`);
  if (existsSync(dataDir)) {
    const present = readdirSync(dataDir);
    if (present.length > 0)
      throw new BackupError(
        `Thư mục dữ liệu "${dataDir}" không trống (${present.length} mục, ví dụ "${present[0]}"). Chỉ khôi phục vào thư mục trống hoặc chưa có, để không ghi đè dữ liệu đang dùng; hãy chọn thư mục khác bằng --data-dir.`,
      );
  }
  mkdirSync(dataDir, { recursive: true });
  const staging = path.join(dataDir, `.restore-${process.pid}`);
  mkdirSync(staging);
  try {
    const unexpected: string[] = [];
    await tar
      .extract({
        file: archive,
        cwd: staging,
        strict: true,
        preserveOwner: false,
        filter: (p, entry) => {
          const type = 'type' in entry ? entry.type : entry.isDirectory() ? 'Directory' : 'File';
          const ok =
            (type === 'File' && ALLOWED_FILE.test(p)) || (type === 'Directory' && ALLOWED_DIR.test(p));
          if (!ok) unexpected.push(p);
          return ok;
        },
      })
      .catch((err: unknown) => {
        throw new BackupError(
          `Tệp "${archive}" không phải tệp sao lưu planwatch đọc được (${err instanceof Error ? err.message : String(err)}).`,
        );
      });
    if (unexpected.length > 0)
      throw new BackupError(
        `Tệp sao lưu chứa mục không thuộc bản sao lưu planwatch: ${unexpected.slice(0, 5).join(', ')}.`,
      );
    const manifest = readManifest(staging);
    await verifyFiles(staging, manifest);
    const tables = verifyDatabase(path.join(staging, DB_FILE), manifest);

    renameSync(path.join(staging, DB_FILE), path.join(dataDir, DB_FILE));
    if (existsSync(path.join(staging, 'files')))
      renameSync(path.join(staging, 'files'), path.join(dataDir, 'files'));
    rmSync(staging, { recursive: true, force: true });
    return {
      dataDir,
      tables: Object.keys(tables).length,
      rows: Object.values(tables).reduce((a, b) => a + b, 0),
      files: manifest.files.length,
      createdAt: manifest.createdAt,
    };
  } catch (err) {
    // Leave the folder as we found it: empty.
    for (const name of readdirSync(dataDir))
      rmSync(path.join(dataDir, name), { recursive: true, force: true });
    throw err;
  }
}

function readManifest(staging: string): BackupManifest {
  const file = path.join(staging, MANIFEST_FILE);
  if (!existsSync(file) || !existsSync(path.join(staging, DB_FILE)))
    throw new BackupError(`Tệp sao lưu thiếu "${MANIFEST_FILE}" hoặc "${DB_FILE}".`);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as BackupManifest;
  } catch {
    throw new BackupError(`"${MANIFEST_FILE}" trong tệp sao lưu không đọc được.`);
  }
  if (
    manifest.format !== BACKUP_FORMAT ||
    !Array.isArray(manifest.files) ||
    typeof manifest.tables !== 'object'
  )
    throw new BackupError(
      `Tệp sao lưu có định dạng ${String(manifest.format)}, phiên bản planwatch này chỉ đọc định dạng ${BACKUP_FORMAT}.`,
    );
  return manifest;
}

/** Every file listed is there, unchanged (SHA-256 = name = manifest); no file is there unlisted. */
async function verifyFiles(staging: string, manifest: BackupManifest): Promise<void> {
  const listed = new Set<string>();
  for (const f of manifest.files) {
    const full = path.join(staging, f.path);
    if (!ALLOWED_FILE.test(f.path) || !f.path.endsWith(f.sha256) || !existsSync(full))
      throw new BackupError(`Tệp sao lưu thiếu tệp lưu trữ "${f.path}".`);
    const actual = await sha256OfFile(full);
    if (actual !== f.sha256)
      throw new BackupError(
        `Tệp lưu trữ "${f.path}" trong bản sao lưu đã bị thay đổi hoặc hỏng (SHA-256 là ${actual}, phải là ${f.sha256}).`,
      );
    listed.add(f.path);
  }
  const filesDir = path.join(staging, 'files');
  if (!existsSync(filesDir)) return;
  for (const sub of readdirSync(filesDir)) {
    for (const name of readdirSync(path.join(filesDir, sub))) {
      const rel = `files/${sub}/${name}`;
      if (!listed.has(rel)) throw new BackupError(`Tệp sao lưu chứa tệp "${rel}" không có trong danh sách.`);
    }
  }
}

function verifyDatabase(file: string, manifest: BackupManifest): Record<string, number> {
  let db: SQLite.Database;
  try {
    db = new SQLite(file, { fileMustExist: true });
  } catch {
    throw new BackupError(`"${DB_FILE}" trong tệp sao lưu không phải cơ sở dữ liệu SQLite.`);
  }
  try {
    let check: unknown;
    try {
      check = db.pragma('integrity_check', { simple: true });
    } catch {
      check = 'không đọc được';
    }
    if (check !== 'ok') throw new BackupError(`Cơ sở dữ liệu trong tệp sao lưu bị hỏng (${String(check)}).`);
    const counts = tableRowCounts(db);
    for (const [table, rows] of Object.entries(manifest.tables)) {
      if (counts[table] !== rows)
        throw new BackupError(
          `Bảng "${table}" trong tệp sao lưu có ${counts[table] ?? 0} dòng, danh sách ghi ${rows} dòng.`,
        );
    }
    return counts;
  } finally {
    db.close();
  }
}

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiskFileStore, storedFilePath } from '../files/file-store';
import { buildUser } from '../test/factories';
import { type Agent, startTestServer, type TestServer } from '../test/http-agent';

// These tests start planwatch processes (tsx start-up takes seconds on a busy machine).
const CHILD_PROCESS_TIMEOUT = 180_000;

const ROOT = path.resolve(import.meta.dirname, '../..');
const PLAN = readFileSync(path.join(ROOT, 'fixtures/plans/hung-yen-148-KH-UBND-2021.txt'), 'utf8');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}
const cli = (args: string[], dataDir: string): Promise<CliResult> =>
  new Promise((resolve) => {
    execFile(
      'node',
      [path.join(ROOT, 'bin/planwatch.js'), ...args],
      { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' } },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });

type Row = Record<string, unknown> & { _rowid_: number };
function readTables(file: string): Map<string, Row[]> {
  const db = new Database(file, { readonly: true });
  try {
    const all = db
      .prepare(
        "select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
      )
      .all() as { name: string; sql: string }[];
    // The search's FTS5 indexes: the virtual table reads through to its content table (compared as
    // such), and its shadow tables (_data, _idx, _config, _docsize) have no rowid; comparing the index's
    // words through MATCH is what the search tests do.
    const virtual = new Set(all.filter((t) => /^create virtual table/i.test(t.sql)).map((t) => t.name));
    const names = all
      .map((t) => t.name)
      .filter((n) => !virtual.has(n) && ![...virtual].some((v) => n.startsWith(`${v}_`)));
    return new Map(
      names.map((n) => [
        n,
        db.prepare(`select rowid as _rowid_, * from "${n}" order by rowid`).all() as Row[],
      ]),
    );
  } finally {
    db.close();
  }
}

describe('planwatch backup and restore (SQLite, while the server writes)', () => {
  let s: TestServer;
  let agent: Agent;
  let work: string;
  let archive: string;
  let uploads = 0;
  const upload = () => {
    const n = uploads++;
    return agent.upload('/api/plan-imports', `ke-hoach-${n}.txt`, Buffer.from(`${PLAN}\nDẤU-${n}-HẾT\n`));
  };

  beforeAll(async () => {
    s = await startTestServer('sqlite');
    agent = await s.loginAs(await buildUser(s.ctx, { role: 'coordinator' }));
    work = mkdtempSync(path.join(tmpdir(), 'planwatch-backup-'));
    archive = path.join(work, 'sao-luu.tar');
  });
  afterAll(async () => {
    await s?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it(
    'backs up under writes and restores every table row and every file exactly',
    async () => {
      const dataDir = s.ctx.config.dataDir;
      for (let i = 0; i < 5; i++) expect((await upload()).status).toBe(200);
      const filesBefore = new DiskFileStore(path.join(dataDir, 'files')).list();

      let backupDone = false;
      const backup = cli(['backup', '--out', archive], dataDir).finally(() => {
        backupDone = true;
      });
      let duringBackup = 0;
      while (!backupDone) {
        expect((await upload()).status).toBe(200);
        duringBackup++;
      }
      const b = await backup;
      expect(b.stderr).toBe('');
      expect(b.code).toBe(0);
      expect(b.stdout).toMatch(/^Đã sao lưu \d+ bảng \(\d+ dòng\) và \d+ tệp vào /);
      expect(duringBackup).toBeGreaterThan(0);
      for (let i = 0; i < 3; i++) expect((await upload()).status).toBe(200);

      const restoredDir = path.join(work, 'khoi-phuc');
      const r = await cli(['restore', archive, '--data-dir', restoredDir], dataDir);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('đã kiểm tra SHA-256');

      // Every table: each restored row is the source's row with that rowid, and the restore is one
      // moment of the source — the rows it lacks all came after every row it has (no holes).
      const source = readTables(path.join(dataDir, 'planwatch.sqlite'));
      const restored = readTables(path.join(restoredDir, 'planwatch.sqlite'));
      expect([...restored.keys()]).toEqual([...source.keys()]);
      for (const [table, rows] of restored) {
        const byId = new Map(source.get(table)!.map((row) => [row._rowid_, row]));
        // Version counters (`audit_version`, …) are one row bumped in place by every write: the restore
        // holds an earlier moment, so its count is at most the source's, with the same row otherwise.
        const counter = /_versions?$/.test(table);
        for (const row of rows) {
          const src = byId.get(row._rowid_);
          if (!counter) expect(src, `${table} ${row._rowid_}`).toEqual(row);
          else {
            expect({ ...src, version: 0 }, `${table} ${row._rowid_}`).toEqual({ ...row, version: 0 });
            expect(Number(row.version), `${table} ${row._rowid_}`).toBeLessThanOrEqual(Number(src?.version));
          }
        }
        const last = rows.at(-1)?._rowid_ ?? 0;
        const missing = source.get(table)!.filter((row) => !rows.some((x) => x._rowid_ === row._rowid_));
        for (const row of missing) expect(row._rowid_, `${table} lacks an earlier row`).toBeGreaterThan(last);
      }
      const documents = restored.get('documents')!;
      expect(documents.length).toBeGreaterThanOrEqual(5);
      expect(documents.length).toBeLessThan(source.get('documents')!.length);

      // Every file: same bytes as the source, named by its hash; all files from before the backup are
      // there, and so is every file a restored row refers to.
      const restoredFiles = new DiskFileStore(path.join(restoredDir, 'files')).list();
      for (const sha of restoredFiles) {
        const bytes = readFileSync(storedFilePath(path.join(restoredDir, 'files'), sha));
        expect(sha256(bytes)).toBe(sha);
        expect(bytes.equals(readFileSync(storedFilePath(path.join(dataDir, 'files'), sha)))).toBe(true);
      }
      expect(restoredFiles).toEqual(expect.arrayContaining(filesBefore));
      expect(restoredFiles).toEqual(expect.arrayContaining(documents.map((d) => d.sha256 as string)));
      expect(readdirSync(restoredDir).sort()).toEqual(['files', 'planwatch.sqlite']);
    },
    CHILD_PROCESS_TIMEOUT,
  );

  it(
    'refuses to restore into a data folder that is not empty, and changes nothing there',
    async () => {
      const dataDir = s.ctx.config.dataDir;
      const before = readdirSync(dataDir).sort();
      const r = await cli(['restore', archive], dataDir);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`Thư mục dữ liệu "${dataDir}" không trống`);
      expect(readdirSync(dataDir).sort()).toEqual(before);
    },
    CHILD_PROCESS_TIMEOUT,
  );

  it(
    'refuses an archive whose stored file was altered, naming it, and leaves the folder empty',
    async () => {
      const bytes = readFileSync(archive);
      // The stored files come last in the archive; change one character of the third upload.
      const at = bytes.lastIndexOf(Buffer.from('DẤU-2-HẾT'));
      expect(at).toBeGreaterThan(0);
      bytes[at + 'DẤU-'.length] = '9'.charCodeAt(0);
      const tampered = path.join(work, 'sua-doi.tar');
      writeFileSync(tampered, bytes);
      const target = path.join(work, 'khoi-phuc-2');
      const r = await cli(['restore', tampered, '--data-dir', target], s.ctx.config.dataDir);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /Tệp lưu trữ "files\/[0-9a-f]{2}\/[0-9a-f]{64}" trong bản sao lưu đã bị thay đổi hoặc hỏng/,
      );
      expect(existsSync(target) ? readdirSync(target) : []).toEqual([]);
    },
    CHILD_PROCESS_TIMEOUT,
  );

  it(
    'points PostgreSQL users to pg_dump and the files folder',
    async () => {
      const r = await new Promise<CliResult>((resolve) =>
        execFile(
          'node',
          [path.join(ROOT, 'bin/planwatch.js'), 'backup', '--out', path.join(work, 'pg.tar')],
          { env: { ...process.env, DATA_DIR: work, DATABASE_URL: 'postgres://127.0.0.1:1/khong-dung' } },
          (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
        ),
      );
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('pg_dump');
      expect(r.stderr).toContain(`"${path.join(work, 'files')}"`);
    },
    CHILD_PROCESS_TIMEOUT,
  );
});

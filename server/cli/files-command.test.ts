import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const SAMPLE = path.join(ROOT, 'fixtures/plans/hung-yen-148-KH-UBND-2021.txt');
const dir = mkdtempSync(path.join(tmpdir(), 'planwatch-files-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('planwatch files copy-to-database copies the stored originals into the database', {
  timeout: 120_000,
}, async () => {
  const env = { ...process.env, DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '', LOG_LEVEL: 'silent' };
  const cli = (args: string[]) =>
    run('node', [path.join(ROOT, 'bin/planwatch.js'), ...args], { env, cwd: dir });
  await cli(['import', SAMPLE]); // SQLite: the original goes to DATA_DIR/files
  const copied = await cli(['files', 'copy-to-database']);
  expect(copied.stdout).toContain('Đã chép 1 tệp vào cơ sở dữ liệu (0 tệp đã có sẵn).');
  const db = new Database(path.join(dir, 'data', 'planwatch.sqlite'), { readonly: true });
  try {
    const rows = db.prepare('select sha256, size from stored_files').all() as {
      sha256: string;
      size: number;
    }[];
    const doc = db.prepare('select sha256, size from documents').get() as { sha256: string; size: number };
    expect(rows).toEqual([doc]);
  } finally {
    db.close();
  }
  expect((await cli(['files', 'copy-to-database', '--lang', 'en'])).stdout).toContain(
    'Copied 0 file(s) into the database (1 already there).',
  );
});

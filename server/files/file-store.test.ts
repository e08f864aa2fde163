import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig, parseFileStorage } from '../config';
import { openTestContext, type TestContext } from '../test/databases';
import { describeEachDatabase } from '../test/describe-each-database';
import { copyDiskFilesToDatabase } from './copy-to-database';
import { DatabaseFileStore } from './database-file-store';
import { DiskFileStore, type FileStore, sha256Hex } from './file-store';
import { fileStorageOf, fileStoreOf } from './select-file-store';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describeEachDatabase('file stores', (dialect) => {
  let t: TestContext;
  let dir: string;
  beforeAll(async () => {
    t = await openTestContext(dialect);
    dir = mkdtempSync(path.join(tmpdir(), 'planwatch-files-'));
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const backends: [string, () => FileStore][] = [
    ['disk', () => new DiskFileStore(path.join(dir, 'disk'))],
    ['database', () => new DatabaseFileStore(t.ctx.db)],
  ];
  for (const [name, make] of backends) {
    it(`${name}: stores by content once and gives the same bytes back`, async () => {
      const store = make();
      const content = bytes(`Báo cáo kết quả ${name} — nội dung thử`);
      const sha = await store.put(content);
      expect(sha).toBe(sha256Hex(content));
      expect(await store.put(content)).toBe(sha);
      expect(await store.exists(sha)).toBe(true);
      const back = await store.get(sha);
      expect(back && Buffer.compare(back, Buffer.from(content))).toBe(0);
      const missing = sha256Hex(bytes(`không có ${name}`));
      expect(await store.exists(missing)).toBe(false);
      expect(await store.get(missing)).toBeNull();
      await expect(store.get('../../etc/passwd')).rejects.toThrow('SHA-256 không hợp lệ');
    });
  }

  it('database: keeps one row per content, also when two uploads of it arrive at once', async () => {
    const store = new DatabaseFileStore(t.ctx.db);
    const content = bytes('tải lên cùng lúc');
    const shas = await Promise.all([store.put(content), store.put(content), store.put(content)]);
    expect(new Set(shas).size).toBe(1);
    const rows = await t.ctx.db
      .selectFrom('stored_files')
      .selectAll()
      .where('sha256', '=', shas[0]!)
      .execute();
    expect(rows.map((r) => r.size)).toEqual([content.byteLength]);
  });

  it('database: a file stored on disk before the switch is still served, and copied into the table', async () => {
    const disk = new DiskFileStore(path.join(dir, 'legacy'));
    const content = bytes('tệp lưu trên đĩa trước khi chuyển sang cơ sở dữ liệu');
    const sha = await disk.put(content);
    const store = new DatabaseFileStore(t.ctx.db, disk);
    expect(await store.exists(sha)).toBe(true);
    expect((await store.get(sha))?.toString('utf8')).toBe(Buffer.from(content).toString('utf8'));
    rmSync(path.join(dir, 'legacy'), { recursive: true, force: true });
    expect((await new DatabaseFileStore(t.ctx.db).get(sha))?.toString('utf8')).toBe(
      Buffer.from(content).toString('utf8'),
    );
  });

  it('copies the files of DATA_DIR/files into the database once, leaving damaged ones out', async () => {
    const disk = new DiskFileStore(path.join(t.ctx.config.dataDir, 'files'));
    const good = await disk.put(bytes('tệp tốt để chép'));
    const bad = await disk.put(bytes('tệp sẽ bị hỏng'));
    writeFileSync(path.join(t.ctx.config.dataDir, 'files', bad.slice(0, 2), bad), 'nội dung đã bị sửa');
    const first = await copyDiskFilesToDatabase(t.ctx);
    expect(first.damaged).toEqual([path.join(bad.slice(0, 2), bad)]);
    expect(first.copied).toBeGreaterThanOrEqual(1);
    const db = new DatabaseFileStore(t.ctx.db);
    expect((await db.get(good))?.toString('utf8')).toBe('tệp tốt để chép');
    expect(await db.exists(bad)).toBe(false);
    const again = await copyDiskFilesToDatabase(t.ctx);
    expect(again.copied).toBe(0);
    expect(again.alreadyThere).toBe(first.copied);
  });

  it('chooses the database on PostgreSQL and the disk on SQLite unless FILE_STORAGE says otherwise', () => {
    const saved = t.ctx.config.fileStorage;
    t.ctx.config.fileStorage = undefined;
    expect(fileStorageOf(t.ctx)).toBe(dialect === 'postgres' ? 'database' : 'disk');
    t.ctx.config.fileStorage = 'database';
    expect(fileStoreOf(t.ctx).kind).toBe('database');
    t.ctx.config.fileStorage = 'disk';
    expect(fileStoreOf(t.ctx).kind).toBe('disk');
    t.ctx.config.fileStorage = saved;
  });
});

it('FILE_STORAGE accepts disk or database and refuses anything else, in Vietnamese', () => {
  expect(loadConfig({ FILE_STORAGE: 'disk' }).fileStorage).toBe('disk');
  expect(loadConfig({ FILE_STORAGE: 'database' }).fileStorage).toBe('database');
  expect(loadConfig({}).fileStorage).toBeUndefined();
  expect(() => parseFileStorage('s3')).toThrow('FILE_STORAGE="s3" không hợp lệ');
});

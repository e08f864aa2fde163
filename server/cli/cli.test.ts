import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const SAMPLE = path.join(ROOT, 'fixtures/plans/hung-yen-148-KH-UBND-2021.txt');

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

describe('the planwatch command line', () => {
  let dir: string;
  const cli = async (args: string[]): Promise<CliResult> => {
    try {
      const r = await run('node', [path.join(ROOT, 'bin/planwatch.js'), ...args], {
        env: { ...process.env, DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '', LOG_LEVEL: 'silent' },
        cwd: dir,
      });
      return { code: 0, stdout: r.stdout, stderr: r.stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  };
  const count = (table: string) => {
    const db = new Database(path.join(dir, 'data', 'planwatch.sqlite'), { readonly: true });
    try {
      return (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    } finally {
      db.close();
    }
  };
  const planCount = () => count('plans');

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'planwatch-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints help in Vietnamese by default and in English on request', async () => {
    const vi = await cli(['--help']);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain('Cách dùng: planwatch <lệnh>');
    expect(vi.stdout).toContain('import TỆP');
    const en = await cli(['--help', '--lang', 'en']);
    expect(en.stdout).toContain('Usage: planwatch <command>');
  });

  it('import --dry-run --json prints the plan draft and saves nothing', async () => {
    const r = await cli(['import', SAMPLE, '--dry-run', '--json']);
    expect(r.code).toBe(0);
    const draft = JSON.parse(r.stdout) as {
      number: string;
      issuer: string;
      issuedOn: string;
      tasks: {
        ordinal: string;
        lead: string;
        coordinators: string[];
        deadline: { kind: string; from: string; to: string };
      }[];
      targets: unknown[];
      regime: { annualDueDay: number };
    };
    expect(draft).toMatchObject({
      number: '148/KH-UBND',
      issuedOn: '2021-09-27',
      regime: { annualDueDay: 15 },
    });
    expect(draft.tasks).toHaveLength(21);
    expect(draft.tasks[0]).toMatchObject({
      ordinal: '1',
      lead: 'Sở Công Thương',
      deadline: { kind: 'year_range', from: '2021-01-01', to: '2025-12-31' },
    });
    expect(draft.targets.length).toBeGreaterThanOrEqual(8);
  });

  it('import saves the plan, then refuses the same document a second time', async () => {
    const first = await cli(['migrate']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Đã cập nhật cơ sở dữ liệu \(sqlite\): [1-9]\d* migration mới được áp dụng/);
    expect((await cli(['migrate'])).stdout).toContain(': 0 migration mới');
    const saved = await cli(['import', SAMPLE]);
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain('Đã lưu kế hoạch 148/KH-UBND');
    expect(planCount()).toBe(1);
    expect(count('tasks')).toBe(21);
    // Unattended: names the registry lacks are kept as text, not registered as new agencies.
    expect(count('organisations')).toBe(0);
    expect(saved.stdout).toContain('được giữ nguyên văn');
    const again = await cli(['import', SAMPLE]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('đã có trong hệ thống');
    expect(planCount()).toBe(1);
  });

  it.each([
    ['empty.txt', '  \n\n', 'Tệp trống'],
    ['letter.txt', 'Kính gửi: Sở Công Thương\nĐề nghị báo cáo.\n', 'không phải là kế hoạch'],
  ])('rejects %s with a Vietnamese error, exit code 1 and nothing saved', async (name, content, message) => {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    const r = await cli(['import', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
    expect(planCount()).toBe(1);
  });

  it('rejects a file in another encoding, naming the line', async () => {
    const file = path.join(dir, 'cp1258.txt');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from('KẾ HOẠCH\nSố: 9/KH-UBND\n'),
        Buffer.from([0x48, 0x75, 0xf0, 0x6e, 0x67, 0x0a]),
      ]),
    );
    const r = await cli(['import', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('không phải mã UTF-8');
    expect(r.stderr).toContain('dòng 3');
  });

  it('reads an incomplete plan as far as it goes and warns about each missing part', async () => {
    const cut = path.join(dir, 'cut.txt');
    const text = (await import('node:fs')).readFileSync(SAMPLE, 'utf8');
    writeFileSync(cut, text.slice(0, text.indexOf('III. NHIỆM VỤ')));
    const r = await cli(['import', cut, '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Số hiệu: 148/KH-UBND');
    expect(r.stderr).toContain('Không tìm thấy bảng danh mục nhiệm vụ');
    expect(r.stderr).toContain('Không tìm thấy chế độ báo cáo');
  });

  it('user add creates an account in an agency and says so; an unknown agency is refused', async () => {
    const orgs = new Database(path.join(dir, 'data', 'planwatch.sqlite'));
    orgs
      .prepare(
        "insert into organisations (code, name, kind, search_key, created_at, updated_at) values ('STC', 'Sở Tài chính', 'so', 'stc so tai chinh', 'x', 'x')",
      )
      .run();
    orgs.close();
    const ok = await cli([
      'user',
      'add',
      '--username',
      'ketoan',
      '--name',
      'Kế Toán',
      '--role',
      'reporter',
      '--org',
      'STC',
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Đã tạo người dùng "ketoan"');
    expect(ok.stdout).toMatch(/Mật khẩu dùng một lần: \S{16}/);
    const bad = await cli([
      'user',
      'add',
      '--username',
      'x1',
      '--name',
      'X',
      '--role',
      'reporter',
      '--org',
      'KHONG_CO',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Không có cơ quan mã "KHONG_CO"');
  });

  it('communes loads a province’s commune list once: 104 units, then nothing new; a bad date is refused', async () => {
    const file = path.join(ROOT, 'fixtures/registry/hung-yen-communes-2025.csv');
    const args = ['communes', file, '--from', '2025-07-01', '--source', 'Nghị quyết 1666/NQ-UBTVQH15'];
    const first = await cli(args);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Đã thêm 104, cập nhật 0, giữ nguyên 0 đơn vị (93 xã, 11 phường).');
    const again = await cli(args);
    expect(again.stdout).toContain('Đã thêm 0, cập nhật 0, giữ nguyên 104 đơn vị');
    const units = new Database(path.join(dir, 'data', 'planwatch.sqlite'), { readonly: true });
    try {
      const rows = units
        .prepare(
          "select admin_unit_type as t, count(*) as n from organisations where kind = 'ubnd_xa' group by 1 order by 1",
        )
        .all();
      expect(rows).toEqual([
        { t: 'phuong', n: 11 },
        { t: 'xa', n: 93 },
      ]);
    } finally {
      units.close();
    }
    const bad = await cli(['communes', file, '--from', '01/07/2025', '--source', 'X']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Ngày "01/07/2025" không hợp lệ');
  });

  it('an unknown command is named, with exit code 1', async () => {
    const r = await cli(['xoa-het']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Lệnh không hợp lệ: "xoa-het"');
  });
});

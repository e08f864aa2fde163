import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../shared/domain/reporting/local-date';
import { docxParts, paragraphsOf, tablesOf } from '../modules/documents/test/docx-xml';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/planwatch.js');
/** The demo opens the current year in Vietnam. */
const THIS_YEAR = Number(localDate(new Date()).slice(0, 4));
/** The demo is started once on a port of this test's own (its data stays after it stops). */
const DEMO_PORT = process.env.CLI_REPORT_TEST_PORT ?? '4731';

describe('planwatch report', () => {
  let dir: string;
  const env = () => ({
    ...process.env,
    DATA_DIR: path.join(dir, 'data'),
    DATABASE_URL: '',
    LOG_LEVEL: 'silent',
  });
  const cli = async (args: string[]) => {
    try {
      const r = await run('node', [BIN, ...args], { env: env(), cwd: dir });
      return { code: 0, stdout: r.stdout, stderr: r.stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  };

  /** Loads the demo data the way an officer would: `planwatch demo`, stopped once it serves. */
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'planwatch-cli-report-'));
    const child: ChildProcess = spawn('node', [BIN, 'demo'], {
      env: { ...env(), PORT: DEMO_PORT },
      cwd: dir,
    });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (b: Buffer) => {
        out += b.toString();
        if (out.includes('planwatch đang chạy')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`demo exited with ${code}: ${out}`)));
    });
    child.removeAllListeners('exit');
    const stopped = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await stopped;
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the annual consolidated report of the demo plan as a Decree 30 .docx', async () => {
    const out = path.join(dir, 'bao-cao-2026.docx');
    const r = await cli([
      'report',
      '--plan',
      '148/KH-UBND',
      '--period',
      String(THIS_YEAR),
      '--format',
      'docx',
      '--out',
      out,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Đã ghi báo cáo tổng hợp vào ".*bao-cao-2026\.docx" \(\d+ byte\)\./);
    const xml = docxParts(readFileSync(out))['word/document.xml']!;
    const texts = paragraphsOf(xml).map((p) => p.text);
    expect(texts).toContain('SỞ CÔNG THƯƠNG');
    expect(texts).toContain('BÁO CÁO');
    expect(texts).toContain(`Kết quả thực hiện Kế hoạch số 148/KH-UBND năm ${THIS_YEAR}`);
    const db = new Database(path.join(dir, 'data', 'planwatch.sqlite'), { readonly: true });
    const tasks = (
      db
        .prepare(
          "select count(*) as n from tasks join plans on plans.id = tasks.plan_id where plans.number = '148/KH-UBND'",
        )
        .get() as { n: number }
    ).n;
    db.close();
    expect(tasks).toBeGreaterThan(0);
    expect(tablesOf(xml).at(-1)!).toHaveLength(1 + tasks);
  }, 120_000);

  it('writes the consolidated data of the demo plan as .xlsx, one sheet per part of the report', async () => {
    const out = path.join(dir, 'so-lieu-2026.xlsx');
    const r = await cli([
      'report',
      '--plan',
      '148/KH-UBND',
      '--period',
      String(THIS_YEAR),
      '--format',
      'xlsx',
      '--out',
      out,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Đã ghi số liệu báo cáo tổng hợp \(Excel\) vào ".*so-lieu-2026\.xlsx" \(\d+ byte\)\./,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Chỉ tiêu',
      'I. Kết quả',
      'II. Khó khăn, vướng mắc',
      'III. Nhiệm vụ năm tới',
      'IV. Kiến nghị, đề xuất',
      'Phụ lục',
    ]);
    const db = new Database(path.join(dir, 'data', 'planwatch.sqlite'), { readonly: true });
    const count = (q: string) => (db.prepare(q).get() as { n: number }).n;
    const tasks = count(
      "select count(*) as n from tasks join plans on plans.id = tasks.plan_id where plans.number = '148/KH-UBND'",
    );
    const accepted = count(
      `select count(*) as n from report_entries e join reports r on r.id = e.report_id
         join reporting_periods p on p.id = r.period_id join plans on plans.id = p.plan_id
        where plans.number = '148/KH-UBND' and p.kind = 'annual' and p.year = ${THIS_YEAR} and r.state = 'accepted'`,
    );
    db.close();
    const appendix = wb.getWorksheet('Phụ lục')!;
    // Title, period, a blank line, the header: the data starts on row 5, below the frozen header.
    expect(appendix.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(appendix.getRow(4).getCell(4).value).toBe('Nội dung nhiệm vụ');
    expect(appendix.rowCount - 4).toBe(tasks);
    expect(wb.getWorksheet('I. Kết quả')!.rowCount - 4).toBe(accepted);
    const indicators = wb.getWorksheet('Chỉ tiêu')!;
    expect(indicators.getRow(4).getCell(2).value).toBe('Chỉ tiêu');
    const figures: number[] = [];
    for (let r = 5; r <= indicators.rowCount; r++)
      indicators.getRow(r).eachCell((c) => {
        if (typeof c.value === 'number' && Number(c.col) > 4) figures.push(c.value);
      });
    expect(figures.length).toBeGreaterThan(0);
  }, 120_000);

  it('says in Vietnamese what it does not do yet, with exit code 2', async () => {
    const out = path.join(dir, 'khong-co.xlsx');
    const midterm = await cli([
      'report',
      '--plan',
      '148/KH-UBND',
      '--period',
      '2023',
      '--kind',
      'midterm',
      '--format',
      'docx',
      '--out',
      out,
    ]);
    expect(midterm.code).toBe(2);
    expect(midterm.stderr).toContain('Chưa hỗ trợ lập báo cáo sơ kết');
    const finalXlsx = await cli([
      'report',
      '--plan',
      '148/KH-UBND',
      '--period',
      '2025',
      '--kind',
      'final',
      '--format',
      'xlsx',
      '--out',
      out,
    ]);
    expect(finalXlsx.code).toBe(2);
    expect(finalXlsx.stderr).toContain('Chưa hỗ trợ lập báo cáo tổng kết dạng .xlsx');
    expect(existsSync(out)).toBe(false);
  });

  it('names what is wrong: a missing option, an unknown plan, a year without a period', async () => {
    const missing = await cli(['report', '--plan', '148/KH-UBND', '--format', 'docx', '--out', 'x.docx']);
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.stderr).toContain('Thiếu tùy chọn --period.');
    const noPlan = await cli([
      'report',
      '--plan',
      '999/KH-UBND',
      '--period',
      '2025',
      '--format',
      'docx',
      '--out',
      'x.docx',
    ]);
    expect(noPlan.code).toBe(1);
    expect(noPlan.stderr).toContain('Không có kế hoạch số "999/KH-UBND"');
    const noPeriod = await cli([
      'report',
      '--plan',
      '148/KH-UBND',
      '--period',
      '2019',
      '--format',
      'docx',
      '--out',
      'x.docx',
    ]);
    expect(noPeriod.code).toBe(1);
    expect(noPeriod.stderr).toContain('Kế hoạch số 148/KH-UBND chưa mở kỳ báo cáo năm 2019.');
    const help = await cli(['--help']);
    expect(help.stdout).toContain('--plan SỐ_KẾ_HOẠCH --period NĂM --format docx|xlsx --out TỆP');
  });
});

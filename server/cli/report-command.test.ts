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
import { openDemoReviewPeriods } from './test/open-review-periods';

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

  it("writes an agency's own report (--kind agency --agency SCT): the agency as issuer, its tasks", async () => {
    const out = path.join(dir, 'bao-cao-sct.docx');
    const r = await cli([
      'report',
      '--plan',
      '148/KH-UBND',
      '--period',
      String(THIS_YEAR),
      '--kind',
      'agency',
      '--agency',
      'SCT',
      '--format',
      'docx',
      '--out',
      out,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Đã ghi báo cáo của Sở Công Thương vào ".*bao-cao-sct\.docx" \(\d+ byte\)\./);
    const xml = docxParts(readFileSync(out))['word/document.xml']!;
    const texts = paragraphsOf(xml).map((p) => p.text);
    expect(texts).toContain('SỞ CÔNG THƯƠNG');
    expect(texts.find((t) => t.startsWith('Số:'))).toMatch(/\/BC-SCT$/);
    expect(texts).toContain(`Kết quả thực hiện Kế hoạch số 148/KH-UBND năm ${THIS_YEAR}`);
    expect(texts.filter((t) => t.startsWith('Kính gửi: '))).toHaveLength(1);
    const db = new Database(path.join(dir, 'data', 'planwatch.sqlite'), { readonly: true });
    const entries = db
      .prepare(
        `select t.content from report_entries e join reports r on r.id = e.report_id
         join organisations o on o.id = r.organisation_id join reporting_periods p on p.id = r.period_id
         join plans pl on pl.id = p.plan_id join tasks t on t.id = e.task_id
         where o.code = 'SCT' and pl.number = '148/KH-UBND' and p.kind = 'annual' and p.year = ?`,
      )
      .all(THIS_YEAR) as { content: string }[];
    db.close();
    expect(entries.length).toBeGreaterThan(0);
    const appendix = tablesOf(xml).at(-1)!;
    expect(appendix).toHaveLength(1 + entries.length);
    expect(
      appendix
        .slice(1)
        .map((row) => row[1])
        .sort(),
    ).toEqual(entries.map((e) => e.content).sort());
  }, 120_000);

  it('names an unknown agency code and an agency without a report in the period, in Vietnamese', async () => {
    const args = (code: string) => [
      'report',
      '--plan',
      '148/KH-UBND',
      '--period',
      String(THIS_YEAR),
      '--kind',
      'agency',
      '--agency',
      code,
      '--format',
      'docx',
      '--out',
      path.join(dir, 'khong-co.docx'),
    ];
    const unknown = await cli(args('KHONGCO'));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Không có cơ quan mã "KHONGCO" trong danh mục cơ quan.');
    const db = new Database(path.join(dir, 'data', 'planwatch.sqlite'), { readonly: true });
    const idle = db
      .prepare(
        `select o.code, o.name from organisations o where not exists (
           select 1 from reports r join reporting_periods p on p.id = r.period_id
           join plans pl on pl.id = p.plan_id
           where r.organisation_id = o.id and pl.number = '148/KH-UBND' and p.kind = 'annual' and p.year = ?)
         order by o.code limit 1`,
      )
      .get(THIS_YEAR) as { code: string; name: string };
    db.close();
    const none = await cli(args(idle.code));
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(
      `${idle.name} không có báo cáo trong kỳ báo cáo năm ${THIS_YEAR} của Kế hoạch số 148/KH-UBND`,
    );
    expect(existsSync(path.join(dir, 'khong-co.docx'))).toBe(false);
  });

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
      'xlsx',
      '--out',
      out,
    ]);
    expect(midterm.code).toBe(2);
    expect(midterm.stderr).toContain('Chưa hỗ trợ lập báo cáo sơ kết dạng .xlsx');
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

  it('writes the mid-term and final reviews once their periods are opened, and says when one is not', async () => {
    const review = (kind: string, year: string, out: string) =>
      cli([
        'report',
        '--plan',
        '148/KH-UBND',
        '--period',
        year,
        '--kind',
        kind,
        '--format',
        'docx',
        '--out',
        out,
      ]);
    const early = await review('midterm', '2023', path.join(dir, 'so-ket.docx'));
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('Kế hoạch số 148/KH-UBND chưa mở kỳ sơ kết năm 2023');
    // The coordinator opens the review periods the plan's regime names (sơ kết 2023, tổng kết 2025).
    await openDemoReviewPeriods(env().DATA_DIR);
    for (const [kind, year, word, first] of [
      ['midterm', '2023', 'Sơ kết', 2021],
      ['final', '2025', 'Tổng kết', 2021],
    ] as const) {
      const out = path.join(dir, `${kind}.docx`);
      const r = await review(kind, year, out);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const parts = docxParts(readFileSync(out));
      const xml = parts['word/document.xml']!;
      const texts = paragraphsOf(xml).map((p) => p.text);
      const n = Number(year) - first + 1;
      expect(texts).toContain(`${word} ${n} năm thực hiện Kế hoạch số 148/KH-UBND (${first}–${year})`);
      const indicators = tablesOf(xml).find((t) => t[0]!.includes('Mục tiêu'))!;
      expect(indicators[0]!.filter((h) => h.startsWith('Năm '))).toEqual(
        Array.from({ length: n }, (_, k) => `Năm ${first + k}`),
      );
      const years = tablesOf(xml).find((t) => t[0]![0] === 'Năm')!;
      expect(years.slice(1).map((r) => r[0])).toEqual(Array.from({ length: n }, (_, k) => String(first + k)));
      expect(Object.keys(parts).some((p) => p.startsWith('word/media/'))).toBe(true);
    }
  }, 180_000);

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

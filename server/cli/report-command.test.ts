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

  it("writes an agency's report data as .xlsx (--kind agency --format xlsx): its tasks and results", async () => {
    const out = path.join(dir, 'so-lieu-sct.xlsx');
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
      'xlsx',
      '--out',
      out,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Đã ghi số liệu báo cáo của Sở Công Thương \(Excel\) vào ".*so-lieu-sct\.xlsx" \(\d+ byte\)\./,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Nhiệm vụ và kết quả', 'Đánh giá chung']);
    const db = new Database(path.join(dir, 'data', 'planwatch.sqlite'), { readonly: true });
    const entries = db
      .prepare(
        `select t.content, e.role from report_entries e join reports r on r.id = e.report_id
         join organisations o on o.id = r.organisation_id join reporting_periods p on p.id = r.period_id
         join plans pl on pl.id = p.plan_id join tasks t on t.id = e.task_id
         where o.code = 'SCT' and pl.number = '148/KH-UBND' and p.kind = 'annual' and p.year = ?`,
      )
      .all(THIS_YEAR) as { content: string; role: string }[];
    db.close();
    expect(entries.length).toBeGreaterThan(0);
    const tasks = wb.getWorksheet('Nhiệm vụ và kết quả')!;
    expect(tasks.getRow(1).getCell(1).value).toBe(
      `Tình hình thực hiện nhiệm vụ — Sở Công Thương, Kế hoạch số 148/KH-UBND năm ${THIS_YEAR}`,
    );
    expect(tasks.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    const header = tasks.getRow(4).values as unknown[];
    expect(header.slice(1, 4)).toEqual(['STT', 'Số thứ tự trong kế hoạch', 'Nội dung nhiệm vụ']);
    expect(header).toContain('Kết quả thực hiện');
    expect(tasks.getColumn(3).width).toBe(50);
    expect(tasks.rowCount - 4).toBe(entries.length);
    const rows = Array.from({ length: entries.length }, (_, k) => tasks.getRow(5 + k));
    expect(rows.map((row) => String(row.getCell(3).value)).sort()).toEqual(
      entries.map((e) => e.content).sort(),
    );
    // Lead tasks first, as the Word report lists them.
    const roles = rows.map((row) => row.getCell(4).value);
    expect(roles.filter((x) => x === 'Chủ trì')).toHaveLength(
      entries.filter((e) => e.role === 'lead').length,
    );
    expect(roles).toEqual([...roles].sort((a, b) => Number(a !== 'Chủ trì') - Number(b !== 'Chủ trì')));
    const overall = wb.getWorksheet('Đánh giá chung')!;
    expect(overall.rowCount - 4).toBe(3);
    expect(overall.getRow(5).getCell(1).value).toBe('Tóm tắt kết quả');
  }, 120_000);

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

  it('writes the mid-term and final review data as .xlsx, one sheet per part, figures equal to the data', async () => {
    // The review periods were opened by the test above (sơ kết 2023, tổng kết 2025).
    const db = new Database(path.join(dir, 'data', 'planwatch.sqlite'), { readonly: true });
    const count = (q: string, ...args: unknown[]) => (db.prepare(q).get(...args) as { n: number }).n;
    const tasks = count(
      "select count(*) as n from tasks join plans on plans.id = tasks.plan_id where plans.number = '148/KH-UBND'",
    );
    const acceptedIn = (from: number, to: number) =>
      count(
        `select count(*) as n from report_entries e join reports r on r.id = e.report_id
           join reporting_periods p on p.id = r.period_id join plans on plans.id = p.plan_id
          where plans.number = '148/KH-UBND' and r.state = 'accepted' and p.year between ? and ?`,
        from,
        to,
      );
    try {
      for (const [kind, year, word, evaluation] of [
        ['midterm', 2023, 'sơ kết', 'Đánh giá giữa kỳ'],
        ['final', 2025, 'tổng kết', 'Đánh giá cuối kỳ'],
      ] as const) {
        const first = 2021;
        const n = year - first + 1;
        const out = path.join(dir, `${kind}.xlsx`);
        const r = await cli([
          'report',
          '--plan',
          '148/KH-UBND',
          '--period',
          String(year),
          '--kind',
          kind,
          '--format',
          'xlsx',
          '--out',
          out,
        ]);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(r.stdout).toMatch(
          new RegExp(`^Đã ghi số liệu báo cáo ${word} \\(Excel\\) vào ".*${kind}\\.xlsx"`),
        );
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
        expect(wb.worksheets.map((w) => w.name)).toEqual([
          'Chỉ tiêu',
          'Nhiệm vụ qua từng năm',
          'Kết quả qua các năm',
          'Phụ lục',
        ]);
        for (const w of wb.worksheets) expect(w.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
        const indicators = wb.getWorksheet('Chỉ tiêu')!;
        expect(String(indicators.getRow(1).getCell(1).value)).toBe(
          `Kết quả thực hiện các chỉ tiêu — Kế hoạch số 148/KH-UBND giai đoạn ${first}–${year}`,
        );
        const head = (indicators.getRow(4).values as unknown[]).slice(1);
        expect(head.filter((h) => String(h).startsWith('Năm '))).toEqual(
          Array.from({ length: n }, (_, k) => `Năm ${first + k}`),
        );
        expect(head).toContain(evaluation);
        expect(indicators.rowCount).toBeGreaterThan(4);
        // Every target row has its evaluation in words.
        for (let row = 5; row <= indicators.rowCount; row++)
          expect(String(indicators.getRow(row).getCell(5 + n).value ?? '')).not.toBe('');

        const years = wb.getWorksheet('Nhiệm vụ qua từng năm')!;
        expect((years.getRow(4).values as unknown[]).slice(1, 4)).toEqual([
          'Năm',
          'Nhiệm vụ đến hạn',
          'Hoàn thành đúng hạn',
        ]);
        expect(years.rowCount - 4).toBe(n);
        for (let k = 0; k < n; k++) {
          const row = years.getRow(5 + k).values as unknown[];
          expect(row[1]).toBe(String(first + k));
          // The status counts of a year cover every task of the plan, each once.
          const counts = row.slice(3, 9) as number[];
          expect(counts.reduce((a, b) => a + b, 0)).toBe(tasks);
          expect(row[2] as number).toBeLessThanOrEqual(tasks);
        }

        expect(wb.getWorksheet('Kết quả qua các năm')!.rowCount - 4).toBe(acceptedIn(first, year));
        const appendix = wb.getWorksheet('Phụ lục')!;
        expect(appendix.getRow(4).getCell(9).value).toBe(`Tình trạng đến năm ${year}`);
        expect(appendix.rowCount - 4).toBe(tasks);
        expect(appendix.getColumn(4).width).toBe(56);
      }
    } finally {
      db.close();
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

import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodSchema, reportDetailSchema, reportListResponseSchema } from '../../shared/contracts/reporting';
import { daysFromToday, reportingFixture, THIS_YEAR } from '../modules/reporting/test-fixture';
import { expectBody } from '../test/expect-body';
import { startTestServer, type TestServer } from '../test/http-agent';

// These tests start planwatch processes (tsx start-up takes seconds on a busy machine).
const CHILD_PROCESS_TIMEOUT = 180_000;

const ROOT = path.resolve(import.meta.dirname, '../..');
const SAMPLE = path.join(ROOT, 'fixtures/plans/hung-yen-148-KH-UBND-2021.txt');

/** `planwatch import FILE` against the server's own data folder, as an operator would run it. */
function cliImport(dataDir: string, file: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('node', [path.join(ROOT, 'bin/planwatch.js'), 'import', file], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code: code ?? -1, output }));
  });
}

// SQLite only: PostgreSQL's row locks make writers wait by design; the fault was SQLite's deferred BEGIN.
describe('SQLite with the server and the command line writing at once', () => {
  let s: TestServer;
  let reportId: number;
  let version: number;
  let stc: Awaited<ReturnType<TestServer['loginAs']>>;

  beforeAll(async () => {
    s = await startTestServer('sqlite');
    const f = await reportingFixture(s);
    const coordinator = await s.loginAs(f.users.coordinator);
    const period = await coordinator.post(`/api/plans/${f.planId}/reporting-periods`, {
      kind: 'annual',
      year: THIS_YEAR,
      dueOn: daysFromToday(20),
    });
    expect(period.status).toBe(201);
    stc = await s.loginAs(f.users.stcReporter);
    const list = await stc.get(`/api/reports?periodId=${expectBody(period, periodSchema).id}`);
    reportId = expectBody(list, reportListResponseSchema).items[0]!.id;
    version = expectBody(await stc.get(`/api/reports/${reportId}`), reportDetailSchema).version;
  });
  afterAll(async () => s?.close());

  it(
    'makes writers wait their turn: no "database is locked", every save and every import succeeds',
    async () => {
      const dataDir = s.ctx.config.dataDir;
      const text = readFileSync(SAMPLE, 'utf8');
      // Distinct plan numbers, so the imports are new plans rather than refused duplicates.
      const files = [1, 2].map((i) => {
        const file = path.join(dataDir, `plan-${i}.txt`);
        writeFileSync(file, text.replaceAll('148/KH-UBND', `${9000 + i}/KH-UBND`));
        return file;
      });
      const plansBefore = await s.ctx.db
        .selectFrom('plans')
        .select(s.ctx.db.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();

      let importsDone = false;
      const imports = Promise.all(files.map((f) => cliImport(dataDir, f))).finally(() => {
        importsDone = true;
      });
      const failures: string[] = [];
      let saves = 0;
      // Save the report again and again (read the version, write the entries) for as long as the imports
      // run, and a few times more so there is overlap even on a fast machine.
      while (!importsDone || saves < 20) {
        const res = await stc.patch(`/api/reports/${reportId}`, {
          version,
          summary: `<p>Lần lưu ${saves}</p>`,
        });
        if (res.status === 200) version = expectBody(res, reportDetailSchema).version;
        else failures.push(`${res.status} ${JSON.stringify(res.body)}`);
        saves++;
      }
      const results = await imports;

      expect(failures).toEqual([]);
      for (const r of results) {
        expect(r.output).not.toMatch(/locked|bận/i);
        expect(r.code).toBe(0);
      }
      const plansAfter = await s.ctx.db
        .selectFrom('plans')
        .select(s.ctx.db.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(plansAfter.n)).toBe(Number(plansBefore.n) + 2);
      expect(saves).toBeGreaterThanOrEqual(20);
    },
    CHILD_PROCESS_TIMEOUT,
  );
});

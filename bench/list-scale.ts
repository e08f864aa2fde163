/**
 * Lists at scale (issue 10): 300 plans of 560 tasks (168,000 tasks, ~336,000 task-agency links), an
 * annual period per plan and year with its reports and entries, then VACUUM ANALYZE (PostgreSQL) /
 * ANALYZE (SQLite). Times the lists through the real HTTP stack and prints the query plans of a
 * plan's task facets and agency-filtered task list, with the indexes of migration
 * 20261201T0440_list_counts dropped ("before") and in place ("after").
 *
 * Run: LOG_LEVEL=silent node --import tsx bench/list-scale.ts            (SQLite)
 *      TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test … (SQLite and PostgreSQL)
 * Options: PLANS=300 TASKS=560 YEARS=3 ONLY=postgres
 */
import { readFileSync } from 'node:fs';
import { type Kysely, type KyselyPlugin, sql } from 'kysely';
import { buildApp } from '../server/app';
import { systemContext } from '../server/context';
import type { Database } from '../server/db/schema';
import type { AuthUser } from '../server/http/auth-state';
import { confirmImport } from '../server/modules/plan-import/confirm-import';
import { createImport } from '../server/modules/plan-import/import-service';
import { generateReports } from '../server/modules/reporting/report-generation';
import { listReports } from '../server/modules/reporting/report-service';
import { SAMPLE_ORGANISATIONS } from '../server/seed/sample/hung-yen-organisations';
import { seedOrganisations } from '../server/seed/seed-organisations';
import { openTestContext, TEST_DIALECTS } from '../server/test/databases';
import { buildUser } from '../server/test/factories';
import { Agent } from '../server/test/http-agent';
import { type Timing, time } from './stats';
import { syntheticPlan } from './synthetic-plan';

const PLANS = Number(process.env.PLANS ?? 300);
const TASKS = Number(process.env.TASKS ?? 560);
const YEARS = Number(process.env.YEARS ?? 1);
const sample = readFileSync(
  new URL('../fixtures/plans/hung-yen-148-KH-UBND-2021.txt', import.meta.url),
  'utf8',
);

/** Migration 20261201T0440_list_counts's indexes, dropped for the "before" figures. */
const NEW_INDEXES = [
  ['reports_state_period_idx', 'reports', ['state', 'period_id']],
  ['reports_org_state_period_idx', 'reports', ['organisation_id', 'state', 'period_id']],
  ['reporting_periods_due_idx', 'reporting_periods', ['due_on', 'id']],
  ['plans_issued_idx', 'plans', ['issued_on', 'id']],
  ['task_agencies_task_role_org_idx', 'task_agencies', ['task_id', 'role', 'organisation_id']],
  ['task_agencies_org_task_idx', 'task_agencies', ['organisation_id', 'task_id']],
] as const;

const count = async (db: Kysely<Database>, table: 'tasks' | 'task_agencies' | 'reports' | 'report_entries') =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** One plan imported for real, copied by SQL into the others (importing 300 would take most of an hour). */
async function buildWorld(db: Kysely<Database>, template: number) {
  const now = new Date().toISOString();
  // The synthetic table names "all departments and districts" as co-operating on every task; real
  // plans name one or two agencies on most rows. Keep the group on one task in eight, so a period has
  // about 4,500 entries per plan and 300 plans about 1.3 million (the issue's 1.1 million).
  const stc = (
    await db.selectFrom('organisations').select('id').where('code', '=', 'STC').executeTakeFirstOrThrow()
  ).id;
  await sql`UPDATE task_agencies SET group_key = NULL, organisation_id = ${stc}, agency_text = 'Sở Tài chính'
    WHERE role = 'coordinator' AND task_id IN (SELECT id FROM tasks WHERE plan_id = ${template} AND position % 8 <> 0)`.execute(
    db,
  );
  for (let n = 2; n <= PLANS; n++) {
    const plan = await sql<{ id: number }>`
      INSERT INTO plans (number, issuer, place, issued_on, title, basis_json, sections_json, regime_json,
        consolidator_org_id, document_id, import_id, search_key, created_by, created_at, kind, task_count)
      SELECT ${`${1000 + n}/KH-UBND`}, issuer, place, issued_on, title, basis_json, sections_json, regime_json,
        consolidator_org_id, NULL, NULL, search_key, created_by, created_at, kind, task_count
      FROM plans WHERE id = ${template} RETURNING id`.execute(db);
    const id = plan.rows[0]!.id;
    await sql`
      INSERT INTO tasks (plan_id, position, ordinal, group_label, content, product, deadline_kind,
        deadline_from, deadline_to, deadline_text, search_key, extra_json)
      SELECT ${id}, position, ordinal, group_label, content, product, deadline_kind,
        deadline_from, deadline_to, deadline_text, search_key, extra_json
      FROM tasks WHERE plan_id = ${template}`.execute(db);
    await sql`
      INSERT INTO task_agencies (task_id, role, position, agency_text, organisation_id, group_key)
      SELECT nt.id, ta.role, ta.position, ta.agency_text, ta.organisation_id, ta.group_key
      FROM task_agencies ta
      JOIN tasks ot ON ot.id = ta.task_id
      JOIN tasks nt ON nt.plan_id = ${id} AND nt.position = ot.position
      WHERE ot.plan_id = ${template}`.execute(db);
  }
  // Reports: each plan has an annual period per year, with the reports and entries the generator makes.
  const plans = await db.selectFrom('plans').select('id').orderBy('id').execute();
  for (const [i, p] of plans.entries()) {
    for (let y = 0; y < YEARS; y++) {
      const year = 2023 + y;
      const period = await db
        .insertInto('reporting_periods')
        .values({
          plan_id: p.id,
          kind: 'annual',
          year,
          title: `Báo cáo kết quả thực hiện năm ${year}`,
          due_on: `${year}-12-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`,
          state: year === 2023 + YEARS - 1 ? 'open' : 'closed',
          opened_at: now,
          extensions_json: '[]',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await generateReports(db, { id: period.id, plan_id: p.id, year, due_on: `${year}-12-15` }, now);
    }
  }
  // A spread of states and sent versions, as a province's inbox has them.
  await sql`UPDATE reports SET state = CASE id % 5 WHEN 0 THEN 'submitted' WHEN 1 THEN 'accepted'
    WHEN 2 THEN 'returned' ELSE 'draft' END`.execute(db);
}

async function explain(db: Kysely<Database>, dialect: string, query: string): Promise<string> {
  if (dialect === 'postgres') {
    const r = await sql
      .raw<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, COSTS OFF, BUFFERS OFF) ${query}`)
      .execute(db);
    return r.rows.map((x) => x['QUERY PLAN']).join('\n');
  }
  const r = await sql.raw<{ detail: string }>(`EXPLAIN QUERY PLAN ${query}`).execute(db);
  return r.rows.map((x) => x.detail).join('\n');
}

async function run(dialect: 'sqlite' | 'postgres') {
  const t = await openTestContext(dialect);
  const ctx = t.ctx;
  const db = ctx.db;
  await seedOrganisations(ctx, SAMPLE_ORGANISATIONS);
  const text = syntheticPlan(sample, TASKS);
  const imp = await createImport(systemContext(ctx), { filename: 'p1.txt', bytes: Buffer.from(text) });
  const template = await confirmImport(systemContext(ctx), imp.id);
  const t0 = Date.now();
  await buildWorld(db, template);
  const sizes = {
    tasks: await count(db, 'tasks'),
    links: await count(db, 'task_agencies'),
    reports: await count(db, 'reports'),
    entries: await count(db, 'report_entries'),
    builtInS: Math.round((Date.now() - t0) / 1000),
  };
  console.error(dialect, sizes);
  const analyse = async () => {
    if (dialect === 'postgres') await sql`VACUUM ANALYZE`.execute(db);
    else await sql`ANALYZE`.execute(db);
  };

  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  const user = await buildUser(ctx, { role: 'coordinator' });
  const agent = new Agent(app);
  await agent.login(user.username, user.password);
  const get = (url: string) => async () => {
    const r = await agent.get(url);
    if (r.status !== 200) throw new Error(`${url}: ${r.status}`);
  };
  const sct = (
    await db.selectFrom('organisations').select('id').where('code', '=', 'SCT').executeTakeFirstOrThrow()
  ).id;
  const planId = Math.floor(PLANS / 2) + template - 1;
  const facetsSql = `SELECT DISTINCT o.id, o.name FROM task_agencies ta JOIN tasks t ON t.id = ta.task_id JOIN organisations o ON o.id = ta.organisation_id WHERE t.plan_id = ${planId} ORDER BY o.name`;
  const byAgencySql = `SELECT count(*) FROM tasks WHERE tasks.plan_id = ${planId} AND EXISTS (SELECT ta.id FROM task_agencies ta WHERE ta.task_id = tasks.id AND ta.role = 'lead' AND ta.organisation_id = ${sct})`;

  const stc = (
    await db.selectFrom('organisations').select('id').where('code', '=', 'STC').executeTakeFirstOrThrow()
  ).id;
  const viaGroupSql = `SELECT count(*) FROM tasks WHERE tasks.plan_id = ${planId} AND EXISTS (SELECT ta.id FROM task_agencies ta WHERE ta.task_id = tasks.id AND ta.role = 'coordinator' AND (ta.organisation_id = ${stc} OR ta.group_key IN ('so_ban_nganh')))`;
  const agencyWithMost = await db
    .selectFrom('reports')
    .select(['organisation_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('organisation_id')
    .orderBy('n', 'desc')
    .executeTakeFirstOrThrow();
  const busiest = agencyWithMost.organisation_id;
  const counts = (precomputed: boolean) =>
    precomputed
      ? 'r.lead_count, r.support_count, r.version_count'
      : `(SELECT count(*) FROM report_entries e WHERE e.report_id = r.id AND e.role = 'lead') AS lc,
         (SELECT count(*) FROM report_entries e WHERE e.report_id = r.id AND e.role = 'support') AS sc,
         (SELECT count(*) FROM report_versions v WHERE v.report_id = r.id) AS vc`;
  const reportsFrom = `FROM reports r JOIN reporting_periods p ON p.id = r.period_id
    JOIN organisations o ON o.id = r.organisation_id JOIN plans pl ON pl.id = p.plan_id`;
  // The inbox (submitted, latest due first) and "my work" as they were (every row counted, "my work"
  // fetched 200 rows and sorted them in the browser) and as they are (columns, one page, sorted here).
  const queries = (after: boolean): [string, string][] => [
    ['task facets: agencies of a plan', facetsSql],
    ['tasks led by one agency', byAgencySql],
    ['tasks supported by an agency or its group', viaGroupSql],
    [
      'inbox page 1 (submitted)',
      `SELECT r.*, p.title, o.name, pl.number, ${counts(after)} ${reportsFrom}
       WHERE r.state = 'submitted' ORDER BY p.due_on DESC, o.name, r.id LIMIT 20`,
    ],
    [
      after ? 'my work page 1 (10 rows, returned first)' : 'my work (200 rows)',
      after
        ? `SELECT r.*, p.title, o.name, pl.number, ${counts(true)} ${reportsFrom} WHERE r.organisation_id = ${busiest}
           ORDER BY CASE r.state WHEN 'returned' THEN 0 WHEN 'draft' THEN 1 WHEN 'submitted' THEN 2 ELSE 3 END,
             CASE p.state WHEN 'open' THEN 0 ELSE 1 END, p.due_on, r.id LIMIT 10`
        : `SELECT r.*, p.title, o.name, ${counts(false)} ${reportsFrom} WHERE r.organisation_id = ${busiest}
           ORDER BY p.due_on DESC, o.name, r.id LIMIT 200`,
    ],
    [
      after ? 'plan list page 1 (20)' : 'plan list (all, tasks counted)',
      after
        ? 'SELECT id, task_count, (SELECT count(*) FROM plan_targets WHERE plan_targets.plan_id = plans.id) AS m FROM plans ORDER BY issued_on DESC, id DESC LIMIT 20'
        : `SELECT id, (SELECT count(*) FROM tasks WHERE tasks.plan_id = plans.id) AS n,
             (SELECT count(*) FROM plan_targets WHERE plan_targets.plan_id = plans.id) AS m
           FROM plans ORDER BY issued_on DESC, id DESC`,
    ],
  ];

  const plans: Record<string, string> = {};
  const timings: Timing[] = [];
  const I = 30;
  const measure = async (after: boolean) => {
    const label = after ? 'after' : 'before';
    for (const [name, q] of queries(after)) {
      plans[`${name}, ${label}`] = await explain(db, dialect, q);
      timings.push(await time(`${name} — ${label}`, I, () => sql.raw(q).execute(db)));
    }
  };
  // Before: none of migration 20261201T0440's indexes, statistics fresh.
  for (const [name] of NEW_INDEXES) await db.schema.dropIndex(name).ifExists().execute();
  await analyse();
  await measure(false);
  for (const [name, table, columns] of NEW_INDEXES)
    await db.schema
      .createIndex(name)
      .on(table)
      .columns([...columns])
      .execute();
  await analyse();
  await measure(true);
  // The statements GET /api/reports itself runs (captured from the service), explained.
  const captured: { sql: string; parameters: readonly unknown[] }[] = [];
  const capture: KyselyPlugin = {
    transformQuery: (args) => {
      captured.push(db.getExecutor().compileQuery(args.node, args.queryId));
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  const reader: AuthUser = {
    id: 0,
    username: 'bench',
    fullName: 'bench',
    role: 'coordinator',
    organisationId: sct,
    organisationName: '',
    mustChangePassword: false,
  };
  const listed = { page: 1, pageSize: 20, sort: 'due' as const, state: 'submitted' as const };
  await listReports({ ...ctx, db: db.withPlugin(capture) }, reader, listed);
  await listReports({ ...ctx, db: db.withPlugin(capture) }, reader, {
    ...listed,
    state: undefined,
    organisationId: busiest,
    sort: 'work',
    pageSize: 10,
  });
  for (const [i, q] of captured.entries()) {
    const inline = q.sql.replace(/\$(\d+)|\?/g, (_m, n: string | undefined) => {
      const v = q.parameters[n ? Number(n) - 1 : 0];
      return typeof v === 'number' ? String(v) : `'${String(v)}'`;
    });
    // SQLite's placeholders are positional: inline them in order.
    let k = 0;
    const sqliteInline = q.sql.replace(/\?/g, () => {
      const v = q.parameters[k++];
      return typeof v === 'number' ? String(v) : `'${String(v)}'`;
    });
    const text = dialect === 'postgres' ? inline : sqliteInline;
    plans[`GET /api/reports, statement ${i + 1}: ${text.slice(0, 60)}…`] = await explain(db, dialect, text);
  }

  // Through the HTTP stack, as the client asks.
  timings.push(await time('GET /api/plans/:id/task-facets', I, get(`/api/plans/${planId}/task-facets`)));
  timings.push(
    await time('GET /api/reports?state=submitted (inbox)', I, get('/api/reports?state=submitted')),
  );
  timings.push(await time('GET /api/reports page 50 of all', I, get('/api/reports?page=50&pageSize=20')));
  timings.push(
    await time(
      `GET my work (agency with ${agencyWithMost.n} reports)`,
      I,
      get(`/api/reports?organisationId=${busiest}&sort=work&pageSize=10`),
    ),
  );
  timings.push(await time(`GET /api/plans (page 1 of ${PLANS})`, I, get('/api/plans')));
  const page = await agent.get('/api/plans');
  await app.close();
  await t.close();
  return { sizes, timings, plans, planListBytes: JSON.stringify(page.body).length };
}

const dialects = process.env.ONLY ? TEST_DIALECTS.filter((d) => d === process.env.ONLY) : TEST_DIALECTS;
for (const d of dialects) {
  const r = await run(d);
  console.log(`\n### ${d}: ${JSON.stringify(r.sizes)}; plan list page: ${r.planListBytes} bytes\n`);
  console.log('| operation | median / p95 (ms) |\n|---|---:|');
  for (const x of r.timings) console.log(`| ${x.name} | ${x.medianMs} / ${x.p95Ms} |`);
  for (const [name, plan] of Object.entries(r.plans))
    console.log(`\n${d} — ${name}:\n\`\`\`\n${plan}\n\`\`\``);
}

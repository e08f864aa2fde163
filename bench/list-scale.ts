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
import { type Kysely, sql } from 'kysely';
import { buildApp } from '../server/app';
import { systemContext } from '../server/context';
import type { Database } from '../server/db/schema';
import { confirmImport } from '../server/modules/plan-import/confirm-import';
import { createImport } from '../server/modules/plan-import/import-service';
import { generateReports } from '../server/modules/reporting/report-generation';
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
const sample = readFileSync(new URL('../fixtures/plans/hung-yen-148-KH-UBND-2021.txt', import.meta.url), 'utf8');

const NEW_INDEXES = [
  ['task_agencies_task_role_org_idx', 'task_agencies', ['task_id', 'role', 'organisation_id']],
  ['task_agencies_org_task_idx', 'task_agencies', ['organisation_id', 'task_id']],
] as const;

const count = async (db: Kysely<Database>, table: 'tasks' | 'task_agencies' | 'reports' | 'report_entries') =>
  Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

/** One plan imported for real, copied by SQL into the others (importing 300 would take most of an hour). */
async function buildWorld(db: Kysely<Database>, template: number) {
  const now = new Date().toISOString();
  // The synthetic table names "all departments and districts" as co-operating on every task; real
  // plans name one or two agencies on most rows. Keep the group on one task in eight, so a period has
  // about 4,500 entries per plan and 300 plans about 1.3 million (the issue's 1.1 million).
  const stc = (await db.selectFrom('organisations').select('id').where('code', '=', 'STC').executeTakeFirstOrThrow()).id;
  await sql`UPDATE task_agencies SET group_key = NULL, organisation_id = ${stc}, agency_text = 'Sở Tài chính'
    WHERE role = 'coordinator' AND task_id IN (SELECT id FROM tasks WHERE plan_id = ${template} AND position % 8 <> 0)`.execute(db);
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

/** The list's old shape, for the "before" figure: three correlated counts per row. */
const OLD_INBOX = sql`
  SELECT r.*, p.plan_id, p.title, o.name,
    (SELECT count(*) FROM report_entries e WHERE e.report_id = r.id AND e.role = 'lead') AS lead_count2,
    (SELECT count(*) FROM report_entries e WHERE e.report_id = r.id AND e.role = 'support') AS support_count2,
    (SELECT count(*) FROM report_versions v WHERE v.report_id = r.id) AS version_count2
  FROM reports r
  JOIN reporting_periods p ON p.id = r.period_id
  JOIN organisations o ON o.id = r.organisation_id
  JOIN plans pl ON pl.id = p.plan_id
  WHERE r.state = 'submitted'
  ORDER BY p.due_on DESC, o.name, r.id LIMIT 20`;

async function explain(db: Kysely<Database>, dialect: string, query: string): Promise<string> {
  if (dialect === 'postgres') {
    const r = await sql.raw<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, COSTS OFF, BUFFERS OFF) ${query}`).execute(db);
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
  const sct = (await db.selectFrom('organisations').select('id').where('code', '=', 'SCT').executeTakeFirstOrThrow()).id;
  const planId = Math.floor(PLANS / 2) + template - 1;
  const facetsSql = `SELECT DISTINCT o.id, o.name FROM task_agencies ta JOIN tasks t ON t.id = ta.task_id JOIN organisations o ON o.id = ta.organisation_id WHERE t.plan_id = ${planId} ORDER BY o.name`;
  const byAgencySql = `SELECT count(*) FROM tasks WHERE tasks.plan_id = ${planId} AND EXISTS (SELECT ta.id FROM task_agencies ta WHERE ta.task_id = tasks.id AND ta.role = 'lead' AND ta.organisation_id = ${sct})`;

  const plans: Record<string, string> = {};
  const timings: Timing[] = [];
  const I = 30;
  // Before: without the new task_agencies indexes, statistics fresh.
  for (const [name] of NEW_INDEXES) await db.schema.dropIndex(name).execute();
  await analyse();
  plans['facets, before'] = await explain(db, dialect, facetsSql);
  plans['tasks led by one agency, before'] = await explain(db, dialect, byAgencySql);
  timings.push(await time('GET task facets — before', I, get(`/api/plans/${planId}/task-facets`)));
  timings.push(
    await time(
      'GET tasks led by one agency — before',
      I,
      get(`/api/plans/${planId}/tasks?agencyId=${sct}&agencyRole=lead`),
    ),
  );
  for (const [name, table, columns] of NEW_INDEXES)
    await db.schema.createIndex(name).on(table).columns([...columns]).execute();
  await analyse();
  plans['facets, after'] = await explain(db, dialect, facetsSql);
  plans['tasks led by one agency, after'] = await explain(db, dialect, byAgencySql);
  timings.push(await time('GET task facets — after', I, get(`/api/plans/${planId}/task-facets`)));
  timings.push(
    await time(
      'GET tasks led by one agency — after',
      I,
      get(`/api/plans/${planId}/tasks?agencyId=${sct}&agencyRole=lead`),
    ),
  );
  timings.push(await time('inbox, old query (3 correlated counts per row)', I, () => OLD_INBOX.execute(db)));
  plans['inbox, old query'] = await explain(db, dialect, OLD_INBOX.compile(db).sql);
  timings.push(await time('GET /api/reports (inbox: submitted, page 1)', I, get('/api/reports?state=submitted')));
  timings.push(await time('GET /api/reports page 50 of all', I, get('/api/reports?page=50&pageSize=20')));
  const agencyWithMost = await db
    .selectFrom('reports')
    .select(['organisation_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('organisation_id')
    .orderBy('n', 'desc')
    .executeTakeFirstOrThrow();
  timings.push(
    await time(
      `GET my work (agency with ${agencyWithMost.n} reports, page 1)`,
      I,
      get(`/api/reports?organisationId=${agencyWithMost.organisation_id}&sort=work&pageSize=10`),
    ),
  );
  timings.push(await time(`GET /api/plans (page 1 of ${PLANS})`, I, get('/api/plans')));
  const old = sql`SELECT plans.id, (SELECT count(*) FROM tasks WHERE tasks.plan_id = plans.id) AS n,
      (SELECT count(*) FROM plan_targets WHERE plan_targets.plan_id = plans.id) AS m
    FROM plans ORDER BY issued_on DESC, id DESC`;
  timings.push(await time('plan list, old query (all plans, tasks counted)', I, () => old.execute(db)));
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
  for (const [name, plan] of Object.entries(r.plans)) console.log(`\n${d} — ${name}:\n\`\`\`\n${plan}\n\`\`\``);
}

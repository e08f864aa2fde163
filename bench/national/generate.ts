/**
 * Deterministic national-scale dataset (issue 10, item 8): 200 plans, 100,000 tasks, 1,000 agencies,
 * 5 years of annual periods, ~28,000 reports, 1,000,000 report entries, 1,000,000 audit rows and
 * 200,000 notifications (activity.ts), written straight into a
 * migrated planwatch database (SQLite in a folder, or a PostgreSQL database it creates) with chunked
 * multi-row inserts, one transaction per table. Same seed and size → the same rows.
 *
 *   node --import tsx bench/national/generate.ts [--db sqlite|postgres] [--seed 1] [--scale 1] [--force]
 *
 * --scale N divides plans, tasks and agencies by N (quick trials); --force regenerates a cached one.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { type Kysely, sql } from 'kysely';
import { loadConfig } from '../../server/config';
import type { Database } from '../../server/db/schema';
import { hashPassword } from '../../server/modules/auth/password';
import { openContext } from '../../server/runtime';
import type { DeadlineKind } from '../../shared/contracts/plan-draft';
import type { EntryProgress, ReportState } from '../../shared/contracts/reporting';
import { foldAgencyName } from '../../shared/domain/organisations/agency-name';
import type { OrganisationGroupKey } from '../../shared/domain/organisations/groups';
import { ORGANISATION_GROUPS } from '../../shared/domain/organisations/groups';
import type { OrganisationKind } from '../../shared/domain/organisations/kinds';
import { parseDeadline } from '../../shared/domain/plan-import/deadline';
import { searchKey } from '../../shared/domain/text/normalize';
import { auditRows, notificationRows } from './activity';
import {
  createPgDatabase,
  type DatasetMarker,
  type DatasetSize,
  type DatasetTarget,
  datasetTarget,
  dropPgDatabase,
  GENERATOR_VERSION,
  MARKER_FILE,
  NATIONAL,
  readMarker,
  scaled,
} from './dataset';
import * as N from './names';
import { Prng } from './prng';
import { fillTaskStatuses } from './statuses';

export const BENCH_PASSWORD = 'planwatch-bench';
const ROWS_PER_INSERT = 1000;

interface Org {
  id: number;
  kind: OrganisationKind;
  name: string;
}

type Row = Record<string, unknown>;

/** Multi-row inserts of ~1,000 rows (below SQLite's and PostgreSQL's parameter limits) in one transaction. */
async function insertAll(db: Kysely<Database>, table: keyof Database, rows: Iterable<Row>): Promise<number> {
  let n = 0;
  await db.transaction().execute(async (trx) => {
    let batch: Row[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      // Rows are built per table below and checked by the database's own columns.
      await trx
        .insertInto(table)
        .values(batch as never)
        .execute();
      n += batch.length;
      batch = [];
    };
    for (const row of rows) {
      batch.push(row);
      if (batch.length >= ROWS_PER_INSERT) await flush();
    }
    await flush();
  });
  return n;
}

function agencyMix(total: number): [OrganisationKind, number][] {
  const so = Math.max(20, Math.round(total * 0.04));
  const ban = Math.max(4, Math.round(total * 0.015));
  const huyen = Math.max(10, Math.round(total * 0.06));
  const doan = Math.max(6, Math.round(total * 0.04));
  const bao = Math.max(3, Math.round(total * 0.014));
  const dn = Math.max(5, Math.round(total * 0.03));
  const xa = total - 1 - so - ban - huyen - doan - bao - dn;
  return [
    ['ubnd_tinh', 1],
    ['so', so],
    ['ban', ban],
    ['ubnd_huyen', huyen],
    ['ubnd_xa', xa],
    ['doan_the', doan],
    ['bao_dai', bao],
    ['doanh_nghiep', dn],
  ];
}

function agencyName(kind: OrganisationKind, i: number): string {
  const nth = (list: string[]) =>
    `${list[i % list.length]}${i < list.length ? '' : ` ${Math.floor(i / list.length) + 1}`}`;
  switch (kind) {
    case 'ubnd_tinh':
      return 'Ủy ban nhân dân tỉnh';
    case 'so':
      return `Sở ${nth(N.DEPARTMENTS)}`;
    case 'ban':
      return `Ban ${nth(N.BOARDS)}`;
    case 'ubnd_huyen':
      return `UBND huyện ${nth(N.PLACES)}`;
    case 'ubnd_xa':
      return `UBND xã ${nth(N.PLACES)}`;
    case 'doan_the':
      return nth(N.UNIONS);
    case 'bao_dai':
      return `${nth(N.PRESS)} tỉnh`;
    default:
      return `Công ty cổ phần ${nth(N.PLACES)}`;
  }
}

const CODE_PREFIX: Record<OrganisationKind, string> = {
  ubnd_tinh: 'UBT',
  so: 'SO',
  ban: 'BAN',
  ubnd_huyen: 'HUY',
  ubnd_xa: 'XA',
  doan_the: 'DT',
  bao_dai: 'BD',
  doanh_nghiep: 'DN',
  khac: 'K',
};

export interface GenerateOptions {
  seed: number;
  size: DatasetSize;
  log?: (line: string) => void;
}

/** Writes the whole dataset into `target` (emptied first) and leaves its marker; returns the marker. */
export async function generateDataset(target: DatasetTarget, opts: GenerateOptions): Promise<DatasetMarker> {
  const log = opts.log ?? ((line: string) => console.error(line));
  const { seed, size } = opts;
  const t0 = performance.now();
  rmSync(target.dataDir, { recursive: true, force: true });
  mkdirSync(target.dataDir, { recursive: true });
  if (target.kind === 'postgres') {
    await dropPgDatabase(target.pgDatabase!);
    await createPgDatabase(target.pgDatabase!);
  }
  const ctx = await openContext(
    loadConfig({}, { dataDir: target.dataDir, databaseUrl: target.databaseUrl, logLevel: 'silent' }),
  );
  const db = ctx.db;
  // Bulk loading only: a crash here means generating again, so SQLite need not sync every commit.
  if (target.kind === 'sqlite') await sql`pragma synchronous = off`.execute(db);
  const rnd = new Prng(seed);
  const now = `${size.lastYear}-11-20T08:00:00.000Z`;
  const firstYear = size.lastYear - size.years + 1;
  const counts: Record<string, number> = {};
  const step = async (table: keyof Database, rows: Iterable<Row>) => {
    const s = performance.now();
    counts[table] = (counts[table] ?? 0) + (await insertAll(db, table, rows));
    log(
      `  ${table}: ${counts[table]!.toLocaleString('en')} rows (${((performance.now() - s) / 1000).toFixed(1)} s)`,
    );
  };

  // Agencies of every kind, with unique names as the registry requires.
  const orgs: Org[] = [];
  for (const [kind, n] of agencyMix(size.agencies))
    for (let i = 0; i < n; i++) orgs.push({ id: orgs.length + 1, kind, name: agencyName(kind, i) });
  await step(
    'organisations',
    orgs.map((o) => ({
      id: o.id,
      code: `${CODE_PREFIX[o.kind]}${String(o.id).padStart(4, '0')}`,
      name: o.name,
      name_folded: foldAgencyName(o.name),
      short_name: null,
      kind: o.kind,
      parent_id: null,
      valid_from: null,
      valid_to: null,
      successor_id: null,
      search_key: searchKey(`${o.id} ${o.name}`),
      created_at: now,
      updated_at: now,
    })),
  );
  const province = orgs.find((o) => o.kind === 'ubnd_tinh')!;
  const departments = orgs.filter((o) => o.kind === 'so' || o.kind === 'ban');
  const others = orgs.filter((o) => o.kind !== 'ubnd_tinh' && o.kind !== 'so' && o.kind !== 'ban');

  // Users with known passwords: one coordinator, one leader, a reporter for each of 20 departments.
  const hash = await hashPassword(BENCH_PASSWORD);
  const reporterOrgs = departments.slice(0, 20);
  const users = [
    {
      username: 'bench.dieuphoi',
      full_name: 'Chuyên viên điều phối',
      role: 'coordinator',
      org: departments[0]!,
    },
    { username: 'bench.lanhdao', full_name: 'Lãnh đạo UBND tỉnh', role: 'leader', org: province },
    ...reporterOrgs.map((o, i) => ({
      username: `bench.baocao${String(i + 1).padStart(2, '0')}`,
      full_name: `Cán bộ báo cáo ${i + 1}`,
      role: 'reporter',
      org: o,
    })),
  ];
  await step(
    'users',
    users.map((u, i) => ({
      id: i + 1,
      username: u.username,
      full_name: u.full_name,
      email: null,
      password_hash: hash,
      role: u.role,
      organisation_id: u.org.id,
      active: 1,
      must_change_password: 0,
      search_key: searchKey(`${u.username} ${u.full_name}`),
      created_at: now,
      updated_at: now,
    })),
  );
  const coordinatorId = 1;
  const leaderId = 2;

  // Plans: each has a pool of lead departments and of coordinating agencies its tasks draw from.
  interface PlanShape {
    id: number;
    leads: Org[];
    coordinators: Org[];
  }
  const plans: PlanShape[] = [];
  const deadlines = N.deadlineTexts(firstYear, size.lastYear);
  const planRows: Row[] = [];
  const targetRows: Row[] = [];
  const indicatorRows: Row[] = [];
  const valueRows: Row[] = [];
  const dutyRows: Row[] = [];
  const dutyAgencyRows: Row[] = [];
  for (let p = 1; p <= size.plans; p++) {
    const theme = N.THEMES[p % N.THEMES.length]!;
    // The first reporting departments take part in most plans, as the busiest departments do.
    const leads = [...new Set([reporterOrgs[p % reporterOrgs.length]!, ...rnd.sample(departments, 7)])];
    const coordinators = rnd
      .sample([...departments, ...others], 22)
      .filter((o) => !leads.some((l) => l.id === o.id));
    plans.push({ id: p, leads, coordinators });
    const number = `${100 + p}/KH-UBND`;
    const title = `Kế hoạch thực hiện ${theme} giai đoạn ${firstYear}-${size.lastYear} (đợt ${p})`;
    const kind = p % 10 === 0 ? 'decision' : p % 7 === 0 ? 'action_programme' : 'plan';
    planRows.push({
      id: p,
      number,
      issuer: 'Ủy ban nhân dân tỉnh',
      place: null,
      issued_on: `${firstYear}-${String((p % 12) + 1).padStart(2, '0')}-${String((p % 27) + 1).padStart(2, '0')}`,
      title,
      basis_json: JSON.stringify([
        `Căn cứ Luật Tổ chức chính quyền địa phương;`,
        `Căn cứ chương trình về ${theme};`,
      ]),
      sections_json: '[]',
      regime_json: null,
      consolidator_org_id: leads[0]!.id,
      document_id: null,
      import_id: null,
      search_key: searchKey(`${number} ${title} Ủy ban nhân dân tỉnh`),
      created_by: coordinatorId,
      created_at: now,
      kind,
    });
    for (let k = 0; k < 4; k++) {
      const id = (p - 1) * 4 + k + 1;
      const subject = `Chỉ tiêu ${k + 1} về ${theme}`;
      const min = rnd.int(50, 90);
      indicatorRows.push({
        id,
        plan_id: p,
        code: `CT${k + 1}`,
        name: subject,
        unit: '%',
        definition: null,
        value_kind: 'percentage',
        owner_org_id: leads[k % leads.length]!.id,
        search_key: searchKey(`CT${k + 1} ${subject}`),
        created_at: now,
        updated_at: now,
      });
      targetRows.push({
        id,
        plan_id: p,
        ordinal: k + 1,
        text: `Đến năm ${size.lastYear}, ${subject.toLowerCase()} đạt ${min}%`,
        subject,
        kind: 'percentage',
        min_value: min,
        max_value: null,
        unit: '%',
        from_year: null,
        to_year: size.lastYear,
        approximate: 0,
        indicator_id: id,
      });
      for (let y = firstYear; y < size.lastYear; y++)
        valueRows.push({
          indicator_id: id,
          year: y,
          value:
            Math.round((min * (0.6 + (0.4 * (y - firstYear + 1)) / size.years) + rnd.int(-3, 3)) * 10) / 10,
          status: 'official',
          source: 'Báo cáo của cơ quan chủ trì',
          source_url: null,
          note: null,
          is_sample: 0,
          entered_by: coordinatorId,
          entered_at: now,
          review_state: 'accepted',
          reviewed_by: coordinatorId,
          reviewed_at: now,
          review_note: null,
        });
    }
    for (let d = 0; d < 3; d++) {
      const id = (p - 1) * 3 + d + 1;
      const org = leads[d % leads.length]!;
      dutyRows.push({
        id,
        plan_id: p,
        ordinal: String(d + 1),
        agency_text: org.name,
        paragraphs_json: JSON.stringify([`Chủ trì, phối hợp triển khai các nhiệm vụ về ${theme}.`]),
      });
      dutyAgencyRows.push({
        duty_id: id,
        position: 0,
        agency_text: org.name,
        organisation_id: org.id,
        group_key: null,
      });
    }
  }
  await step('plans', planRows);
  await step('indicators', indicatorRows);
  await step('plan_targets', targetRows);
  await step('indicator_values', valueRows);
  await step('plan_duties', dutyRows);
  await step('plan_duty_agencies', dutyAgencyRows);

  // Tasks: a lead department, one coordinating agency named directly and, for some, a named group.
  interface TaskShape {
    id: number;
    lead: number;
    support: number;
  }
  const tasksOfPlan = new Map<number, TaskShape[]>();
  const groupKeys = Object.keys(ORGANISATION_GROUPS) as OrganisationGroupKey[];
  const taskRows: Row[] = [];
  const taskAgencyRows: Row[] = [];
  let taskId = 0;
  for (const plan of plans) {
    const list: TaskShape[] = [];
    for (let i = 0; i < size.tasksPerPlan; i++) {
      taskId++;
      const lead = rnd.pick(plan.leads);
      const support = rnd.pick(plan.coordinators);
      const group = rnd.chance(0.3) ? rnd.pick(groupKeys) : null;
      const theme = N.THEMES[(plan.id + i) % N.THEMES.length]!;
      const content = `${rnd.pick(N.VERBS)} ${rnd.pick(N.OBJECTS)} phục vụ ${theme} trên địa bàn tỉnh; bảo đảm đúng tiến độ, chất lượng và hiệu quả theo chỉ đạo của UBND tỉnh (nhiệm vụ ${i + 1})`;
      const product = rnd.pick(N.PRODUCTS);
      const deadline = parseDeadline(rnd.pick(deadlines));
      const groupLabel = `${N.ROMAN[Math.floor(i / 50) % N.ROMAN.length]}. NHÓM NHIỆM VỤ VỀ ${theme.toUpperCase()}`;
      const names = [lead.name, support.name, ...(group ? [ORGANISATION_GROUPS[group].label] : [])];
      taskRows.push({
        id: taskId,
        plan_id: plan.id,
        position: i,
        ordinal: String(i + 1),
        group_label: groupLabel,
        content,
        product,
        deadline_kind: deadline.kind as DeadlineKind,
        deadline_from: deadline.from,
        deadline_to: deadline.to,
        deadline_text: deadline.text,
        search_key: searchKey([String(i + 1), content, product, ...names].join(' ')),
        extra_json: null,
      });
      taskAgencyRows.push(
        {
          task_id: taskId,
          role: 'lead',
          position: 0,
          agency_text: lead.name,
          organisation_id: lead.id,
          group_key: null,
        },
        {
          task_id: taskId,
          role: 'coordinator',
          position: 1,
          agency_text: support.name,
          organisation_id: support.id,
          group_key: null,
        },
      );
      if (group)
        taskAgencyRows.push({
          task_id: taskId,
          role: 'coordinator',
          position: 2,
          agency_text: ORGANISATION_GROUPS[group].label,
          organisation_id: null,
          group_key: group,
        });
      list.push({ id: taskId, lead: lead.id, support: support.id });
    }
    tasksOfPlan.set(plan.id, list);
  }
  await step('tasks', taskRows);
  await step('task_agencies', taskAgencyRows);
  taskRows.length = 0;
  taskAgencyRows.length = 0;

  // One annual period per plan and year; the last year's is open, earlier ones are closed.
  const periodRows: Row[] = [];
  const periods: { id: number; planId: number; year: number }[] = [];
  for (const plan of plans)
    for (let y = firstYear; y <= size.lastYear; y++) {
      const id = periods.length + 1;
      const open = y === size.lastYear;
      periods.push({ id, planId: plan.id, year: y });
      periodRows.push({
        id,
        plan_id: plan.id,
        kind: 'annual',
        year: y,
        title: `Báo cáo năm ${y}`,
        // As period-repository.ts writes it: the header search finds reports by their period.
        search_key: searchKey(`Báo cáo năm ${y} ${y}`),
        data_closing_on: `${y}-11-30`,
        due_on: `${y}-12-15`,
        state: open ? 'open' : 'closed',
        extensions_json: '[]',
        opened_by: coordinatorId,
        opened_at: `${y}-11-01T08:00:00.000Z`,
        closed_by: open ? null : coordinatorId,
        closed_at: open ? null : `${y + 1}-01-20T08:00:00.000Z`,
      });
    }
  await step('reporting_periods', periodRows);

  // A report per agency named directly in the plan and period, with an entry per task it leads or
  // supports (groups are resolved by the product when it generates reports; here only named agencies).
  const reportRows: Row[] = [];
  let reportId = 0;
  const reportsOf: { id: number; period: (typeof periods)[number]; org: number; state: ReportState }[] = [];
  for (const period of periods) {
    const tasks = tasksOfPlan.get(period.planId)!;
    const involved = new Set<number>();
    for (const t of tasks) involved.add(t.lead).add(t.support);
    const past = period.year < size.lastYear;
    for (const org of [...involved].sort((a, b) => a - b)) {
      reportId++;
      const state: ReportState = past
        ? rnd.weighted({ accepted: 85, submitted: 5, returned: 5, draft: 5 })
        : rnd.weighted({ draft: 40, submitted: 30, accepted: 20, returned: 10 });
      const submitted =
        state !== 'draft'
          ? `${period.year}-12-${String(rnd.int(1, 20)).padStart(2, '0')}T09:00:00.000Z`
          : null;
      reportRows.push({
        id: reportId,
        period_id: period.id,
        organisation_id: org,
        state,
        version: state === 'draft' ? 1 : state === 'returned' ? 3 : 2,
        summary: state === 'draft' ? null : 'Cơ quan đã triển khai các nhiệm vụ được giao theo kế hoạch.',
        difficulties: null,
        proposals: null,
        dispatch_number: submitted ? `${reportId}/BC` : null,
        dispatch_date: submitted ? submitted.slice(0, 10) : null,
        first_submitted_at: submitted,
        submitted_at: submitted,
        submitted_by: null,
        late: submitted && submitted.slice(8, 10) > '15' ? 1 : 0,
        accepted_at: state === 'accepted' ? submitted : null,
        accepted_by: state === 'accepted' ? coordinatorId : null,
        returned_at: state === 'returned' ? submitted : null,
        returned_by: state === 'returned' ? coordinatorId : null,
        returned_reason: state === 'returned' ? 'Đề nghị bổ sung số liệu kết quả thực hiện.' : null,
        created_at: `${period.year}-11-01T08:00:00.000Z`,
        updated_at: submitted ?? `${period.year}-11-25T08:00:00.000Z`,
        updated_by: null,
      });
      reportsOf.push({ id: reportId, period, org, state });
    }
  }
  await step('reports', reportRows);
  reportRows.length = 0;

  function* entries(): Generator<Row> {
    for (const r of reportsOf) {
      const tasks = tasksOfPlan.get(r.period.planId)!;
      const yearShare = (r.period.year - firstYear + 1) / size.years;
      let position = 0;
      for (const role of ['lead', 'support'] as const)
        for (const t of tasks) {
          if ((role === 'lead' ? t.lead : t.support) !== r.org) continue;
          const answered = r.state !== 'draft' || rnd.chance(0.5);
          const progress: EntryProgress | null = answered
            ? rnd.weighted({
                completed: 30 * yearShare + 5,
                in_progress: 50,
                not_started: 25 * (1 - yearShare) + 3,
              })
            : null;
          yield {
            report_id: r.id,
            task_id: t.id,
            role,
            position: position++,
            progress,
            completed_on:
              progress === 'completed'
                ? `${r.period.year}-${String(rnd.int(1, 11)).padStart(2, '0')}-15`
                : null,
            result: progress ? rnd.pick(N.RESULTS) : null,
            updated_at: `${r.period.year}-11-25T08:00:00.000Z`,
          };
        }
    }
  }
  await step('report_entries', entries());

  // A few directives from the leader, on tasks and on reports.
  const directiveRows: Row[] = [];
  for (let i = 0; i < Math.max(50, size.plans * 5); i++) {
    const onTask = i % 2 === 0;
    directiveRows.push({
      task_id: onTask ? rnd.int(1, taskId) : null,
      report_id: onTask ? null : rnd.int(1, reportId),
      author_id: leaderId,
      text: 'Đề nghị cơ quan chủ trì khẩn trương hoàn thành, báo cáo kết quả trước ngày 15/12.',
      created_at: now,
    });
  }
  await step('directives', directiveRows);

  // Five years of activity: the audit log and the users' notifications, in the volumes of a province.
  const activityShare = size.plans / NATIONAL.plans;
  const activity = {
    users: users.length,
    reports: reportId,
    tasks: taskId,
    plans: size.plans,
    firstYear,
    lastYear: size.lastYear,
    now,
    auditRows: Math.round(1_000_000 * activityShare),
    notifications: Math.round(200_000 * activityShare),
  };
  await step('audit_log', auditRows(activity, rnd));
  await step('notifications', notificationRows(activity, rnd));

  // The rows were inserted after migrating, so the stored list counts (migration 20261201T0440) are
  // still 0: fill them as that migration's backfill does, as a running server keeps them.
  await fillListCounts(db);

  const years = Array.from({ length: size.years }, (_, i) => firstYear + i);
  counts.task_statuses = await fillTaskStatuses(
    db,
    plans.map((p) => p.id),
    years,
    log,
  );

  if (target.kind === 'postgres') {
    // Ids were given explicitly: move each identity sequence past them, then gather planner statistics
    // (a running server gets them from autovacuum).
    for (const table of Object.keys(counts)) {
      if (table === 'task_statuses') continue; // keyed by task and year, no id
      await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.table(table)}))`.execute(
        db,
      );
    }
    await sql`analyze`.execute(db);
  }
  await db.destroy();

  const firstPlan = plans[0]!;
  const marker: DatasetMarker = {
    seed,
    size,
    generatorVersion: GENERATOR_VERSION,
    counts,
    seconds: Math.round((performance.now() - t0) / 100) / 10,
    logins: {
      coordinator: 'bench.dieuphoi',
      leader: 'bench.lanhdao',
      reporter: 'bench.baocao01',
      password: BENCH_PASSWORD,
    },
    sample: {
      planId: firstPlan.id,
      organisationId: firstPlan.leads[1]?.id ?? firstPlan.leads[0]!.id,
      reporterOrganisationId: reporterOrgs[0]!.id,
    },
  };
  writeFileSync(path.join(target.dataDir, MARKER_FILE), JSON.stringify(marker, null, 2));
  return marker;
}

/**
 * The stored counts of the report inbox, "my work" and the plan list (reports.lead_count, support_count,
 * version_count; plans.task_count): the same SQL as migration 20261201T0440_list_counts' backfill.
 */
export async function fillListCounts(db: Kysely<Database>): Promise<void> {
  const t0 = performance.now();
  await sql`
    UPDATE reports SET
      lead_count = (SELECT count(*) FROM report_entries e WHERE e.report_id = reports.id AND e.role = 'lead'),
      support_count = (SELECT count(*) FROM report_entries e WHERE e.report_id = reports.id AND e.role = 'support'),
      version_count = (SELECT count(*) FROM report_versions v WHERE v.report_id = reports.id)
  `.execute(db);
  await sql`UPDATE plans SET task_count = (SELECT count(*) FROM tasks t WHERE t.plan_id = plans.id)`.execute(
    db,
  );
  process.stderr.write(`  list counts: ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}

/** The cached dataset for this seed and size, generated first when missing (or when `force`). */
export async function ensureDataset(
  kind: 'sqlite' | 'postgres',
  opts: GenerateOptions & { force?: boolean },
): Promise<{ target: DatasetTarget; marker: DatasetMarker; generated: boolean }> {
  const target = datasetTarget(kind, opts.seed, opts.size);
  const cached = opts.force ? null : await readMarker(target);
  if (cached) return { target, marker: cached, generated: false };
  return { target, marker: await generateDataset(target, opts), generated: true };
}

async function main() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: 'sqlite' },
      seed: { type: 'string', default: '1' },
      scale: { type: 'string', default: '1' },
      force: { type: 'boolean', default: false },
    },
  });
  const kind = values.db === 'postgres' ? 'postgres' : 'sqlite';
  const factor = Number(values.scale);
  const size = factor === 1 ? NATIONAL : scaled(factor);
  const { target, marker, generated } = await ensureDataset(kind, {
    seed: Number(values.seed),
    size,
    force: values.force,
  });
  console.log(
    `${generated ? 'Generated' : 'Cached'} ${kind} dataset in ${target.databaseUrl ?? target.dataDir} (${marker.seconds} s to generate):`,
  );
  for (const [table, n] of Object.entries(marker.counts))
    console.log(`  ${table.padEnd(20)} ${n.toLocaleString('en')}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

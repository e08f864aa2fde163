import type { z } from 'zod';
import {
  PLAN_KINDS,
  type PlanKind,
  type PlanRegime,
  type PlanSection,
  type TaskExtraField,
} from '../../../shared/contracts/plan-draft';
import type {
  PlanDetail,
  PlanListQuery,
  PlanTaskView,
  planListResponseSchema,
  TaskListQuery,
} from '../../../shared/contracts/plans';
import type { TaskStatusView } from '../../../shared/contracts/reporting';
import { groupsContainingKind } from '../../../shared/domain/organisations/groups';
import { successorOn } from '../../../shared/domain/organisations/succession';
import { deadlineChangeText } from '../../../shared/domain/plans/deadline-change';
import { planEndText } from '../../../shared/domain/plans/plan-end';
import { planLabel } from '../../../shared/domain/plans/short-title';
import { localDate } from '../../../shared/domain/reporting/local-date';
import { dayBefore } from '../../../shared/domain/reporting/regime-periods';
import type { AppContext } from '../../context';
import type { TaskAgenciesTable } from '../../db/schema';
import { notFound } from '../../http/errors';
import { findOrganisationRow } from '../organisations/organisation-repository';
import {
  chainField,
  loadSuccession,
  predecessorsOn,
  type Succession,
} from '../organisations/succession-repository';
import {
  ensureFresh,
  outOfForceStatus,
  refreshTaskStatuses,
  taskStatuses,
  viewOfRow,
} from '../reporting/task-status-store';
import { planEndOf } from './plan-end';
import {
  countPlanTasks,
  findDocument,
  findPlanRow,
  findTaskRow,
  listPlanRows,
  listTaskRows,
  planDutyAgencyRows,
  planDutyRows,
  planTargetRows,
  type TaskFilter,
  taskAgencyRows,
  taskFacetRows,
} from './plan-repository';
import { toTargetView } from './target-mapper';
import { type DeadlineChange, deadlineChanges, yearSpan } from './task-in-force';
import { toTaskView } from './task-mapper';

type PlanList = z.infer<typeof planListResponseSchema>;
type TaskRow = NonNullable<Awaited<ReturnType<typeof findTaskRow>>>;
export type ListedTaskRow = Awaited<ReturnType<typeof listTaskRows>>['rows'][number];
type AgencyRow = Awaited<ReturnType<typeof taskAgencyRows>>[number];

const agencyView = (
  r: {
    agency_text: string;
    organisation_id: number | null;
    organisation_name: string | null;
    group_key: TaskAgenciesTable['group_key'];
  },
  succession: Succession,
) => ({
  text: r.agency_text,
  organisationId: r.organisation_id,
  organisationName: r.organisation_name,
  groupKey: r.group_key,
  ...chainField(succession, r.organisation_id),
});

export async function listPlans(ctx: AppContext, q: PlanListQuery): Promise<PlanList> {
  const { rows, total } = await listPlanRows(ctx.db, q);
  const items = rows.map((r) => ({
    id: r.id,
    kind: planKind(r.kind),
    number: r.number,
    title: r.title,
    issuer: r.issuer,
    issuedOn: r.issued_on,
    taskCount: Number(r.task_count ?? 0),
    targetCount: Number(r.target_count ?? 0),
    createdAt: r.created_at,
  }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function getPlan(ctx: AppContext, id: number): Promise<PlanDetail> {
  const plan = await findPlanRow(ctx.db, id);
  if (!plan) throw notFound('kế hoạch');
  const [targets, duties, dutyAgencies, doc, taskCount, succession] = await Promise.all([
    planTargetRows(ctx.db, id),
    planDutyRows(ctx.db, id),
    planDutyAgencyRows(ctx.db, id),
    plan.document_id ? findDocument(ctx.db, plan.document_id) : Promise.resolve(undefined),
    countPlanTasks(ctx.db, id, plan.ended_on),
    loadSuccession(ctx.db),
  ]);
  const regime = plan.regime_json ? (JSON.parse(plan.regime_json) as PlanRegime) : null;
  const consolidator = plan.consolidator_org_id
    ? await findOrganisationRow(ctx.db, plan.consolidator_org_id)
    : undefined;
  const end = await planEndOf(ctx.db, plan);
  return {
    id: plan.id,
    kind: planKind(plan.kind),
    number: plan.number,
    title: plan.title,
    issuer: plan.issuer,
    issuedOn: plan.issued_on,
    place: plan.place,
    end: end ? { ...end, text: planEndText(end) } : null,
    createdAt: plan.created_at,
    taskCount,
    targetCount: targets.length,
    basis: JSON.parse(plan.basis_json) as string[],
    sections: JSON.parse(plan.sections_json) as PlanSection[],
    targets: targets.map(toTargetView),
    regime: regime
      ? {
          ...regime,
          consolidatorAgency: regime.consolidator
            ? {
                text: regime.consolidator,
                organisationId: consolidator?.id ?? null,
                organisationName: consolidator?.name ?? null,
                groupKey: null,
                ...chainField(succession, consolidator?.id ?? null),
              }
            : null,
        }
      : null,
    duties: duties.map((d) => ({
      id: d.id,
      ordinal: d.ordinal,
      agencyText: d.agency_text,
      agencies: dutyAgencies.filter((a) => a.duty_id === d.id).map((a) => agencyView(a, succession)),
      paragraphs: JSON.parse(d.paragraphs_json) as string[],
    })),
    document: doc ? { id: doc.id, filename: doc.filename, sha256: doc.sha256, size: doc.size } : null,
    importId: plan.import_id,
    span:
      plan.from_year === null && plan.to_year === null
        ? null
        : { fromYear: plan.from_year, toYear: plan.to_year },
  };
}

interface TaskExtras {
  changes: Map<number, DeadlineChange[]>;
  continued: Map<number, { planId: number; taskId: number; label: string }>;
}

function toPlanTaskView(
  t: TaskRow,
  agencies: AgencyRow[],
  succession: Succession,
  x: TaskExtras,
): PlanTaskView {
  const change = x.changes.get(t.id)?.at(-1);
  const continues = t.continues_task_id === null ? undefined : x.continued.get(t.continues_task_id);
  return {
    ...toTaskView(t),
    leads: agencies.filter((a) => a.role === 'lead').map((a) => agencyView(a, succession)),
    coordinators: agencies.filter((a) => a.role === 'coordinator').map((a) => agencyView(a, succession)),
    ...(t.extra_json ? { extra: JSON.parse(t.extra_json) as TaskExtraField[] } : {}),
    ...(t.removed_on ? { removedOn: t.removed_on } : {}),
    ...(t.added_on ? { addedOn: t.added_on } : {}),
    ...(continues ? { continuesFrom: continues } : {}),
    ...(change
      ? {
          deadlineChange: {
            text: deadlineChangeText(change.before, change.after),
            reason: change.reason,
            document: change.documentNumber
              ? { number: change.documentNumber, date: change.documentDate }
              : null,
            effectiveOn: change.effectiveOn,
          },
        }
      : {}),
  };
}

/** The deadline changes of the tasks and, for tasks taken over from a replaced plan, that task named. */
async function taskExtras(ctx: AppContext, rows: TaskRow[]): Promise<TaskExtras> {
  const changes = await deadlineChanges(
    ctx.db,
    rows.map((r) => r.id),
  );
  const from = [...new Set(rows.flatMap((r) => (r.continues_task_id === null ? [] : [r.continues_task_id])))];
  const continued = new Map<number, { planId: number; taskId: number; label: string }>();
  if (from.length > 0) {
    const old = await ctx.db
      .selectFrom('tasks')
      .innerJoin('plans', 'plans.id', 'tasks.plan_id')
      .select(['tasks.id', 'tasks.plan_id', 'tasks.ordinal', 'plans.number', 'plans.title'])
      .where('tasks.id', 'in', from)
      .execute();
    for (const o of old)
      continued.set(o.id, {
        planId: o.plan_id,
        taskId: o.id,
        label: `Nhiệm vụ ${o.ordinal} của ${planLabel({ number: o.number, title: o.title })}`,
      });
  }
  return { changes, continued };
}

/** A stored kind outside the known list (a newer version wrote it) shows as a plain Kế hoạch. */
function planKind(value: string): PlanKind {
  return (PLAN_KINDS as readonly string[]).includes(value) ? (value as PlanKind) : 'plan';
}

async function withAgencies(ctx: AppContext, rows: TaskRow[]): Promise<PlanTaskView[]> {
  const [agencies, succession, extras] = await Promise.all([
    taskAgencyRows(
      ctx.db,
      rows.map((r) => r.id),
    ),
    loadSuccession(ctx.db),
    taskExtras(ctx, rows),
  ]);
  const byTask = new Map<number, AgencyRow[]>();
  for (const a of agencies) {
    const list = byTask.get(a.task_id);
    if (list) list.push(a);
    else byTask.set(a.task_id, [a]);
  }
  return rows.map((r) => toPlanTaskView(r, byTask.get(r.id) ?? [], succession, extras));
}

/**
 * The task list's filter for a query: checks the plan and the agency exist and makes the statuses of
 * the year fresh for today. The list and its .xlsx export (exports/task-list-xlsx.ts) both use it, so an
 * export holds exactly the tasks the list shows.
 */
export async function taskFilterOf(ctx: AppContext, planId: number, query: TaskListQuery) {
  const plan = await findPlanRow(ctx.db, planId);
  if (!plan) throw notFound('kế hoạch');
  const today = localDate(new Date());
  let agency: TaskFilter['agency'];
  if (query.organisationId) {
    const org = await findOrganisationRow(ctx.db, query.organisationId);
    if (!org) throw notFound('cơ quan');
    agency = {
      id: org.id,
      groups: groupsContainingKind(org.kind),
      role: query.agencyRole,
      // "As now": the agencies merged into it by today count as it (issue 14).
      ...(query.agencyAs === 'now'
        ? { formerIds: predecessorsOn(await loadSuccession(ctx.db), org.id, today) }
        : {}),
    };
  }
  // Statuses come from the store, made fresh for today first (reporting/task-status-store.ts), so the
  // counts per status equal the status summary and the dashboard's figures.
  // A plan that ended is read as it stood then: by default, the last year it was in force.
  const lastYear = plan.ended_on === null ? null : Number(dayBefore(plan.ended_on).slice(0, 4));
  const year = query.year ?? Math.min(Number(today.slice(0, 4)), lastYear ?? Number.POSITIVE_INFINITY);
  await ensureFresh(ctx.db, planId, year, today);
  const filter: TaskFilter = {
    planId,
    q: query.q,
    agency,
    product: query.product,
    deadlineKind: query.deadlineKind,
    deadlineYear: query.deadlineYear,
    group: query.group,
    groupKey: query.groupKey,
    statusYear: year,
    status: query.status,
    // A year asked for is a period: the tasks in force during it, one removed since included (issue 13).
    inForce:
      query.year === undefined ? { now: true, endedOn: plan.ended_on } : { now: false, span: yearSpan(year) },
  };
  return { filter, year, today };
}

export async function listTasks(ctx: AppContext, planId: number, query: TaskListQuery) {
  const { filter, year, today } = await taskFilterOf(ctx, planId, query);
  const { rows, total } = await listTaskRows(
    ctx.db,
    filter,
    { sort: query.sort, order: query.order },
    query.page,
    query.pageSize,
  );
  const views = await withAgencies(ctx, rows);
  const items = await Promise.all(
    rows.map(async (r, i) => ({ ...views[i]!, status: await listedStatus(ctx, r, year, today) })),
  );
  return { items, total, page: query.page, pageSize: query.pageSize, year };
}

/**
 * The stored status of a listed task. A task added outside the paths that refresh the store (none in
 * the application today) has no row yet: it is computed and stored then.
 */
export async function listedStatus(
  ctx: AppContext,
  r: ListedTaskRow,
  year: number,
  today: string,
): Promise<TaskStatusView> {
  if (r.status_code !== null && r.status_reason !== null) {
    return viewOfRow({
      code: r.status_code,
      due_date: r.status_due_date,
      days_late: r.status_days_late,
      reason: r.status_reason,
    });
  }
  await refreshTaskStatuses(ctx.db, [r.id], today, year);
  const stored = await taskStatuses(ctx.db, r.plan_id, [r.id], year, today);
  // A task listed as the plan stood at its end but not in force in the year judged has no status then.
  return stored.get(r.id) ?? outOfForceStatus(year);
}

export async function getTask(ctx: AppContext, planId: number, taskId: number): Promise<PlanTaskView> {
  const row = await findTaskRow(ctx.db, planId, taskId);
  if (!row) throw notFound('nhiệm vụ');
  const [view] = await withAgencies(ctx, [row]);
  return view!;
}

/** The plan's agencies and, for a reorganised one, the agency its work is with today (to filter "as now"). */
function withSuccessors(
  agencies: { id: number; name: string }[],
  succession: Succession,
  today: string,
): { id: number; name: string }[] {
  const out = new Map(agencies.map((a) => [a.id, a]));
  for (const a of agencies) {
    const chain = chainField(succession, a.id).chain ?? [];
    const nowId = successorOn(a.id, chain, today);
    const step = chain.find((s) => s.organisationId === nowId);
    if (step && !out.has(nowId)) out.set(nowId, { id: nowId, name: step.name });
  }
  return [...out.values()].sort((x, y) => byVietnameseName(x.name, y.name));
}

const byVietnameseName = new Intl.Collator('vi').compare;

export async function taskFacets(ctx: AppContext, planId: number) {
  const plan = await findPlanRow(ctx.db, planId);
  if (!plan) throw notFound('kế hoạch');
  const f = await taskFacetRows(ctx.db, planId, plan.ended_on);
  const years = new Set<number>();
  for (const s of f.spans) {
    const from = Number((s.deadline_from ?? s.deadline_to ?? '').slice(0, 4));
    const to = Number((s.deadline_to ?? '').slice(0, 4));
    if (from && to) for (let y = from; y <= to && y - from < 50; y++) years.add(y);
  }
  return {
    products: f.products.map((p) => p.product!).filter(Boolean),
    groups: f.groups.map((g) => g.group_label!).filter(Boolean),
    agencies: withSuccessors(f.agencies, await loadSuccession(ctx.db), localDate(new Date())),
    years: [...years].sort((a, b) => a - b),
  };
}

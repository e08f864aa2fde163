import type {
  DashboardPlan,
  DashboardPlanQuery,
  DashboardResponse,
} from '../../../shared/contracts/dashboard';
import { localDate } from '../../../shared/domain/reporting/local-date';
import { type RateCount, reportingRate, reportingRateOfCounts } from '../../../shared/domain/reporting/rates';
import { summarizeStatuses } from '../../../shared/domain/task-status/summarize';
import type { AppContext } from '../../context';
import { notFound } from '../../http/errors';
import { loadSuccession } from '../organisations/succession-repository';
import { latestDirectivesOfPlan } from '../reporting/directives';
import { toPeriodRef } from '../reporting/period-mapper';
import { countRatesOfPeriods, listRateRowsOfPeriod, type RateRow } from '../reporting/rate-repository';
import { taskCodesOfPlan } from '../reporting/task-status-service';
import { currentPeriod, currentPeriods } from './current-period';
import {
  findPlanHeadRow,
  listConcerns,
  listLeadAgenciesOfPlan,
  listPeriodsOfPlans,
  listPlanHeads,
} from './dashboard-repository';
import { emptyTally, targetsOfPlans, targetTallyOfAllPlans } from './dashboard-targets';
import { agencyAs, byVietnameseName, countByLeadAgency, leadsByTask } from './lead-agencies';
import { statusCountsOfPlans } from './plan-status-counts';

const rateInput = (r: RateRow) => ({ state: r.state, late: r.late === 1 });
const hasReported = (r: RateRow) => r.state === 'submitted' || r.state === 'accepted';

/** How many directives the plan's dashboard lists (the newest). */
const DIRECTIVES_SHOWN = 10;

/**
 * Every plan in one row: tasks by status for the year, the reporting rate of its open period and its
 * targets by evaluation. One query per kind of fact for all plans together.
 */
export async function allPlansDashboard(
  ctx: AppContext,
  q: { year?: number | undefined },
): Promise<DashboardResponse> {
  const today = localDate(new Date());
  const year = q.year ?? Number(today.slice(0, 4));
  // The plans in force on the board's day: today, or the end of a past year.
  const asOf = `${year}-12-31` < today ? `${year}-12-31` : today;
  const plans = await listPlanHeads(ctx.db, asOf);
  // First, alone: it may bring stale plan-years up to date in transactions of their own.
  const counts = await statusCountsOfPlans(
    ctx.db,
    plans.map((p) => p.id),
    year,
  );
  const [periods, targets] = await Promise.all([
    listPeriodsOfPlans(ctx.db),
    targetTallyOfAllPlans(ctx.db, today),
  ]);
  const current = currentPeriods(periods);
  const rateCounts = await countRatesOfPeriods(
    ctx.db,
    [...current.values()].map((p) => p.id),
  );
  const countsByPeriod = new Map<number, RateCount[]>();
  for (const c of rateCounts) {
    const list = countsByPeriod.get(c.periodId) ?? [];
    list.push(c);
    countsByPeriod.set(c.periodId, list);
  }
  return {
    year,
    today,
    items: plans.map((p) => {
      const period = current.get(p.id);
      return {
        plan: p,
        tasks: counts.get(p.id) ?? summarizeStatuses([]),
        reporting: period
          ? {
              period: toPeriodRef(period),
              rate: reportingRateOfCounts(countsByPeriod.get(period.id) ?? []),
            }
          : null,
        targets: targets.get(p.id) ?? emptyTally(),
      };
    }),
  };
}

/**
 * One plan in depth, for a year and optionally one agency, one task group or one agency group: tasks by
 * status and by lead agency (as it is now), the overdue tasks, who has not reported for the period,
 * every target evaluated, the latest directives, and the difficulties and proposals reported.
 */
export async function planDashboard(
  ctx: AppContext,
  planId: number,
  q: DashboardPlanQuery,
): Promise<DashboardPlan> {
  const plan = await findPlanHeadRow(ctx.db, planId);
  if (!plan) throw notFound('kế hoạch');
  const periods = await listPeriodsOfPlans(ctx.db, [planId]);
  const period = q.periodId ? periods.find((p) => p.id === q.periodId) : currentPeriod(periods);
  if (q.periodId && !period) throw notFound('kỳ báo cáo');

  const statuses = await taskCodesOfPlan(ctx, planId, {
    year: q.year ?? (q.periodId ? period?.year : undefined),
    organisationId: q.organisationId,
    agencyAs: q.agencyAs,
    groupKey: q.groupKey,
  });
  const { today, year } = statuses;
  // The task group is the plan's own heading ("nhóm nhiệm vụ"), the task list's `group` filter.
  const items = q.group ? statuses.items.filter((i) => i.task.group === q.group) : statuses.items;

  const [succession, leadRows, rateRows, targets, directives, concerns] = await Promise.all([
    loadSuccession(ctx.db),
    listLeadAgenciesOfPlan(ctx.db, planId),
    period ? listRateRowsOfPeriod(ctx.db, period.id) : Promise.resolve([]),
    targetsOfPlans(ctx.db, [planId], today),
    latestDirectivesOfPlan(ctx.db, planId, DIRECTIVES_SHOWN),
    period ? listConcerns(ctx.db, period.id, q) : Promise.resolve({ overall: [], perTask: [] }),
  ]);
  const leads = leadsByTask(leadRows, succession, today, q.agencyAs);
  // Each report under its agency as counted: as now, a merged agency's report is its successor's.
  const counted = rateRows.flatMap((r) =>
    agencyAs(q.agencyAs, r.organisation_id, r.organisation_name, succession, today).map((a) => ({ r, a })),
  );
  const agencyRows = q.organisationId
    ? counted.filter((c) => c.a.organisationId === q.organisationId)
    : counted;
  const reportRows = [...new Map(agencyRows.map((c) => [c.r.id, c.r])).values()];

  return {
    plan,
    year,
    today,
    tasks: summarizeStatuses(items.map((i) => i.status.code)),
    byLeadAgency: countByLeadAgency(
      items.map((i) => ({ taskId: i.task.id, code: i.status.code })),
      leads,
    ),
    overdue: items
      .filter((i) => i.status.code === 'overdue')
      .sort((a, b) => (b.status.daysLate ?? 0) - (a.status.daysLate ?? 0))
      .map((i) => ({
        task: { id: i.task.id, ordinal: i.task.ordinal, content: i.task.content ?? '', group: i.task.group },
        leads: leads.get(i.task.id) ?? [],
        dueDate: i.status.dueDate,
        daysLate: i.status.daysLate,
      })),
    reporting: period
      ? { period: toPeriodRef(period), rate: reportingRate(reportRows.map(rateInput)) }
      : null,
    notReported: agencyRows
      .filter((c) => !hasReported(c.r))
      .map(({ r, a }) => ({
        organisation: { id: a.organisationId!, name: a.name },
        formerName: a.formerName,
        currentName: a.currentName,
        reportId: r.id,
        state: r.state,
      }))
      .sort((x, y) => byVietnameseName(x.organisation.name, y.organisation.name)),
    targets: targets.get(planId) ?? [],
    directives,
    concerns: [
      ...concerns.overall.map((c) => ({
        reportId: c.report_id,
        organisation: { id: c.organisation_id, name: c.name },
        task: null,
        difficulties: c.difficulties || null,
        proposals: c.proposals || null,
      })),
      ...concerns.perTask.map((c) => ({
        reportId: c.report_id,
        organisation: { id: c.organisation_id, name: c.name },
        task: { id: c.task_id, ordinal: c.ordinal },
        difficulties: c.difficulties || null,
        proposals: c.proposals || null,
      })),
    ],
  };
}

import { summarizeStatuses, type TaskStatusSummary } from '../../../shared/domain/task-status/summarize';
import type { AppContext } from '../../context';
import { taskStatusesOfPlan } from '../reporting/task-status-service';

/**
 * Task counts by status category of many plans for a year.
 * INTERIM: judged plan by plan through taskStatusesOfPlan until the stored statuses
 * (reporting/task-status-store.ts, `planStatusCounts`) land; then one query for all plans.
 */
export async function statusCountsOfPlans(
  ctx: AppContext,
  planIds: readonly number[],
  year: number,
): Promise<Map<number, TaskStatusSummary>> {
  const out = new Map<number, TaskStatusSummary>();
  for (const planId of planIds) {
    const { items } = await taskStatusesOfPlan(ctx, planId, { year });
    out.set(planId, summarizeStatuses(items.map((i) => i.status.code)));
  }
  return out;
}

import { summarizeCounts, type TaskStatusSummary } from '../../../shared/domain/task-status/summarize';
import type { Db } from '../../db/db';
import { planStatusCounts } from '../reporting/task-status-store';

/**
 * Task counts by status category of many plans for a year, from the stored statuses
 * (reporting/task-status-store.ts): one grouped count for all plans, not a judgement per task.
 */
export async function statusCountsOfPlans(
  db: Db,
  planIds: readonly number[],
  year: number,
): Promise<Map<number, TaskStatusSummary>> {
  const counts = await planStatusCounts(db, year, [...planIds]);
  return new Map([...counts].map(([planId, c]) => [planId, summarizeCounts(c)]));
}

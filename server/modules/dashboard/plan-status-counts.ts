import { TASK_STATUS_CODES, type TaskStatusCode } from '../../../shared/domain/task-status/categories';
import { summarizeStatuses, type TaskStatusSummary } from '../../../shared/domain/task-status/summarize';
import type { Db } from '../../db/db';
import { planStatusCounts } from '../reporting/task-status-store';

/** The summary (counts, completion and on-time rates) from a count per category. */
function summaryOf(counts: Record<TaskStatusCode, number>): TaskStatusSummary {
  const codes: TaskStatusCode[] = [];
  for (const code of TASK_STATUS_CODES) for (let i = 0; i < counts[code]; i++) codes.push(code);
  return summarizeStatuses(codes);
}

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
  return new Map([...counts].map(([planId, c]) => [planId, summaryOf(c)]));
}

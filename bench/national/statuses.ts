/**
 * Task statuses of the generated dataset, computed by the product's own refresh (task-status-store.ts),
 * as a running server keeps them: every plan-year stored, computed for today.
 */
import { performance } from 'node:perf_hooks';
import type { Db } from '../../server/db/db';
import { refreshPlanStatuses, rollTaskStatuses } from '../../server/modules/reporting/task-status-store';
import { localDate } from '../../shared/domain/reporting/local-date';

/** Computes and stores every task's status for each plan and year; returns the rows written. */
export async function fillTaskStatuses(
  db: Db,
  planIds: readonly number[],
  years: readonly number[],
  log: (line: string) => void,
): Promise<number> {
  const t0 = performance.now();
  const today = localDate(new Date());
  let rows = 0;
  for (const planId of planIds)
    for (const year of years) rows += await refreshPlanStatuses(db, planId, year, today);
  log(
    `  task_statuses: ${rows.toLocaleString('en')} rows (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  return rows;
}

/**
 * A dataset generated on an earlier day: recompute its statuses for today with the daily job's function
 * before measuring, so the benchmark never times a day's first recomputation.
 */
export async function freshenTaskStatuses(db: Db): Promise<number> {
  return (await rollTaskStatuses(db, localDate(new Date()))).planYears;
}

import { TASK_STATUS_CODES, type TaskStatusCode } from './categories';

export type TaskStatusSummary = Record<TaskStatusCode, number> & {
  total: number;
  /** (done on time + done late) / total, as a fraction 0–1; null when there are no tasks. */
  completionRate: number | null;
  /**
   * done on time / (done on time + done late + overdue), as a fraction 0–1: of the tasks whose deadline
   * has been tested (finished, or already past due), the share that met it. Dividing by completed tasks
   * only would show 100% for one early success among fifty overdue tasks. Null when none was tested.
   */
  onTimeRate: number | null;
};

export function summarizeStatuses(statuses: readonly TaskStatusCode[]): TaskStatusSummary {
  const counts = Object.fromEntries(TASK_STATUS_CODES.map((code) => [code, 0])) as Record<
    TaskStatusCode,
    number
  >;
  for (const status of statuses) counts[status] += 1;
  return summarizeCounts(counts);
}

/** The summary of tasks already counted per category (as the stored statuses are counted in SQL). */
export function summarizeCounts(counts: Readonly<Record<TaskStatusCode, number>>): TaskStatusSummary {
  const total = TASK_STATUS_CODES.reduce((sum, code) => sum + counts[code], 0);
  const completed = counts.done_on_time + counts.done_late;
  const tested = completed + counts.overdue;
  return {
    ...counts,
    total,
    completionRate: total === 0 ? null : completed / total,
    onTimeRate: tested === 0 ? null : counts.done_on_time / tested,
  };
}

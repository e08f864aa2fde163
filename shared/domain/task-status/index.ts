/** Public surface of task-status classification. */
export { daysBetween, formatDateVi } from './calendar';
export {
  isTaskStatusCode,
  type StatusColorHint,
  TASK_STATUS_CODES,
  TASK_STATUS_COLORS,
  TASK_STATUS_LABELS,
  type TaskStatusCode,
} from './categories';
export {
  computeTaskStatus,
  type TaskProgress,
  type TaskStatusInput,
  type TaskStatusResult,
} from './compute-status';
export { dueDateOf, type OccursOptions, occursInYear } from './due-date';
export { summarizeCounts, summarizeStatuses, type TaskStatusSummary } from './summarize';

import type { TaskStatusCode } from '../../../../shared/domain/task-status';

/**
 * Fill colours of the status categories in charts: one hue per category (the tags' colour hints share
 * "warning" between two), green for done, red for overdue, grey for not yet due.
 */
export const STATUS_CHART_COLORS: Record<TaskStatusCode, string> = {
  done_on_time: '#389e0d',
  done_late: '#95de64',
  in_progress_on_time: '#1677ff',
  overdue: '#cf1322',
  not_due: '#bfbfbf',
  not_reported: '#fa8c16',
};

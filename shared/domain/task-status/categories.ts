/**
 * The categories the Government Office (Văn phòng Chính phủ) uses when it reports on assigned tasks.
 * Order is the order of its report tables: completed first, then work still open, then the gaps.
 */
export const TASK_STATUS_CODES = [
  'done_on_time',
  'done_late',
  'in_progress_on_time',
  'overdue',
  'not_due',
  'not_reported',
] as const;
export type TaskStatusCode = (typeof TASK_STATUS_CODES)[number];

export const TASK_STATUS_LABELS: Record<TaskStatusCode, string> = {
  done_on_time: 'Hoàn thành đúng hạn',
  done_late: 'Hoàn thành quá hạn',
  in_progress_on_time: 'Đang thực hiện trong hạn',
  overdue: 'Quá hạn',
  not_due: 'Chưa đến hạn',
  not_reported: 'Chưa báo cáo',
};

/** The status colours antd's Tag and Badge understand, so the UI needs no mapping of its own. */
export type StatusColorHint = 'success' | 'processing' | 'warning' | 'error' | 'default';

export const TASK_STATUS_COLORS: Record<TaskStatusCode, StatusColorHint> = {
  done_on_time: 'success',
  // Done, but the deadline was missed: worth a second look, not an alarm.
  done_late: 'warning',
  in_progress_on_time: 'processing',
  overdue: 'error',
  not_due: 'default',
  // The agency owes a report; the task itself may be fine, so it is not shown as a failure.
  not_reported: 'warning',
};

export function isTaskStatusCode(value: string): value is TaskStatusCode {
  return (TASK_STATUS_CODES as readonly string[]).includes(value);
}

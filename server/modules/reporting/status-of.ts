import type { Deadline } from '../../../shared/contracts/plan-draft';
import type { TaskStatusView } from '../../../shared/contracts/reporting';
import { dayNumber } from '../../../shared/domain/task-status/calendar';
import { TASK_STATUS_LABELS } from '../../../shared/domain/task-status/categories';
import { computeTaskStatus } from '../../../shared/domain/task-status/compute-status';
import type { ReportEntriesTable } from '../../db/schema';

/** Status of a task from one agency's answer, through the pure rules in shared/domain/task-status. */
export function statusOf(input: {
  deadline: Deadline;
  year: number;
  progress: ReportEntriesTable['progress'];
  completedOn: string | null;
  today: string;
  reportDue: boolean;
}): TaskStatusView {
  // A date the calendar does not have cannot be judged; it is treated as missing rather than crashing.
  const completedOn = input.completedOn && dayNumber(input.completedOn) !== null ? input.completedOn : null;
  const r = computeTaskStatus({
    deadline: input.deadline,
    year: input.year,
    progress: input.progress ?? null,
    completedOn,
    today: input.today,
    reportDue: input.reportDue,
  });
  return {
    code: r.status,
    label: TASK_STATUS_LABELS[r.status],
    dueDate: r.dueDate,
    daysLate: r.daysLate,
    reason: r.reason,
  };
}

import type { Kysely } from 'kysely';
import type { Deadline } from '../../../shared/contracts/plan-draft';
import type { TaskStatusView } from '../../../shared/contracts/reporting';
import { dayNumber, formatDateVi } from '../../../shared/domain/task-status/calendar';
import { TASK_STATUS_LABELS } from '../../../shared/domain/task-status/categories';
import { computeTaskStatus } from '../../../shared/domain/task-status/compute-status';
import type { Database, ReportEntriesTable } from '../../db/schema';
import { AppError } from '../../http/errors';

export type Db = Kysely<Database>;

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

export const person = (id: number | null, name: string | null) =>
  id === null ? null : { id, name: name ?? `Người dùng #${id}` };

/** Rejects dates the ISO pattern lets through but the calendar does not have ("2025-02-30"). */
export function requireRealDate(value: string | null | undefined, path: string, label: string): void {
  if (value === null || value === undefined) return;
  if (dayNumber(value) === null) {
    throw new AppError('VALIDATION_FAILED', `${label}: ngày ${value} không có thật.`, [
      { path, message: 'Ngày không có thật' },
    ]);
  }
}

export const viDate = formatDateVi;

/** Splits a list for multi-row inserts, below every driver's bound-parameter limit. */
export function chunks<T>(items: readonly T[], size = 200): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

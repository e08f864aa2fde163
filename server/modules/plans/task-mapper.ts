import type { Deadline } from '../../../shared/contracts/plan-draft';
import type { ReportTask } from '../../../shared/contracts/reporting';
import type { TasksTable } from '../../db/schema';

/** The columns of a task every view of it needs. */
export interface TaskColumns {
  id: number;
  plan_id: number;
  ordinal: string;
  group_label: string | null;
  content: string;
  product: string | null;
  deadline_kind: TasksTable['deadline_kind'];
  deadline_from: string | null;
  deadline_to: string | null;
  deadline_text: string;
}

export function deadlineOf(
  t: Pick<TaskColumns, 'deadline_kind' | 'deadline_from' | 'deadline_to' | 'deadline_text'>,
): Deadline {
  return {
    kind: t.deadline_kind,
    from: t.deadline_from,
    to: t.deadline_to,
    text: t.deadline_text,
  };
}

/** The task view shared by the plan's task list and the reporting screens; each adds its own parts. */
export function toTaskView(t: TaskColumns): ReportTask {
  return {
    id: t.id,
    planId: t.plan_id,
    ordinal: t.ordinal,
    group: t.group_label,
    content: t.content,
    product: t.product,
    deadline: deadlineOf(t),
  };
}

import { daysBetween } from '../task-status/calendar';

export type ReminderDue =
  | { kind: 'before'; offset: number; daysLeft: number }
  | { kind: 'due'; daysLeft: number }
  | null;

/**
 * Which reminder a missing report should get today. Before the due date: the smallest configured offset
 * that today has reached (so a period opened 5 days before its due date sends its "7 days" reminder
 * once, saying 5 days, and never both 7 and 3 together). On and after the due date: the due-day
 * reminder. The caller sends each (report, kind, offset) once, so catching up after downtime is safe.
 */
export function reminderDue(today: string, dueOn: string, offsets: readonly number[]): ReminderDue {
  const daysLeft = daysBetween(today, dueOn);
  if (daysLeft <= 0) return { kind: 'due', daysLeft };
  const reached = offsets.filter((o) => daysLeft <= o);
  if (reached.length === 0) return null;
  return { kind: 'before', offset: Math.min(...reached), daysLeft };
}

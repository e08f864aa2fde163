import { parseDeadline } from '../plan-import/deadline';
import { formatDateVi } from '../task-status/calendar';
import { dueDateOf } from '../task-status/due-date';

/** A deadline as a reader names it: its due date dd/mm/yyyy, else the text as written. */
function shown(text: string, year?: number): string {
  const due = dueDateOf(parseDeadline(text), year);
  return due === null ? `“${text.trim() || 'không ghi'}”` : formatDateVi(due);
}

/**
 * How a changed deadline is told on the task page and list (issue 13, item 3): "Gia hạn đến 31/12/2027,
 * trước là 31/12/2022" when the new due date is later, else "Đổi thời hạn thành …, trước là …".
 */
export function deadlineChangeText(before: string, after: string, year?: number): string {
  const b = dueDateOf(parseDeadline(before), year);
  const a = dueDateOf(parseDeadline(after), year);
  const extended = a !== null && (b === null || a > b);
  return `${extended ? 'Gia hạn đến' : 'Đổi thời hạn thành'} ${shown(after, year)}, trước là ${shown(before, year)}`;
}

import type { Deadline } from '../../contracts/plan-draft';
import { formatDateVi, requireDayNumber } from './calendar';
import type { TaskStatusCode } from './categories';
import { dueDateOf, occursInYear, periodStartOf } from './due-date';

export type TaskProgress = 'not_started' | 'in_progress' | 'completed';

export interface TaskStatusInput {
  deadline: Deadline;
  /** For recurring ("Hằng năm") and continuous tasks: the year being judged. */
  year?: number;
  /** What the agency last reported; null = no report on this task. */
  progress: TaskProgress | null;
  completedOn: string | null;
  /** ISO date; always a parameter so the rules stay pure and testable. */
  today: string;
  /** Whether a report covering this task has fallen due. */
  reportDue: boolean;
}

export interface TaskStatusResult {
  status: TaskStatusCode;
  dueDate: string | null;
  /** Whole days past the due date: ≥ 1 for done_late and overdue, null otherwise. */
  daysLate: number | null;
  /** Vietnamese explanation shown next to the status. */
  reason: string;
}

function capitalizeFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Why a task has no due date, in words a reviewer recognises. */
function noDueDateText(deadline: Deadline, year: number | undefined): string {
  switch (deadline.kind) {
    case 'continuous':
      return 'nhiệm vụ thường xuyên, không tính quá hạn';
    case 'recurring':
      return year === undefined
        ? 'nhiệm vụ hằng năm chưa chọn năm đánh giá, không tính hạn'
        : `nhiệm vụ hằng năm, năm ${year} ngoài thời gian thực hiện`;
    case 'unknown':
      return deadline.text.trim() === ''
        ? 'thời hạn chưa xác định, không tính quá hạn'
        : `thời hạn chưa xác định ("${deadline.text.trim()}"), không tính quá hạn`;
    default:
      return `thời hạn "${deadline.text.trim()}" không có ngày hợp lệ, không tính quá hạn`;
  }
}

function daysLeftText(left: number): string {
  return left === 0 ? 'đến hạn hôm nay' : `còn ${left} ngày`;
}

function result(
  status: TaskStatusCode,
  dueDate: string | null,
  reason: string,
  daysLate: number | null = null,
): TaskStatusResult {
  return { status, dueDate, daysLate, reason };
}

/**
 * Classifies one task. The rules, in the order they apply:
 * 1. Reported completed → done_on_time when finished on or before the due date (or the task has no due
 *    date), else done_late with the days of delay. Completed with no completion date → done_on_time,
 *    and the reason says the date is missing: the report is taken at its word, not punished for a gap.
 * 2. A recurring or continuous task judged for a year outside its range → not_due (nothing is owed).
 * 3. Not completed and today is after the due date → overdue, whether or not the agency reported.
 *    The Government Office counts an unreported past-due task as "Quá hạn": the deadline is the harder
 *    fact, and "Chưa báo cáo" would hide that the work is late. The reason still says it is unreported.
 * 4. No report: not_due while the task's period has not begun or no report has fallen due yet;
 *    otherwise not_reported.
 * 5. Reported "not started" (chưa triển khai) and not past due → not_due: work not begun is not "in
 *    progress", and the VPCP counts it as not yet due until its deadline passes.
 * 6. Otherwise (reported in progress, not past due) → in_progress_on_time. Continuous and unknown deadlines have
 *    no due date, so they never reach rule 3: they are judged per reporting period only.
 * The due date itself counts as in time: completed on it is on time, and today equal to it is not overdue.
 */
export function computeTaskStatus(input: TaskStatusInput): TaskStatusResult {
  const { deadline, year, progress, completedOn, reportDue } = input;
  const todayDay = requireDayNumber(input.today, 'Ngày hiện tại');
  const dueDate = dueDateOf(deadline, year);
  // dueDateOf only returns real calendar dates, so the day number always exists.
  const due = dueDate === null ? null : { day: requireDayNumber(dueDate, 'Hạn'), vi: formatDateVi(dueDate) };
  const dueText = due === null ? noDueDateText(deadline, year) : `hạn ${due.vi}`;

  if (progress === 'completed') {
    if (completedOn === null) {
      return result(
        'done_on_time',
        dueDate,
        `${capitalizeFirst(dueText)}; báo cáo hoàn thành nhưng không ghi ngày hoàn thành nên tính là đúng hạn`,
      );
    }
    const doneDay = requireDayNumber(completedOn, 'Ngày hoàn thành');
    const doneText = `hoàn thành ${formatDateVi(completedOn)}`;
    if (due === null) return result('done_on_time', null, `${capitalizeFirst(doneText)}; ${dueText}`);
    if (doneDay <= due.day) return result('done_on_time', dueDate, `Hạn ${due.vi}, ${doneText}: đúng hạn`);
    const late = doneDay - due.day;
    return result('done_late', dueDate, `Hạn ${due.vi}, ${doneText}: trễ ${late} ngày`, late);
  }

  const judgedOutsideRange =
    (deadline.kind === 'recurring' || deadline.kind === 'continuous') &&
    year !== undefined &&
    !occursInYear(deadline, year);
  if (judgedOutsideRange) {
    return result(
      'not_due',
      null,
      `Năm ${year} nằm ngoài thời gian thực hiện nhiệm vụ ("${deadline.text.trim()}")`,
    );
  }

  if (due !== null && todayDay > due.day) {
    const late = todayDay - due.day;
    const what = progress === null ? 'chưa báo cáo kết quả' : 'chưa hoàn thành';
    return result('overdue', dueDate, `Hạn ${due.vi}, ${what}: quá hạn ${late} ngày`, late);
  }

  const periodStart = periodStartOf(deadline, year);
  const beforePeriod = periodStart !== null && todayDay < requireDayNumber(periodStart, 'Ngày bắt đầu');
  const notYetText =
    periodStart === null ? '' : `Chưa đến thời gian thực hiện (từ ${formatDateVi(periodStart)}); ${dueText}`;

  if (progress === null) {
    if (beforePeriod) return result('not_due', dueDate, notYetText);
    if (reportDue) {
      return result(
        'not_reported',
        dueDate,
        `Đã đến kỳ báo cáo nhưng cơ quan chưa báo cáo nhiệm vụ; ${dueText}`,
      );
    }
    return result('not_due', dueDate, `Chưa đến kỳ báo cáo; ${dueText}`);
  }
  if (progress === 'not_started') {
    if (beforePeriod) return result('not_due', dueDate, notYetText);
    // Work not begun is not "in progress"; while the deadline has not passed it is simply not yet due.
    if (due === null) return result('not_due', null, `Chưa triển khai; ${dueText}`);
    return result('not_due', dueDate, `Hạn ${due.vi}, ${daysLeftText(due.day - todayDay)}; chưa triển khai`);
  }

  if (due === null) return result('in_progress_on_time', null, `Đang thực hiện; ${dueText}`);
  return result(
    'in_progress_on_time',
    dueDate,
    `Hạn ${due.vi}, ${daysLeftText(due.day - todayDay)}; đang thực hiện`,
  );
}

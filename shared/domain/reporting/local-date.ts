/** Deadlines are Vietnamese calendar days: "today" and "late" are judged in Asia/Ho_Chi_Minh. */
export const REPORTING_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateFmt = new Intl.DateTimeFormat('en-CA', {
  timeZone: REPORTING_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const timeFmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: REPORTING_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The Vietnamese calendar date ('YYYY-MM-DD') of an instant. */
export function localDate(at: Date | string): string {
  return dateFmt.format(typeof at === 'string' ? new Date(at) : at);
}

/** 'HH:mm' of an instant in Vietnam. */
export function localTime(at: Date | string): string {
  return timeFmt.format(typeof at === 'string' ? new Date(at) : at);
}

/** A submission is late when it happens after the end of the due day, Vietnam time. */
export function isLate(submittedAt: Date | string, dueOn: string): boolean {
  return localDate(submittedAt) > dueOn;
}

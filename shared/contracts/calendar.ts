import { z } from 'zod';
import { dayNumber } from '../domain/task-status/calendar';
import { idParamSchema, isoDateSchema, pageSizeSchema } from './primitives';
import { REPORT_STATES } from './reporting';

/**
 * The deadline calendar. GET /api/calendar: how many task deadlines and report due dates fall on each
 * day between two dates (the month or year grid), optionally for one agency; GET /api/calendar/day: the
 * deadlines of one day, one kind at a time, a page at a time, each with the page that opens it.
 */

/** A month view shows six weeks; a year is the most one request may ask for. */
export const CALENDAR_MAX_DAYS = 366;

export const calendarQuerySchema = z
  .object({
    from: isoDateSchema,
    to: isoDateSchema,
    organisationId: idParamSchema.optional(),
  })
  .superRefine((q, ctx) => {
    const from = dayNumber(q.from);
    const to = dayNumber(q.to);
    if (from === null || to === null) return;
    if (to < from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'Ngày kết thúc phải từ ngày bắt đầu trở đi' });
    } else if (to - from + 1 > CALENDAR_MAX_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `Mỗi lần chỉ xem được tối đa ${CALENDAR_MAX_DAYS} ngày`,
      });
    }
  });
export type CalendarQuery = z.infer<typeof calendarQuerySchema>;

export const CALENDAR_EVENT_KINDS = ['task', 'report'] as const;
export type CalendarEventKind = (typeof CALENDAR_EVENT_KINDS)[number];

export const calendarEventSchema = z.object({
  kind: z.enum(CALENDAR_EVENT_KINDS),
  /** The due date, 'YYYY-MM-DD' (a recurring task's date in the year shown). */
  date: z.string(),
  /** A task's ordinal and content, or a report's period and agency. */
  title: z.string(),
  plan: z.object({ id: z.number().int(), number: z.string().nullable(), title: z.string() }),
  /** The lead agencies of a task, or the agency of a report. */
  agencies: z.array(z.string()),
  /** A report's state (draft, submitted, returned, accepted); null for tasks. */
  reportState: z.enum(REPORT_STATES).nullable(),
  /** The client page that opens it (shared/domain/app-links.ts). */
  link: z.string(),
});
export type CalendarEvent = z.infer<typeof calendarEventSchema>;

/** One day of the grid: its task deadlines and report due dates (days with neither are left out). */
export const calendarDaySchema = z.object({
  date: z.string(),
  tasks: z.number().int(),
  reports: z.number().int(),
});
export type CalendarDay = z.infer<typeof calendarDaySchema>;

export const calendarResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** Days with at least one deadline, in date order. */
  days: z.array(calendarDaySchema),
});
export type CalendarResponse = z.infer<typeof calendarResponseSchema>;

export const CALENDAR_DAY_PAGE_SIZE = 20;

export const calendarDayQuerySchema = z.object({
  date: isoDateSchema,
  kind: z.enum(CALENDAR_EVENT_KINDS, 'Loại hạn phải là nhiệm vụ hoặc báo cáo'),
  organisationId: idParamSchema.optional(),
  /** Where the previous page ended (its `next`); absent for the first page. */
  after: z
    .string()
    .regex(/^\d{1,2}~[0-9-]{0,10}~\d{1,10}$/, 'Vị trí trang không hợp lệ')
    .optional(),
  pageSize: pageSizeSchema(100, CALENDAR_DAY_PAGE_SIZE),
});
export type CalendarDayQuery = z.infer<typeof calendarDayQuerySchema>;

/**
 * One page of a day's deadlines of one kind, in a fixed order read straight from the indexes (tasks by
 * deadline kind, stored end and id; reports by period, then as the period listed its agencies); `total`
 * is the day's count in the grid, `next` asks for the following page (null after the last).
 */
export const calendarDayResponseSchema = z.object({
  date: z.string(),
  kind: z.enum(CALENDAR_EVENT_KINDS),
  items: z.array(calendarEventSchema),
  total: z.number().int(),
  next: z.string().nullable(),
});
export type CalendarDayResponse = z.infer<typeof calendarDayResponseSchema>;

import { z } from 'zod';
import { dayNumber } from '../domain/task-status/calendar';
import { idParamSchema, isoDateSchema } from './primitives';
import { REPORT_STATES } from './reporting';

/**
 * The deadline calendar (GET /api/calendar): task deadlines and report due dates falling between two
 * dates, optionally for one agency, each with the page that opens it.
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

/** Past this many events the answer is cut (earliest first) and says so. */
export const CALENDAR_MAX_EVENTS = 2000;

export const calendarResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** Sorted by date, tasks before reports on the same day. */
  events: z.array(calendarEventSchema),
  truncated: z.boolean(),
});
export type CalendarResponse = z.infer<typeof calendarResponseSchema>;

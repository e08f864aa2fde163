import { z } from 'zod';
import { idParamSchema, pagedListSchema, pageSchema, pageSizeSchema } from './primitives';
import { planRefSchema } from './reporting';

export const NOTIFICATION_KINDS = [
  'reminder_before',
  'reminder_due',
  'report_submitted',
  'report_returned',
  'report_accepted',
  'directive',
  'indicator_value_submitted',
  'task_request_filed',
  'task_request_decided',
  'report_entry_returned',
  /** To the coordinators: a message to an agency that no active user answers for reached no one. */
  'undelivered',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const notificationSchema = z.object({
  id: z.number().int(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  /** A client route, e.g. "/reports/12". */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  /** The plan it is about (number and short title), so notifications of two plans can be told apart. */
  plan: planRefSchema.nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListQuerySchema = z.object({
  unreadOnly: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  page: pageSchema,
  pageSize: pageSizeSchema(100, 20),
});

export const notificationListResponseSchema = pagedListSchema(notificationSchema).extend({
  /** More than `total` notifications: counting stops there (server/lib/bounded-count.ts). */
  totalCapped: z.boolean(),
  unread: z.number().int(),
});

export const notificationParamsSchema = z.object({ id: idParamSchema });
export const markReadResponseSchema = z.object({ unread: z.number().int() });

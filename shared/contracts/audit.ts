import { z } from 'zod';
import { idParamSchema, isoDateSchema, pagedListSchema, pageSchema, pageSizeSchema } from './primitives';

export const auditChangeSchema = z.object({
  label: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  /** The code as stored ("report.accepted"), for filtering; people read `actionLabel` and `text`. */
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  /** "Tiếp nhận báo cáo". */
  actionLabel: z.string(),
  /** "Tiếp nhận báo cáo của Sở Tài chính, kỳ Báo cáo năm 2025 (kế hoạch 148/KH-UBND)". */
  text: z.string(),
  /** Changed fields with Vietnamese labels, or the facts recorded with the action (a reason, a date). */
  changes: z.array(auditChangeSchema),
});

/** The log's filters: person, Vietnamese calendar days (inclusive), action, kind of object. */
export const auditFilterQuerySchema = z.object({
  entity: z.string().max(50).optional(),
  entityId: z.string().max(50).optional(),
  actorId: idParamSchema.optional(),
  action: z.string().max(80).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});

export const auditListQuerySchema = auditFilterQuerySchema.extend({
  page: pageSchema,
  pageSize: pageSizeSchema(200, 50),
});

/** `totalCapped`: the filter selects more than `total` rows (counting stops there; see bounded-count.ts). */
export const auditListResponseSchema = pagedListSchema(auditEntrySchema).extend({ totalCapped: z.boolean() });

export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditFilterQuery = z.infer<typeof auditFilterQuerySchema>;

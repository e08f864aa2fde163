import { z } from 'zod';
import { pagedListSchema, pageSchema, pageSizeSchema } from './primitives';

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  detail: z.unknown(),
});

export const auditListQuerySchema = z.object({
  entity: z.string().max(50).optional(),
  entityId: z.string().max(50).optional(),
  page: pageSchema,
  pageSize: pageSizeSchema(200, 50),
});

export const auditListResponseSchema = pagedListSchema(auditEntrySchema);

export type AuditEntry = z.infer<typeof auditEntrySchema>;

import { z } from 'zod';
import { ORGANISATION_GROUP_KEYS } from '../domain/organisations/groups';
import { ORGANISATION_KINDS } from '../domain/organisations/kinds';
import { idParamSchema, idSchema, isoDateSchema } from './primitives';

const isoDate = isoDateSchema;

export const organisationSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(ORGANISATION_KINDS),
  parentId: z.number().int().nullable(),
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable(),
  successorId: z.number().int().nullable(),
  aliases: z.array(z.string()),
});

export const organisationWriteSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, 'Vui lòng nhập mã cơ quan')
    .max(50)
    .regex(/^[A-Z0-9_.-]+$/, 'Mã cơ quan chỉ gồm chữ in hoa không dấu, số, dấu chấm, gạch ngang, gạch dưới'),
  name: z.string().trim().min(1, 'Vui lòng nhập tên cơ quan').max(300),
  shortName: z.string().trim().max(100).nullable().optional(),
  kind: z.enum(ORGANISATION_KINDS, 'Loại cơ quan không hợp lệ'),
  parentId: idSchema.nullable().optional(),
  validFrom: isoDate.nullable().optional(),
  validTo: isoDate.nullable().optional(),
  successorId: idSchema.nullable().optional(),
  aliases: z.array(z.string().trim().min(1).max(300)).max(50).optional(),
});

export const organisationListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(ORGANISATION_KINDS).optional(),
  /** Only agencies existing on this date. */
  on: isoDate.optional(),
});

export const organisationListResponseSchema = z.object({ items: z.array(organisationSchema) });

export const organisationIdParamsSchema = z.object({ id: idParamSchema });

export const groupParamsSchema = z.object({ key: z.enum(ORGANISATION_GROUP_KEYS) });
export const groupQuerySchema = z.object({ on: isoDate.optional() });
export const groupMembersResponseSchema = z.object({
  key: z.enum(ORGANISATION_GROUP_KEYS),
  label: z.string(),
  on: isoDate,
  members: z.array(organisationSchema),
});

export type Organisation = z.infer<typeof organisationSchema>;
export type OrganisationWrite = z.infer<typeof organisationWriteSchema>;

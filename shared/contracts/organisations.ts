import { z } from 'zod';
import { ADMIN_UNIT_TYPES } from '../domain/organisations/admin-units';
import { ORGANISATION_GROUP_KEYS } from '../domain/organisations/groups';
import { ORGANISATION_KINDS } from '../domain/organisations/kinds';
import { idParamSchema, idSchema, isoDateSchema } from './primitives';

const isoDate = isoDateSchema;

/** One hand-over of a reorganised agency's work (shared/domain/organisations/succession.ts). */
/**
 * Agencies as the plan named them, or as they are now (a merged agency counted as its successor):
 * the choice of the dashboard and the reporting rates, "Theo cơ quan lúc giao / Theo cơ quan hiện nay".
 */
export const AGENCY_AS = ['plan', 'now'] as const;
export type AgencyAs = (typeof AGENCY_AS)[number];
export const agencyAsSchema = z.enum(AGENCY_AS).default('now');

export const successionStepSchema = z.object({
  organisationId: z.number().int(),
  name: z.string(),
  from: isoDate.nullable(),
});

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
  /** National code of an administrative unit (a commune's committee), else null. */
  adminCode: z.string().nullable(),
  adminUnitType: z.enum(ADMIN_UNIT_TYPES).nullable(),
  /** The document the record was loaded from ("Nghị quyết 1666/NQ-UBTVQH15 …"), else null. */
  source: z.string().nullable(),
  /** Who took over its work, in order, with the first day of each: "→ Sở Tài chính từ 01/03/2025". */
  chain: z.array(successionStepSchema),
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
  adminUnitType: z.enum(ADMIN_UNIT_TYPES).optional(),
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

/** A province's list of commune-level units, loaded by an administrator (CSV text as read from the file). */
export const communeImportRequestSchema = z.object({
  csv: z.string().min(1, 'Tệp trống').max(2_000_000, 'Tệp quá lớn'),
  /** The day the units came into being (01/07/2025 for the 2025 reorganisation). */
  validFrom: isoDate,
  /** The document setting the units up, kept on each unit. */
  source: z.string().trim().min(1, 'Vui lòng ghi văn bản là nguồn của danh sách').max(500),
  /** The province's committee the units come under (their parent in the registry). */
  parentId: idSchema.nullable().optional(),
  /** Check and count only; nothing is written. */
  dryRun: z.boolean().default(false),
});
export type CommuneImportRequest = z.infer<typeof communeImportRequestSchema>;

export const communeImportResultSchema = z.object({
  dryRun: z.boolean(),
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Units of the list by type: xã, phường, thị trấn, đặc khu. */
  byType: z.object({
    xa: z.number().int(),
    phuong: z.number().int(),
    thi_tran: z.number().int(),
    dac_khu: z.number().int(),
  }),
});
export type CommuneImportResult = z.infer<typeof communeImportResultSchema>;

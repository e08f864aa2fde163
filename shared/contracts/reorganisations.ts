import { z } from 'zod';
import { ORGANISATION_KINDS } from '../domain/organisations/kinds';
import {
  MOVE_SUBJECTS,
  REORGANISATION_KINDS,
  REORGANISATION_STATES,
} from '../domain/organisations/reorganisation';
import { idParamSchema, idSchema, isoDateSchema, isoDateTimeSchema } from './primitives';

/** An agency the event creates (the new department of a merger, the renamed one). */
export const newAgencySchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, 'Vui lòng nhập mã cơ quan mới')
    .max(50)
    .regex(/^[A-Z0-9_.-]+$/, 'Mã cơ quan chỉ gồm chữ in hoa không dấu, số, dấu chấm, gạch ngang, gạch dưới'),
  name: z.string().trim().min(1, 'Vui lòng nhập tên cơ quan mới').max(300),
  kind: z.enum(ORGANISATION_KINDS, 'Loại cơ quan không hợp lệ'),
});

/** A successor: an agency already in the registry, or one the event creates. */
export const successorSpecSchema = z.union([
  z.object({ existingId: idSchema }),
  z.object({ create: newAgencySchema }),
]);

/** One agency of the other province's registry (province merger). */
export const incomingAgencySchema = z.object({
  code: newAgencySchema.shape.code,
  name: newAgencySchema.shape.name,
  kind: newAgencySchema.shape.kind,
});

/** Task choices of a split: task-agency row id (as text, JSON keys) → index of the chosen successor. */
export const taskChoicesSchema = z.record(
  z.string().regex(/^\d+$/, 'Mã dòng nhiệm vụ không hợp lệ'),
  z.number().int().min(0).max(50),
);

export const reorganisationSpecSchema = z.object({
  /** Agencies that end the day before the effective date. */
  sources: z.array(idSchema).max(200).default([]),
  /** Who takes over, the main one first (its id becomes the ended agencies' successor_id). */
  successors: z.array(successorSpecSchema).max(20).default([]),
  /** Split (or abolition with several successors): which successor takes each task. */
  taskChoices: taskChoicesSchema.default({}),
  /** Province merger: the other province, its registry and the prefix given to codes that collide. */
  incoming: z
    .object({
      provinceName: z.string().trim().min(1, 'Vui lòng nhập tên tỉnh hợp nhất vào').max(100),
      codePrefix: z
        .string()
        .trim()
        .min(1, 'Vui lòng nhập tiền tố mã')
        .max(10)
        .regex(/^[A-Z0-9]+$/, 'Tiền tố mã chỉ gồm chữ in hoa không dấu và số'),
      agencies: z.array(incomingAgencySchema).min(1, 'Danh mục của tỉnh hợp nhất vào đang trống').max(2000),
    })
    .optional(),
});
export type ReorganisationSpec = z.infer<typeof reorganisationSpecSchema>;

export const reorganisationCreateSchema = z.object({
  kind: z.enum(REORGANISATION_KINDS, 'Loại sắp xếp không hợp lệ'),
  title: z.string().trim().min(1, 'Vui lòng nhập nội dung sắp xếp').max(300),
  effectiveOn: isoDateSchema,
  basisNumber: z.string().trim().min(1, 'Vui lòng nhập số văn bản căn cứ').max(100),
  basisDate: isoDateSchema.nullable().optional(),
  basisText: z.string().trim().max(2000).nullable().optional(),
  spec: reorganisationSpecSchema,
});
export type ReorganisationCreate = z.infer<typeof reorganisationCreateSchema>;

export const reorganisationIdParamsSchema = z.object({ id: idParamSchema });

export const reorganisationChoicesSchema = z.object({ taskChoices: taskChoicesSchema.default({}) });

/** One line of a preview, or one recorded move of an applied event. */
export const reorganisationMoveSchema = z.object({
  subject: z.enum(MOVE_SUBJECTS),
  op: z.enum(['update', 'insert', 'delete', 'handover', 'note']),
  label: z.string(),
  /** The successor it goes to (its name), null when it stays or goes nowhere. */
  to: z.string().nullable(),
  /** Split: the task-agency row that can go to another successor, and the index chosen. */
  choice: z.object({ taskAgencyId: z.number().int(), successorIndex: z.number().int() }).nullable(),
});
export type ReorganisationMove = z.infer<typeof reorganisationMoveSchema>;

export const reorganisationSchema = z.object({
  id: z.number().int(),
  kind: z.enum(REORGANISATION_KINDS),
  title: z.string(),
  effectiveOn: isoDateSchema,
  basisNumber: z.string(),
  basisDate: isoDateSchema.nullable(),
  basisText: z.string().nullable(),
  state: z.enum(REORGANISATION_STATES),
  spec: reorganisationSpecSchema,
  /** Successor names in the spec's order (a new agency by the name it will have). */
  successorNames: z.array(z.string()),
  sourceNames: z.array(z.string()),
  createdBy: z.string().nullable(),
  createdAt: isoDateTimeSchema,
  appliedBy: z.string().nullable(),
  appliedAt: isoDateTimeSchema.nullable(),
  undoneBy: z.string().nullable(),
  undoneAt: isoDateTimeSchema.nullable(),
  moveCount: z.number().int(),
});
export type Reorganisation = z.infer<typeof reorganisationSchema>;

export const reorganisationListSchema = z.object({ items: z.array(reorganisationSchema) });

/** The event with what it would move (previewed) or what it moved (applied, undone). */
export const reorganisationDetailSchema = z.object({
  event: reorganisationSchema,
  moves: z.array(reorganisationMoveSchema),
});
export type ReorganisationDetail = z.infer<typeof reorganisationDetailSchema>;

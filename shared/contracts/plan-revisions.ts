import { z } from 'zod';
import { ORGANISATION_GROUP_KEYS } from '../domain/organisations/groups';
import { planTargetSchema } from './plan-draft';
import { idSchema, isoDateSchema } from './primitives';

/**
 * Changes of a confirmed plan (issue 13): each request is one change with its reason and, where there is
 * one, the amending document; the server applies it and keeps it as a revision with the changed fields
 * before and after.
 */

const text = (max: number, message: string) =>
  z.string().trim().min(1, message).max(max, `Tối đa ${max} ký tự`);
/** Empty text is kept as null by the server. */
const optionalText = (max: number) => z.string().trim().max(max, `Tối đa ${max} ký tự`).nullable();

/** An agency of a task as the officer names it: a registry organisation, a named group, or text only. */
export const revisionAgencySchema = z.object({
  text: text(500, 'Hãy ghi tên cơ quan'),
  organisationId: idSchema.nullable(),
  groupKey: z.enum(ORGANISATION_GROUP_KEYS).nullable(),
});
export type RevisionAgency = z.infer<typeof revisionAgencySchema>;

export const revisionTaskFieldsSchema = z.object({
  ordinal: text(20, 'Hãy ghi số thứ tự của nhiệm vụ'),
  group: optionalText(300),
  content: text(5000, 'Hãy ghi nội dung nhiệm vụ'),
  product: optionalText(500),
  /** "Thời hạn hoàn thành" as written ("2025", "Quý III/2026", "Hằng năm"); read by the importer's rule. */
  deadlineText: z.string().trim().max(200, 'Tối đa 200 ký tự'),
  leads: z.array(revisionAgencySchema).max(20, 'Tối đa 20 cơ quan chủ trì'),
  coordinators: z.array(revisionAgencySchema).max(100, 'Tối đa 100 cơ quan phối hợp'),
});
export type RevisionTaskFields = z.infer<typeof revisionTaskFieldsSchema>;

export const revisionPlanFieldsSchema = z.object({
  number: optionalText(100),
  title: text(1000, 'Hãy ghi trích yếu của kế hoạch'),
  issuer: optionalText(300),
  place: optionalText(100),
  issuedOn: isoDateSchema.nullable(),
});
export type RevisionPlanFields = z.infer<typeof revisionPlanFieldsSchema>;

export const revisionTargetFieldsSchema = planTargetSchema.omit({ origin: true }).extend({
  text: text(2000, 'Hãy ghi nội dung chỉ tiêu'),
  subject: text(300, 'Hãy ghi tên ngắn của chỉ tiêu'),
  unit: z.string().trim().max(50, 'Tối đa 50 ký tự'),
});

/** A task group renamed on every task of it. */
export const groupRenameChangeSchema = z.object({
  kind: z.literal('group_rename'),
  from: text(300, 'Hãy chọn nhóm nhiệm vụ'),
  to: text(300, 'Hãy ghi tên mới của nhóm nhiệm vụ'),
});

export const taskAddChangeSchema = z.object({ kind: z.literal('task_add'), task: revisionTaskFieldsSchema });
export const taskUpdateChangeSchema = z.object({
  kind: z.literal('task_update'),
  taskId: idSchema,
  task: revisionTaskFieldsSchema,
});
/** The task stops being in force from `effectiveOn`; its reports and history stay. */
export const taskRemoveChangeSchema = z.object({
  kind: z.literal('task_remove'),
  taskId: idSchema,
  effectiveOn: isoDateSchema,
});

export const revisionChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('plan_update'), fields: revisionPlanFieldsSchema }),
  z.object({ kind: z.literal('target_add'), target: revisionTargetFieldsSchema }),
  z.object({ kind: z.literal('target_update'), targetId: idSchema, target: revisionTargetFieldsSchema }),
  z.object({ kind: z.literal('target_remove'), targetId: idSchema }),
  groupRenameChangeSchema,
  taskAddChangeSchema,
  taskUpdateChangeSchema,
  taskRemoveChangeSchema,
  /**
   * The plan is annulled (bãi bỏ) or replaced by another confirmed plan from `effectiveOn` (issue 13,
   * item 6): it opens no more periods and its tasks stop being in force; when replacing, the open tasks
   * listed in `continueTaskIds` are taken over by the new plan (copied into it with a link back).
   */
  z.object({
    kind: z.literal('plan_end'),
    endKind: z.enum(['annulled', 'replaced']),
    replacedByPlanId: idSchema.nullable(),
    effectiveOn: isoDateSchema,
    continueTaskIds: z.array(idSchema).max(2000, 'Tối đa 2.000 nhiệm vụ'),
  }),
]);
export type RevisionChange = z.infer<typeof revisionChangeSchema>;

export const revisionRequestSchema = z.object({
  reason: text(2000, 'Hãy ghi lý do thay đổi'),
  /** The amending document (văn bản điều chỉnh, bổ sung), when the change comes from one. */
  document: z
    .object({
      number: text(100, 'Hãy ghi số, ký hiệu văn bản'),
      date: isoDateSchema.nullable(),
      /** The document's file, uploaded first (`POST /api/plans/:id/revision-files`). */
      fileId: idSchema.nullable().optional(),
    })
    .nullable(),
  /**
   * The date the change takes effect (ngày có hiệu lực): a deadline change counts for the periods ending on
   * or after it, a task added is in force from it. Absent: the document's date, else today.
   */
  effectiveOn: isoDateSchema.optional(),
  change: revisionChangeSchema,
});
export type RevisionRequest = z.infer<typeof revisionRequestSchema>;

export const REVISION_SUBJECTS = ['plan', 'target', 'group', 'task'] as const;
export const REVISION_ACTIONS = ['add', 'update', 'remove'] as const;

/** One changed field, in Vietnamese, as the history shows it: "Thời hạn hoàn thành: 2025 → 2026". */
export const revisionFieldChangeSchema = z.object({
  field: z.string(),
  label: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});

export const revisionViewSchema = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  subject: z.enum(REVISION_SUBJECTS),
  action: z.enum(REVISION_ACTIONS),
  taskId: z.number().int().nullable(),
  targetId: z.number().int().nullable(),
  /** What changed, named: "Nhiệm vụ 5", a target's text, a task group. */
  label: z.string(),
  /** The whole sentence: "Sửa nhiệm vụ 5", "Thêm chỉ tiêu", "Bãi bỏ nhiệm vụ 7 từ ngày 01/01/2027". */
  title: z.string(),
  reason: z.string(),
  document: z
    .object({
      number: z.string(),
      date: z.string().nullable(),
      /** The document's file, downloadable from the history. */
      file: z.object({ id: z.number().int(), filename: z.string() }).nullable(),
    })
    .nullable(),
  /** The amendment (amending document applied as one revision, or its revert) the change belongs to. */
  amendmentId: z.number().int().nullable(),
  changes: z.array(revisionFieldChangeSchema),
  by: z.string().nullable(),
  at: z.string(),
});
export type RevisionView = z.infer<typeof revisionViewSchema>;

/** An amending document applied as one revision, or the revert of one: one entry of the history. */
export const amendmentSummarySchema = z.object({
  id: z.number().int(),
  kind: z.enum(['amendment', 'revert']),
  status: z.enum(['draft', 'applied', 'reverted']),
  /** "Áp dụng văn bản 52/KH-UBND ngày 15/03/2024 (4 thay đổi)", "Hoàn tác văn bản 52/KH-UBND". */
  title: z.string(),
  reason: z.string().nullable(),
  document: z.object({
    number: z.string().nullable(),
    date: z.string().nullable(),
    title: z.string().nullable(),
    file: z.object({ id: z.number().int(), filename: z.string() }).nullable(),
  }),
  /** The amendment this one reverts, or the revert that undid this one. */
  revertsId: z.number().int().nullable(),
  revertedById: z.number().int().nullable(),
  by: z.string().nullable(),
  at: z.string(),
});
export type AmendmentSummary = z.infer<typeof amendmentSummarySchema>;

export const revisionListSchema = z.object({
  /**
   * Whether the caller may change this plan (coordinators of its consolidating agency, administrators)
   * and it is still in force: an annulled or replaced plan shows no edit control (nor revert) to anyone.
   */
  canEdit: z.boolean(),
  /** The plan was annulled or replaced and the caller may undo that (whoever may change the plan). */
  canUndoEnd: z.boolean(),
  items: z.array(revisionViewSchema),
  /** The amendments the items refer to (`amendmentId`), newest first. */
  amendments: z.array(amendmentSummarySchema),
});
export type RevisionList = z.infer<typeof revisionListSchema>;

/** Undoes a plan's end (bãi bỏ / thay thế): the plan is in force again, the tasks taken over go back. */
export const planEndUndoRequestSchema = z.object({
  reason: text(2000, 'Hãy ghi lý do hoàn tác'),
});
export type PlanEndUndoRequest = z.infer<typeof planEndUndoRequestSchema>;

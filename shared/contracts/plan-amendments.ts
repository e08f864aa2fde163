import { z } from 'zod';
import {
  revisionTaskFieldsSchema,
  taskAddChangeSchema,
  taskRemoveChangeSchema,
  taskUpdateChangeSchema,
} from './plan-revisions';
import { idParamSchema, isoDateSchema } from './primitives';

/**
 * Amending documents (issue 13, item 2): a document that supplements or adjusts a confirmed plan is
 * uploaded and read into proposed changes of the plan's tasks; the officer reviews them beside the plan as
 * it is, unticks or edits them, and applies the ticked ones as one revision, which can be reverted.
 */

const text = (max: number, message: string) =>
  z.string().trim().min(1, message).max(max, `Tối đa ${max} ký tự`);

/** What an amending document may change: add a task, change one, end one. */
export const amendmentChangeSchema = z.discriminatedUnion('kind', [
  taskAddChangeSchema,
  taskUpdateChangeSchema,
  taskRemoveChangeSchema,
]);
export type AmendmentChange = z.infer<typeof amendmentChangeSchema>;

export const proposedChangeSchema = z.object({
  key: z.string(),
  /** The clause or table row the change was read from, as written. */
  source: z.string(),
  /** The task the document names, as written ("nhiệm vụ số 5 mục IV"); null for a new task. */
  reference: z.string().nullable(),
  change: amendmentChangeSchema,
  /** The task as the plan has it now (changed or ended tasks). */
  current: revisionTaskFieldsSchema.nullable(),
});
export type ProposedChange = z.infer<typeof proposedChangeSchema>;

export const amendmentFileSchema = z.object({
  id: z.number().int(),
  filename: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
});
export type AmendmentFile = z.infer<typeof amendmentFileSchema>;

export const amendmentViewSchema = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  status: z.enum(['draft', 'applied', 'reverted']),
  /** The document's number, date and title as read from its header (null where not found). */
  document: z.object({
    number: z.string().nullable(),
    date: z.string().nullable(),
    title: z.string().nullable(),
    file: amendmentFileSchema.nullable(),
  }),
  changes: z.array(proposedChangeSchema),
  /** What could not be read or matched, in Vietnamese ("Không tìm thấy nhiệm vụ số 12 mục IV trong kế hoạch"). */
  warnings: z.array(z.object({ message: z.string() })),
  /** The plan's task groups, to place a new task in. */
  groups: z.array(z.string()),
});
export type AmendmentView = z.infer<typeof amendmentViewSchema>;

export const applyAmendmentRequestSchema = z.object({
  reason: text(2000, 'Hãy ghi lý do thay đổi'),
  document: z.object({
    number: text(100, 'Hãy ghi số, ký hiệu văn bản điều chỉnh'),
    date: isoDateSchema,
  }),
  changes: z
    .array(amendmentChangeSchema)
    .min(1, 'Hãy chọn ít nhất một thay đổi để áp dụng')
    .max(500, 'Tối đa 500 thay đổi mỗi lần áp dụng'),
});
export type ApplyAmendmentRequest = z.infer<typeof applyAmendmentRequestSchema>;

export const revertAmendmentRequestSchema = z.object({
  reason: text(2000, 'Hãy ghi lý do hoàn tác'),
});
export type RevertAmendmentRequest = z.infer<typeof revertAmendmentRequestSchema>;

export const planAmendmentParamsSchema = z.object({ id: idParamSchema, amendmentId: idParamSchema });
export const planFileParamsSchema = z.object({ id: idParamSchema, fileId: idParamSchema });

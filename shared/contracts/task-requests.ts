import { z } from 'zod';
import { idParamSchema, idSchema, isoDateSchema } from './primitives';
import { planRefSchema } from './reporting';

/**
 * Requests from agencies (issue 13, item 4): a task's lead agency asks to extend the task's deadline or
 * to hand the task to another lead agency, with a reason; the plan's consolidating coordinators approve
 * (the change becomes a plan revision citing the request) or refuse with a reason.
 */

export const TASK_REQUEST_KINDS = ['extend', 'reassign'] as const;
export type TaskRequestKind = (typeof TASK_REQUEST_KINDS)[number];
export const TASK_REQUEST_STATES = ['pending', 'approved', 'refused'] as const;
export type TaskRequestState = (typeof TASK_REQUEST_STATES)[number];

export const TASK_REQUEST_KIND_LABELS: Record<TaskRequestKind, string> = {
  extend: 'Gia hạn thời hạn hoàn thành',
  reassign: 'Chuyển cơ quan chủ trì',
};
export const TASK_REQUEST_STATE_LABELS: Record<TaskRequestState, string> = {
  pending: 'Chờ duyệt',
  approved: 'Đã chấp thuận',
  refused: 'Không chấp thuận',
};

const reasonSchema = (message: string) =>
  z.string(message).trim().min(1, message).max(2000, 'Tối đa 2000 ký tự');

/** The agency's document asking for the change, uploaded first (`POST /api/tasks/:id/request-files`). */
const fileIdSchema = idSchema.nullable().optional();

/** File types a request's document may have: the agency's signed letter or its draft. */
export const TASK_REQUEST_FILE_EXTENSIONS = ['pdf', 'docx', 'doc', 'odt'] as const;

export const taskRequestFileSchema = z.object({
  id: z.number().int(),
  filename: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
});
export type TaskRequestFile = z.infer<typeof taskRequestFileSchema>;

export const createTaskRequestSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('extend'),
    /** The deadline asked for. */
    newDeadline: isoDateSchema,
    reason: reasonSchema('Hãy ghi lý do đề nghị gia hạn'),
    fileId: fileIdSchema,
  }),
  z.object({
    kind: z.literal('reassign'),
    /** The registry agency asked to lead the task instead of the requesting one. */
    newLeadOrganisationId: idSchema,
    reason: reasonSchema('Hãy ghi lý do đề nghị chuyển cơ quan chủ trì'),
    fileId: fileIdSchema,
  }),
]);
export type CreateTaskRequest = z.infer<typeof createTaskRequestSchema>;

export const decideTaskRequestSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve'), reason: z.string().trim().max(2000).nullable().optional() }),
  z.object({ decision: z.literal('refuse'), reason: reasonSchema('Hãy ghi lý do không chấp thuận') }),
]);
export type DecideTaskRequest = z.infer<typeof decideTaskRequestSchema>;

export const taskRequestSchema = z.object({
  id: z.number().int(),
  plan: planRefSchema,
  task: z.object({ id: z.number().int(), ordinal: z.string(), content: z.string(), deadline: z.string() }),
  kind: z.enum(TASK_REQUEST_KINDS),
  /** "Gia hạn đến 31/12/2026", "Chuyển chủ trì sang Sở Tài chính". */
  summary: z.string(),
  organisation: z.object({ id: z.number().int(), name: z.string() }),
  newDeadline: z.string().nullable(),
  newLead: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  reason: z.string(),
  /**
   * The agency's document (download: `GET /api/task-requests/:requestId/file`); present only when the
   * caller may download it (the requesting agency, the plan's consolidating agency, administrators).
   */
  file: taskRequestFileSchema.nullable(),
  state: z.enum(TASK_REQUEST_STATES),
  by: z.string().nullable(),
  at: z.string(),
  decision: z.object({ reason: z.string().nullable(), by: z.string().nullable(), at: z.string() }).nullable(),
  /** The plan revision an approval made. */
  revisionId: z.number().int().nullable(),
  /** Whether the caller may approve or refuse it now. */
  canDecide: z.boolean(),
});
export type TaskRequestView = z.infer<typeof taskRequestSchema>;

export const taskRequestListSchema = z.object({
  items: z.array(taskRequestSchema),
  /** Whether the caller may file a request on this task (a user of its lead agency). */
  canFile: z.boolean(),
});
export type TaskRequestList = z.infer<typeof taskRequestListSchema>;

export const taskRequestQueueQuerySchema = z.object({
  state: z.enum(TASK_REQUEST_STATES).default('pending'),
});

export const taskRequestQueueSchema = z.object({
  items: z.array(taskRequestSchema),
  counts: z.object({ pending: z.number().int(), approved: z.number().int(), refused: z.number().int() }),
});
export type TaskRequestQueue = z.infer<typeof taskRequestQueueSchema>;

export const taskRequestIdParamsSchema = z.object({ requestId: idParamSchema });
export const taskRequestParamsSchema = z.object({ id: idParamSchema, requestId: idParamSchema });
export const taskIdParamsSchema = z.object({ id: idParamSchema });

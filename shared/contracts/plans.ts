import { z } from 'zod';
import { ORGANISATION_GROUP_KEYS } from '../domain/organisations/groups';
import { TASK_STATUS_CODES } from '../domain/task-status/categories';
import { successionStepSchema } from './organisations';
import {
  DEADLINE_KINDS,
  PLAN_KINDS,
  planRegimeSchema,
  planSectionSchema,
  planTargetSchema,
  taskExtraFieldSchema,
} from './plan-draft';
import { idParamSchema, pagedListSchema, pageSchema, pageSizeSchema, yearSchema } from './primitives';
import { taskStatusViewSchema } from './reporting';

/** An agency as a plan names it: the words used, and who that is in the registry if known. */
export const planAgencySchema = z.object({
  text: z.string(),
  organisationId: z.number().int().nullable(),
  organisationName: z.string().nullable(),
  groupKey: z.enum(ORGANISATION_GROUP_KEYS).nullable(),
  /**
   * Where the agency's work went when it was reorganised (issue 14): "→ Sở Tài chính từ 01/03/2025".
   * Absent when the registry records no successor.
   */
  chain: z.array(successionStepSchema).optional(),
});
export type PlanAgency = z.infer<typeof planAgencySchema>;

export const planSummarySchema = z.object({
  id: z.number().int(),
  /** What kind of document the plan came in (a Kế hoạch, a Quyết định issuing one, …). */
  kind: z.enum(PLAN_KINDS),
  number: z.string().nullable(),
  title: z.string(),
  issuer: z.string().nullable(),
  issuedOn: z.string().nullable(),
  taskCount: z.number().int(),
  targetCount: z.number().int(),
  createdAt: z.string(),
});
export type PlanSummary = z.infer<typeof planSummarySchema>;

/** One page of the plan list, newest first (issued date, then id): a stable order across pages. */
export const planListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  page: pageSchema,
  pageSize: pageSizeSchema(200, 20),
});
export type PlanListQuery = z.infer<typeof planListQuerySchema>;
export const planListResponseSchema = pagedListSchema(planSummarySchema);

export const planTargetViewSchema = planTargetSchema.extend({
  id: z.number().int(),
  ordinal: z.number().int(),
});

export const planDutyViewSchema = z.object({
  id: z.number().int(),
  ordinal: z.string(),
  /** The heading as written ("Báo Hưng Yên, Đài Phát thanh và Truyền hình Hưng Yên"). */
  agencyText: z.string(),
  agencies: z.array(planAgencySchema),
  paragraphs: z.array(z.string()),
});
export type PlanDutyView = z.infer<typeof planDutyViewSchema>;

/** A plan no longer in force (issue 13, item 6): annulled, or replaced by another plan, from a date. */
export const planEndSchema = z.object({
  kind: z.enum(['annulled', 'replaced']),
  on: z.string(),
  replacedBy: z.object({ id: z.number().int(), number: z.string().nullable(), title: z.string() }).nullable(),
  /** "Kế hoạch đã được thay thế bởi 12/KH-UBND · … từ ngày 01/12/2026". */
  text: z.string(),
});

export const planDetailSchema = planSummarySchema.extend({
  place: z.string().nullable(),
  /** Null while the plan is in force. */
  end: planEndSchema.nullable(),
  basis: z.array(z.string()),
  sections: z.array(planSectionSchema),
  targets: z.array(planTargetViewSchema),
  regime: planRegimeSchema.extend({ consolidatorAgency: planAgencySchema.nullable() }).nullable(),
  duties: z.array(planDutyViewSchema),
  document: z
    .object({ id: z.number().int(), filename: z.string(), sha256: z.string(), size: z.number().int() })
    .nullable(),
  importId: z.number().int().nullable(),
  /** The period of implementation, when the plan was entered by hand with one. */
  span: z.object({ fromYear: z.number().int().nullable(), toYear: z.number().int().nullable() }).nullable(),
});
export type PlanDetail = z.infer<typeof planDetailSchema>;

export const planTaskViewSchema = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  ordinal: z.string(),
  group: z.string().nullable(),
  content: z.string(),
  product: z.string().nullable(),
  deadline: z.object({
    kind: z.enum(DEADLINE_KINDS),
    from: z.string().nullable(),
    to: z.string().nullable(),
    text: z.string(),
  }),
  /** Usually one; a cell naming several agencies gives several. */
  leads: z.array(planAgencySchema),
  coordinators: z.array(planAgencySchema),
  /** The task table's extra columns, as written (absent when it had none). */
  extra: z.array(taskExtraFieldSchema).optional(),
  /** The date the task stopped being in force (removed by a revision of the plan); absent while it is. */
  removedOn: z.string().optional(),
  /** The date a task added by a revision came into force; absent for the plan's own tasks. */
  addedOn: z.string().optional(),
  /** The task of a replaced plan this one continues (issue 13, item 6). */
  continuesFrom: z
    .object({ planId: z.number().int(), taskId: z.number().int(), label: z.string() })
    .optional(),
  /**
   * The latest change of the deadline, told: "Gia hạn đến 31/12/2027, trước là 31/12/2022", with the
   * revision's reason, document and the date it took effect (absent when the deadline never changed).
   */
  deadlineChange: z
    .object({
      text: z.string(),
      reason: z.string(),
      document: z.object({ number: z.string(), date: z.string().nullable() }).nullable(),
      effectiveOn: z.string(),
    })
    .optional(),
});
export type PlanTaskView = z.infer<typeof planTaskViewSchema>;

export const planIdParamsSchema = z.object({ id: idParamSchema });
export const planTaskParamsSchema = z.object({
  id: idParamSchema,
  taskId: idParamSchema,
});

export const TASK_LIST_SORTS = ['ordinal', 'deadline', 'status'] as const;
export type TaskListSort = (typeof TASK_LIST_SORTS)[number];

export const taskListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  /** Tasks this agency (an organisation) takes part in. */
  organisationId: idParamSchema.optional(),
  /** How the agency takes part: as lead, as coordinator (directly or through a named group), or either. */
  agencyRole: z.enum(['lead', 'coordinator', 'any']).default('any'),
  /**
   * The agency as the plan names it ('plan'), or as it is now ('now'): then the tasks of the agencies
   * whose work has passed to it (Sở Kế hoạch và Đầu tư's for Sở Tài chính) are its tasks too.
   */
  agencyAs: z.enum(['plan', 'now']).default('plan'),
  product: z.string().trim().max(200).optional(),
  deadlineKind: z.enum(DEADLINE_KINDS).optional(),
  /** Tasks due in (or spanning, or recurring in) this year. */
  deadlineYear: z.coerce.number().pipe(yearSchema).optional(),
  group: z.string().trim().max(300).optional(),
  /** Tasks that name this agency group ("Các sở, ban, ngành"), as the dashboard's group filter counts them. */
  groupKey: z.enum(ORGANISATION_GROUP_KEYS).optional(),
  /** The year statuses are judged for (recurring tasks are judged per year); default: this year in Vietnam. */
  year: z.coerce.number().pipe(yearSchema).optional(),
  /** Only tasks in this status category (the VPCP's). */
  status: z.enum(TASK_STATUS_CODES).optional(),
  /**
   * Order of the list: as in the plan (ordinal), by due date (tasks without one last), or by status,
   * most urgent first (quá hạn, chưa báo cáo, đang thực hiện, chưa đến hạn, hoàn thành quá hạn, đúng hạn).
   */
  sort: z.enum(TASK_LIST_SORTS).default('ordinal'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: pageSchema,
  pageSize: pageSizeSchema(200, 50),
});
export type TaskListQuery = z.infer<typeof taskListQuerySchema>;

/** A task in the plan's list, with its status for the year asked (from the stored statuses). */
export const planTaskListItemSchema = planTaskViewSchema.extend({ status: taskStatusViewSchema });
export type PlanTaskListItem = z.infer<typeof planTaskListItemSchema>;

export const taskListResponseSchema = pagedListSchema(planTaskListItemSchema).extend({
  /** The year the statuses are judged for. */
  year: z.number().int(),
});

/** Values to fill the task filters with: only what occurs in this plan. */
export const taskFacetsSchema = z.object({
  products: z.array(z.string()),
  groups: z.array(z.string()),
  agencies: z.array(z.object({ id: z.number().int(), name: z.string() })),
  years: z.array(z.number().int()),
});

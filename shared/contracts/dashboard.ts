import { z } from 'zod';
import { ORGANISATION_GROUP_KEYS } from '../domain/organisations/groups';
import { TASK_STATUS_CODES } from '../domain/task-status/categories';
import { indicatorTargetSchema, VALUE_KINDS, VALUE_STATUSES } from './indicators';
import { agencyAsSchema } from './organisations';
import { idParamSchema, idResponseSchema, isoDateSchema, yearSchema } from './primitives';
import {
  directiveSchema,
  organisationRefSchema,
  REPORT_STATES,
  reportingRateSchema,
  reportPeriodRefSchema,
  taskStatusSummarySchema,
} from './reporting';

/**
 * The leaders' and coordinators' dashboard: every plan at a glance, then one plan in depth. Task counts
 * use the Government Office's status categories (shared/domain/task-status); rates are DHIS2's.
 */

const id = idResponseSchema;
const yearQuery = z.coerce.number().pipe(yearSchema).optional();

export const planHeadSchema = z.object({ id, number: z.string().nullable(), title: z.string() });

/** Targets of a plan by how their evaluation stands today. */
export const targetTallySchema = z.object({
  total: z.number().int(),
  /** "Có nguy cơ không đạt" or "Khó có khả năng đạt": still open, but behind. */
  atRisk: z.number().int(),
  /** "Không đạt": the period is over and the target was not reached. */
  missed: z.number().int(),
  /** "Đạt", "Vượt" or "Đúng tiến độ". */
  onTrack: z.number().int(),
  noData: z.number().int(),
});

/** The period whose reports a plan is waiting for, with its reporting rate. */
export const periodRateSchema = z.object({ period: reportPeriodRefSchema, rate: reportingRateSchema });

// ---------------------------------------------------------------- every plan

export const dashboardQuerySchema = z.object({
  /** Year the tasks are judged for (recurring tasks are due every year); default: this year. */
  year: yearQuery,
});

export const dashboardPlanRowSchema = z.object({
  plan: planHeadSchema,
  tasks: taskStatusSummarySchema,
  /** The open period (the latest open one; else the latest period); null when none was opened. */
  reporting: periodRateSchema.nullable(),
  targets: targetTallySchema,
});
export type DashboardPlanRow = z.infer<typeof dashboardPlanRowSchema>;

export const dashboardResponseSchema = z.object({
  year: z.number().int(),
  today: isoDateSchema,
  items: z.array(dashboardPlanRowSchema),
});
export type DashboardResponse = z.infer<typeof dashboardResponseSchema>;

// ---------------------------------------------------------------- one plan

export const dashboardPlanParamsSchema = z.object({ id: idParamSchema });

export const dashboardPlanQuerySchema = z.object({
  year: yearQuery,
  /** The period whose reports are shown (not reported, difficulties); default: the open one. */
  periodId: idParamSchema.optional(),
  /** Tasks this agency takes part in (named, or through a group it belongs to). */
  organisationId: idParamSchema.optional(),
  /** Tasks of this task group (the plan's "nhóm nhiệm vụ"), as the task list's `group`. */
  group: z.string().trim().max(300).optional(),
  /** Tasks that name this agency group ("Các sở, ban, ngành"). */
  groupKey: z.enum(ORGANISATION_GROUP_KEYS).optional(),
  /**
   * Agencies as the plan named them (`plan`) or as they are now (`now`, default: a merged agency's
   * tasks and reports count under its successor), for the agency filter, the chart by lead agency and
   * who has not reported (issue 14).
   */
  agencyAs: agencyAsSchema,
});
export type DashboardPlanQuery = z.infer<typeof dashboardPlanQuerySchema>;

const statusCountsSchema = z.object(
  Object.fromEntries(TASK_STATUS_CODES.map((c) => [c, z.number().int()])) as Record<
    (typeof TASK_STATUS_CODES)[number],
    z.ZodNumber
  >,
);

/**
 * A lead agency, as the plan named it or as it is now (the query's `agencyAs`): as now, a merged agency
 * shows as its successor with the name the plan used; as the plan named it, with "nay là …".
 */
export const leadAgencySchema = z.object({
  /** The registry agency counted (the task list filters by it, with the same `agencyAs`); null for a group or free text. */
  organisationId: id.nullable(),
  name: z.string(),
  /** As now: the name the plan used, when the agency has since passed its work to a successor. */
  formerName: z.string().nullable(),
  /** As the plan named it: the agency that answers for the work today, when it is another ("nay là …"). */
  currentName: z.string().nullable(),
});
export type LeadAgency = z.infer<typeof leadAgencySchema>;

export const agencyTaskCountsSchema = z.object({
  agency: leadAgencySchema,
  counts: statusCountsSchema,
  total: z.number().int(),
});

export const overdueTaskSchema = z.object({
  task: z.object({ id, ordinal: z.string(), content: z.string(), group: z.string().nullable() }),
  leads: z.array(leadAgencySchema),
  dueDate: isoDateSchema.nullable(),
  daysLate: z.number().int().nullable(),
});

export const notReportedSchema = z.object({
  /** The agency as the query's `agencyAs` counts it (the successor, as now). */
  organisation: organisationRefSchema,
  /** As now: the agency whose report it is, when it has since been merged into `organisation`. */
  formerName: z.string().nullable(),
  /** As the plan named it: the agency answering for the report today, when it is another. */
  currentName: z.string().nullable(),
  reportId: id,
  state: z.enum(REPORT_STATES),
});

export const dashboardTargetSchema = indicatorTargetSchema.extend({
  indicator: z.object({
    id,
    code: z.string(),
    name: z.string(),
    unit: z.string(),
    valueKind: z.enum(VALUE_KINDS),
  }),
  /** The indicator's values that count, by year (accepted, firmest status). */
  series: z.array(z.object({ year: z.number().int(), value: z.number(), status: z.enum(VALUE_STATUSES) })),
});
export type DashboardTarget = z.infer<typeof dashboardTargetSchema>;

export const dashboardDirectiveSchema = directiveSchema.extend({
  /** The task's ordinal, or the agency whose report the directive is about. */
  taskOrdinal: z.string().nullable(),
  reportOrganisation: z.string().nullable(),
});

/** Difficulties and proposals an agency raised, on its report as a whole or on one task. */
export const concernSchema = z.object({
  reportId: id,
  organisation: organisationRefSchema,
  task: z.object({ id, ordinal: z.string() }).nullable(),
  difficulties: z.string().nullable(),
  proposals: z.string().nullable(),
});

export const dashboardPlanResponseSchema = z.object({
  plan: planHeadSchema,
  year: z.number().int(),
  today: isoDateSchema,
  tasks: taskStatusSummarySchema,
  byLeadAgency: z.array(agencyTaskCountsSchema),
  overdue: z.array(overdueTaskSchema),
  reporting: periodRateSchema.nullable(),
  notReported: z.array(notReportedSchema),
  targets: z.array(dashboardTargetSchema),
  directives: z.array(dashboardDirectiveSchema),
  concerns: z.array(concernSchema),
});
export type DashboardPlan = z.infer<typeof dashboardPlanResponseSchema>;

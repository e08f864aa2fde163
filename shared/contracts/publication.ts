import { z } from 'zod';
import { evaluationSchema } from './indicators';
import { PLAN_KINDS, TARGET_KINDS } from './plan-draft';
import { idParamSchema, isoDateSchema, isoDateTimeSchema } from './primitives';
import { taskStatusSummarySchema } from './reporting';

/**
 * A plan's public page (issue 11): what anyone may read without signing in once the plan's
 * consolidating agency publishes it, and the switch that puts it up or takes it down. The public
 * answer carries no person (no user, e-mail, agency contact), no report text and nothing not yet
 * accepted: targets are evaluated from accepted values only, tasks counted from the stored statuses.
 */

export const publicationParamsSchema = z.object({ id: idParamSchema });

/** The switch as the plan page shows it. */
export const publicationStateSchema = z.object({
  published: z.boolean(),
  publishedAt: isoDateTimeSchema.nullable(),
  /** Who put it up (shown to signed-in users only; the public answer never names anyone). */
  publishedBy: z.string().nullable(),
  /** Whether the caller may put it up or take it down (the consolidating agency's coordinator, admin). */
  canChange: z.boolean(),
  /** The public page's address in the web client, e.g. /cong-khai/ke-hoach/12. */
  publicPath: z.string(),
});
export type PublicationState = z.infer<typeof publicationStateSchema>;

export const publicTargetSchema = z.object({
  ordinal: z.number().int(),
  text: z.string(),
  subject: z.string(),
  kind: z.enum(TARGET_KINDS),
  min: z.number().nullable(),
  max: z.number().nullable(),
  unit: z.string(),
  approximate: z.boolean(),
  fromYear: z.number().int().nullable(),
  toYear: z.number().int().nullable(),
  /** The indicator's name and unit the evaluation reads. */
  indicator: z.object({ name: z.string(), unit: z.string() }),
  evaluation: evaluationSchema,
});
export type PublicTarget = z.infer<typeof publicTargetSchema>;

export const publicPlanSchema = z.object({
  plan: z.object({
    id: z.number().int(),
    kind: z.enum(PLAN_KINDS),
    number: z.string().nullable(),
    title: z.string(),
    issuer: z.string().nullable(),
    place: z.string().nullable(),
    issuedOn: isoDateSchema.nullable(),
  }),
  targets: z.array(publicTargetSchema),
  /** Task counts by the Government Office's categories, for `year`, from the stored statuses. */
  tasks: z.object({ year: z.number().int(), summary: taskStatusSummarySchema }),
  /** The day (Vietnam) the figures are for, and when the page was put up. */
  asOf: isoDateSchema,
  publishedAt: isoDateTimeSchema,
});
export type PublicPlan = z.infer<typeof publicPlanSchema>;

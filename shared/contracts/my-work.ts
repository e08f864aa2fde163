import { z } from 'zod';
import { successionStepSchema } from './organisations';
import { REPORT_STATES } from './reporting';

/**
 * A reporter's home (GET /api/my-work/agenda): what the agency has to do now. Reports still to send in
 * open periods (returned ones first) with their plan and days left, and the agency's overdue tasks.
 */

const planRefSchema = z.object({ id: z.number().int(), number: z.string().nullable(), title: z.string() });

export const agendaReportSchema = z.object({
  id: z.number().int(),
  state: z.enum(REPORT_STATES),
  periodTitle: z.string(),
  dueOn: z.string(),
  /** Days from today (Vietnam) to the due date; negative once past it. */
  daysLeft: z.number().int(),
  plan: planRefSchema,
  returnedReason: z.string().nullable(),
  link: z.string(),
});
export type AgendaReport = z.infer<typeof agendaReportSchema>;

export const agendaTaskSchema = z.object({
  id: z.number().int(),
  ordinal: z.string(),
  content: z.string(),
  deadlineText: z.string(),
  dueDate: z.string().nullable(),
  daysLate: z.number().int().nullable(),
  /** Lead agencies as the plan names them. */
  leads: z.array(z.string()),
  plan: planRefSchema,
  link: z.string(),
});
export type AgendaTask = z.infer<typeof agendaTaskSchema>;

export const agendaResponseSchema = z.object({
  today: z.string(),
  organisation: z.object({
    id: z.number().int(),
    name: z.string(),
    /** Where its work went, when reorganised (issue 14): "→ Sở Tài chính từ 01/03/2025". */
    chain: z.array(successionStepSchema).optional(),
  }),
  /** Open periods, not yet accepted: returned first, then drafts, then those awaiting review; earliest due first. */
  reports: z.array(agendaReportSchema),
  /** Tasks the agency takes part in that are overdue this year (task-status-service.ts), most late first. */
  overdueTasks: z.array(agendaTaskSchema),
  /** The agency's accepted reports, still findable from the list of all its reports. */
  acceptedCount: z.number().int(),
});
export type AgendaResponse = z.infer<typeof agendaResponseSchema>;

import { z } from 'zod';
import { TASK_STATUS_CODES } from '../domain/task-status/categories';
import { AGENCY_AS, agencyAsSchema, successionStepSchema } from './organisations';
import { DEADLINE_KINDS } from './plan-draft';
import {
  idParamSchema,
  idResponseSchema,
  idSchema,
  isoDateSchema,
  pagedListSchema,
  pageSchema,
  pageSizeSchema,
  versionSchema,
  yearSchema,
} from './primitives';
import { ENTRY_FIELDS, REPORT_FIELDS, saveShape, viewShape } from './report-fields';

/**
 * The reporting cycle: periods opened from a plan's regime, one report per agency and period, entries
 * per task (lead / support), the draft → submitted → accepted | returned workflow, kept versions,
 * directives, task statuses and reporting rates. Dates are ISO 'YYYY-MM-DD'; instants ISO 8601 UTC.
 */

const isoDate = isoDateSchema;
const id = idResponseSchema;
const idParam = idParamSchema;
const page = pageSchema;
const pageSize = pageSizeSchema;
const text = (max: number) => z.string().max(max, `Tối đa ${max} ký tự`);

// ---------------------------------------------------------------- vocabularies

export const PERIOD_KINDS = ['annual', 'mid_term', 'final', 'ad_hoc'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = {
  annual: 'Báo cáo năm',
  mid_term: 'Sơ kết',
  final: 'Tổng kết',
  ad_hoc: 'Báo cáo đột xuất',
};

export const PERIOD_STATES = ['open', 'closed'] as const;
export type PeriodState = (typeof PERIOD_STATES)[number];
export const PERIOD_STATE_LABELS: Record<PeriodState, string> = { open: 'Đang mở', closed: 'Đã đóng' };

export const REPORT_STATES = ['draft', 'submitted', 'accepted', 'returned'] as const;
export type ReportState = (typeof REPORT_STATES)[number];
export const REPORT_STATE_LABELS: Record<ReportState, string> = {
  draft: 'Đang soạn',
  submitted: 'Đã gửi, chờ tiếp nhận',
  accepted: 'Đã tiếp nhận',
  returned: 'Bị trả lại',
};

/** How the agency takes part in the task: chủ trì (lead) or phối hợp (support). */
export const ENTRY_ROLES = ['lead', 'support'] as const;
export type EntryRole = (typeof ENTRY_ROLES)[number];
export const ENTRY_ROLE_LABELS: Record<EntryRole, string> = { lead: 'Chủ trì', support: 'Phối hợp' };

export const ENTRY_PROGRESS = ['not_started', 'in_progress', 'completed'] as const;
export type EntryProgress = (typeof ENTRY_PROGRESS)[number];
export const ENTRY_PROGRESS_LABELS: Record<EntryProgress, string> = {
  not_started: 'Chưa triển khai',
  in_progress: 'Đang thực hiện',
  completed: 'Hoàn thành',
};

// ---------------------------------------------------------------- shared pieces

export const personRefSchema = z.object({ id, name: z.string() });
export const organisationRefSchema = z.object({ id, name: z.string() });

/**
 * The plan a report, a notification or a card belongs to, named so that two annual reports of one
 * agency can be told apart: `label` is "148/KH-UBND · Phát triển công nghiệp hỗ trợ"
 * (number and short title, shared/domain/plans/short-title.ts).
 */
export const planRefSchema = z.object({
  id,
  number: z.string().nullable(),
  title: z.string(),
  label: z.string(),
});
export type PlanRef = z.infer<typeof planRefSchema>;

/** A task's status in the Government Office's categories (shared/domain/task-status), with its reason. */
export const taskStatusViewSchema = z.object({
  code: z.enum(TASK_STATUS_CODES),
  label: z.string(),
  dueDate: isoDate.nullable(),
  daysLate: z.number().int().nullable(),
  reason: z.string(),
});
export type TaskStatusView = z.infer<typeof taskStatusViewSchema>;

export const reportTaskSchema = z.object({
  id,
  planId: id,
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
});
export type ReportTask = z.infer<typeof reportTaskSchema>;

export const attachmentSchema = z.object({
  id,
  reportId: id,
  filename: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
  uploadedBy: personRefSchema.nullable(),
  /** GET this to download (same session; only for those who may read the report). */
  url: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;
/** Files one task entry may hold: enough for a decision with its annexes, a bound on a request. */
export const ENTRY_FILES_MAX = 50;

// ---------------------------------------------------------------- periods

export const periodExtensionSchema = z.object({
  fromDueOn: isoDate,
  toDueOn: isoDate,
  reason: z.string(),
  at: z.string(),
  by: personRefSchema.nullable(),
});

export const periodCountsSchema = z.object({
  /** Reports expected = agencies with tasks in the period. */
  expected: z.number().int(),
  draft: z.number().int(),
  submitted: z.number().int(),
  returned: z.number().int(),
  accepted: z.number().int(),
});

export const periodSchema = z.object({
  id,
  planId: id,
  planTitle: z.string(),
  kind: z.enum(PERIOD_KINDS),
  /** The year reported on (for ad-hoc requests, the year of the due date). */
  year: z.number().int(),
  title: z.string(),
  /** Ngày chốt số liệu (14/12 for annual reports, Decree 09/2019/NĐ-CP); null when not set. */
  dataClosingOn: isoDate.nullable(),
  dueOn: isoDate,
  state: z.enum(PERIOD_STATES),
  openedAt: z.string(),
  openedBy: personRefSchema.nullable(),
  closedAt: z.string().nullable(),
  closedBy: personRefSchema.nullable(),
  extensions: z.array(periodExtensionSchema),
  counts: periodCountsSchema,
  /**
   * What the last generation of reports could hand to no agency, in Vietnamese: a named group naming
   * nobody on the due date ("UBND các xã, phường" before the communes are in the registry), an ended
   * agency without successor. Empty when every task reached someone.
   */
  warnings: z.array(z.string()),
});
export type Period = z.infer<typeof periodSchema>;

export const planPeriodsParamsSchema = z.object({ id: idParam });
export const periodParamsSchema = z.object({ id: idParam });

export const periodListResponseSchema = z.object({ items: z.array(periodSchema) });

/** What the plan's regime calls for, and whether it is already open. */
export const periodProposalSchema = z.object({
  kind: z.enum(PERIOD_KINDS),
  year: z.number().int(),
  title: z.string(),
  dataClosingOn: isoDate.nullable(),
  dueOn: isoDate,
  periodId: id.nullable(),
});
export const periodProposalsResponseSchema = z.object({ items: z.array(periodProposalSchema) });

/**
 * Open a period. For annual / mid_term / final, dates default from the regime (due annualDueDay/Month,
 * default 15/12; data closing the day before) and opening an existing (plan, kind, year) returns it
 * again after adding reports for agencies that have gained tasks (idempotent). ad_hoc needs title and
 * dueOn and always creates a new period.
 */
export const openPeriodRequestSchema = z
  .object({
    kind: z.enum(PERIOD_KINDS),
    year: yearSchema.optional(),
    title: text(300).trim().min(1).optional(),
    dataClosingOn: isoDate.nullable().optional(),
    dueOn: isoDate.optional(),
  })
  .refine((b) => b.kind !== 'ad_hoc' || (b.dueOn !== undefined && b.title !== undefined), {
    message: 'Báo cáo đột xuất cần tiêu đề và hạn nộp.',
    path: ['dueOn'],
  })
  .refine((b) => b.kind !== 'annual' || b.year !== undefined, {
    message: 'Cần chọn năm báo cáo.',
    path: ['year'],
  });
export type OpenPeriodRequest = z.infer<typeof openPeriodRequestSchema>;

export const extendPeriodRequestSchema = z.object({
  dueOn: isoDate,
  reason: text(1000).trim().min(3, 'Hãy ghi lý do gia hạn.'),
});
export type ExtendPeriodRequest = z.infer<typeof extendPeriodRequestSchema>;

// ---------------------------------------------------------------- reports

export const reportListQuerySchema = z.object({
  periodId: idParam.optional(),
  planId: idParam.optional(),
  organisationId: idParam.optional(),
  state: z.enum(REPORT_STATES).optional(),
  /** Only reports of open (or closed) periods. */
  periodState: z.enum(PERIOD_STATES).optional(),
  /**
   * `due` (default): latest due date first, then agency. `work` ("Việc của tôi"): returned first, then
   * drafts, sent, accepted; open periods before closed ones; earliest due first.
   */
  sort: z.enum(['due', 'work']).default('due'),
  page,
  pageSize: pageSize(200, 50),
});
export type ReportListQuery = z.infer<typeof reportListQuerySchema>;

export const reportPeriodRefSchema = z.object({
  id,
  planId: id,
  kind: z.enum(PERIOD_KINDS),
  year: z.number().int(),
  title: z.string(),
  dataClosingOn: isoDate.nullable(),
  dueOn: isoDate,
  state: z.enum(PERIOD_STATES),
});

/** The agency that made the report; it stays the report's agency when later reorganised (issue 14). */
export const reportAgencySchema = organisationRefSchema.extend({
  /** Where its work went since, when reorganised: "→ Sở Tài chính từ 01/03/2025". Absent otherwise. */
  chain: z.array(successionStepSchema).optional(),
});

export const reportSummarySchema = z.object({
  id,
  period: reportPeriodRefSchema,
  plan: planRefSchema,
  organisation: reportAgencySchema,
  state: z.enum(REPORT_STATES),
  /** Optimistic-lock counter: send it back with every save / submit / accept / return. */
  version: z.number().int(),
  leadCount: z.number().int(),
  supportCount: z.number().int(),
  /** Latest submission. */
  submittedAt: z.string().nullable(),
  firstSubmittedAt: z.string().nullable(),
  /** The first submission came after the due date (end of dueOn, Vietnam time). */
  late: z.boolean(),
  acceptedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  returnedReason: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: personRefSchema.nullable(),
  versionCount: z.number().int(),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;

export const reportListResponseSchema = pagedListSchema(reportSummarySchema);

const progressSchema = z.enum(ENTRY_PROGRESS).nullable();
/** An entry's fields as read (entry view and task history). */
const entryViewFields = viewShape(ENTRY_FIELDS, {
  progress: progressSchema,
  /** The product files, in the order attached. */
  files: z.array(attachmentSchema),
});

export const ENTRY_REVIEW_STATES = ['pending', 'accepted', 'returned'] as const;
export const ENTRY_REVIEW_LABELS: Record<(typeof ENTRY_REVIEW_STATES)[number], string> = {
  pending: 'Chờ xem xét',
  accepted: 'Đã chấp nhận',
  returned: 'Bị trả lại',
};

export const reportEntrySchema = z.object({
  id,
  task: reportTaskSchema,
  role: z.enum(ENTRY_ROLES),
  /** The fields of shared/contracts/report-fields.ts; `result` is sanitised HTML (p, br, strong/b, em/i, u, s, ul, ol, li, blockquote, a[href http(s)/mailto]). */
  ...entryViewFields,
  /** Status from this entry's own values, the task's deadline for the period's year, and today. */
  status: taskStatusViewSchema,
  /**
   * Per-task confirmation (issue 13, item 7): `pending` sent and waiting, `accepted` by the coordinator
   * (locked), `returned` with the coordinator's comment (the agency corrects and sends this task again).
   */
  review: z.object({
    state: z.enum(ENTRY_REVIEW_STATES),
    comment: z.string().nullable(),
    at: z.string().nullable(),
  }),
});
export type ReportEntry = z.infer<typeof reportEntrySchema>;

/** What the signed-in user may do with this report right now (the UI shows buttons from it). */
export const reportAbilitiesSchema = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  review: z.boolean(),
  direct: z.boolean(),
  /** Accept or return one task's entry (the report is sent and the caller reviews reports). */
  reviewEntries: z.boolean(),
  /** Correct and send again the entries returned to the agency (its reporters, the period open). */
  resubmitEntries: z.boolean(),
});

export const reportDetailSchema = reportSummarySchema.extend({
  /** The fields of report-fields.ts; `summary` is sanitised HTML like entries' `result`, the other texts plain. */
  ...viewShape(REPORT_FIELDS, {}),
  /** Tasks the agency leads (chủ trì). */
  lead: z.array(reportEntrySchema),
  /** Tasks the agency supports (phối hợp), directly or through a named group. */
  support: z.array(reportEntrySchema),
  can: reportAbilitiesSchema,
  /** The agency that receives and consolidates the plan's reports (the plan's consolidator); null if unknown. */
  consolidatorName: z.string().nullable(),
});
export type ReportDetail = z.infer<typeof reportDetailSchema>;

export const reportParamsSchema = z.object({ id: idParam });

/** Omitted field = unchanged; null = cleared. Entries are addressed by their id. */
export const saveEntrySchema = z.object({
  id: idSchema,
  /**
   * attachmentIds: every file the entry keeps, each uploaded to this report (POST
   * /reports/:reportId/attachments); files left out are detached (the file itself stays stored).
   */
  ...saveShape(ENTRY_FIELDS, {
    progress: progressSchema.optional(),
    attachmentIds: z
      .array(idSchema)
      .max(ENTRY_FILES_MAX, `Tối đa ${ENTRY_FILES_MAX} tệp cho một nhiệm vụ`)
      .optional(),
  }),
});
export type SaveEntry = z.infer<typeof saveEntrySchema>;

export const saveReportRequestSchema = z.object({
  version: versionSchema,
  /** `summary` is HTML from the editor, sanitised on save (see reportEntrySchema.result). */
  ...saveShape(REPORT_FIELDS, {}),
  entries: z.array(saveEntrySchema).max(2000).optional(),
});
export type SaveReportRequest = z.infer<typeof saveReportRequestSchema>;

export const versionedActionRequestSchema = z.object({ version: versionSchema });

export const entryParamsSchema = z.object({ id: idParam, entryId: idParam });

/** The coordinator's decision on one task's entry of a sent report. */
export const reviewEntryRequestSchema = z.discriminatedUnion('decision', [
  z.object({ version: versionSchema, decision: z.literal('accept') }),
  z.object({
    version: versionSchema,
    decision: z.literal('return'),
    comment: text(5000).trim().min(5, 'Hãy ghi rõ điều cần sửa ở nhiệm vụ này (ít nhất 5 ký tự).'),
  }),
]);
export type ReviewEntryRequest = z.infer<typeof reviewEntryRequestSchema>;

/** A returned entry corrected and sent again on its own: its fields as a save gives them. */
export const resubmitEntryRequestSchema = z.object({
  version: versionSchema,
  entry: saveEntrySchema.omit({ id: true }),
});
export type ResubmitEntryRequest = z.infer<typeof resubmitEntryRequestSchema>;
export const returnReportRequestSchema = z.object({
  version: versionSchema,
  reason: text(5000).trim().min(5, 'Hãy ghi rõ lý do trả lại (ít nhất 5 ký tự).'),
});
export type ReturnReportRequest = z.infer<typeof returnReportRequestSchema>;

// ---------------------------------------------------------------- versions

export const snapshotEntrySchema = z.object({
  taskId: id,
  taskOrdinal: z.string(),
  taskContent: z.string(),
  role: z.enum(ENTRY_ROLES),
  ...viewShape(ENTRY_FIELDS, {
    progress: progressSchema,
    files: z.array(z.object({ id, filename: z.string(), sha256: z.string() })),
  }),
});
export type SnapshotEntry = z.infer<typeof snapshotEntrySchema>;

/** A report as submitted: kept for ever, never overwritten. */
export const reportSnapshotSchema = z.object({
  ...viewShape(REPORT_FIELDS, {}),
  entries: z.array(snapshotEntrySchema),
});
export type ReportSnapshot = z.infer<typeof reportSnapshotSchema>;

export const reportVersionSummarySchema = z.object({
  versionNo: z.number().int(),
  submittedAt: z.string(),
  submittedBy: personRefSchema.nullable(),
  late: z.boolean(),
});
export const reportVersionListResponseSchema = z.object({ items: z.array(reportVersionSummarySchema) });

export const reportVersionSchema = reportVersionSummarySchema.extend({ snapshot: reportSnapshotSchema });
export type ReportVersion = z.infer<typeof reportVersionSchema>;

export const reportVersionParamsSchema = z.object({ id: idParam, versionNo: idParam });

/** Defaults: to = latest version, from = the one before it. */
export const compareVersionsQuerySchema = z.object({ from: idParam.optional(), to: idParam.optional() });

export const snapshotChangeSchema = z.object({
  /** Stable key: "summary", "entries.<taskId>.progress", "entries.<taskId>" (added/removed). */
  path: z.string(),
  /** Vietnamese, e.g. "Nhiệm vụ 3 — Tình hình thực hiện". */
  label: z.string(),
  taskId: id.nullable(),
  field: z.string(),
  kind: z.enum(['added', 'removed', 'changed']),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type SnapshotChange = z.infer<typeof snapshotChangeSchema>;

export const compareVersionsResponseSchema = z.object({
  from: reportVersionSchema,
  to: reportVersionSchema,
  changes: z.array(snapshotChangeSchema),
});

// ---------------------------------------------------------------- attachments

export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
export const ATTACHMENT_EXTENSIONS = [
  'pdf',
  'docx',
  'doc',
  'xlsx',
  'xls',
  'odt',
  'jpg',
  'jpeg',
  'png',
] as const;
export const attachmentParamsSchema = z.object({ id: idParam });

// ---------------------------------------------------------------- directives

/**
 * Where a message addressed to an agency went (issue 14): the agency it was written for, the agencies
 * that answered for its work on the day (empty: the agency itself) and how many people it reached.
 */
export const agencyDeliverySchema = z.object({
  organisation: organisationRefSchema,
  redirectedTo: z.array(organisationRefSchema),
  reached: z.number().int(),
});
export type AgencyDelivery = z.infer<typeof agencyDeliverySchema>;

export const directiveSchema = z.object({
  id,
  target: z.enum(['task', 'report']),
  taskId: id.nullable(),
  reportId: id.nullable(),
  author: personRefSchema,
  authorOrganisation: z.string(),
  text: z.string(),
  createdAt: z.string(),
  /** The agencies it was sent to, as written and as delivered ("đã chuyển tới Sở Tài chính"). */
  delivery: z.array(agencyDeliverySchema),
});
export type Directive = z.infer<typeof directiveSchema>;

export const createDirectiveRequestSchema = z.object({
  text: text(10_000).trim().min(3, 'Nội dung ý kiến chỉ đạo quá ngắn.'),
});
export const directiveListQuerySchema = z.object({ page, pageSize: pageSize(200, 50) });
export const directiveListResponseSchema = pagedListSchema(directiveSchema);
export const taskParamsSchema = z.object({ id: idParam });

// ---------------------------------------------------------------- task status and history

export const taskHistoryEntrySchema = z.object({
  reportId: id,
  period: reportPeriodRefSchema,
  organisation: organisationRefSchema,
  role: z.enum(ENTRY_ROLES),
  reportState: z.enum(REPORT_STATES),
  ...entryViewFields,
  status: taskStatusViewSchema,
});

export const taskHistoryResponseSchema = z.object({
  task: reportTaskSchema,
  /** For the current year, from the latest submitted or accepted lead entry. */
  current: taskStatusViewSchema,
  year: z.number().int(),
  /** Newest period first; only entries of reports the user may read. */
  entries: z.array(taskHistoryEntrySchema),
});

export const taskStatusesQuerySchema = z.object({
  /** Year judged (recurring tasks are judged per year); default: the current year. */
  year: z.coerce.number().pipe(yearSchema).optional(),
  organisationId: idParam.optional(),
  status: z.enum(TASK_STATUS_CODES).optional(),
  page,
  pageSize: pageSize(500, 100),
});
export type TaskStatusesQuery = z.infer<typeof taskStatusesQuerySchema>;

export const taskStatusItemSchema = z.object({
  task: reportTaskSchema,
  leads: z.array(z.string()),
  status: taskStatusViewSchema,
  progress: z.enum(ENTRY_PROGRESS).nullable(),
  completedOn: isoDate.nullable(),
  /** The report the status is taken from (latest submitted/accepted lead entry), if any. */
  reportId: id.nullable(),
});

export const taskStatusSummarySchema = z.object({
  done_on_time: z.number().int(),
  done_late: z.number().int(),
  in_progress_on_time: z.number().int(),
  overdue: z.number().int(),
  not_due: z.number().int(),
  not_reported: z.number().int(),
  total: z.number().int(),
  completionRate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
});

export const taskStatusesResponseSchema = z.object({
  year: z.number().int(),
  today: isoDate,
  /** Over every task matching year/organisation (before the status filter and paging). */
  summary: taskStatusSummarySchema,
  items: z.array(taskStatusItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

// ---------------------------------------------------------------- reporting rates (as DHIS2)

export const reportingRateSchema = z.object({
  expected: z.number().int(),
  /** Reports currently submitted or accepted (a returned one counts again once resubmitted). */
  submitted: z.number().int(),
  /** Of those, first submitted by the due date. */
  submittedOnTime: z.number().int(),
  accepted: z.number().int(),
  /** Percentages of expected, one decimal; null when nothing is expected. */
  submittedRate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
  acceptedRate: z.number().nullable(),
});
export type ReportingRate = z.infer<typeof reportingRateSchema>;

/** The rates' choice: agencies as the plan named them or as they are now (issue 14; default now). */
export const ratesQuerySchema = z.object({ agencyAs: agencyAsSchema });
export type RatesQuery = z.infer<typeof ratesQuerySchema>;

/** A counted agency's names: as now, the one whose report it was; as named, the one answering today. */
const agencyNamesShape = {
  /** As now: the agency the report was written for, when it was merged into `organisation` since. */
  formerName: z.string().nullable(),
  /** As the plan named it: the agency that answers for it today, when it is another ("nay là …"). */
  currentName: z.string().nullable(),
};

export const periodRatesResponseSchema = z.object({
  period: reportPeriodRefSchema,
  totals: reportingRateSchema,
  agencyAs: z.enum(AGENCY_AS),
  /** One row per report, under its agency as counted, by that agency's name. */
  agencies: z.array(
    z.object({
      organisation: organisationRefSchema,
      ...agencyNamesShape,
      reportId: id,
      state: z.enum(REPORT_STATES),
      submittedAt: z.string().nullable(),
      late: z.boolean(),
      rate: reportingRateSchema,
    }),
  ),
});

export const planRatesResponseSchema = z.object({
  periods: z.array(z.object({ period: reportPeriodRefSchema, totals: reportingRateSchema })),
  agencyAs: z.enum(AGENCY_AS),
  /** Per agency (as counted) across every period of the plan. */
  agencies: z.array(
    z.object({ organisation: organisationRefSchema, ...agencyNamesShape, rate: reportingRateSchema }),
  ),
});

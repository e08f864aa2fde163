import { z } from 'zod';
import { DATA_STATUS_LABELS, DATA_STATUSES, EVALUATION_STATUSES } from '../domain/indicators/types';
import { TARGET_KINDS } from './plan-draft';
import { idParamSchema, idSchema, pagedListSchema, pageSchema, pageSizeSchema } from './primitives';

/**
 * Indicators (chỉ số) of a plan and their yearly values. A plan's targets are measured by them:
 * each target links to one indicator, and is evaluated against that indicator's effective values.
 */

/** What one yearly value of the indicator is: a growth rate in %, a level, a share, a percentage, a count. */
export const VALUE_KINDS = ['rate', 'level', 'share', 'percentage', 'count'] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

export const VALUE_KIND_LABELS: Record<ValueKind, string> = {
  rate: 'Tốc độ tăng so với năm trước (%)',
  level: 'Giá trị tuyệt đối trong năm',
  share: 'Tỷ trọng (%)',
  percentage: 'Tỷ lệ (%)',
  count: 'Số lượng mới trong năm',
};

/** How firm a figure is; a firmer one supersedes a looser one for the same year. */
export const VALUE_STATUSES = DATA_STATUSES;
export type ValueStatus = (typeof VALUE_STATUSES)[number];
export const VALUE_STATUS_LABELS: Record<ValueStatus, string> = DATA_STATUS_LABELS;

export const REVIEW_STATES = ['pending', 'accepted', 'rejected'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const REVIEW_STATE_LABELS: Record<ReviewState, string> = {
  pending: 'Chờ tiếp nhận',
  accepted: 'Đã tiếp nhận',
  rejected: 'Không tiếp nhận',
};

/** The earliest year a value may be given for; the latest is the current year. */
export const MIN_VALUE_YEAR = 1990;

export const evaluationSchema = z.object({
  status: z.enum(EVALUATION_STATUSES),
  /** "Đạt", "Vượt", "Đúng tiến độ", "Có nguy cơ không đạt", "Không đạt", "Chưa có số liệu"… */
  label: z.string(),
  /** In words and numbers: "cần tăng bình quân 14,2%/năm trong 2025 để đạt 8,5 tỷ USD". */
  reason: z.string(),
  /** The average growth (%/năm) or the amount still required, while years remain. */
  required: z.number().nullable(),
  /** The figure the evaluation rests on. */
  latest: z.object({ year: z.number().int(), value: z.number(), status: z.enum(VALUE_STATUSES) }).nullable(),
});
export type Evaluation = z.infer<typeof evaluationSchema>;

export const indicatorTargetSchema = z.object({
  id: z.number().int(),
  ordinal: z.number().int(),
  text: z.string(),
  subject: z.string(),
  kind: z.enum(TARGET_KINDS),
  min: z.number().nullable(),
  max: z.number().nullable(),
  unit: z.string(),
  fromYear: z.number().int().nullable(),
  toYear: z.number().int().nullable(),
  approximate: z.boolean(),
  evaluation: evaluationSchema,
});
export type IndicatorTarget = z.infer<typeof indicatorTargetSchema>;

/** The value that counts for a year: accepted, firmest status, newest among equals. */
export const effectiveValueSchema = z.object({
  year: z.number().int(),
  value: z.number(),
  status: z.enum(VALUE_STATUSES),
  valueId: z.number().int(),
});
export type EffectiveValue = z.infer<typeof effectiveValueSchema>;

export const indicatorSummarySchema = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  definition: z.string().nullable(),
  valueKind: z.enum(VALUE_KINDS),
  owner: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  targets: z.array(indicatorTargetSchema),
  effectiveValues: z.array(effectiveValueSchema),
  pendingCount: z.number().int(),
});
export type IndicatorSummary = z.infer<typeof indicatorSummarySchema>;

export const indicatorValueSchema = z.object({
  id: z.number().int(),
  indicatorId: z.number().int(),
  year: z.number().int(),
  value: z.number(),
  status: z.enum(VALUE_STATUSES),
  source: z.string(),
  sourceUrl: z.string().nullable(),
  note: z.string().nullable(),
  isSample: z.boolean(),
  enteredBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  enteredAt: z.string(),
  reviewState: z.enum(REVIEW_STATES),
  reviewedBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  /** This row is the value that counts for its year. */
  effective: z.boolean(),
  /** Accepted, but a firmer or newer row for the same year counts instead. */
  superseded: z.boolean(),
});
export type IndicatorValue = z.infer<typeof indicatorValueSchema>;

export const indicatorDetailSchema = indicatorSummarySchema.extend({
  plan: z.object({ id: z.number().int(), number: z.string().nullable(), title: z.string() }),
  values: z.array(indicatorValueSchema),
  /** What the asking user may do here (the server checks again on every write). */
  canEnter: z.boolean(),
  canManage: z.boolean(),
});
export type IndicatorDetail = z.infer<typeof indicatorDetailSchema>;

export const planIndicatorsParamsSchema = z.object({ id: idParamSchema });
export const indicatorIdParamsSchema = z.object({ id: idParamSchema });
export const valueIdParamsSchema = z.object({ id: idParamSchema });

export const planIndicatorsQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  page: pageSchema,
  pageSize: pageSizeSchema(200, 50),
});

export const planIndicatorsResponseSchema = z.object({
  plan: z.object({ id: z.number().int(), number: z.string().nullable(), title: z.string() }),
  items: z.array(indicatorSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type PlanIndicators = z.infer<typeof planIndicatorsResponseSchema>;

export const updateIndicatorRequestSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, 'Vui lòng nhập mã chỉ số')
    .max(30, 'Mã chỉ số tối đa 30 ký tự')
    .regex(/^[A-Za-z0-9_.-]+$/, 'Mã chỉ số chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới'),
  name: z.string().trim().min(1, 'Vui lòng nhập tên chỉ số').max(300),
  unit: z.string().trim().min(1, 'Vui lòng nhập đơn vị tính').max(50),
  definition: z.string().trim().max(2000).nullable(),
  valueKind: z.enum(VALUE_KINDS, 'Loại số liệu không hợp lệ'),
  ownerOrgId: idSchema.nullable(),
});
export type UpdateIndicatorRequest = z.infer<typeof updateIndicatorRequestSchema>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const createValueRequestSchema = z.object({
  year: z
    .number('Vui lòng nhập năm')
    .int('Năm phải là số nguyên')
    .min(MIN_VALUE_YEAR, `Năm phải từ ${MIN_VALUE_YEAR} trở đi`),
  value: z.number('Vui lòng nhập giá trị').finite(),
  status: z.enum(VALUE_STATUSES, 'Trạng thái phải là Ước tính, Sơ bộ hoặc Chính thức'),
  source: z.string().trim().min(1, 'Vui lòng ghi nguồn số liệu (văn bản, trang hoặc đường dẫn)').max(500),
  sourceUrl: optionalText(1000).refine((v) => v === null || /^https?:\/\//i.test(v), {
    message: 'Đường dẫn nguồn phải bắt đầu bằng http:// hoặc https://',
  }),
  note: optionalText(1000),
});
export type CreateValueRequest = z.input<typeof createValueRequestSchema>;
export type CreateValue = z.output<typeof createValueRequestSchema>;

export const reviewValueRequestSchema = z.object({
  decision: z.enum(['accept', 'reject'], 'Quyết định phải là tiếp nhận hoặc không tiếp nhận'),
  note: optionalText(1000),
});
export type ReviewValueRequest = z.input<typeof reviewValueRequestSchema>;

export const importValuesResponseSchema = z.object({
  /** New value rows written. */
  created: z.number().int(),
  /** Rows equal to a value already accepted for that year: nothing to write. */
  unchanged: z.number().int(),
});
export type ImportValuesResponse = z.infer<typeof importValuesResponseSchema>;

// ---------------------------------------------------------------- values waiting for acceptance

export const pendingValuesQuerySchema = z.object({
  page: pageSchema,
  pageSize: pageSizeSchema(100, 20),
});

/** A value an agency entered that waits for the coordinator, with what is needed to judge it. */
export const pendingValueSchema = z.object({
  id: z.number().int(),
  year: z.number().int(),
  value: z.number(),
  status: z.enum(VALUE_STATUSES),
  source: z.string(),
  note: z.string().nullable(),
  enteredAt: z.string(),
  enteredBy: z.object({ id: z.number().int(), name: z.string(), organisationName: z.string() }).nullable(),
  indicator: z.object({ id: z.number().int(), code: z.string(), name: z.string(), unit: z.string() }),
  plan: z.object({ id: z.number().int(), number: z.string().nullable(), title: z.string() }),
});
export type PendingValue = z.infer<typeof pendingValueSchema>;

export const pendingValuesResponseSchema = pagedListSchema(pendingValueSchema);

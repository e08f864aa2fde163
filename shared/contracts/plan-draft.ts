import { z } from 'zod';
import { isoDateSchema, yearSchema } from './primitives';

/**
 * What the plan importer reads out of a published "Kế hoạch". It is a DRAFT: a person reviews it
 * (and resolves agency names against the registry) before anything becomes tracked work, so every
 * field keeps the raw text it came from and unknowns are null rather than guessed.
 */

const isoDate = isoDateSchema;

/** A node of the plan body: roman section ("I."), numbered item ("1.", "4.1."). */
export interface PlanSection {
  ordinal: string;
  heading: string;
  /** Re-joined paragraphs; bullet markers ("- ", "+ ") are kept so list structure survives. */
  paragraphs: string[];
  children: PlanSection[];
}

/**
 * How deep the section tree may go. A real plan has a handful of levels (I. → 1. → 1.1. → a)); the
 * parser never builds deeper and a request that sends deeper is refused, so nothing downstream
 * (validation, the review screen, the plan page) walks an unbounded tree.
 */
export const MAX_SECTION_DEPTH = 20;

export const SECTION_DEPTH_MESSAGE = `Các phần nội dung lồng nhau quá ${MAX_SECTION_DEPTH} cấp; kế hoạch thực tế không sâu như vậy`;

/**
 * The schema is built level by level rather than recursively (z.lazy), so validating a tree sent 5,000
 * levels deep stops at the cap with a clear message instead of recursing until the stack overflows.
 */
function sectionSchemaAt(level: number): z.ZodType<PlanSection> {
  const children =
    level >= MAX_SECTION_DEPTH
      ? (z.array(z.unknown()).max(0, SECTION_DEPTH_MESSAGE) as unknown as z.ZodType<PlanSection[]>)
      : z.array(sectionSchemaAt(level + 1));
  return z.object({
    ordinal: z.string(),
    heading: z.string(),
    paragraphs: z.array(z.string()),
    children,
  });
}

/** A top-level section (level 1); its descendants may go down to level MAX_SECTION_DEPTH. */
export const planSectionSchema: z.ZodType<PlanSection> = sectionSchemaAt(1);

export const TARGET_KINDS = ['average_growth', 'level', 'share', 'count', 'percentage'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const planTargetSchema = z.object({
  text: z.string(),
  kind: z.enum(TARGET_KINDS),
  min: z.number().nullable(),
  max: z.number().nullable(),
  unit: z.string(),
  /** A period target has both years; a level "by 2025" has only toYear. */
  fromYear: yearSchema.nullable(),
  toYear: yearSchema.nullable(),
  /** The plan says "khoảng" (about). */
  approximate: z.boolean(),
  subject: z.string(),
  /** 'reviewer': added by hand in the review because the importer did not read it. */
  origin: z.enum(['document', 'reviewer']).optional(),
});
export type PlanTarget = z.infer<typeof planTargetSchema>;

export const planDutySchema = z.object({
  ordinal: z.string(),
  agencyText: z.string(),
  paragraphs: z.array(z.string()),
});
export type PlanDuty = z.infer<typeof planDutySchema>;

export const planRegimeSchema = z.object({
  consolidator: z.string().nullable(),
  annualDueDay: z.number().int().min(1).max(31).nullable(),
  annualDueMonth: z.number().int().min(1).max(12).nullable(),
  midTermYear: yearSchema.nullable(),
  finalYear: yearSchema.nullable(),
  text: z.string(),
});
export type PlanRegime = z.infer<typeof planRegimeSchema>;

export const DEADLINE_KINDS = [
  'year',
  'year_range',
  'recurring',
  'date',
  'quarter',
  'month',
  'continuous',
  'unknown',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const deadlineSchema = z.object({
  kind: z.enum(DEADLINE_KINDS),
  from: isoDate.nullable(),
  to: isoDate.nullable(),
  /** The cell text as written, so a reviewer can always see what the plan said. */
  text: z.string(),
});
export type Deadline = z.infer<typeof deadlineSchema>;

/** A column of the task table beyond the known ones ("Cấp trình", "Địa điểm", "Nguồn kinh phí"). */
export const taskExtraFieldSchema = z.object({ label: z.string(), text: z.string() });
export type TaskExtraField = z.infer<typeof taskExtraFieldSchema>;

/**
 * Why a cell is a guess: the row's cell edges rebuilt from the layout ('row_cells', the whole row), a
 * line that could sit in either of two neighbouring cells ('cell_edge'), a cell joined from text in
 * two places, e.g. across a page ('continued'), one line cut between two cells ('split_line'), text
 * standing between two columns of a page ('column').
 */
export const REVIEW_NOTE_REASONS = ['row_cells', 'cell_edge', 'continued', 'split_line', 'column'] as const;

/**
 * Something the importer guessed rather than read (a row boundary, which column a line belongs to,
 * a cell split over a page), with the source lines it came from so the officer can compare.
 */
export const reviewNoteSchema = z.object({
  /** 'row' for the whole row; otherwise the task field the guessed cell fills ('lead', 'deadline', 'extra' …). */
  field: z.string(),
  message: z.string(),
  fromLine: z.number().int(),
  toLine: z.number().int(),
  reason: z.enum(REVIEW_NOTE_REASONS).optional(),
  /** The column's header label as the plan writes it (tells extra columns apart). */
  column: z.string().max(500).optional(),
  /** The source lines the cell was read from, as written, shown beside the guessed cell. */
  source: z
    .array(z.object({ line: z.number().int(), text: z.string().max(1000) }))
    .max(50)
    .optional(),
});
export type ReviewNote = z.infer<typeof reviewNoteSchema>;

export const planTaskSchema = z.object({
  ordinal: z.string(),
  /** Group heading row of the table ("I. ...") the task sits under, if the table has groups. */
  group: z.string().nullable(),
  content: z.string(),
  lead: z.string(),
  coordinators: z.array(z.string()),
  product: z.string().nullable(),
  deadline: deadlineSchema,
  /** Extra columns of the table, kept as written (absent when the table has none). */
  extra: z.array(taskExtraFieldSchema).optional(),
  /** What was guessed for this row (absent when every cell edge was marked in the source). */
  review: z.array(reviewNoteSchema).optional(),
});
export type PlanTask = z.infer<typeof planTaskSchema>;

export const planWarningSchema = z.object({
  code: z.string(),
  message: z.string(),
  line: z.number().int().nullable(),
});
export type PlanWarning = z.infer<typeof planWarningSchema>;

/**
 * What kind of document the plan came in: a Kế hoạch of its own, a Quyết định or Nghị quyết issuing a
 * Kế hoạch / Chương trình in its appendix, a Party committee's Chương trình hành động, a Chỉ thị.
 */
export const PLAN_KINDS = ['plan', 'decision', 'resolution', 'action_programme', 'directive'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const PLAN_KIND_LABELS: Record<PlanKind, string> = {
  plan: 'Kế hoạch',
  decision: 'Quyết định ban hành kế hoạch',
  resolution: 'Nghị quyết ban hành chương trình, kế hoạch',
  action_programme: 'Chương trình hành động',
  directive: 'Chỉ thị',
};

/** How much of the source text the importer used: nothing may be dropped without the officer seeing it. */
export const sourceCoverageSchema = z.object({
  total: z.number().int(),
  used: z.number().int(),
  /** Runs of non-empty lines nothing was read from (page furniture is counted as used). */
  unused: z.array(z.object({ from: z.number().int(), to: z.number().int() })),
});
export type SourceCoverage = z.infer<typeof sourceCoverageSchema>;

/** The plan's period of implementation ("giai đoạn 2021–2025"), typed in the hand-made form. */
export const planSpanSchema = z
  .object({ fromYear: yearSchema.nullable(), toYear: yearSchema.nullable() })
  .refine((s) => s.fromYear === null || s.toYear === null || s.fromYear <= s.toYear, {
    message: 'Năm bắt đầu thực hiện phải trước hoặc bằng năm kết thúc',
    path: ['toYear'],
  });
export type PlanSpan = z.infer<typeof planSpanSchema>;

export const planDraftSchema = z.object({
  kind: z.enum(PLAN_KINDS).optional(),
  number: z.string().nullable(),
  issuer: z.string().nullable(),
  place: z.string().nullable(),
  issuedOn: isoDate.nullable(),
  title: z.string(),
  basis: z.array(z.string()),
  sections: z.array(planSectionSchema),
  targets: z.array(planTargetSchema),
  duties: z.array(planDutySchema),
  /** Null when the plan states no reporting regime (a warning says so). */
  regime: planRegimeSchema.nullable(),
  tasks: z.array(planTaskSchema),
  warnings: z.array(planWarningSchema),
  sourceLines: sourceCoverageSchema.optional(),
  span: planSpanSchema.optional(),
});
export type PlanDraft = z.infer<typeof planDraftSchema>;

export const planParseErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  line: z.number().int().nullable(),
});
export type PlanParseError = z.infer<typeof planParseErrorSchema>;

export const planParseResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), draft: planDraftSchema }),
  z.object({ ok: z.literal(false), error: planParseErrorSchema }),
]);
export type PlanParseResult = z.infer<typeof planParseResultSchema>;

import { z } from 'zod';
import { idParamSchema, idResponseSchema, versionSchema } from './primitives';
import { personRefSchema } from './reporting';

/**
 * The consolidated report of a reporting period: the narrative sections the coordinator edits before
 * generating (drafted from the data until saved), and the documents generated as tracked jobs.
 */

/** The narrative sections, in the order of the report (parts I to IV). */
export const NARRATIVE_SECTIONS = ['results', 'difficulties', 'next_tasks', 'proposals'] as const;
export type NarrativeSection = (typeof NARRATIVE_SECTIONS)[number];

/** The heading each section stands under in the document (part III names the next year there). */
export const NARRATIVE_SECTION_TITLES: Record<NarrativeSection, string> = {
  results: 'I.2. Kết quả thực hiện các nhiệm vụ',
  difficulties: 'II. Tồn tại, hạn chế, khó khăn, vướng mắc và nguyên nhân',
  next_tasks: 'III. Nhiệm vụ, giải pháp trọng tâm kỳ tới',
  proposals: 'IV. Kiến nghị, đề xuất',
};

/** A section's text is plain paragraphs, one per line; bounded so one save stays a reasonable size. */
export const NARRATIVE_MAX_LENGTH = 50_000;

export const narrativeSectionParamsSchema = z.object({
  id: idParamSchema,
  section: z.enum(NARRATIVE_SECTIONS, 'Phần báo cáo không hợp lệ'),
});

export const saveNarrativeRequestSchema = z.object({
  /** The section's version the coordinator started from (0 when it was never saved). */
  version: versionSchema,
  text: z
    .string('Nội dung phải là văn bản')
    .max(
      NARRATIVE_MAX_LENGTH,
      `Nội dung một phần tối đa ${NARRATIVE_MAX_LENGTH.toLocaleString('vi-VN')} ký tự`,
    )
    .refine(
      (s) => s.trim() !== '',
      'Nội dung không được để trống; muốn dùng lại bản dự thảo hãy bấm “Khôi phục dự thảo”',
    ),
});
export type SaveNarrativeRequest = z.infer<typeof saveNarrativeRequestSchema>;

export const resetNarrativeRequestSchema = z.object({ version: versionSchema });

export const narrativeVersionSchema = z.object({
  version: z.number().int(),
  /** True when this version put the section back to the draft from the data. */
  reset: z.boolean(),
  savedBy: personRefSchema.nullable(),
  savedAt: z.string(),
});

export const narrativeSectionSchema = z.object({
  key: z.enum(NARRATIVE_SECTIONS),
  title: z.string(),
  /** What the data says today, as the document would print it without an edit. */
  draft: z.string(),
  /** The coordinator's saved text, or null when the document uses the draft. */
  text: z.string().nullable(),
  /** The section's current version (0 = never saved); send it back with the next save. */
  version: z.number().int(),
  /** Every save and reset, newest first (at most 20). */
  history: z.array(narrativeVersionSchema),
});

export const narrativeResponseSchema = z.object({
  periodId: idResponseSchema,
  /** Whether the caller may edit the sections and generate (coordinators of the consolidating agency, admins). */
  canEdit: z.boolean(),
  consolidatorName: z.string(),
  sections: z.array(narrativeSectionSchema),
});
export type NarrativeResponse = z.infer<typeof narrativeResponseSchema>;

// ---------------------------------------------------------------- generation jobs

export const GENERATION_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export const GENERATION_STATUS_LABELS: Record<(typeof GENERATION_STATUSES)[number], string> = {
  queued: 'Đang chờ',
  running: 'Đang lập',
  done: 'Đã lập xong',
  failed: 'Không lập được',
};

/** A kind is registered by the module generating it (server/modules/documents/generation/job-kinds.ts). */
export const generationKindSchema = z
  .string('Loại tài liệu không hợp lệ')
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'Loại tài liệu không hợp lệ');

export const startGenerationRequestSchema = z.object({ kind: generationKindSchema.default('consolidated') });

/** An accepted report the document was made from, at the version it had. */
export const generationSourceSchema = z.object({
  reportId: idResponseSchema,
  organisation: z.string(),
  versionNo: z.number().int(),
});

export const generationJobSchema = z.object({
  id: idResponseSchema,
  kind: z.string(),
  kindLabel: z.string(),
  status: z.enum(GENERATION_STATUSES),
  progress: z.number().int(),
  /** Why it failed, in Vietnamese. */
  error: z.string().nullable(),
  requestedBy: personRefSchema.nullable(),
  requestedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** The stored file once done. */
  file: z.object({ name: z.string(), size: z.number().int() }).nullable(),
  sources: z.array(generationSourceSchema),
});
export type GenerationJob = z.infer<typeof generationJobSchema>;

export const generationJobListSchema = z.object({ items: z.array(generationJobSchema) });

export const generatedFileParamsSchema = z.object({ id: idParamSchema, jobId: idParamSchema });

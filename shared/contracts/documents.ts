import { z } from 'zod';
import { yearSchema } from './primitives';

/** A plan's review report: mid-term (sơ kết) or final (tổng kết), of a year when the plan has several. */
export const REVIEW_KIND_MESSAGE = 'Chọn loại báo cáo: sơ kết (kind=midterm) hoặc tổng kết (kind=final)';

/**
 * `kind` is optional in the schema and required by the handler, after the permission check: a caller
 * without the right is told so (403) before being told what is missing from the query.
 */
export const reviewReportQuerySchema = z.object({
  kind: z.enum(['midterm', 'final'], { error: REVIEW_KIND_MESSAGE }).optional(),
  year: z.coerce.number().pipe(yearSchema).optional(),
});
export type ReviewReportQuery = z.infer<typeof reviewReportQuerySchema>;

/** Starting a review's generation (a tracked job): which review, of which year (default: the latest opened). */
export const startReviewGenerationRequestSchema = z.object({
  kind: z.enum(['midterm', 'final'], { error: REVIEW_KIND_MESSAGE }),
  year: yearSchema.optional(),
});
export type StartReviewGenerationRequest = z.infer<typeof startReviewGenerationRequestSchema>;

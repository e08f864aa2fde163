import { z } from 'zod';
import { yearSchema } from './primitives';

/** A plan's review report: mid-term (sơ kết) or final (tổng kết), of a year when the plan has several. */
export const reviewReportQuerySchema = z.object({
  kind: z.enum(['midterm', 'final'], {
    error: 'Chọn loại báo cáo: sơ kết (kind=midterm) hoặc tổng kết (kind=final)',
  }),
  year: z.coerce.number().pipe(yearSchema).optional(),
});
export type ReviewReportQuery = z.infer<typeof reviewReportQuerySchema>;

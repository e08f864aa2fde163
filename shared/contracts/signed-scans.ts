import { z } from 'zod';
import { idParamSchema, idSchema } from './primitives';
import { personRefSchema } from './reporting';

/** The signed scan of a report: PDF or image, at most this size. */
export const SIGNED_SCAN_MAX_BYTES = 20 * 1024 * 1024;

export const signedScanSchema = z.object({
  id: idSchema,
  reportId: idSchema,
  filename: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
  uploadedBy: personRefSchema.nullable(),
  /** The newest scan; the others were replaced and are kept. */
  current: z.boolean(),
  /** GET this to download (only those who may read the report). */
  url: z.string(),
});
export type SignedScan = z.infer<typeof signedScanSchema>;

export const signedScanListSchema = z.object({
  /** Newest first. */
  items: z.array(signedScanSchema),
  /** Whether the caller may upload a scan now (report-policy.ts). */
  canUpload: z.boolean(),
});
export type SignedScanList = z.infer<typeof signedScanListSchema>;

export const signedScanParamsSchema = z.object({ id: idParamSchema, scanId: idParamSchema });

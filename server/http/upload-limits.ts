import type { FastifyRequest } from 'fastify';
import { AppError } from './errors';
import { checkFilename } from './input-guard';

/** Largest indicator values workbook accepted (a values sheet is a few hundred rows). */
export const MAX_XLSX_BYTES = 10 * 1024 * 1024;

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/**
 * The one file of a multipart upload, read whole, or a refusal. The multipart parser stops reading a
 * file at `limits.fileSize` and only marks it `truncated`; its own check (`toBuffer`) looks at the mark
 * after each chunk, so when a network chunk ended exactly on the limit the cut file was returned as if
 * complete. Here the mark is read after the stream has ended (it is set before the end is pushed), and
 * the bytes are counted too, so an over-limit file is always a 413 and never reaches a service.
 */
export async function readUploadedFile(
  req: FastifyRequest,
  opts: { maxBytes: number; missing: string },
): Promise<{ filename: string; bytes: Buffer }> {
  if (!req.isMultipart()) throw new AppError('VALIDATION_FAILED', opts.missing);
  const file = await req.file({ limits: { fileSize: opts.maxBytes, files: 1 }, throwFileSizeLimit: false });
  if (!file) throw new AppError('VALIDATION_FAILED', opts.missing);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of file.file as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= opts.maxBytes) chunks.push(chunk);
  }
  if (file.file.truncated || size > opts.maxBytes) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `Tệp “${file.filename}” vượt quá giới hạn ${megabytes(opts.maxBytes)}; tệp không được lưu. Hãy giảm dung lượng (nén ảnh, tách tệp) rồi tải lên lại.`,
    );
  }
  return { filename: checkFilename(file.filename), bytes: Buffer.concat(chunks, size) };
}

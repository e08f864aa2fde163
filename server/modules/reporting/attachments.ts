import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { ATTACHMENT_MAX_BYTES, type Attachment } from '../../../shared/contracts/reporting';
import { type AppContext, inTransaction, type RequestContext } from '../../context';
import { sha256Hex } from '../../files/file-store';
import { fileStoreOf } from '../../files/select-file-store';
import type { AuthUser } from '../../http/auth-state';
import { AppError, notFound } from '../../http/errors';
import { person } from '../../lib/person';
import { audit } from '../audit/audit-repository';
import { assertCanEdit, assertCanRead } from './report-policy';
import { findReport } from './report-service';

/**
 * Allowed product files: extension → media type stored, and the formats file-type may find in the
 * content for it (it reads signatures and, for zip-based formats, the package's parts, with its own
 * bounds on what it inflates). Old Word and Excel files are both OLE compound files ("cfb").
 */
const TYPES: Record<string, { mediaType: string; detected: string[] }> = {
  pdf: { mediaType: 'application/pdf', detected: ['pdf'] },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    detected: ['docx'],
  },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    detected: ['xlsx'],
  },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', detected: ['odt'] },
  doc: { mediaType: 'application/msword', detected: ['cfb', 'doc'] },
  xls: { mediaType: 'application/vnd.ms-excel', detected: ['cfb', 'xls'] },
  jpg: { mediaType: 'image/jpeg', detected: ['jpg'] },
  jpeg: { mediaType: 'image/jpeg', detected: ['jpg'] },
  png: { mediaType: 'image/png', detected: ['png'] },
};

/** The name as shown and sent back: no folders, no control characters, at most 200 characters. */
export function cleanFilename(name: string): string {
  const base = path
    .basename(name.replaceAll('\\', '/'))
    .split('')
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f && ch !== '"')
    .join('')
    .trim();
  return (base || 'tep-dinh-kem').slice(-200);
}

/** Recognises an allowed product file by extension and content, or explains the refusal. */
async function recogniseProductFile(filename: string, bytes: Uint8Array): Promise<{ mediaType: string }> {
  if (bytes.byteLength > ATTACHMENT_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 'Tệp vượt quá 20 MB.');
  if (bytes.byteLength === 0) throw new AppError('VALIDATION_FAILED', 'Tệp rỗng.');
  const ext = path.extname(filename).slice(1).toLowerCase();
  const type = TYPES[ext];
  if (!type) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Chỉ nhận tệp PDF, Word (.docx, .doc), Excel (.xlsx, .xls), OpenDocument (.odt) hoặc ảnh (.jpg, .png).',
    );
  }
  const found = await fileTypeFromBuffer(bytes);
  if (!found || !type.detected.includes(found.ext)) {
    throw new AppError('VALIDATION_FAILED', `Nội dung tệp không đúng định dạng .${ext} như tên tệp.`);
  }
  return { mediaType: type.mediaType };
}

/**
 * Stores a product file for a report (in the file store, by SHA-256) and returns it; the entry
 * points to it through the next save (entries[].attachmentId), so the report's version stays the
 * reporter's own optimistic lock.
 */
export async function uploadAttachment(
  rc: RequestContext,
  reportId: number,
  upload: { filename: string; bytes: Uint8Array },
): Promise<Attachment> {
  const { app: ctx, actor } = rc;
  const report = await findReport(ctx.db, reportId);
  assertCanEdit(actor, report, report.period_state);
  const filename = cleanFilename(upload.filename);
  const { mediaType } = await recogniseProductFile(filename, upload.bytes);
  const sha = await fileStoreOf(ctx).put(upload.bytes);
  const now = rc.now();
  const id = await inTransaction(rc, async (tx) => {
    const trx = tx.db;
    const row = await trx
      .insertInto('report_attachments')
      .values({
        report_id: reportId,
        sha256: sha,
        filename,
        media_type: mediaType,
        size: upload.bytes.byteLength,
        uploaded_by: actor.id,
        uploaded_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, {
      action: 'report.attachment_uploaded',
      entity: 'report',
      entityId: reportId,
      detail: { attachmentId: row.id, filename, sha256: sha, size: upload.bytes.byteLength },
    });
    return row.id;
  });
  return {
    id,
    reportId,
    filename,
    mediaType,
    size: upload.bytes.byteLength,
    sha256: sha,
    uploadedAt: now,
    uploadedBy: person(actor.id, actor.fullName),
    url: `/api/attachments/${id}`,
  };
}

/** The file, for those who may read its report (403 otherwise), checked against its SHA-256. */
export async function readAttachment(ctx: AppContext, user: AuthUser, attachmentId: number) {
  const a = await ctx.db
    .selectFrom('report_attachments')
    .selectAll()
    .where('id', '=', attachmentId)
    .executeTakeFirst();
  if (!a) throw notFound('tệp đính kèm');
  const report = await findReport(ctx.db, a.report_id);
  assertCanRead(user, report);
  const bytes = await fileStoreOf(ctx).get(a.sha256);
  if (!bytes)
    throw new AppError('INTERNAL', `Không tìm thấy tệp lưu trữ "${a.filename}" (SHA-256 ${a.sha256}).`);
  if (sha256Hex(bytes) !== a.sha256) throw new AppError('INTERNAL', 'Tệp lưu trữ bị hỏng (sai mã SHA-256).');
  return { bytes, filename: a.filename, mediaType: a.media_type, sha256: a.sha256 };
}

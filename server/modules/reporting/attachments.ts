import path from 'node:path';
import { ATTACHMENT_MAX_BYTES, type Attachment } from '../../../shared/contracts/reporting';
import { type AppContext, nowIso } from '../../context';
import { sha256Hex } from '../../files/file-store';
import { fileStoreOf } from '../../files/select-file-store';
import type { AuthUser } from '../../http/auth-state';
import { AppError, notFound } from '../../http/errors';
import { recordAudit } from '../audit/audit-repository';
import { person } from './common';
import { assertCanEdit, assertCanRead } from './report-access';
import { findReport } from './reports';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);
const contains = (b: Uint8Array, text: string) =>
  Buffer.from(b.buffer, b.byteOffset, b.byteLength).includes(text, 0, 'latin1');

/** Allowed product files: extension → media type and a cheap check of the content's magic bytes. */
const TYPES: Record<string, { mediaType: string; check: (b: Uint8Array) => boolean }> = {
  pdf: { mediaType: 'application/pdf', check: (b) => startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d]) },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    check: (b) => startsWith(b, ZIP) && contains(b, 'word/'),
  },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    check: (b) => startsWith(b, ZIP) && contains(b, 'xl/'),
  },
  odt: {
    mediaType: 'application/vnd.oasis.opendocument.text',
    check: (b) =>
      startsWith(b, ZIP) && contains(b.subarray(0, 200), 'application/vnd.oasis.opendocument.text'),
  },
  doc: { mediaType: 'application/msword', check: (b) => startsWith(b, OLE) },
  xls: { mediaType: 'application/vnd.ms-excel', check: (b) => startsWith(b, OLE) },
  jpg: { mediaType: 'image/jpeg', check: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  jpeg: { mediaType: 'image/jpeg', check: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  png: {
    mediaType: 'image/png',
    check: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
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
export function recogniseProductFile(filename: string, bytes: Uint8Array): { mediaType: string } {
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
  if (!type.check(bytes)) {
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
  ctx: AppContext,
  actor: AuthUser,
  reportId: number,
  upload: { filename: string; bytes: Uint8Array },
  requestId: string,
): Promise<Attachment> {
  const report = await findReport(ctx.db, reportId);
  assertCanEdit(actor, report, report.period_state);
  const filename = cleanFilename(upload.filename);
  const { mediaType } = recogniseProductFile(filename, upload.bytes);
  const sha = await fileStoreOf(ctx).put(upload.bytes);
  const now = nowIso();
  const id = await ctx.db.transaction().execute(async (trx) => {
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
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'report.attachment_uploaded',
      entity: 'report',
      entityId: reportId,
      detail: { attachmentId: row.id, filename, sha256: sha, size: upload.bytes.byteLength },
      requestId,
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

import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import {
  SIGNED_SCAN_MAX_BYTES,
  type SignedScan,
  type SignedScanList,
} from '../../../shared/contracts/signed-scans';
import { type AppContext, inTransaction, type RequestContext } from '../../context';
import { sha256Hex } from '../../files/file-store';
import { fileStoreOf } from '../../files/select-file-store';
import type { AuthUser } from '../../http/auth-state';
import { AppError, notFound } from '../../http/errors';
import { person } from '../../lib/person';
import { audit } from '../audit/audit-repository';
import { cleanFilename } from './attachments';
import { assertCanRead, assertCanUploadSignedScan, signedScanDenial } from './report-policy';
import { findReport } from './report-service';

/**
 * The scan of a report's signed paper (PDF or image). Each upload is a new row: the newest is the
 * current scan, the earlier ones stay listed and downloadable, so a replaced scan is never lost.
 */

/** Extension → media type, and what file-type must find in the content for it. */
const SCAN_TYPES: Record<string, { mediaType: string; detected: string }> = {
  pdf: { mediaType: 'application/pdf', detected: 'pdf' },
  jpg: { mediaType: 'image/jpeg', detected: 'jpg' },
  jpeg: { mediaType: 'image/jpeg', detected: 'jpg' },
  png: { mediaType: 'image/png', detected: 'png' },
  tif: { mediaType: 'image/tiff', detected: 'tif' },
  tiff: { mediaType: 'image/tiff', detected: 'tif' },
};

async function recogniseScan(filename: string, bytes: Uint8Array) {
  if (bytes.byteLength === 0) throw new AppError('VALIDATION_FAILED', 'Tệp rỗng.');
  const ext = path.extname(filename).slice(1).toLowerCase();
  const type = SCAN_TYPES[ext];
  if (!type)
    throw new AppError(
      'VALIDATION_FAILED',
      'Bản scan báo cáo đã ký phải là tệp PDF hoặc ảnh (.jpg, .png, .tif).',
    );
  const found = await fileTypeFromBuffer(bytes);
  if (found?.ext !== type.detected)
    throw new AppError('VALIDATION_FAILED', `Nội dung tệp không đúng định dạng .${ext} như tên tệp.`);
  return type.mediaType;
}

function scansQuery(ctx: AppContext, reportId: number) {
  return ctx.db
    .selectFrom('report_signed_scans as s')
    .leftJoin('users as u', 'u.id', 's.uploaded_by')
    .selectAll('s')
    .select('u.full_name as uploader_name')
    .where('s.report_id', '=', reportId);
}
type ScanRow = Awaited<ReturnType<ReturnType<typeof scansQuery>['execute']>>[number];

const view = (r: ScanRow, current: boolean): SignedScan => ({
  id: r.id,
  reportId: r.report_id,
  filename: r.filename,
  mediaType: r.media_type,
  size: r.size,
  sha256: r.sha256,
  uploadedAt: r.uploaded_at,
  uploadedBy: person(r.uploaded_by, r.uploader_name),
  current,
  url: `/api/reports/${r.report_id}/signed-scans/${r.id}`,
});

export async function listSignedScans(
  ctx: AppContext,
  user: AuthUser,
  reportId: number,
): Promise<SignedScanList> {
  const report = await findReport(ctx.db, reportId);
  assertCanRead(user, report);
  const rows = await scansQuery(ctx, reportId).orderBy('s.id', 'desc').execute();
  return { items: rows.map((r, i) => view(r, i === 0)), canUpload: signedScanDenial(user, report) === null };
}

export async function uploadSignedScan(
  rc: RequestContext,
  reportId: number,
  upload: { filename: string; bytes: Uint8Array },
): Promise<SignedScan> {
  const { app: ctx, actor } = rc;
  const report = await findReport(ctx.db, reportId);
  assertCanUploadSignedScan(actor, report);
  if (upload.bytes.byteLength > SIGNED_SCAN_MAX_BYTES)
    throw new AppError('PAYLOAD_TOO_LARGE', 'Tệp vượt quá 20 MB.');
  const filename = cleanFilename(upload.filename);
  const mediaType = await recogniseScan(filename, upload.bytes);
  const sha = await fileStoreOf(ctx).put(upload.bytes);
  const now = rc.now();
  const id = await inTransaction(rc, async (tx) => {
    const previous = await tx.db
      .selectFrom('report_signed_scans')
      .select('id')
      .where('report_id', '=', reportId)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    const row = await tx.db
      .insertInto('report_signed_scans')
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
      action: 'report.signed_scan_uploaded',
      entity: 'report',
      entityId: reportId,
      detail: {
        scanId: row.id,
        filename,
        sha256: sha,
        size: upload.bytes.byteLength,
        replaces: previous?.id ?? null,
      },
    });
    return row.id;
  });
  const row = await scansQuery(ctx, reportId).where('s.id', '=', id).executeTakeFirstOrThrow();
  return view(row, true);
}

/** A scan's bytes, for those who may read its report (403 before the scan is even looked up). */
export async function readSignedScan(ctx: AppContext, user: AuthUser, reportId: number, scanId: number) {
  const report = await findReport(ctx.db, reportId);
  assertCanRead(user, report);
  const s = await scansQuery(ctx, reportId).where('s.id', '=', scanId).executeTakeFirst();
  if (!s) throw notFound('bản scan báo cáo');
  const bytes = await fileStoreOf(ctx).get(s.sha256);
  if (!bytes)
    throw new AppError('INTERNAL', `Không tìm thấy tệp lưu trữ "${s.filename}" (SHA-256 ${s.sha256}).`);
  if (sha256Hex(bytes) !== s.sha256) throw new AppError('INTERNAL', 'Tệp lưu trữ bị hỏng (sai mã SHA-256).');
  return { bytes, filename: s.filename, mediaType: s.media_type, sha256: s.sha256 };
}

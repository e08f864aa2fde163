import type { TASK_REQUEST_FILE_EXTENSIONS, TaskRequestFile } from '../../../shared/contracts/task-requests';
import { type AppContext, inTransaction, type RequestContext } from '../../context';
import { sha256Hex } from '../../files/file-store';
import { fileStoreOf } from '../../files/select-file-store';
import type { AuthUser } from '../../http/auth-state';
import { AppError, forbidden, notFound } from '../../http/errors';
import { findDocumentBySha, insertDocument } from '../plan-import/import-repository';
import { assertMayFileTaskRequest, mayReadTaskRequestFile } from './task-request-policy';
import { findRequestRow, leadAgenciesOf } from './task-request-repository';

/**
 * The document an agency attaches to its request (its letter asking for the change). Uploaded first,
 * like a revision's document (`POST /api/plans/:id/revision-files`): bytes in the FileStore by SHA-256,
 * a `documents` row (one per content) and a `task_request_uploads` row naming the uploader, who alone
 * may then cite the file in a request. Downloaded by the parties
 * to the request (task-request-policy.ts `mayReadTaskRequestFile`).
 */

const MEDIA_TYPES: Record<(typeof TASK_REQUEST_FILE_EXTENSIONS)[number], string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  odt: 'application/vnd.oasis.opendocument.text',
};

const invalidFile = (message: string) =>
  new AppError('VALIDATION_FAILED', message, [{ path: 'file', message }]);

/** Refuses a caller who may not file a request on the task, before the upload is read. */
export async function assertMayAttach(ctx: AppContext, user: AuthUser, taskId: number): Promise<void> {
  const task = await ctx.db.selectFrom('tasks').select('id').where('id', '=', taskId).executeTakeFirst();
  if (!task) throw notFound('nhiệm vụ');
  const lead = await leadAgenciesOf(ctx.db, taskId);
  assertMayFileTaskRequest(user, lead.ids, lead.names.join(', '));
}

export async function uploadTaskRequestFile(
  rc: RequestContext,
  taskId: number,
  upload: { filename: string; bytes: Uint8Array },
): Promise<TaskRequestFile> {
  await assertMayAttach(rc.app, rc.actor, taskId);
  const ext = upload.filename.split('.').pop()?.toLowerCase() ?? '';
  const mediaType = (MEDIA_TYPES as Record<string, string>)[ext];
  if (!mediaType)
    throw invalidFile(
      `Tệp “${upload.filename}” không đúng loại: văn bản đề nghị phải là tệp PDF, DOCX, DOC hoặc ODT.`,
    );
  if (upload.bytes.byteLength === 0) throw invalidFile(`Tệp “${upload.filename}” rỗng.`);
  const sha = sha256Hex(upload.bytes);
  const doc = await inTransaction(rc, async (tx) => {
    await fileStoreOf(tx.app).put(upload.bytes);
    // Documents are kept once per content: the same letter uploaded again is the same row.
    const known = await findDocumentBySha(tx.db, sha);
    const id =
      known?.id ??
      (await insertDocument(tx.db, {
        sha256: sha,
        filename: upload.filename,
        mediaType,
        size: upload.bytes.byteLength,
        uploadedBy: tx.actor.id,
      }));
    await tx.db
      .insertInto('task_request_uploads')
      .values({ document_id: id, user_id: tx.actor.id, uploaded_at: tx.now() })
      .onConflict((oc) => oc.columns(['document_id', 'user_id']).doNothing())
      .execute();
    return known
      ? { id, filename: known.filename, mediaType: known.media_type }
      : { id, filename: upload.filename, mediaType };
  });
  return { ...doc, size: upload.bytes.byteLength };
}

/** The request's document, for download by a party to the request. */
export async function readTaskRequestFile(ctx: AppContext, user: AuthUser, requestId: number) {
  const r = await findRequestRow(ctx.db, requestId);
  if (!r) throw notFound('đề nghị');
  if (!mayReadTaskRequestFile(user, r))
    throw forbidden(
      `Văn bản đề nghị chỉ được xem bởi ${r.organisation_name}, cơ quan theo dõi, tổng hợp kế hoạch và quản trị hệ thống.`,
    );
  if (r.document_id === null) throw notFound('văn bản kèm đề nghị');
  const doc = await ctx.db
    .selectFrom('documents')
    .selectAll()
    .where('id', '=', r.document_id)
    .executeTakeFirstOrThrow();
  const bytes = await fileStoreOf(ctx).get(doc.sha256);
  if (!bytes) throw new AppError('INTERNAL', `Không tìm thấy tệp văn bản đã lưu (SHA-256 ${doc.sha256}).`);
  return { doc, bytes };
}

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  amendmentFileSchema,
  amendmentViewSchema,
  applyAmendmentRequestSchema,
  planAmendmentParamsSchema,
  planFileParamsSchema,
  revertAmendmentRequestSchema,
} from '../../../shared/contracts/plan-amendments';
import { amendmentSummarySchema } from '../../../shared/contracts/plan-revisions';
import { planIdParamsSchema } from '../../../shared/contracts/plans';
import type { AppContext } from '../../context';
import { access } from '../../http/access';
import { requirePermission } from '../../http/auth-state';
import { requestContext } from '../../http/request-context';
import { readUploadedFile } from '../../http/upload-limits';
import { MAX_UPLOAD_BYTES } from '../plan-import/import-service';
import {
  applyAmendment,
  createAmendment,
  editablePlan,
  getAmendment,
  readPlanFile,
  revertAmendment,
  uploadRevisionFile,
} from './amendment-service';

const tags = ['plans'];

/** Amending documents of a confirmed plan: upload → proposal → apply as one revision → revert (issue 13). */
export function amendmentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/plans/:id/amendments',
      {
        config: access('plans.revise', 'plan-consolidator'),
        schema: {
          tags,
          summary: 'Tải lên văn bản bổ sung, điều chỉnh kế hoạch để đọc thành các thay đổi đề xuất',
          consumes: ['multipart/form-data'],
          params: planIdParamsSchema,
          response: { 200: amendmentViewSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'plans.revise');
        const rc = requestContext(ctx, req, actor);
        // Who may change the plan is checked before the file is read.
        await editablePlan(rc.db, actor, req.params.id);
        const upload = await readUploadedFile(req, {
          maxBytes: MAX_UPLOAD_BYTES,
          missing: 'Vui lòng chọn tệp văn bản bổ sung, điều chỉnh kế hoạch để tải lên.',
        });
        return createAmendment(rc, req.params.id, upload);
      },
    );

    app.get(
      '/plans/:id/amendments/:amendmentId',
      {
        config: access('plans.revise', 'plan-consolidator'),
        schema: {
          tags,
          summary: 'Các thay đổi đề xuất đọc từ văn bản điều chỉnh',
          params: planAmendmentParamsSchema,
          response: { 200: amendmentViewSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'plans.revise');
        return getAmendment(ctx, actor, req.params.id, req.params.amendmentId);
      },
    );

    app.post(
      '/plans/:id/amendments/:amendmentId/apply',
      {
        config: access('plans.revise', 'plan-consolidator'),
        schema: {
          tags,
          summary: 'Áp dụng các thay đổi đã chọn của văn bản điều chỉnh thành một lần sửa kế hoạch',
          params: planAmendmentParamsSchema,
          body: applyAmendmentRequestSchema,
          response: { 200: amendmentSummarySchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'plans.revise');
        return applyAmendment(
          requestContext(ctx, req, actor),
          req.params.id,
          req.params.amendmentId,
          req.body,
        );
      },
    );

    app.post(
      '/plans/:id/amendments/:amendmentId/revert',
      {
        config: access('plans.revise', 'plan-consolidator'),
        schema: {
          tags,
          summary: 'Hoàn tác văn bản điều chỉnh đã áp dụng',
          params: planAmendmentParamsSchema,
          body: revertAmendmentRequestSchema,
          response: { 200: amendmentSummarySchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'plans.revise');
        return revertAmendment(
          requestContext(ctx, req, actor),
          req.params.id,
          req.params.amendmentId,
          req.body,
        );
      },
    );

    app.post(
      '/plans/:id/revision-files',
      {
        config: access('plans.revise', 'plan-consolidator'),
        schema: {
          tags,
          summary: 'Tải lên tệp văn bản điều chỉnh kèm một thay đổi của kế hoạch',
          consumes: ['multipart/form-data'],
          params: planIdParamsSchema,
          response: { 200: amendmentFileSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'plans.revise');
        const rc = requestContext(ctx, req, actor);
        await editablePlan(rc.db, actor, req.params.id);
        const upload = await readUploadedFile(req, {
          maxBytes: MAX_UPLOAD_BYTES,
          missing: 'Vui lòng chọn tệp văn bản điều chỉnh để tải lên.',
        });
        return uploadRevisionFile(rc, req.params.id, upload);
      },
    );

    app.get(
      '/plans/:id/files/:fileId',
      {
        config: access('plans.read'),
        schema: {
          tags,
          summary: 'Tệp văn bản điều chỉnh trong lịch sử thay đổi của kế hoạch',
          params: planFileParamsSchema,
        },
      },
      async (req, reply) => {
        requirePermission(req, 'plans.read');
        const { doc, bytes } = await readPlanFile(ctx, req.params.id, req.params.fileId);
        return reply
          .type(doc.media_type)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.filename)}`)
          .header('x-content-sha256', doc.sha256)
          .send(bytes);
      },
    );
  };
}

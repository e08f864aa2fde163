import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { okResponseSchema } from '../../../shared/contracts/auth';
import {
  confirmImportResponseSchema,
  importIdParamsSchema,
  importListQuerySchema,
  importListResponseSchema,
  planImportSchema,
  saveImportDraftRequestSchema,
} from '../../../shared/contracts/plan-import';
import type { AppContext } from '../../context';
import { access } from '../../http/access';
import { requirePermission } from '../../http/auth-state';
import { notFound } from '../../http/errors';
import { requestContext } from '../../http/request-context';
import { readUploadedFile } from '../../http/upload-limits';
import { confirmImport, discardImport } from './confirm-import';
import {
  assertUploadedImport,
  createImport,
  getImport,
  listImports,
  MAX_DRAFT_BYTES,
  MAX_UPLOAD_BYTES,
  readOriginal,
  saveImportDraft,
} from './import-service';

export function planImportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/plan-imports',
      {
        config: access('plans.import'),
        schema: {
          tags: ['plans'],
          summary: 'Tải lên văn bản kế hoạch (.txt hoặc .docx) để đọc thành bản nháp',
          consumes: ['multipart/form-data'],
          response: { 200: planImportSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'plans.import');
        const upload = await readUploadedFile(req, {
          maxBytes: MAX_UPLOAD_BYTES,
          missing: 'Vui lòng chọn tệp văn bản kế hoạch để tải lên.',
        });
        return createImport(requestContext(ctx, req, actor), upload);
      },
    );

    app.get(
      '/plan-imports',
      {
        config: access('plans.import'),
        schema: {
          tags: ['plans'],
          summary: 'Các lần nhập kế hoạch (mới nhất trước)',
          querystring: importListQuerySchema,
          response: { 200: importListResponseSchema },
        },
      },
      async (req) => {
        requirePermission(req, 'plans.import');
        return { items: await listImports(ctx, req.query.status) };
      },
    );

    app.get(
      '/plan-imports/:id',
      {
        config: access('plans.import'),
        schema: {
          tags: ['plans'],
          summary: 'Bản nháp đọc được từ văn bản',
          params: importIdParamsSchema,
          response: { 200: planImportSchema },
        },
      },
      async (req) => {
        requirePermission(req, 'plans.import');
        await assertUploadedImport(ctx, req.params.id);
        return getImport(ctx, req.params.id);
      },
    );

    app.put(
      '/plan-imports/:id/draft',
      {
        config: access('plans.import'),
        // A 10,000-task plan's draft is ~6 MB of JSON; the app-wide 2 MB limit would refuse it.
        bodyLimit: MAX_DRAFT_BYTES,
        schema: {
          tags: ['plans'],
          summary: 'Lưu các chỉnh sửa của bản nháp',
          params: importIdParamsSchema,
          body: saveImportDraftRequestSchema,
          response: { 200: planImportSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'plans.import');
        await assertUploadedImport(ctx, req.params.id);
        return saveImportDraft(requestContext(ctx, req, actor), req.params.id, req.body);
      },
    );

    app.post(
      '/plan-imports/:id/confirm',
      {
        config: access('plans.import'),
        schema: {
          tags: ['plans'],
          summary: 'Xác nhận bản nháp thành kế hoạch',
          params: importIdParamsSchema,
          response: { 200: confirmImportResponseSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'plans.import');
        await assertUploadedImport(ctx, req.params.id);
        return { planId: await confirmImport(requestContext(ctx, req, actor), req.params.id) };
      },
    );

    app.post(
      '/plan-imports/:id/discard',
      {
        config: access('plans.import'),
        schema: {
          tags: ['plans'],
          summary: 'Hủy bản nháp',
          params: importIdParamsSchema,
          response: { 200: okResponseSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'plans.import');
        await assertUploadedImport(ctx, req.params.id);
        await discardImport(requestContext(ctx, req, actor), req.params.id);
        return { ok: true as const };
      },
    );

    app.get(
      '/plan-imports/:id/original',
      {
        config: access('plans.read'),
        schema: { tags: ['plans'], summary: 'Tệp văn bản gốc', params: importIdParamsSchema },
      },
      async (req, reply) => {
        requirePermission(req, 'plans.read');
        const imp = await getImport(ctx, req.params.id);
        if (!imp.document) throw notFound('văn bản gốc: kế hoạch này được nhập tay');
        const name = encodeURIComponent(imp.document.filename);
        return reply
          .type(imp.document.mediaType)
          .header('content-disposition', `attachment; filename*=UTF-8''${name}`)
          .header('x-content-sha256', imp.document.sha256)
          .send(await readOriginal(ctx, imp.document.sha256));
      },
    );
  };
}

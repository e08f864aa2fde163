import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createTaskRequestSchema,
  decideTaskRequestSchema,
  taskIdParamsSchema,
  taskRequestFileSchema,
  taskRequestIdParamsSchema,
  taskRequestListSchema,
  taskRequestParamsSchema,
  taskRequestQueueQuerySchema,
  taskRequestQueueSchema,
  taskRequestSchema,
} from '../../../shared/contracts/task-requests';
import type { AppContext } from '../../context';
import { access } from '../../http/access';
import { requirePermission, requireUser } from '../../http/auth-state';
import { requestContext } from '../../http/request-context';
import { readUploadedFile } from '../../http/upload-limits';
import { MAX_UPLOAD_BYTES } from '../plan-import/import-service';
import { assertMayAttach, readTaskRequestFile, uploadTaskRequestFile } from './task-request-files';
import { decideTaskRequest, fileTaskRequest, listTaskRequests, requestQueue } from './task-request-service';

const tags = ['plans'];

/** Requests from a task's lead agency (extend the deadline, hand to another lead) and their decision. */
export function taskRequestRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/tasks/:id/requests',
      {
        config: access('plans.read'),
        schema: {
          tags,
          summary: 'Các đề nghị gia hạn, chuyển cơ quan chủ trì của một nhiệm vụ và kết quả xử lý',
          params: taskIdParamsSchema,
          response: { 200: taskRequestListSchema },
        },
      },
      async (req) => listTaskRequests(ctx, requirePermission(req, 'plans.read'), req.params.id),
    );

    app.post(
      '/tasks/:id/requests',
      {
        config: access('tasks.request', 'task-lead'),
        schema: {
          tags,
          summary: 'Cơ quan chủ trì đề nghị gia hạn hoặc chuyển cơ quan chủ trì nhiệm vụ, kèm lý do',
          params: taskIdParamsSchema,
          body: createTaskRequestSchema,
          response: { 201: taskRequestSchema },
        },
      },
      async (req, reply) => {
        // The role and the agency are judged together (task-request-policy.ts), with the lead's name.
        const actor = requireUser(req);
        const view = await fileTaskRequest(requestContext(ctx, req, actor), req.params.id, req.body);
        return reply.code(201).send(view);
      },
    );

    app.post(
      '/tasks/:id/request-files',
      {
        config: access('tasks.request', 'task-lead'),
        schema: {
          tags,
          summary: 'Tải lên văn bản đề nghị (PDF, DOCX, DOC, ODT) để gửi kèm đề nghị về nhiệm vụ',
          consumes: ['multipart/form-data'],
          params: taskIdParamsSchema,
          response: { 200: taskRequestFileSchema },
        },
      },
      async (req) => {
        const actor = requireUser(req);
        // Who may file on the task is checked before the file is read.
        await assertMayAttach(ctx, actor, req.params.id);
        const upload = await readUploadedFile(req, {
          maxBytes: MAX_UPLOAD_BYTES,
          missing: 'Vui lòng chọn tệp văn bản đề nghị để tải lên.',
        });
        return uploadTaskRequestFile(requestContext(ctx, req, actor), req.params.id, upload);
      },
    );

    app.get(
      '/task-requests/:requestId/file',
      {
        // Record check in the service: the requesting agency, the plan's consolidating agency, admins.
        config: access('plans.read'),
        schema: {
          tags,
          summary: 'Tải xuống văn bản kèm đề nghị của cơ quan',
          params: taskRequestIdParamsSchema,
        },
      },
      async (req, reply) => {
        const actor = requirePermission(req, 'plans.read');
        const { doc, bytes } = await readTaskRequestFile(ctx, actor, req.params.requestId);
        return reply
          .type(doc.media_type)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.filename)}`)
          .header('x-content-sha256', doc.sha256)
          .send(bytes);
      },
    );

    app.get(
      '/task-requests',
      {
        config: access('plans.revise'),
        schema: {
          tags,
          summary: 'Hàng đề nghị của các cơ quan trên những kế hoạch do cơ quan của người xem tổng hợp',
          querystring: taskRequestQueueQuerySchema,
          response: { 200: taskRequestQueueSchema },
        },
      },
      async (req) => requestQueue(ctx, requirePermission(req, 'plans.revise'), req.query.state),
    );

    app.post(
      '/plans/:id/task-requests/:requestId/decision',
      {
        config: access('plans.revise', 'plan-consolidator'),
        schema: {
          tags,
          summary: 'Chấp thuận (áp dụng thành một lần sửa kế hoạch) hoặc không chấp thuận một đề nghị',
          params: taskRequestParamsSchema,
          body: decideTaskRequestSchema,
          response: { 200: taskRequestSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'plans.revise');
        return decideTaskRequest(
          requestContext(ctx, req, actor),
          req.params.id,
          req.params.requestId,
          req.body,
        );
      },
    );
  };
}

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createDirectiveRequestSchema,
  directiveListQuerySchema,
  directiveListResponseSchema,
  directiveSchema,
  planPeriodsParamsSchema,
  taskHistoryResponseSchema,
  taskParamsSchema,
  taskStatusesQuerySchema,
  taskStatusesResponseSchema,
} from '../../../shared/contracts/reporting';
import type { AppContext } from '../../context';
import { requirePermission } from '../../http/auth-state';
import { addDirective, listDirectives } from './directives';
import { planTaskStatuses, taskHistory } from './task-statuses';

const tags = ['reporting'];

export function taskReportingRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/plans/:id/task-statuses',
      {
        schema: {
          tags,
          summary: 'Trạng thái nhiệm vụ theo phân loại của Văn phòng Chính phủ, cho một năm, kèm tổng hợp',
          params: planPeriodsParamsSchema,
          querystring: taskStatusesQuerySchema,
          response: { 200: taskStatusesResponseSchema },
        },
      },
      async (req) => {
        requirePermission(req, 'plans.read');
        return planTaskStatuses(ctx, req.params.id, req.query);
      },
    );

    app.get(
      '/tasks/:taskId/history',
      {
        schema: {
          tags,
          summary: 'Lịch sử báo cáo của một nhiệm vụ qua các kỳ, với trạng thái từng kỳ',
          params: taskParamsSchema,
          response: { 200: taskHistoryResponseSchema },
        },
      },
      async (req) => {
        const user = requirePermission(req, 'reports.read');
        return taskHistory(ctx, user, req.params.taskId);
      },
    );

    app.get(
      '/tasks/:taskId/directives',
      {
        schema: {
          tags,
          summary: 'Ý kiến chỉ đạo về nhiệm vụ',
          params: taskParamsSchema,
          querystring: directiveListQuerySchema,
          response: { 200: directiveListResponseSchema },
        },
      },
      async (req) => {
        const user = requirePermission(req, 'plans.read');
        return listDirectives(ctx, user, { kind: 'task', id: req.params.taskId }, req.query);
      },
    );

    app.post(
      '/tasks/:taskId/directives',
      {
        schema: {
          tags,
          summary: 'Lãnh đạo cho ý kiến chỉ đạo về nhiệm vụ',
          params: taskParamsSchema,
          body: createDirectiveRequestSchema,
          response: { 201: directiveSchema },
        },
      },
      async (req, reply) => {
        const actor = requirePermission(req, 'directives.write');
        const d = await addDirective(
          ctx,
          actor,
          { kind: 'task', id: req.params.taskId },
          req.body.text,
          String(req.id),
        );
        return reply.status(201).send(d);
      },
    );
  };
}

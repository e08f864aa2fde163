import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  planPeriodsParamsSchema,
  taskHistoryResponseSchema,
  taskParamsSchema,
  taskStatusesQuerySchema,
  taskStatusesResponseSchema,
} from '../../../shared/contracts/reporting';
import type { AppContext } from '../../context';
import { access } from '../../http/access';
import { requirePermission } from '../../http/auth-state';
import { planTaskStatuses, taskHistory } from './task-status-service';

const tags = ['reporting'];

export function taskReportingRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/plans/:id/task-statuses',
      {
        config: access('plans.read'),
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
      '/tasks/:id/history',
      {
        config: access('reports.read'),
        schema: {
          tags,
          summary: 'Lịch sử báo cáo của một nhiệm vụ qua các kỳ, với trạng thái từng kỳ',
          params: taskParamsSchema,
          response: { 200: taskHistoryResponseSchema },
        },
      },
      async (req) => {
        const user = requirePermission(req, 'reports.read');
        return taskHistory(ctx, user, req.params.id);
      },
    );
  };
}

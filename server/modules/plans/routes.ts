import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  planDetailSchema,
  planIdParamsSchema,
  planListQuerySchema,
  planListResponseSchema,
  planTaskParamsSchema,
  planTaskViewSchema,
  taskFacetsSchema,
  taskListQuerySchema,
  taskListResponseSchema,
} from '../../../shared/contracts/plans';
import type { AppContext } from '../../context';
import { access } from '../../http/access';
import { requirePermission } from '../../http/auth-state';
import { getPlan, getTask, listPlans, listTasks, taskFacets } from './plan-service';

export function planRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/plans',
      {
        config: access('plans.read'),
        schema: {
          tags: ['plans'],
          summary: 'Danh sách kế hoạch',
          querystring: planListQuerySchema,
          response: { 200: planListResponseSchema },
        },
      },
      async (req) => {
        requirePermission(req, 'plans.read');
        return listPlans(ctx, req.query);
      },
    );

    app.get(
      '/plans/:id',
      {
        config: access('plans.read'),
        schema: {
          tags: ['plans'],
          summary:
            'Tổng quan kế hoạch: thông tin văn bản, mục tiêu, chế độ báo cáo, nhiệm vụ của các cơ quan',
          params: planIdParamsSchema,
          response: { 200: planDetailSchema },
        },
      },
      async (req) => {
        requirePermission(req, 'plans.read');
        return getPlan(ctx, req.params.id);
      },
    );

    app.get(
      '/plans/:id/tasks',
      {
        config: access('plans.read'),
        schema: {
          tags: ['plans'],
          summary: 'Nhiệm vụ của kế hoạch, có lọc và tìm kiếm không dấu',
          params: planIdParamsSchema,
          querystring: taskListQuerySchema,
          response: { 200: taskListResponseSchema },
        },
      },
      async (req) => {
        requirePermission(req, 'plans.read');
        return listTasks(ctx, req.params.id, req.query);
      },
    );

    app.get(
      '/plans/:id/task-facets',
      {
        config: access('plans.read'),
        schema: {
          tags: ['plans'],
          summary: 'Giá trị cho bộ lọc nhiệm vụ',
          params: planIdParamsSchema,
          response: { 200: taskFacetsSchema },
        },
      },
      async (req) => {
        requirePermission(req, 'plans.read');
        return taskFacets(ctx, req.params.id);
      },
    );

    app.get(
      '/plans/:id/tasks/:taskId',
      {
        config: access('plans.read'),
        schema: {
          tags: ['plans'],
          summary: 'Một nhiệm vụ',
          params: planTaskParamsSchema,
          response: { 200: planTaskViewSchema },
        },
      },
      async (req) => {
        requirePermission(req, 'plans.read');
        return getTask(ctx, req.params.id, req.params.taskId);
      },
    );
  };
}

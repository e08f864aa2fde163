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
import { localDate } from '../../../shared/domain/reporting/local-date';
import type { AppContext } from '../../context';
import { access } from '../../http/access';
import { requirePermission } from '../../http/auth-state';
import { PageCache } from '../../lib/page-cache';
import { getPlan, getTask, listPlans, listTasks, taskFacets } from './plan-service';
import { taskPageKey, taskPageVersion } from './task-page-cache';

/** Memory for the task list's written pages, per process (about 340 pages of 100 tasks). */
const TASK_PAGE_CACHE_BYTES = 32 * 1024 * 1024;

export function planRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const taskPages = new PageCache(TASK_PAGE_CACHE_BYTES);
    /** Pages being written, to keep once serialised (onSend below). */
    const toKeep = new WeakMap<object, { key: string; version: string }>();

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
        onSend: async (req, reply, payload) => {
          const keep = toKeep.get(req);
          if (keep && reply.statusCode === 200 && typeof payload === 'string')
            taskPages.set(keep.key, keep.version, Buffer.from(payload));
          return payload;
        },
      },
      async (req, reply) => {
        requirePermission(req, 'plans.read');
        const key = taskPageKey(req.params.id, localDate(new Date()), req.query);
        const version = await taskPageVersion(ctx.db, req.params.id);
        if (version !== undefined) {
          const page = taskPages.get(key, version);
          // The bytes the serializer wrote for this very key and version: sent as they are.
          if (page) return reply.type('application/json; charset=utf-8').send(page as never);
          toKeep.set(req, { key, version });
        }
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

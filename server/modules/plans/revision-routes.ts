import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  planEndUndoRequestSchema,
  revisionListSchema,
  revisionRequestSchema,
  revisionViewSchema,
} from '../../../shared/contracts/plan-revisions';
import { planIdParamsSchema, planTaskParamsSchema } from '../../../shared/contracts/plans';
import type { AppContext } from '../../context';
import { access } from '../../http/access';
import { requirePermission } from '../../http/auth-state';
import { requestContext } from '../../http/request-context';
import { undoPlanEnd } from './plan-end-undo';
import { applyRevision, listRevisions } from './revision-service';

const tags = ['plans'];

/** Changes of a confirmed plan, each with its reason, and their history (issue 13). */
export function revisionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/plans/:id/revisions',
      {
        config: access('plans.read'),
        schema: {
          tags,
          summary: 'Lịch sử thay đổi của kế hoạch (mới nhất trước) và quyền sửa của người xem',
          params: planIdParamsSchema,
          response: { 200: revisionListSchema },
        },
      },
      async (req) => {
        const user = requirePermission(req, 'plans.read');
        return listRevisions(ctx, user, req.params.id);
      },
    );

    app.get(
      '/plans/:id/tasks/:taskId/revisions',
      {
        config: access('plans.read'),
        schema: {
          tags,
          summary: 'Lịch sử thay đổi của một nhiệm vụ',
          params: planTaskParamsSchema,
          response: { 200: revisionListSchema },
        },
      },
      async (req) => {
        const user = requirePermission(req, 'plans.read');
        return listRevisions(ctx, user, req.params.id, req.params.taskId);
      },
    );

    app.post(
      '/plans/:id/revisions',
      {
        config: access('plans.revise', 'plan-consolidator'),
        schema: {
          tags,
          summary:
            'Sửa kế hoạch đã ban hành (thông tin chung, chỉ tiêu, nhóm nhiệm vụ, nhiệm vụ) kèm lý do và văn bản điều chỉnh',
          params: planIdParamsSchema,
          body: revisionRequestSchema,
          response: { 200: revisionViewSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'plans.revise');
        return applyRevision(requestContext(ctx, req, actor), req.params.id, req.body);
      },
    );

    app.post(
      '/plans/:id/end/undo',
      {
        config: access('plans.revise', 'plan-consolidator'),
        schema: {
          tags,
          summary:
            'Hoàn tác bãi bỏ / thay thế kế hoạch: kế hoạch có hiệu lực trở lại, nhiệm vụ đã chuyển sang kế hoạch thay thế được trả về',
          params: planIdParamsSchema,
          body: planEndUndoRequestSchema,
          response: { 200: revisionViewSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'plans.revise');
        return undoPlanEnd(requestContext(ctx, req, actor), req.params.id, req.body);
      },
    );
  };
}

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  publicationParamsSchema,
  publicationStateSchema,
  publicPlanSchema,
} from '../../../shared/contracts/publication';
import type { AppContext } from '../../context';
import { access } from '../../http/access';
import { requirePermission } from '../../http/auth-state';
import { requestContext } from '../../http/request-context';
import { getPublication, getPublicPlan, setPublication } from './publication-service';

const tags = ['publication'];

/**
 * A plan's public page: the switch for the consolidating agency (under /api/plans/:id/publication)
 * and the page's data, read without a session (under /api/public/, which authenticate.ts lets
 * through; declared `public` so the authorisation matrix proves anonymous callers get it).
 */
export function publicationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/plans/:id/publication',
      {
        config: access('plans.read'),
        schema: {
          tags,
          summary: 'Trạng thái công khai của kế hoạch và đường dẫn trang công khai',
          params: publicationParamsSchema,
          response: { 200: publicationStateSchema },
        },
      },
      async (req) => {
        const user = requirePermission(req, 'plans.read');
        return getPublication(ctx, user, req.params.id);
      },
    );

    for (const [method, publish, summary] of [
      [
        'POST',
        true,
        'Công khai kế hoạch: chỉ tiêu, đánh giá và số nhiệm vụ theo tình trạng, không cần đăng nhập',
      ],
      ['DELETE', false, 'Gỡ công khai kế hoạch'],
    ] as const) {
      app.route({
        method,
        url: '/plans/:id/publication',
        config: access('plans.publish', 'plan-consolidator'),
        schema: {
          tags,
          summary,
          params: publicationParamsSchema,
          response: { 200: publicationStateSchema },
        },
        handler: async (req) => {
          const actor = requirePermission(req, 'plans.publish');
          return setPublication(requestContext(ctx, req, actor), req.params.id, publish);
        },
      });
    }

    app.get(
      '/public/plans/:id',
      {
        config: access('public'),
        schema: {
          tags,
          summary: 'Trang công khai của kế hoạch (không cần đăng nhập; 404 khi chưa công khai)',
          params: publicationParamsSchema,
          response: { 200: publicPlanSchema },
        },
      },
      async (req) => getPublicPlan(ctx, req.params.id),
    );
  };
}

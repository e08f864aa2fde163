import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { searchQuerySchema, searchResponseSchema } from '../../../shared/contracts/search';
import type { AppContext } from '../../context';
import { access } from '../../http/access';
import { requirePermission } from '../../http/auth-state';
import { searchEverything } from './search-service';

/** GET /api/search: the header's search across plans, tasks, reports and agencies. */
export function searchRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/search',
      {
        // Every role reads plans; which reports come back is report-policy.ts's read scope.
        config: access('plans.read'),
        schema: {
          tags: ['search'],
          summary:
            'Tìm kế hoạch, nhiệm vụ, báo cáo và cơ quan (không phân biệt hoa thường, có dấu hay không)',
          querystring: searchQuerySchema,
          response: { 200: searchResponseSchema },
        },
      },
      async (req) => {
        const user = requirePermission(req, 'plans.read');
        return searchEverything(ctx, user, req.query);
      },
    );
  };
}

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { searchQuerySchema, searchResponseSchema } from '../../../shared/contracts/search';
import type { AppContext } from '../../context';
import { access } from '../../http/access';
import { requirePermission } from '../../http/auth-state';
import { contentVersion } from '../../lib/content-version';
import { keptPages, queryKey } from '../../lib/page-cache';
import { reportReadScope } from '../reporting/report-policy';
import { searchEverything } from './search-service';

/** Memory for the search's written answers, per process (a header answer is 1–3 KB). */
const SEARCH_CACHE_BYTES = 8 * 1024 * 1024;

/** GET /api/search: the header's search across plans, tasks, reports and agencies. */
export function searchRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // Answers kept while nothing they show has changed (content-version.ts): typing, the results page
    // and the next visitor with the same role and read scope ask the same again.
    const answers = keptPages(SEARCH_CACHE_BYTES);
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
        onSend: answers.onSend,
      },
      async (req, reply) => {
        const user = requirePermission(req, 'plans.read');
        // What a caller finds depends on their role (kinds) and read scope (reports), not on who they are.
        const key = `${user.role}|${JSON.stringify(reportReadScope(user))}|${queryKey(req.query)}`;
        if (answers.sendKept(req, reply, key, await contentVersion(ctx.db))) return reply;
        return searchEverything(ctx, user, req.query);
      },
    );
  };
}

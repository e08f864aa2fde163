import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { calendarQuerySchema, calendarResponseSchema } from '../../../shared/contracts/calendar';
import type { AppContext } from '../../context';
import { access } from '../../http/access';
import { requirePermission } from '../../http/auth-state';
import { calendarEvents } from './calendar-service';

/** GET /api/calendar: the deadline calendar's events between two dates. */
export function calendarRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/calendar',
      {
        // Every role reads plans and their tasks; reports come back through report-policy.ts's read scope.
        config: access('plans.read'),
        schema: {
          tags: ['calendar'],
          summary: 'Hạn nhiệm vụ và hạn nộp báo cáo trong một khoảng ngày, có thể lọc theo cơ quan',
          querystring: calendarQuerySchema,
          response: { 200: calendarResponseSchema },
        },
      },
      async (req) => {
        const user = requirePermission(req, 'plans.read');
        return calendarEvents(ctx, user, req.query);
      },
    );
  };
}

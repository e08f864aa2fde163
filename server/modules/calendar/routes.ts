import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  calendarDayQuerySchema,
  calendarDayResponseSchema,
  calendarQuerySchema,
  calendarResponseSchema,
} from '../../../shared/contracts/calendar';
import type { AppContext } from '../../context';
import { access } from '../../http/access';
import { requirePermission } from '../../http/auth-state';
import { calendarDay, calendarDays } from './calendar-service';

/** GET /api/calendar: deadlines per day between two dates; GET /api/calendar/day: one day's deadlines. */
export function calendarRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/calendar',
      {
        // Every role reads plans and their tasks; reports are counted through report-policy.ts's read scope.
        config: access('plans.read'),
        schema: {
          tags: ['calendar'],
          summary:
            'Số hạn nhiệm vụ và hạn nộp báo cáo mỗi ngày trong một khoảng ngày, có thể lọc theo cơ quan',
          querystring: calendarQuerySchema,
          response: { 200: calendarResponseSchema },
        },
      },
      async (req) => {
        const user = requirePermission(req, 'plans.read');
        return calendarDays(ctx, user, req.query);
      },
    );
    app.get(
      '/calendar/day',
      {
        config: access('plans.read'),
        schema: {
          tags: ['calendar'],
          summary: 'Các hạn nhiệm vụ hoặc hạn nộp báo cáo của một ngày, theo trang, có thể lọc theo cơ quan',
          querystring: calendarDayQuerySchema,
          response: { 200: calendarDayResponseSchema },
        },
      },
      async (req) => {
        const user = requirePermission(req, 'plans.read');
        return calendarDay(ctx, user, req.query);
      },
    );
  };
}

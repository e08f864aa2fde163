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
import { contentVersion } from '../../lib/content-version';
import { keptPages, queryKey } from '../../lib/page-cache';
import { reportReadScope } from '../reporting/report-policy';
import { calendarDay, calendarDays } from './calendar-service';

/** Memory for the day lists' written pages, per process (a page of 20 is about 10 KB). */
const DAY_PAGE_CACHE_BYTES = 8 * 1024 * 1024;

/** GET /api/calendar: deadlines per day between two dates; GET /api/calendar/day: one day's deadlines. */
export function calendarRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // A day's page is kept while nothing it shows has changed (content-version.ts): tasks and their
    // agencies, plans, reports and periods, agencies; everyone of a role and read scope sees the same.
    const dayPages = keptPages(DAY_PAGE_CACHE_BYTES);
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
        onSend: dayPages.onSend,
      },
      async (req, reply) => {
        const user = requirePermission(req, 'plans.read');
        const key = `${user.role}|${JSON.stringify(reportReadScope(user))}|${queryKey(req.query)}`;
        if (dayPages.sendKept(req, reply, key, await contentVersion(ctx.db))) return reply;
        return calendarDay(ctx, user, req.query);
      },
    );
  };
}

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  dashboardPlanParamsSchema,
  dashboardPlanQuerySchema,
  dashboardPlanResponseSchema,
  dashboardQuerySchema,
  dashboardResponseSchema,
} from '../../../shared/contracts/dashboard';
import type { AppContext } from '../../context';
import { access } from '../../http/access';
import { requirePermission } from '../../http/auth-state';
import { allPlansDashboard, planDashboard } from './dashboard-service';

const tags = ['dashboard'];

/** The dashboard of leaders and coordinators (reports.monitor): every plan, then one plan in depth. */
export function dashboardRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/dashboard',
      {
        config: access('reports.monitor'),
        schema: {
          tags,
          summary:
            'Tổng quan mọi kế hoạch: nhiệm vụ theo trạng thái, tỷ lệ báo cáo kỳ đang mở, chỉ tiêu có nguy cơ',
          querystring: dashboardQuerySchema,
          response: { 200: dashboardResponseSchema },
        },
      },
      async (req) => {
        requirePermission(req, 'reports.monitor');
        return allPlansDashboard(ctx, req.query);
      },
    );

    app.get(
      '/dashboard/plans/:id',
      {
        config: access('reports.monitor'),
        schema: {
          tags,
          summary:
            'Tổng quan một kế hoạch: nhiệm vụ theo trạng thái và cơ quan chủ trì, nhiệm vụ quá hạn, cơ quan chưa báo cáo, chỉ tiêu, ý kiến chỉ đạo, khó khăn và kiến nghị',
          params: dashboardPlanParamsSchema,
          querystring: dashboardPlanQuerySchema,
          response: { 200: dashboardPlanResponseSchema },
        },
      },
      async (req) => {
        requirePermission(req, 'reports.monitor');
        return planDashboard(ctx, req.params.id, req.query);
      },
    );
  };
}

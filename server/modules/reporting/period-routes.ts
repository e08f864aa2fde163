import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  extendPeriodRequestSchema,
  openPeriodRequestSchema,
  periodListResponseSchema,
  periodParamsSchema,
  periodProposalsResponseSchema,
  periodRatesResponseSchema,
  periodSchema,
  planPeriodsParamsSchema,
  planRatesResponseSchema,
  ratesQuerySchema,
} from '../../../shared/contracts/reporting';
import type { AppContext } from '../../context';
import { access } from '../../http/access';
import { requirePermission } from '../../http/auth-state';
import { requestContext } from '../../http/request-context';
import {
  extendPeriod,
  getPeriod,
  listPeriods,
  openPeriod,
  periodProposals,
  refreshPeriod,
  setPeriodState,
} from './period-service';
import { periodRates, planRates } from './rate-service';

const tags = ['reporting'];

export function periodRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/plans/:id/reporting-periods',
      {
        config: access('reports.read'),
        schema: {
          tags,
          summary: 'Các kỳ báo cáo của kế hoạch (mới nhất trước), kèm số báo cáo theo trạng thái',
          params: planPeriodsParamsSchema,
          response: { 200: periodListResponseSchema },
        },
      },
      async (req) => {
        requirePermission(req, 'reports.read');
        return { items: await listPeriods(ctx, req.params.id) };
      },
    );

    app.get(
      '/plans/:id/reporting-periods/proposals',
      {
        config: access('periods.manage'),
        schema: {
          tags,
          summary: 'Các kỳ theo chế độ báo cáo của kế hoạch (năm, sơ kết, tổng kết) và kỳ đã mở',
          params: planPeriodsParamsSchema,
          response: { 200: periodProposalsResponseSchema },
        },
      },
      async (req) => {
        requirePermission(req, 'periods.manage');
        return { items: await periodProposals(ctx, req.params.id) };
      },
    );

    app.post(
      '/plans/:id/reporting-periods',
      {
        config: access('periods.manage'),
        schema: {
          tags,
          summary:
            'Mở kỳ báo cáo và tạo báo cáo cho mọi cơ quan có nhiệm vụ (mở lại kỳ đã có: bổ sung phần thiếu)',
          params: planPeriodsParamsSchema,
          body: openPeriodRequestSchema,
          response: { 200: periodSchema, 201: periodSchema },
        },
      },
      async (req, reply) => {
        const actor = requirePermission(req, 'periods.manage');
        const r = await openPeriod(requestContext(ctx, req, actor), req.params.id, req.body);
        return reply.status(r.created ? 201 : 200).send(r.period);
      },
    );

    app.get(
      '/reporting-periods/:id',
      {
        config: access('reports.read'),
        schema: {
          tags,
          summary: 'Một kỳ báo cáo',
          params: periodParamsSchema,
          response: { 200: periodSchema },
        },
      },
      async (req) => {
        requirePermission(req, 'reports.read');
        return getPeriod(ctx, req.params.id);
      },
    );

    app.post(
      '/reporting-periods/:id/extend',
      {
        config: access('periods.manage'),
        schema: {
          tags,
          summary: 'Gia hạn nộp báo cáo (lưu lại hạn cũ, hạn mới và lý do)',
          params: periodParamsSchema,
          body: extendPeriodRequestSchema,
          response: { 200: periodSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'periods.manage');
        return extendPeriod(requestContext(ctx, req, actor), req.params.id, req.body);
      },
    );

    for (const [action, state, summary] of [
      ['close', 'closed', 'Đóng kỳ báo cáo: cơ quan không sửa, gửi được nữa; vẫn tiếp nhận, trả lại được'],
      ['reopen', 'open', 'Mở lại kỳ báo cáo đã đóng'],
    ] as const) {
      app.post(
        `/reporting-periods/:id/${action}`,
        {
          config: access('periods.manage'),
          schema: { tags, summary, params: periodParamsSchema, response: { 200: periodSchema } },
        },
        async (req) => {
          const actor = requirePermission(req, 'periods.manage');
          return setPeriodState(requestContext(ctx, req, actor), req.params.id, state);
        },
      );
    }

    app.post(
      '/reporting-periods/:id/refresh',
      {
        config: access('periods.manage'),
        schema: {
          tags,
          summary: 'Bổ sung báo cáo, nhiệm vụ cho cơ quan, nhiệm vụ mới thêm sau khi mở kỳ',
          params: periodParamsSchema,
          response: { 200: periodSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'periods.manage');
        return refreshPeriod(requestContext(ctx, req, actor), req.params.id);
      },
    );

    app.get(
      '/reporting-periods/:id/rates',
      {
        config: access('reports.monitor'),
        schema: {
          tags,
          summary: 'Tỷ lệ báo cáo của kỳ: dự kiến, đã gửi, gửi đúng hạn, đã tiếp nhận — tổng và theo cơ quan',
          params: periodParamsSchema,
          querystring: ratesQuerySchema,
          response: { 200: periodRatesResponseSchema },
        },
      },
      async (req) => {
        requirePermission(req, 'reports.monitor');
        return periodRates(ctx, req.params.id, req.query.agencyAs);
      },
    );

    app.get(
      '/plans/:id/reporting-rates',
      {
        config: access('reports.monitor'),
        schema: {
          tags,
          summary: 'Tỷ lệ báo cáo theo từng kỳ và theo từng cơ quan qua các kỳ',
          params: planPeriodsParamsSchema,
          querystring: ratesQuerySchema,
          response: { 200: planRatesResponseSchema },
        },
      },
      async (req) => {
        requirePermission(req, 'reports.monitor');
        return planRates(ctx, req.params.id, req.query.agencyAs);
      },
    );
  };
}

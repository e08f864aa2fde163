import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { REVIEW_KIND_MESSAGE, reviewReportQuerySchema } from '../../../shared/contracts/documents';
import { planIdParamsSchema, taskListQuerySchema } from '../../../shared/contracts/plans';
import {
  periodParamsSchema,
  ratesQuerySchema,
  reportParamsSchema,
} from '../../../shared/contracts/reporting';
import type { AppContext } from '../../context';
import { access } from '../../http/access';
import { requirePermission } from '../../http/auth-state';
import { AppError } from '../../http/errors';
import { assertCanRead } from '../reporting/report-policy';
import { findReport } from '../reporting/report-service';
import { agencyReportWorkbook } from './agency-xlsx';
import { consolidatedDataOfPeriod } from './consolidated-xlsx';
import { periodRatesWorkbook } from './rates-xlsx';
import { reviewDataOfPlan } from './review-xlsx';
import { XLSX_TYPE } from './sheet-layout';
import { prepareTaskExport } from './task-list-xlsx';

/**
 * Lists as .xlsx: each route is readable by exactly who reads the list it exports (the task list:
 * plans.read; a period's rates, its consolidated data and a plan's review data: reports.monitor; an
 * agency's report: whoever may read the report, report-policy.ts).
 */
export function exportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/plans/:id/tasks/export.xlsx',
      {
        config: access('plans.read'),
        schema: {
          tags: ['plans'],
          summary: 'Xuất danh sách nhiệm vụ và tình trạng ra Excel, cùng bộ lọc và thứ tự như danh sách',
          params: planIdParamsSchema,
          // The list's own query; its page and page size are ignored: the file holds every page.
          querystring: taskListQuerySchema,
        },
      },
      async (req, reply) => {
        const user = requirePermission(req, 'plans.read');
        const exp = await prepareTaskExport(ctx, user, req.params.id, req.query);
        // Streamed as it is written, one batch of tasks at a time; a failure midway ends the download.
        const body = new PassThrough();
        exp.write(body).catch((err: unknown) => {
          req.log.error({ err }, 'task list export failed while writing');
          body.destroy(err instanceof Error ? err : new Error(String(err)));
        });
        return reply.type(XLSX_TYPE).header('content-disposition', exp.disposition).send(body);
      },
    );

    app.get(
      '/reporting-periods/:id/rates.xlsx',
      {
        config: access('reports.monitor'),
        schema: {
          tags: ['reporting'],
          summary: 'Xuất tỷ lệ báo cáo của kỳ theo từng cơ quan ra Excel',
          params: periodParamsSchema,
          querystring: ratesQuerySchema,
        },
      },
      async (req, reply) => {
        requirePermission(req, 'reports.monitor');
        const { bytes, disposition } = await periodRatesWorkbook(ctx, req.params.id, req.query.agencyAs);
        return reply.type(XLSX_TYPE).header('content-disposition', disposition).send(bytes);
      },
    );

    app.get(
      '/reporting-periods/:id/consolidated-data.xlsx',
      {
        config: access('reports.monitor'),
        schema: {
          tags: ['documents'],
          summary: 'Xuất số liệu báo cáo tổng hợp của kỳ ra Excel, mỗi phần của báo cáo một trang tính',
          params: periodParamsSchema,
        },
      },
      async (req, reply) => {
        requirePermission(req, 'reports.monitor');
        const { bytes, disposition } = await consolidatedDataOfPeriod(ctx, req.params.id);
        return reply.type(XLSX_TYPE).header('content-disposition', disposition).send(bytes);
      },
    );
    app.get(
      '/plans/:id/review-report.xlsx',
      {
        config: access('reports.monitor'),
        schema: {
          tags: ['documents'],
          summary: 'Xuất số liệu báo cáo sơ kết hoặc tổng kết kế hoạch ra Excel, mỗi phần một trang tính',
          params: planIdParamsSchema,
          querystring: reviewReportQuerySchema,
        },
      },
      async (req, reply) => {
        requirePermission(req, 'reports.monitor');
        const { kind, year } = req.query;
        if (!kind)
          throw new AppError('VALIDATION_FAILED', REVIEW_KIND_MESSAGE, [
            { path: 'kind', message: REVIEW_KIND_MESSAGE },
          ]);
        const { bytes, disposition } = await reviewDataOfPlan(ctx, req.params.id, kind, year);
        return reply.type(XLSX_TYPE).header('content-disposition', disposition).send(bytes);
      },
    );

    app.get(
      '/reports/:id/document.xlsx',
      {
        config: access('reports.read', 'report-read'),
        schema: {
          tags: ['documents'],
          summary: 'Xuất báo cáo của cơ quan ra Excel: các nhiệm vụ với kết quả, và đánh giá chung',
          params: reportParamsSchema,
        },
      },
      async (req, reply) => {
        const user = requirePermission(req, 'reports.read');
        assertCanRead(user, await findReport(ctx.db, req.params.id));
        const { bytes, disposition } = await agencyReportWorkbook(ctx, req.params.id);
        return reply.type(XLSX_TYPE).header('content-disposition', disposition).send(bytes);
      },
    );
  };
}

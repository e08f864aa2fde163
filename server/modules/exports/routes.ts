import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { planIdParamsSchema, taskListQuerySchema } from '../../../shared/contracts/plans';
import { periodParamsSchema } from '../../../shared/contracts/reporting';
import type { AppContext } from '../../context';
import { access } from '../../http/access';
import { requirePermission } from '../../http/auth-state';
import { consolidatedDataOfPeriod } from './consolidated-xlsx';
import { periodRatesWorkbook } from './rates-xlsx';
import { XLSX_TYPE } from './sheet-layout';
import { prepareTaskExport } from './task-list-xlsx';

/**
 * Lists as .xlsx: each route is readable by exactly who reads the list it exports (the task list:
 * plans.read; a period's rates and its consolidated data: reports.monitor).
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
        },
      },
      async (req, reply) => {
        requirePermission(req, 'reports.monitor');
        const { bytes, disposition } = await periodRatesWorkbook(ctx, req.params.id);
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
  };
}

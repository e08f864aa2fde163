import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { REVIEW_KIND_MESSAGE, reviewReportQuerySchema } from '../../../shared/contracts/documents';
import { planIdParamsSchema } from '../../../shared/contracts/plans';
import { periodParamsSchema } from '../../../shared/contracts/reporting';
import type { AppContext } from '../../context';
import { access } from '../../http/access';
import { requirePermission } from '../../http/auth-state';
import { AppError } from '../../http/errors';
import { consolidatedReportOfPeriod } from './consolidated/consolidated-service';
import { reviewReportOfPlan } from './review/review-service';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Documents drafted from the data in the format of Decree 30/2020/NĐ-CP. */
export function documentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/reporting-periods/:id/consolidated-report.docx',
      {
        // Coordinators (who review) and leaders (who monitor) both hold reports.monitor; reporters do not.
        config: access('reports.monitor'),
        schema: {
          tags: ['documents'],
          summary: 'Tải dự thảo báo cáo tổng hợp của kỳ (Word, thể thức Nghị định 30/2020/NĐ-CP)',
          params: periodParamsSchema,
        },
      },
      async (req, reply) => {
        requirePermission(req, 'reports.monitor');
        const { bytes, disposition } = await consolidatedReportOfPeriod(ctx, req.params.id);
        return reply.type(DOCX).header('content-disposition', disposition).send(bytes);
      },
    );
    app.get(
      '/plans/:id/review-report.docx',
      {
        config: access('reports.monitor'),
        schema: {
          tags: ['documents'],
          summary:
            'Tải dự thảo báo cáo sơ kết hoặc tổng kết kế hoạch (Word, thể thức Nghị định 30/2020/NĐ-CP)',
          params: planIdParamsSchema,
          querystring: reviewReportQuerySchema,
        },
      },
      async (req, reply) => {
        requirePermission(req, 'reports.monitor');
        const { kind, year } = req.query;
        if (!kind) {
          throw new AppError('VALIDATION_FAILED', REVIEW_KIND_MESSAGE, [
            { path: 'kind', message: REVIEW_KIND_MESSAGE },
          ]);
        }
        const { bytes, disposition } = await reviewReportOfPlan(ctx, req.params.id, kind, year);
        return reply.type(DOCX).header('content-disposition', disposition).send(bytes);
      },
    );
  };
}

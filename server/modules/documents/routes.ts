import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { REVIEW_KIND_MESSAGE, reviewReportQuerySchema } from '../../../shared/contracts/documents';
import { planIdParamsSchema } from '../../../shared/contracts/plans';
import { periodParamsSchema, reportParamsSchema } from '../../../shared/contracts/reporting';
import type { AppContext } from '../../context';
import { access } from '../../http/access';
import { requirePermission } from '../../http/auth-state';
import { AppError } from '../../http/errors';
import { agencyReportForReader } from './agency/agency-service';
import { consolidatedReportOfPeriod } from './consolidated/consolidated-service';
import { AGENCY_REPORT_KIND, agencyReportGeneration } from './generation/agency-kind';
import { consolidatedGeneration } from './generation/consolidated-kind';
import { generationRoutes } from './generation/generation-routes';
import { registerGenerationKind } from './generation/job-kinds';
import { drainGenerationJobs, failAbandoned } from './generation/job-runner';
import { finalGeneration, midtermGeneration } from './generation/review-kind';
import { subjectGenerationRoutes } from './generation/subject-generation-routes';
import { narrativeRoutes } from './narrative/narrative-routes';
import { reviewReportOfPlan } from './review/review-service';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Documents drafted from the data in the format of Decree 30/2020/NĐ-CP. */
export function documentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  registerGenerationKind('consolidated', consolidatedGeneration);
  registerGenerationKind('midterm', midtermGeneration);
  registerGenerationKind('final', finalGeneration);
  registerGenerationKind(AGENCY_REPORT_KIND, agencyReportGeneration);
  return async (app) => {
    await app.register(narrativeRoutes(ctx));
    await app.register(generationRoutes(ctx));
    await app.register(subjectGenerationRoutes(ctx));
    // Jobs a dead process left running are failed at start-up; jobs in progress finish before close.
    app.addHook('onReady', async () => {
      const n = await failAbandoned(ctx);
      if (n > 0) app.log.warn({ jobs: n }, 'generation jobs of a stopped process marked failed');
    });
    app.addHook('onClose', async () => drainGenerationJobs(ctx));
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
      '/reports/:id/document.docx',
      {
        // Whoever may read the report (report-policy.ts): its agency, coordinators and leaders; other
        // agencies' reporters once it is accepted.
        config: access('reports.read', 'report-read'),
        schema: {
          tags: ['documents'],
          summary:
            'Tải văn bản báo cáo của cơ quan (Word, thể thức Nghị định 30/2020/NĐ-CP; "DỰ THẢO" khi chưa gửi)',
          params: reportParamsSchema,
        },
      },
      async (req, reply) => {
        const user = requirePermission(req, 'reports.read');
        const { bytes, disposition } = await agencyReportForReader(ctx, user, req.params.id);
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

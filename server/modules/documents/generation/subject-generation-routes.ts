import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  generatedFileParamsSchema,
  generationJobListSchema,
  generationJobSchema,
} from '../../../../shared/contracts/consolidated';
import { startReviewGenerationRequestSchema } from '../../../../shared/contracts/documents';
import { planIdParamsSchema } from '../../../../shared/contracts/plans';
import { reportParamsSchema } from '../../../../shared/contracts/reporting';
import type { AppContext } from '../../../context';
import { access } from '../../../http/access';
import { requirePermission, requireUser } from '../../../http/auth-state';
import { requestContext } from '../../../http/request-context';
import {
  agencyReportGeneratedFile,
  listAgencyReportGenerations,
  startAgencyReportGeneration,
} from './report-generation-service';
import {
  listReviewGenerations,
  reviewGeneratedFile,
  startReviewGeneration,
} from './review-generation-service';

const tags = ['documents'];

/**
 * Documents generated as tracked jobs about a plan (its mid-term and final reviews) and about one
 * agency's report (its Word report): start one, list them, download a file.
 */
export function subjectGenerationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/plans/:id/review-jobs',
      {
        config: access('signed-in', 'consolidated-edit'),
        schema: {
          tags,
          summary: 'Lập báo cáo sơ kết hoặc tổng kết kế hoạch (Word); việc lập chạy sau khi trả lời',
          params: planIdParamsSchema,
          body: startReviewGenerationRequestSchema,
          response: { 202: generationJobSchema },
        },
      },
      async (req, reply) => {
        const job = await startReviewGeneration(
          requestContext(ctx, req, requireUser(req)),
          req.params.id,
          req.body,
          req.log,
        );
        return reply.code(202).send(job);
      },
    );

    app.get(
      '/plans/:id/review-jobs',
      {
        config: access('signed-in', 'consolidated-read'),
        schema: {
          tags,
          summary: 'Các lần lập báo cáo sơ kết, tổng kết của kế hoạch và tệp đã lập (mới nhất trước)',
          params: planIdParamsSchema,
          response: { 200: generationJobListSchema },
        },
      },
      async (req) => listReviewGenerations(requestContext(ctx, req, requireUser(req)), req.params.id),
    );

    app.get(
      '/plans/:id/review-jobs/:jobId/file',
      {
        config: access('signed-in', 'consolidated-read'),
        schema: { tags, summary: 'Tải báo cáo sơ kết, tổng kết đã lập', params: generatedFileParamsSchema },
      },
      async (req, reply) => {
        const f = await reviewGeneratedFile(
          requestContext(ctx, req, requireUser(req)),
          req.params.id,
          req.params.jobId,
        );
        return reply.type(f.type).header('content-disposition', f.disposition).send(f.bytes);
      },
    );

    app.post(
      '/reports/:id/generation-jobs',
      {
        config: access('reports.read', 'report-read'),
        schema: {
          tags,
          summary: 'Lập văn bản báo cáo của cơ quan (Word); việc lập chạy sau khi trả lời',
          params: reportParamsSchema,
          response: { 202: generationJobSchema },
        },
      },
      async (req, reply) => {
        const user = requirePermission(req, 'reports.read');
        const job = await startAgencyReportGeneration(requestContext(ctx, req, user), req.params.id, req.log);
        return reply.code(202).send(job);
      },
    );

    app.get(
      '/reports/:id/generation-jobs',
      {
        config: access('reports.read', 'report-read'),
        schema: {
          tags,
          summary: 'Các lần lập văn bản báo cáo của cơ quan và tệp đã lập (mới nhất trước)',
          params: reportParamsSchema,
          response: { 200: generationJobListSchema },
        },
      },
      async (req) => {
        const user = requirePermission(req, 'reports.read');
        return listAgencyReportGenerations(requestContext(ctx, req, user), req.params.id);
      },
    );

    app.get(
      '/reports/:id/generation-jobs/:jobId/file',
      {
        config: access('reports.read', 'report-read'),
        schema: {
          tags,
          summary: 'Tải văn bản báo cáo của cơ quan đã lập',
          params: generatedFileParamsSchema,
        },
      },
      async (req, reply) => {
        const user = requirePermission(req, 'reports.read');
        const f = await agencyReportGeneratedFile(
          requestContext(ctx, req, user),
          req.params.id,
          req.params.jobId,
        );
        return reply.type(f.type).header('content-disposition', f.disposition).send(f.bytes);
      },
    );
  };
}

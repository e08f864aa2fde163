import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  generatedFileParamsSchema,
  generationJobListSchema,
  generationJobSchema,
  startGenerationRequestSchema,
} from '../../../../shared/contracts/consolidated';
import { periodParamsSchema } from '../../../../shared/contracts/reporting';
import type { AppContext } from '../../../context';
import { access } from '../../../http/access';
import { requireUser } from '../../../http/auth-state';
import { requestContext } from '../../../http/request-context';
import { generatedFile, listPeriodGenerations, startPeriodGeneration } from './generation-service';

const tags = ['documents'];

/** Documents of a period generated as tracked jobs: start one, list them, download a file. */
export function generationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/reporting-periods/:id/generation-jobs',
      {
        config: access('signed-in', 'consolidated-edit'),
        schema: {
          tags,
          summary: 'Lập tài liệu của kỳ (mặc định: báo cáo tổng hợp); việc lập chạy sau khi trả lời',
          params: periodParamsSchema,
          body: startGenerationRequestSchema,
          response: { 202: generationJobSchema },
        },
      },
      async (req, reply) => {
        const job = await startPeriodGeneration(
          requestContext(ctx, req, requireUser(req)),
          req.params.id,
          req.body.kind,
          req.log,
        );
        return reply.code(202).send(job);
      },
    );

    app.get(
      '/reporting-periods/:id/generation-jobs',
      {
        config: access('signed-in', 'consolidated-read'),
        schema: {
          tags,
          summary: 'Các lần lập tài liệu của kỳ và tệp đã lập (mới nhất trước)',
          params: periodParamsSchema,
          response: { 200: generationJobListSchema },
        },
      },
      async (req) => listPeriodGenerations(requestContext(ctx, req, requireUser(req)), req.params.id),
    );

    app.get(
      '/reporting-periods/:id/generation-jobs/:jobId/file',
      {
        config: access('signed-in', 'consolidated-read'),
        schema: {
          tags,
          summary: 'Tải tệp đã lập của kỳ',
          params: generatedFileParamsSchema,
        },
      },
      async (req, reply) => {
        const f = await generatedFile(
          requestContext(ctx, req, requireUser(req)),
          req.params.id,
          req.params.jobId,
        );
        return reply.type(f.type).header('content-disposition', f.disposition).send(f.bytes);
      },
    );
  };
}

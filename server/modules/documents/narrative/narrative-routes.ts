import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  narrativeResponseSchema,
  narrativeSectionParamsSchema,
  resetNarrativeRequestSchema,
  saveNarrativeRequestSchema,
} from '../../../../shared/contracts/consolidated';
import { periodParamsSchema } from '../../../../shared/contracts/reporting';
import type { AppContext } from '../../../context';
import { access } from '../../../http/access';
import { requireUser } from '../../../http/auth-state';
import { requestContext } from '../../../http/request-context';
import { getNarrative, resetNarrativeSection, saveNarrativeSection } from './narrative-service';

const tags = ['documents'];

/** The narrative sections of a period's consolidated report: read, save, back to the draft. */
export function narrativeRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/reporting-periods/:id/narrative',
      {
        config: access('signed-in', 'consolidated-read'),
        schema: {
          tags,
          summary: 'Các phần nội dung của báo cáo tổng hợp: dự thảo từ dữ liệu và nội dung đã sửa',
          params: periodParamsSchema,
          response: { 200: narrativeResponseSchema },
        },
      },
      async (req) => getNarrative(requestContext(ctx, req, requireUser(req)), req.params.id),
    );

    app.put(
      '/reporting-periods/:id/narrative/:section',
      {
        config: access('signed-in', 'consolidated-edit'),
        schema: {
          tags,
          summary: 'Lưu nội dung một phần của báo cáo tổng hợp (phiên bản mới)',
          params: narrativeSectionParamsSchema,
          body: saveNarrativeRequestSchema,
          response: { 200: narrativeResponseSchema },
        },
      },
      async (req) =>
        saveNarrativeSection(
          requestContext(ctx, req, requireUser(req)),
          req.params.id,
          req.params.section,
          req.body,
        ),
    );

    app.post(
      '/reporting-periods/:id/narrative/:section/reset',
      {
        config: access('signed-in', 'consolidated-edit'),
        schema: {
          tags,
          summary: 'Khôi phục dự thảo từ dữ liệu cho một phần của báo cáo tổng hợp',
          params: narrativeSectionParamsSchema,
          body: resetNarrativeRequestSchema,
          response: { 200: narrativeResponseSchema },
        },
      },
      async (req) =>
        resetNarrativeSection(
          requestContext(ctx, req, requireUser(req)),
          req.params.id,
          req.params.section,
          req.body.version,
        ),
    );
  };
}

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { okResponseSchema } from '../../../shared/contracts/auth';
import {
  confirmImportResponseSchema,
  createPlanDraftRequestSchema,
  handMadeDraftListResponseSchema,
  importIdParamsSchema,
  planImportSchema,
  saveImportDraftRequestSchema,
} from '../../../shared/contracts/plan-import';
import type { AppContext } from '../../context';
import { access } from '../../http/access';
import { requirePermission } from '../../http/auth-state';
import { requestContext } from '../../http/request-context';
import {
  confirmHandMadeDraft,
  createHandMadeDraft,
  discardHandMadeDraft,
  getHandMadeDraft,
  listHandMadeDrafts,
  saveHandMadeDraft,
} from './hand-made-service';
import { MAX_DRAFT_BYTES } from './import-service';

/**
 * Plans entered by hand (issue 13 item 5): `plans.create` (coordinators and administrators) and, on a
 * draft, the scope `plan-consolidator` — the draft's consolidating agency must be the coordinator's.
 */
export function handMadePlanRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/plan-drafts',
      {
        config: access('plans.create'),
        schema: {
          tags: ['plans'],
          summary: 'Tạo bản nháp kế hoạch nhập tay (trống) của một cơ quan chủ trì tổng hợp',
          body: createPlanDraftRequestSchema,
          response: { 200: planImportSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'plans.create');
        return createHandMadeDraft(requestContext(ctx, req, actor), req.body);
      },
    );

    app.get(
      '/plan-drafts',
      {
        config: access('plans.create'),
        schema: {
          tags: ['plans'],
          summary: 'Các bản nháp kế hoạch nhập tay đang làm dở',
          response: { 200: handMadeDraftListResponseSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'plans.create');
        return { items: await listHandMadeDrafts(requestContext(ctx, req, actor)) };
      },
    );

    app.get(
      '/plan-drafts/:id',
      {
        config: access('plans.create', 'plan-consolidator'),
        schema: {
          tags: ['plans'],
          summary: 'Bản nháp kế hoạch nhập tay',
          params: importIdParamsSchema,
          response: { 200: planImportSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'plans.create');
        return getHandMadeDraft(requestContext(ctx, req, actor), req.params.id);
      },
    );

    app.put(
      '/plan-drafts/:id',
      {
        config: access('plans.create', 'plan-consolidator'),
        bodyLimit: MAX_DRAFT_BYTES,
        schema: {
          tags: ['plans'],
          summary: 'Lưu bản nháp kế hoạch nhập tay',
          params: importIdParamsSchema,
          body: saveImportDraftRequestSchema,
          response: { 200: planImportSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'plans.create');
        return saveHandMadeDraft(requestContext(ctx, req, actor), req.params.id, req.body);
      },
    );

    app.post(
      '/plan-drafts/:id/confirm',
      {
        config: access('plans.create', 'plan-consolidator'),
        schema: {
          tags: ['plans'],
          summary: 'Xác nhận bản nháp nhập tay thành kế hoạch',
          params: importIdParamsSchema,
          response: { 200: confirmImportResponseSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'plans.create');
        return { planId: await confirmHandMadeDraft(requestContext(ctx, req, actor), req.params.id) };
      },
    );

    app.post(
      '/plan-drafts/:id/discard',
      {
        config: access('plans.create', 'plan-consolidator'),
        schema: {
          tags: ['plans'],
          summary: 'Hủy bản nháp kế hoạch nhập tay',
          params: importIdParamsSchema,
          response: { 200: okResponseSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'plans.create');
        await discardHandMadeDraft(requestContext(ctx, req, actor), req.params.id);
        return { ok: true as const };
      },
    );
  };
}

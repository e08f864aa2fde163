import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  reorganisationChoicesSchema,
  reorganisationCreateSchema,
  reorganisationDetailSchema,
  reorganisationIdParamsSchema,
  reorganisationListSchema,
} from '../../../shared/contracts/reorganisations';
import type { AppContext } from '../../context';
import { access } from '../../http/access';
import { requirePermission } from '../../http/auth-state';
import { requestContext } from '../../http/request-context';
import {
  applyReorganisation,
  createReorganisation,
  discardReorganisation,
  getReorganisation,
  listReorganisations,
  previewWithChoices,
  undoReorganisation,
} from './reorganisation-service';

/** Reorganisations of the registry (issue 14): the registry's administrators record, apply and undo them. */
export function reorganisationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['reorganisations'];
    app.get(
      '/reorganisations',
      {
        config: access('organisations.reorganise'),
        schema: {
          tags,
          summary: 'Các phương án sắp xếp tổ chức',
          response: { 200: reorganisationListSchema },
        },
      },
      async (req) => {
        requirePermission(req, 'organisations.reorganise');
        return { items: await listReorganisations(ctx) };
      },
    );
    app.post(
      '/reorganisations',
      {
        config: access('organisations.reorganise'),
        schema: {
          tags,
          summary: 'Lập phương án sắp xếp tổ chức (chưa áp dụng) và xem trước',
          body: reorganisationCreateSchema,
          response: { 200: reorganisationDetailSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'organisations.reorganise');
        return createReorganisation(requestContext(ctx, req, actor), req.body);
      },
    );
    app.get(
      '/reorganisations/:id',
      {
        config: access('organisations.reorganise'),
        schema: {
          tags,
          summary: 'Một phương án: xem trước những gì sẽ chuyển, hoặc những gì đã chuyển',
          params: reorganisationIdParamsSchema,
          response: { 200: reorganisationDetailSchema },
        },
      },
      async (req) => {
        requirePermission(req, 'organisations.reorganise');
        return getReorganisation(ctx, req.params.id);
      },
    );
    app.post(
      '/reorganisations/:id/preview',
      {
        config: access('organisations.reorganise'),
        schema: {
          tags,
          summary: 'Xem trước với lựa chọn cơ quan tiếp nhận từng nhiệm vụ (chia tách)',
          params: reorganisationIdParamsSchema,
          body: reorganisationChoicesSchema,
          response: { 200: reorganisationDetailSchema },
        },
      },
      async (req) => {
        requirePermission(req, 'organisations.reorganise');
        return previewWithChoices(ctx, req.params.id, req.body.taskChoices);
      },
    );
    app.post(
      '/reorganisations/:id/apply',
      {
        config: access('organisations.reorganise'),
        schema: {
          tags,
          summary: 'Áp dụng phương án (một giao dịch, ghi lại từng thay đổi)',
          params: reorganisationIdParamsSchema,
          body: reorganisationChoicesSchema,
          response: { 200: reorganisationDetailSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'organisations.reorganise');
        return applyReorganisation(requestContext(ctx, req, actor), req.params.id, req.body.taskChoices);
      },
    );
    app.post(
      '/reorganisations/:id/undo',
      {
        config: access('organisations.reorganise'),
        schema: {
          tags,
          summary: 'Hoàn tác phương án đã áp dụng, trả lại đúng từng dòng',
          params: reorganisationIdParamsSchema,
          response: { 200: reorganisationDetailSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'organisations.reorganise');
        return undoReorganisation(requestContext(ctx, req, actor), req.params.id);
      },
    );
    app.delete(
      '/reorganisations/:id',
      {
        config: access('organisations.reorganise'),
        schema: {
          tags,
          summary: 'Hủy phương án chưa áp dụng',
          params: reorganisationIdParamsSchema,
          response: { 200: z.object({ ok: z.literal(true) }) },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'organisations.reorganise');
        await discardReorganisation(requestContext(ctx, req, actor), req.params.id);
        return { ok: true as const };
      },
    );
  };
}

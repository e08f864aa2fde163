import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  communeImportRequestSchema,
  communeImportResultSchema,
  groupMembersResponseSchema,
  groupParamsSchema,
  groupQuerySchema,
  organisationIdParamsSchema,
  organisationListQuerySchema,
  organisationListResponseSchema,
  organisationSchema,
  organisationWriteSchema,
} from '../../../shared/contracts/organisations';
import { localDate } from '../../../shared/domain/reporting/local-date';
import type { AppContext } from '../../context';
import { access } from '../../http/access';
import { requirePermission } from '../../http/auth-state';
import { requestContext } from '../../http/request-context';
import { loadCommunes } from './commune-import';
import {
  createOrganisation,
  editOrganisation,
  getOrganisation,
  groupLabel,
  groupMembers,
  listOrganisations,
} from './organisation-service';

/** Today in Vietnam: which agencies are in force is judged on the Vietnamese calendar day. */
const today = (): string => localDate(new Date());

export function organisationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/organisations',
      {
        config: access('organisations.read'),
        schema: {
          tags: ['organisations'],
          summary: 'Danh mục cơ quan, đơn vị',
          querystring: organisationListQuerySchema,
          response: { 200: organisationListResponseSchema },
        },
      },
      async (req) => {
        requirePermission(req, 'organisations.read');
        return { items: await listOrganisations(ctx, req.query) };
      },
    );

    app.get(
      '/organisations/:id',
      {
        config: access('organisations.read'),
        schema: {
          tags: ['organisations'],
          summary: 'Một cơ quan',
          params: organisationIdParamsSchema,
          response: { 200: organisationSchema },
        },
      },
      async (req) => {
        requirePermission(req, 'organisations.read');
        return getOrganisation(ctx, req.params.id);
      },
    );

    app.post(
      '/organisations',
      {
        config: access('organisations.manage'),
        schema: {
          tags: ['organisations'],
          summary: 'Thêm cơ quan',
          body: organisationWriteSchema,
          response: { 200: organisationSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'organisations.manage');
        return createOrganisation(requestContext(ctx, req, actor), req.body);
      },
    );

    app.post(
      '/organisations/communes',
      {
        config: access('organisations.manage'),
        schema: {
          tags: ['organisations'],
          summary: 'Nạp danh sách đơn vị hành chính cấp xã của một tỉnh (tệp CSV: mã, tên, loại)',
          body: communeImportRequestSchema,
          response: { 200: communeImportResultSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'organisations.manage');
        return loadCommunes(requestContext(ctx, req, actor), req.body);
      },
    );

    app.patch(
      '/organisations/:id',
      {
        config: access('organisations.manage'),
        schema: {
          tags: ['organisations'],
          summary: 'Sửa cơ quan (đổi tên, sáp nhập, hết hiệu lực)',
          params: organisationIdParamsSchema,
          body: organisationWriteSchema,
          response: { 200: organisationSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'organisations.manage');
        return editOrganisation(requestContext(ctx, req, actor), req.params.id, req.body);
      },
    );

    app.get(
      '/organisation-groups/:key/members',
      {
        config: access('organisations.read'),
        schema: {
          tags: ['organisations'],
          summary: 'Thành viên của một nhóm cơ quan vào một ngày',
          params: groupParamsSchema,
          querystring: groupQuerySchema,
          response: { 200: groupMembersResponseSchema },
        },
      },
      async (req) => {
        requirePermission(req, 'organisations.read');
        const on = req.query.on ?? today();
        return {
          key: req.params.key,
          label: groupLabel(req.params.key),
          on,
          members: await groupMembers(ctx, req.params.key, on),
        };
      },
    );
  };
}

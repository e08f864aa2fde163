import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditListQuerySchema, auditListResponseSchema } from '../../../shared/contracts/audit';
import type { AppContext } from '../../context';
import { access } from '../../http/access';
import { requirePermission } from '../../http/auth-state';
import { listAudit } from './audit-repository';

export function auditRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit',
      {
        config: access('audit.read'),
        schema: {
          tags: ['audit'],
          summary: 'Nhật ký thay đổi',
          querystring: auditListQuerySchema,
          response: { 200: auditListResponseSchema },
        },
      },
      async (req) => {
        requirePermission(req, 'audit.read');
        const { items, total } = await listAudit(ctx.db, req.query);
        return { items, total, page: req.query.page, pageSize: req.query.pageSize };
      },
    );
  };
}

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  auditFilterQuerySchema,
  auditListQuerySchema,
  auditListResponseSchema,
} from '../../../shared/contracts/audit';
import { localDate } from '../../../shared/domain/reporting/local-date';
import type { AppContext } from '../../context';
import { access } from '../../http/access';
import { requirePermission } from '../../http/auth-state';
import { auditVersion } from '../../lib/content-version';
import { keptPages, queryKey } from '../../lib/page-cache';
import { allAuditEntries, auditFilterLines, listAuditEntries } from './audit-service';
import { writeAuditWorkbook } from './audit-xlsx';

/** Memory for the audit log's written pages, per process (a page of 50 is about 18 KB). */
const AUDIT_PAGE_CACHE_BYTES = 8 * 1024 * 1024;

export function auditRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // A page is kept while no audit row, name or indicator has changed (content-version.ts); every
    // reader with audit.read sees the same log, so the key is the query alone.
    const auditPages = keptPages(AUDIT_PAGE_CACHE_BYTES);
    app.get(
      '/audit',
      {
        config: access('audit.read'),
        schema: {
          tags: ['audit'],
          summary: 'Nhật ký thay đổi (lọc theo người, khoảng ngày, hành động)',
          querystring: auditListQuerySchema,
          response: { 200: auditListResponseSchema },
        },
        onSend: auditPages.onSend,
      },
      async (req, reply) => {
        requirePermission(req, 'audit.read');
        if (auditPages.sendKept(req, reply, queryKey(req.query), await auditVersion(ctx.db))) return reply;
        return listAuditEntries(ctx, req.query);
      },
    );

    app.get(
      '/audit/export.xlsx',
      {
        config: access('audit.read'),
        schema: {
          tags: ['audit'],
          summary: 'Xuất nhật ký thay đổi ra tệp Excel với cùng bộ lọc, cho thanh tra, kiểm tra',
          querystring: auditFilterQuerySchema,
        },
      },
      async (req, reply) => {
        const actor = requirePermission(req, 'audit.read');
        const entries = await allAuditEntries(ctx, req.query);
        const now = new Date();
        const bytes = await writeAuditWorkbook(entries, {
          exportedAt: now,
          exportedBy: `${actor.fullName} (${actor.organisationName})`,
          filter: await auditFilterLines(ctx, req.query),
        });
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="nhat-ky-thay-doi-${localDate(now)}.xlsx"`)
          .send(bytes);
      },
    );
  };
}

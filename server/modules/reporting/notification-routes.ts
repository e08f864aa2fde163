import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  markReadResponseSchema,
  notificationListQuerySchema,
  notificationListResponseSchema,
  notificationParamsSchema,
} from '../../../shared/contracts/notifications';
import type { AppContext } from '../../context';
import { access } from '../../http/access';
import { requireUser } from '../../http/auth-state';
import { notificationVersion } from '../../lib/content-version';
import { keptPages, queryKey } from '../../lib/page-cache';
import { notificationOwner } from './notification-policy';
import { listNotifications, markRead } from './notifications';

const tags = ['notifications'];

/** Memory for the notification lists' written pages, per process (a page of 20 is about 8 KB). */
const NOTIFICATION_PAGE_CACHE_BYTES = 8 * 1024 * 1024;

export function notificationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // A user's page is kept while their notifications (and the plans' names) stand (content-version.ts).
    const pages = keptPages(NOTIFICATION_PAGE_CACHE_BYTES);
    app.get(
      '/notifications',
      {
        config: access('signed-in'),
        schema: {
          tags,
          summary: 'Thông báo của người dùng (mới nhất trước) và số chưa đọc',
          querystring: notificationListQuerySchema,
          response: { 200: notificationListResponseSchema },
        },
        onSend: pages.onSend,
      },
      async (req, reply) => {
        const user = requireUser(req);
        const owner = notificationOwner(user);
        const version = await notificationVersion(ctx.db, owner);
        if (pages.sendKept(req, reply, `${owner}|${queryKey(req.query)}`, version)) return reply;
        return listNotifications(ctx, user, req.query);
      },
    );

    app.post(
      '/notifications/:id/read',
      {
        config: access('signed-in', 'own-user'),
        schema: {
          tags,
          summary: 'Đánh dấu một thông báo đã đọc',
          params: notificationParamsSchema,
          response: { 200: markReadResponseSchema },
        },
      },
      async (req) => markRead(ctx, requireUser(req), req.params.id),
    );

    app.post(
      '/notifications/read-all',
      {
        config: access('signed-in'),
        schema: { tags, summary: 'Đánh dấu mọi thông báo đã đọc', response: { 200: markReadResponseSchema } },
      },
      async (req) => markRead(ctx, requireUser(req), 'all'),
    );
  };
}

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
import { listNotifications, markRead } from './notifications';

const tags = ['notifications'];

export function notificationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
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
      },
      async (req) => listNotifications(ctx, requireUser(req), req.query),
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

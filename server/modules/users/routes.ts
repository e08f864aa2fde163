import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { okResponseSchema } from '../../../shared/contracts/auth';
import {
  createUserRequestSchema,
  resetPasswordRequestSchema,
  updateUserRequestSchema,
  userIdParamsSchema,
  userListQuerySchema,
  userListResponseSchema,
  userSchema,
} from '../../../shared/contracts/users';
import type { AppContext } from '../../context';
import { access } from '../../http/access';
import { requirePermission } from '../../http/auth-state';
import { requestContext } from '../../http/request-context';
import { createUser, getUser, listUsers, resetPassword, updateUser } from './user-service';

export function userRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/users',
      {
        config: access('users.read'),
        schema: {
          tags: ['users'],
          summary: 'Danh sách người dùng',
          querystring: userListQuerySchema,
          response: { 200: userListResponseSchema },
        },
      },
      async (req) => {
        requirePermission(req, 'users.read');
        return listUsers(ctx, req.query);
      },
    );

    app.get(
      '/users/:id',
      {
        config: access('users.read'),
        schema: {
          tags: ['users'],
          summary: 'Một người dùng',
          params: userIdParamsSchema,
          response: { 200: userSchema },
        },
      },
      async (req) => {
        requirePermission(req, 'users.read');
        return getUser(ctx, req.params.id);
      },
    );

    app.post(
      '/users',
      {
        config: access('users.manage'),
        schema: {
          tags: ['users'],
          summary: 'Tạo người dùng',
          body: createUserRequestSchema,
          response: { 200: userSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'users.manage');
        return createUser(requestContext(ctx, req, actor), req.body);
      },
    );

    app.patch(
      '/users/:id',
      {
        config: access('users.manage'),
        schema: {
          tags: ['users'],
          summary: 'Sửa, khóa hoặc mở khóa người dùng',
          params: userIdParamsSchema,
          body: updateUserRequestSchema,
          response: { 200: userSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'users.manage');
        return updateUser(requestContext(ctx, req, actor), req.params.id, req.body);
      },
    );

    app.post(
      '/users/:id/password',
      {
        config: access('users.manage'),
        schema: {
          tags: ['users'],
          summary: 'Đặt lại mật khẩu',
          params: userIdParamsSchema,
          body: resetPasswordRequestSchema,
          response: { 200: okResponseSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'users.manage');
        await resetPassword(requestContext(ctx, req, actor), req.params.id, req.body.password);
        return { ok: true as const };
      },
    );
  };
}

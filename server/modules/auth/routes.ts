import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  changePasswordRequestSchema,
  loginRequestSchema,
  okResponseSchema,
  sessionResponseSchema,
} from '../../../shared/contracts/auth';
import { errorResponseSchema } from '../../../shared/contracts/errors';
import { permissionsOf } from '../../../shared/domain/auth/permissions';
import type { AppContext } from '../../context';
import { access } from '../../http/access';
import { requireUser } from '../../http/auth-state';
import { SESSION_COOKIE } from '../../http/authenticate';
import { anonymousContext, requestContext } from '../../http/request-context';
import { changeOwnPassword, login, logout } from './auth-service';
import { LoginLimiter } from './login-limiter';
import { dummyPasswordHash } from './password';

export function authRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const limiter = new LoginLimiter(ctx.db);
  // Made now rather than at the first unknown username, whose refusal would otherwise be slower.
  dummyPasswordHash().catch(() => {});
  return async (app) => {
    app.post(
      '/auth/login',
      {
        config: access('public'),
        schema: {
          tags: ['auth'],
          summary: 'Đăng nhập',
          body: loginRequestSchema,
          response: { 200: sessionResponseSchema, 401: errorResponseSchema, 429: errorResponseSchema },
        },
      },
      async (req, reply) => {
        const result = await login(anonymousContext(ctx, req), limiter, { ...req.body, address: req.ip });
        reply.setCookie(SESSION_COOKIE, result.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: ctx.config.cookieSecure,
          expires: result.expiresAt,
        });
        return {
          user: result.user,
          permissions: permissionsOf(result.user.role),
          csrfToken: result.csrfToken,
        };
      },
    );

    app.get(
      '/auth/session',
      {
        config: access('signed-in'),
        schema: {
          tags: ['auth'],
          summary: 'Phiên đăng nhập hiện tại',
          response: { 200: sessionResponseSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        return { user, permissions: permissionsOf(user.role), csrfToken: req.auth!.csrfToken };
      },
    );

    app.post(
      '/auth/logout',
      {
        config: access('signed-in'),
        schema: { tags: ['auth'], summary: 'Đăng xuất', response: { 200: okResponseSchema } },
      },
      async (req, reply) => {
        const user = requireUser(req);
        await logout(requestContext(ctx, req, user), req.auth!.sessionId);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.post(
      '/auth/password',
      {
        config: access('signed-in'),
        schema: {
          tags: ['auth'],
          summary: 'Đổi mật khẩu của chính mình',
          body: changePasswordRequestSchema,
          response: { 200: okResponseSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        await changeOwnPassword(requestContext(ctx, req, user), {
          sessionId: req.auth!.sessionId,
          ...req.body,
        });
        return { ok: true as const };
      },
    );
  };
}

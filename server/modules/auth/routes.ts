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
import { requireUser } from '../../http/auth-state';
import { SESSION_COOKIE } from '../../http/authenticate';
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
        schema: {
          tags: ['auth'],
          summary: 'Đăng nhập',
          body: loginRequestSchema,
          response: { 200: sessionResponseSchema, 401: errorResponseSchema, 429: errorResponseSchema },
        },
      },
      async (req, reply) => {
        const result = await login(ctx, limiter, { ...req.body, address: req.ip, requestId: String(req.id) });
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
      { schema: { tags: ['auth'], summary: 'Đăng xuất', response: { 200: okResponseSchema } } },
      async (req, reply) => {
        const user = requireUser(req);
        await logout(ctx, req.auth!.sessionId, user.id, String(req.id));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.post(
      '/auth/password',
      {
        schema: {
          tags: ['auth'],
          summary: 'Đổi mật khẩu của chính mình',
          body: changePasswordRequestSchema,
          response: { 200: okResponseSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        await changeOwnPassword(ctx, {
          userId: user.id,
          sessionId: req.auth!.sessionId,
          ...req.body,
          requestId: String(req.id),
        });
        return { ok: true as const };
      },
    );
  };
}

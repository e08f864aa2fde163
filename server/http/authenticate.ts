import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';
import { deleteSession, findSessionWithUser, toAuthUser } from '../modules/auth/session-repository';
import { AppError } from './errors';

export const SESSION_COOKIE = 'pw_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Login has no session yet; SameSite=Strict and the credential check protect it instead.
const CSRF_EXEMPT = new Set(['/api/auth/login']);
// Everything else under /api needs a session, checked before the body is even validated.
const PUBLIC_PATHS = new Set(['/api/auth/login', '/api/health', '/api/openapi.json']);
const isPublic = (path: string) => PUBLIC_PATHS.has(path) || path.startsWith('/api/public/');
// All a user who must change the password may do until it is changed (the client shows only that form).
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set([
  'GET /api/auth/session',
  'POST /api/auth/password',
  'POST /api/auth/logout',
]);

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Loads the session behind the cookie on every API request and enforces the CSRF token on writes. */
export function registerAuthentication(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('auth', null);

  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    // Health needs no session, and must answer its own body even when the session lookup cannot run.
    if (req.url === '/api/health') return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const id = hashToken(token);
      const row = await findSessionWithUser(ctx.db, id);
      if (row && row.expires_at > new Date().toISOString() && row.active === 1) {
        req.auth = {
          sessionId: id,
          csrfToken: row.csrf_token,
          user: toAuthUser(row),
        };
      } else {
        if (row) await deleteSession(ctx.db, id);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
    const pathname = req.url.split('?')[0] ?? '';
    if (!req.auth && !isPublic(pathname)) throw new AppError('UNAUTHENTICATED');
    if (
      req.auth?.user.mustChangePassword &&
      !isPublic(pathname) &&
      !ALLOWED_BEFORE_PASSWORD_CHANGE.has(`${req.method} ${pathname}`)
    )
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (SAFE_METHODS.has(req.method) || CSRF_EXEMPT.has(pathname)) return;
    if (req.auth) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameToken(sent, req.auth.csrfToken))
        throw new AppError('CSRF_INVALID');
    }
  });
}

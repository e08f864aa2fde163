import type { FastifyRequest } from 'fastify';
import { type AppContext, nowIso, type RequestContext } from '../context';
import type { AuthUser } from './auth-state';

/** The request context a route hands to services: the authorised user, the request id, the clock. */
export function requestContext(app: AppContext, req: FastifyRequest, actor: AuthUser): RequestContext {
  return { app, actor, requestId: String(req.id), now: nowIso, db: app.db };
}

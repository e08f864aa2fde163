import type { FastifyRequest } from 'fastify';
import { type ActionContext, type AppContext, nowIso, type RequestContext } from '../context';
import type { AuthUser } from './auth-state';

/** The request context a route hands to services: the authorised user, the request id, the clock. */
export function requestContext(app: AppContext, req: FastifyRequest, actor: AuthUser): RequestContext {
  return { app, actor, requestId: String(req.id), now: nowIso, db: app.db };
}

/** The context of a request nobody is signed in for yet (login): its id, no actor. */
export function anonymousContext(app: AppContext, req: FastifyRequest): ActionContext {
  return { app, actor: null, requestId: String(req.id), now: nowIso, db: app.db };
}

import type { FastifyRequest } from 'fastify';
import type { Action } from '../../shared/domain/auth/permissions';
import { can } from '../../shared/domain/auth/permissions';
import type { Role } from '../../shared/domain/auth/roles';
import { AppError } from './errors';

export interface AuthUser {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  organisationId: number;
  organisationName: string;
  mustChangePassword: boolean;
}

export interface AuthState {
  user: AuthUser;
  sessionId: string;
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthState | null;
  }
}

export function requireUser(req: FastifyRequest): AuthUser {
  if (!req.auth) throw new AppError('UNAUTHENTICATED');
  return req.auth.user;
}

/** First authorisation layer: the role table. Services check record ownership on top. */
export function requirePermission(req: FastifyRequest, action: Action): AuthUser {
  const user = requireUser(req);
  if (!can(user.role, action)) throw new AppError('FORBIDDEN');
  return user;
}

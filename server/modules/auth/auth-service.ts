import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../context';
import { nowIso } from '../../context';
import type { AuthUser } from '../../http/auth-state';
import { hashToken } from '../../http/authenticate';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/audit-repository';
import { findUserByUsername, findUserPasswordHash, updateUserPassword } from '../users/user-repository';
import type { LoginLimiter } from './login-limiter';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password';
import {
  deleteSession,
  deleteUserSessions,
  findSessionWithUser,
  insertSession,
  toAuthUser,
} from './session-repository';

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: AuthUser;
  csrfToken: string;
}

export async function login(
  ctx: AppContext,
  limiter: LoginLimiter,
  input: { username: string; password: string; address: string; requestId: string },
): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  if (!(await limiter.admit(input.address, username))) throw new AppError('RATE_LIMITED');
  const user = await findUserByUsername(ctx.db, username);
  // An unknown user is verified against a dummy hash, so timing does not reveal which accounts exist.
  const ok = await verifyPassword(input.password, user ? user.password_hash : await dummyPasswordHash());
  if (!user || !ok) throw new AppError('INVALID_CREDENTIALS');
  if (user.active !== 1) throw new AppError('ACCOUNT_DISABLED');
  await limiter.recordSuccess(input.address, username);

  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ctx.config.sessionTtlHours * 3600 * 1000);
  const csrfToken = randomBytes(24).toString('base64url');
  await ctx.db.transaction().execute(async (trx) => {
    await insertSession(trx, {
      id: hashToken(token),
      userId: user.id,
      csrfToken,
      createdAt: nowIso(),
      expiresAt: expiresAt.toISOString(),
    });
    await recordAudit(trx, {
      actorId: user.id,
      action: 'auth.login',
      entity: 'user',
      entityId: user.id,
      requestId: input.requestId,
    });
  });
  const row = await findSessionWithUser(ctx.db, hashToken(token));
  if (!row) throw new AppError('INTERNAL');
  return { token, expiresAt, user: toAuthUser(row), csrfToken };
}

export async function logout(
  ctx: AppContext,
  sessionId: string,
  userId: number,
  requestId: string,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await deleteSession(trx, sessionId);
    await recordAudit(trx, {
      actorId: userId,
      action: 'auth.logout',
      entity: 'user',
      entityId: userId,
      requestId,
    });
  });
}

export async function changeOwnPassword(
  ctx: AppContext,
  input: {
    userId: number;
    sessionId: string;
    currentPassword: string;
    newPassword: string;
    requestId: string;
  },
): Promise<void> {
  const stored = await findUserPasswordHash(ctx.db, input.userId);
  if (!stored || !(await verifyPassword(input.currentPassword, stored))) {
    throw new AppError('VALIDATION_FAILED', 'Mật khẩu hiện tại không đúng.', [
      { path: 'currentPassword', message: 'Mật khẩu hiện tại không đúng.' },
    ]);
  }
  const hash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await updateUserPassword(trx, input.userId, hash, false);
    // Every other session of the user ends (this one stays): devices that knew the old password are signed out.
    await deleteUserSessions(trx, input.userId, input.sessionId);
    await recordAudit(trx, {
      actorId: input.userId,
      action: 'user.password_changed',
      entity: 'user',
      entityId: input.userId,
      requestId: input.requestId,
    });
  });
}

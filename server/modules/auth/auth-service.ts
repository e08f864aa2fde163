import { randomBytes } from 'node:crypto';
import { type ActionContext, inTransaction, type RequestContext } from '../../context';
import type { AuthUser } from '../../http/auth-state';
import { hashToken } from '../../http/authenticate';
import { AppError } from '../../http/errors';
import { audit } from '../audit/audit-repository';
import {
  findUserByUsername,
  findUserPasswordHash,
  updateUserPassword,
  updateUserPasswordHash,
} from '../users/user-repository';
import type { LoginLimiter } from './login-limiter';
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from './password';
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

/** `rc` has no actor yet: the audit row names the user who signed in. */
export async function login(
  rc: ActionContext,
  limiter: LoginLimiter,
  input: { username: string; password: string; address: string },
): Promise<LoginResult> {
  const ctx = rc.app;
  const username = input.username.trim().toLowerCase();
  if (!(await limiter.admit(input.address, username))) throw new AppError('RATE_LIMITED');
  const user = await findUserByUsername(ctx.db, username);
  // An unknown user is verified against a dummy hash, so timing does not reveal which accounts exist.
  const ok = await verifyPassword(input.password, user ? user.password_hash : await dummyPasswordHash());
  if (!user || !ok) throw new AppError('INVALID_CREDENTIALS');
  if (user.active !== 1) throw new AppError('ACCOUNT_DISABLED');
  await limiter.recordSuccess(input.address, username);
  // A hash made with older parameters (or scrypt) is replaced now that the password is known, so every
  // account moves to the current scheme at its next sign-in without anyone resetting a password.
  if (needsRehash(user.password_hash)) {
    await updateUserPasswordHash(ctx.db, user.id, await hashPassword(input.password));
  }

  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ctx.config.sessionTtlHours * 3600 * 1000);
  const csrfToken = randomBytes(24).toString('base64url');
  await inTransaction(rc, async (tx) => {
    await insertSession(tx.db, {
      id: hashToken(token),
      userId: user.id,
      csrfToken,
      createdAt: rc.now(),
      expiresAt: expiresAt.toISOString(),
    });
    await audit(tx, { actorId: user.id, action: 'auth.login', entity: 'user', entityId: user.id });
  });
  const row = await findSessionWithUser(ctx.db, hashToken(token));
  if (!row) throw new AppError('INTERNAL');
  return { token, expiresAt, user: toAuthUser(row), csrfToken };
}

export async function logout(rc: RequestContext, sessionId: string): Promise<void> {
  await inTransaction(rc, async (tx) => {
    await deleteSession(tx.db, sessionId);
    await audit(tx, { action: 'auth.logout', entity: 'user', entityId: rc.actor.id });
  });
}

/** Changes the actor's own password; `sessionId` is the session that stays signed in. */
export async function changeOwnPassword(
  rc: RequestContext,
  input: { sessionId: string; currentPassword: string; newPassword: string },
): Promise<void> {
  const userId = rc.actor.id;
  const stored = await findUserPasswordHash(rc.db, userId);
  if (!stored || !(await verifyPassword(input.currentPassword, stored))) {
    throw new AppError('VALIDATION_FAILED', 'Mật khẩu hiện tại không đúng.', [
      { path: 'currentPassword', message: 'Mật khẩu hiện tại không đúng.' },
    ]);
  }
  const hash = await hashPassword(input.newPassword);
  await inTransaction(rc, async (tx) => {
    await updateUserPassword(tx.db, userId, hash, false);
    // Every other session of the user ends (this one stays): devices that knew the old password are signed out.
    await deleteUserSessions(tx.db, userId, input.sessionId);
    await audit(tx, { action: 'user.password_changed', entity: 'user', entityId: userId });
  });
}

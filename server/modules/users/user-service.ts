import type { CreateUserRequest, UpdateUserRequest, User } from '../../../shared/contracts/users';
import type { AppContext } from '../../context';
import type { AuthUser } from '../../http/auth-state';
import { AppError, conflict, notFound } from '../../http/errors';
import { recordAudit } from '../audit/audit-repository';
import { hashPassword } from '../auth/password';
import { deleteUserSessions } from '../auth/session-repository';
import { findOrganisationRow } from '../organisations/organisation-repository';
import {
  countActiveAdmins,
  findUserByUsername,
  getUserRow,
  insertUser,
  listUserRows,
  type UserFilter,
  type UserRow,
  updateUserPassword,
  updateUserRow,
} from './user-repository';

export function toUser(r: UserRow): User {
  return {
    id: r.id,
    username: r.username,
    fullName: r.full_name,
    email: r.email,
    role: r.role,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    active: r.active === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function listUsers(ctx: AppContext, f: UserFilter) {
  const { rows, total } = await listUserRows(ctx.db, f);
  return { items: rows.map(toUser), total, page: f.page, pageSize: f.pageSize };
}

export async function getUser(ctx: AppContext, id: number): Promise<User> {
  const row = await getUserRow(ctx.db, id);
  if (!row) throw notFound('người dùng');
  return toUser(row);
}

async function assertOrganisationExists(ctx: AppContext, id: number): Promise<void> {
  if (!(await findOrganisationRow(ctx.db, id))) {
    throw new AppError('VALIDATION_FAILED', 'Cơ quan được chọn không tồn tại.', [
      { path: 'organisationId', message: 'Cơ quan không tồn tại' },
    ]);
  }
}

export async function createUser(
  ctx: AppContext,
  actor: AuthUser | null,
  input: CreateUserRequest & { mustChangePassword?: boolean },
  requestId: string | null,
): Promise<User> {
  const username = input.username.toLowerCase();
  await assertOrganisationExists(ctx, input.organisationId);
  if (await findUserByUsername(ctx.db, username)) {
    throw conflict(`Tên đăng nhập "${username}" đã có người dùng.`);
  }
  const passwordHash = await hashPassword(input.password);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await insertUser(trx, {
      username,
      fullName: input.fullName,
      email: input.email ?? null,
      passwordHash,
      role: input.role,
      organisationId: input.organisationId,
      mustChangePassword: input.mustChangePassword ?? true,
    });
    await recordAudit(trx, {
      actorId: actor?.id ?? null,
      action: 'user.created',
      entity: 'user',
      entityId: newId,
      detail: { username, role: input.role, organisationId: input.organisationId },
      requestId,
    });
    return newId;
  });
  return getUser(ctx, id);
}

export async function updateUser(
  ctx: AppContext,
  actor: AuthUser,
  id: number,
  input: UpdateUserRequest,
  requestId: string,
): Promise<User> {
  const before = await getUserRow(ctx.db, id);
  if (!before) throw notFound('người dùng');
  if (input.organisationId !== undefined) await assertOrganisationExists(ctx, input.organisationId);
  const losesAdmin =
    before.role === 'admin' &&
    before.active === 1 &&
    (input.active === false || (input.role && input.role !== 'admin'));
  if (losesAdmin && (await countActiveAdmins(ctx.db)) <= 1) {
    throw conflict('Không thể khóa hoặc đổi vai trò của quản trị viên cuối cùng đang hoạt động.');
  }
  const patch = {
    ...(input.fullName !== undefined ? { full_name: input.fullName } : {}),
    ...(input.email !== undefined ? { email: input.email } : {}),
    ...(input.role !== undefined ? { role: input.role } : {}),
    ...(input.organisationId !== undefined ? { organisation_id: input.organisationId } : {}),
    ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await updateUserRow(trx, id, patch, before.username);
    // A locked account or changed role must not keep working through an open session.
    if (input.active === false || input.role !== undefined) await deleteUserSessions(trx, id);
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'user.updated',
      entity: 'user',
      entityId: id,
      detail: { before: toUser(before), changes: input },
      requestId,
    });
  });
  return getUser(ctx, id);
}

export async function resetPassword(
  ctx: AppContext,
  actor: AuthUser,
  id: number,
  password: string,
  requestId: string,
): Promise<void> {
  if (!(await getUserRow(ctx.db, id))) throw notFound('người dùng');
  const hash = await hashPassword(password);
  await ctx.db.transaction().execute(async (trx) => {
    await updateUserPassword(trx, id, hash, true);
    await deleteUserSessions(trx, id);
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'user.password_reset',
      entity: 'user',
      entityId: id,
      requestId,
    });
  });
}

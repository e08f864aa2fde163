import type { CreateUserRequest, UpdateUserRequest, User } from '../../../shared/contracts/users';
import { type ActionContext, type AppContext, inTransaction, type RequestContext } from '../../context';
import { AppError, conflict, notFound } from '../../http/errors';
import { audit } from '../audit/audit-repository';
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

function toUser(r: UserRow): User {
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

/** `rc` is an ActionContext: the first administrator, demo users and the command line have no actor. */
export async function createUser(
  rc: ActionContext,
  input: CreateUserRequest & { mustChangePassword?: boolean },
): Promise<User> {
  const username = input.username.toLowerCase();
  await assertOrganisationExists(rc.app, input.organisationId);
  if (await findUserByUsername(rc.db, username)) {
    throw conflict(`Tên đăng nhập "${username}" đã có người dùng.`);
  }
  const passwordHash = await hashPassword(input.password);
  const id = await inTransaction(rc, async (tx) => {
    const newId = await insertUser(tx.db, {
      username,
      fullName: input.fullName,
      email: input.email ?? null,
      passwordHash,
      role: input.role,
      organisationId: input.organisationId,
      mustChangePassword: input.mustChangePassword ?? true,
    });
    await audit(tx, {
      action: 'user.created',
      entity: 'user',
      entityId: newId,
      detail: { username, role: input.role, organisationId: input.organisationId },
    });
    return newId;
  });
  return getUser(rc.app, id);
}

export async function updateUser(rc: RequestContext, id: number, input: UpdateUserRequest): Promise<User> {
  const before = await getUserRow(rc.db, id);
  if (!before) throw notFound('người dùng');
  if (input.organisationId !== undefined) await assertOrganisationExists(rc.app, input.organisationId);
  const losesAdmin =
    before.role === 'admin' &&
    before.active === 1 &&
    (input.active === false || (input.role && input.role !== 'admin'));
  if (losesAdmin && (await countActiveAdmins(rc.db)) <= 1) {
    throw conflict('Không thể khóa hoặc đổi vai trò của quản trị viên cuối cùng đang hoạt động.');
  }
  const patch = {
    ...(input.fullName !== undefined ? { full_name: input.fullName } : {}),
    ...(input.email !== undefined ? { email: input.email } : {}),
    ...(input.role !== undefined ? { role: input.role } : {}),
    ...(input.organisationId !== undefined ? { organisation_id: input.organisationId } : {}),
    ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
  };
  await inTransaction(rc, async (tx) => {
    await updateUserRow(tx.db, id, patch, before.username);
    // A locked account or changed role must not keep working through an open session.
    if (input.active === false || input.role !== undefined) await deleteUserSessions(tx.db, id);
    await audit(tx, {
      action: 'user.updated',
      entity: 'user',
      entityId: id,
      detail: { before: toUser(before), changes: input },
    });
  });
  return getUser(rc.app, id);
}

export async function resetPassword(rc: RequestContext, id: number, password: string): Promise<void> {
  if (!(await getUserRow(rc.db, id))) throw notFound('người dùng');
  const hash = await hashPassword(password);
  await inTransaction(rc, async (tx) => {
    await updateUserPassword(tx.db, id, hash, true);
    await deleteUserSessions(tx.db, id);
    await audit(tx, { action: 'user.password_reset', entity: 'user', entityId: id });
  });
}

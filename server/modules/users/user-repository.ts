import type { Kysely } from 'kysely';
import { searchKey } from '../../../shared/domain/text/normalize';
import { nowIso } from '../../context';
import type { Database, UsersTable } from '../../db/schema';
import { containsPattern } from '../../db/search';

export async function findUserByUsername(db: Kysely<Database>, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserPasswordHash(db: Kysely<Database>, id: number): Promise<string | undefined> {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst();
  return row?.password_hash;
}

export async function updateUserPassword(
  db: Kysely<Database>,
  id: number,
  hash: string,
  mustChange: boolean,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: hash, must_change_password: mustChange ? 1 : 0, updated_at: nowIso() })
    .where('id', '=', id)
    .execute();
}

/** Replaces the stored hash of the same password (a rehash at sign-in); nothing else changes. */
export async function updateUserPasswordHash(db: Kysely<Database>, id: number, hash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: hash }).where('id', '=', id).execute();
}

function baseUserQuery(db: Kysely<Database>) {
  return db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select([
      'users.id',
      'users.username',
      'users.full_name',
      'users.email',
      'users.role',
      'users.organisation_id',
      'organisations.name as organisation_name',
      'users.active',
      'users.created_at',
      'users.updated_at',
    ]);
}

export type UserRow = NonNullable<Awaited<ReturnType<ReturnType<typeof baseUserQuery>['executeTakeFirst']>>>;

export async function getUserRow(db: Kysely<Database>, id: number): Promise<UserRow | undefined> {
  return baseUserQuery(db).where('users.id', '=', id).executeTakeFirst();
}

export interface UserFilter {
  q?: string | undefined;
  organisationId?: number | undefined;
  page: number;
  pageSize: number;
}

export async function listUserRows(db: Kysely<Database>, f: UserFilter) {
  let q = baseUserQuery(db);
  if (f.organisationId) q = q.where('users.organisation_id', '=', f.organisationId);
  if (f.q) {
    q = q.where('users.search_key', 'like', containsPattern(f.q));
  }
  const total = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await q
    .orderBy('users.username')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

export async function insertUser(
  db: Kysely<Database>,
  u: {
    username: string;
    fullName: string;
    email: string | null;
    passwordHash: string;
    role: UsersTable['role'];
    organisationId: number;
    mustChangePassword: boolean;
  },
): Promise<number> {
  const now = nowIso();
  const row = await db
    .insertInto('users')
    .values({
      username: u.username,
      full_name: u.fullName,
      email: u.email,
      password_hash: u.passwordHash,
      role: u.role,
      organisation_id: u.organisationId,
      active: 1,
      must_change_password: u.mustChangePassword ? 1 : 0,
      search_key: searchKey(`${u.username} ${u.fullName}`),
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUserRow(
  db: Kysely<Database>,
  id: number,
  patch: {
    full_name?: string;
    email?: string | null;
    role?: UsersTable['role'];
    organisation_id?: number;
    active?: number;
  },
  username: string,
): Promise<void> {
  const extra =
    patch.full_name === undefined ? {} : { search_key: searchKey(`${username} ${patch.full_name}`) };
  await db
    .updateTable('users')
    .set({ ...patch, ...extra, updated_at: nowIso() })
    .where('id', '=', id)
    .execute();
}

export async function countActiveAdmins(db: Kysely<Database>): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

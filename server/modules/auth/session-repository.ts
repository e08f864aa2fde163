import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { AuthUser } from '../../http/auth-state';

export async function insertSession(
  db: Kysely<Database>,
  s: { id: string; userId: number; csrfToken: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      created_at: s.createdAt,
      expires_at: s.expiresAt,
    })
    .execute();
}

/** The session with its user and agency, in one query (every request does this). */
export async function findSessionWithUser(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select([
      'sessions.id as session_id',
      'sessions.csrf_token',
      'sessions.expires_at',
      'users.id',
      'users.username',
      'users.full_name',
      'users.role',
      'users.organisation_id',
      'users.active',
      'users.must_change_password',
      'organisations.name as organisation_name',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteUserSessions(
  db: Kysely<Database>,
  userId: number,
  exceptId?: string,
): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  await q.execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}

export type SessionRow = NonNullable<Awaited<ReturnType<typeof findSessionWithUser>>>;

export function toAuthUser(row: SessionRow): AuthUser {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    role: row.role,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    mustChangePassword: row.must_change_password === 1,
  };
}

import type { Generated } from 'kysely';

/** Row types of every table, as Kysely sees them. Keep in step with db/migrations. */
export interface Database {
  organisations: OrganisationsTable;
  organisation_aliases: OrganisationAliasesTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
}

export interface OrganisationsTable {
  id: Generated<number>;
  code: string;
  name: string;
  short_name: string | null;
  kind: string;
  parent_id: number | null;
  valid_from: string | null;
  valid_to: string | null;
  successor_id: number | null;
  search_key: string;
  created_at: string;
  updated_at: string;
}

export interface OrganisationAliasesTable {
  id: Generated<number>;
  organisation_id: number;
  alias: string;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  full_name: string;
  email: string | null;
  password_hash: string;
  role: string;
  organisation_id: number;
  active: number;
  must_change_password: number;
  search_key: string;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  detail: string | null;
  request_id: string | null;
}

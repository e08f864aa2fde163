import type { Generated } from 'kysely';

/** Row types of every table, as Kysely sees them. Keep in step with db/migrations. */
export interface Database {
  organisations: OrganisationsTable;
  organisation_aliases: OrganisationAliasesTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  documents: DocumentsTable;
  plan_imports: PlanImportsTable;
  plans: PlansTable;
  plan_targets: PlanTargetsTable;
  plan_duties: PlanDutiesTable;
  plan_duty_agencies: PlanDutyAgenciesTable;
  tasks: TasksTable;
  task_agencies: TaskAgenciesTable;
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

export interface DocumentsTable {
  id: Generated<number>;
  sha256: string;
  filename: string;
  media_type: string;
  size: number;
  uploaded_by: number | null;
  uploaded_at: string;
}

export interface PlanImportsTable {
  id: Generated<number>;
  document_id: number;
  status: string;
  version: number;
  source_text: string;
  draft_json: string;
  plan_id: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface PlansTable {
  id: Generated<number>;
  number: string | null;
  issuer: string | null;
  place: string | null;
  issued_on: string | null;
  title: string;
  basis_json: string;
  sections_json: string;
  regime_json: string | null;
  consolidator_org_id: number | null;
  document_id: number | null;
  import_id: number | null;
  search_key: string;
  created_by: number | null;
  created_at: string;
}

export interface PlanTargetsTable {
  id: Generated<number>;
  plan_id: number;
  ordinal: number;
  text: string;
  subject: string;
  kind: string;
  min_value: number | null;
  max_value: number | null;
  unit: string;
  from_year: number | null;
  to_year: number | null;
  approximate: number;
}

export interface PlanDutiesTable {
  id: Generated<number>;
  plan_id: number;
  ordinal: string;
  agency_text: string;
  paragraphs_json: string;
}

export interface PlanDutyAgenciesTable {
  id: Generated<number>;
  duty_id: number;
  position: number;
  agency_text: string;
  organisation_id: number | null;
  group_key: string | null;
}

export interface TasksTable {
  id: Generated<number>;
  plan_id: number;
  position: number;
  ordinal: string;
  group_label: string | null;
  content: string;
  product: string | null;
  deadline_kind: string;
  deadline_from: string | null;
  deadline_to: string | null;
  deadline_text: string;
  search_key: string;
}

export interface TaskAgenciesTable {
  id: Generated<number>;
  task_id: number;
  role: string;
  position: number;
  agency_text: string;
  organisation_id: number | null;
  group_key: string | null;
}

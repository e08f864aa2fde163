import type { Generated } from 'kysely';
import type { ReviewState, ValueKind } from '../../shared/contracts/indicators';
import type { NotificationKind } from '../../shared/contracts/notifications';
import type { DeadlineKind, PlanKind, TargetKind } from '../../shared/contracts/plan-draft';
import type { IMPORT_STATUSES } from '../../shared/contracts/plan-import';
import type {
  EntryProgress,
  EntryRole,
  PeriodKind,
  PeriodState,
  ReportState,
} from '../../shared/contracts/reporting';
import type { Role } from '../../shared/domain/auth/roles';
import type { DataStatus as ValueStatus } from '../../shared/domain/indicators/types';
import type { AdminUnitType } from '../../shared/domain/organisations/admin-units';
import type { OrganisationGroupKey } from '../../shared/domain/organisations/groups';
import type { OrganisationKind } from '../../shared/domain/organisations/kinds';
import type {
  ReorganisationKind,
  ReorganisationMoveOp,
  ReorganisationState,
} from '../../shared/domain/organisations/reorganisation';
import type { TaskStatusCode } from '../../shared/domain/task-status/categories';

/**
 * Enum-like columns are typed with the string unions of shared/domain and shared/contracts: the
 * database stores plain text, and every value written goes through these types, so rows read back
 * need no casts. Column names and nullability match the migrations.
 */
type ImportStatus = (typeof IMPORT_STATUSES)[number];
/** How a task names an agency: chủ trì (lead) or phối hợp (coordinator); report entries say 'support'. */
export type TaskAgencyRole = 'lead' | 'coordinator';

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
  indicators: IndicatorsTable;
  indicator_values: IndicatorValuesTable;
  reporting_periods: ReportingPeriodsTable;
  reports: ReportsTable;
  report_entries: ReportEntriesTable;
  report_versions: ReportVersionsTable;
  report_attachments: ReportAttachmentsTable;
  report_entry_files: ReportEntryFilesTable;
  report_signed_scans: ReportSignedScansTable;
  directives: DirectivesTable;
  notifications: NotificationsTable;
  email_outbox: EmailOutboxTable;
  stored_files: StoredFilesTable;
  job_leases: JobLeasesTable;
  login_throttle: LoginThrottleTable;
  task_statuses: TaskStatusesTable;
  registry_version: RegistryVersionTable;
  reports_version: ReportsVersionTable;
  indicator_version: IndicatorVersionTable;
  audit_version: AuditVersionTable;
  notification_versions: NotificationVersionsTable;
  task_status_plan_years: TaskStatusPlanYearsTable;
  task_status_counts: TaskStatusCountsTable;
  calendar_counts: CalendarCountsTable;
  period_narratives: PeriodNarrativesTable;
  generation_jobs: GenerationJobsTable;
  plan_revisions: PlanRevisionsTable;
  plan_amendments: PlanAmendmentsTable;
  reorganisations: ReorganisationsTable;
  reorganisation_moves: ReorganisationMovesTable;
  organisation_successors: OrganisationSuccessorsTable;
  task_requests: TaskRequestsTable;
  task_request_uploads: TaskRequestUploadsTable;
}

export interface OrganisationsTable {
  id: Generated<number>;
  code: string;
  name: string;
  short_name: string | null;
  kind: OrganisationKind;
  parent_id: number | null;
  valid_from: string | null;
  valid_to: string | null;
  successor_id: number | null;
  search_key: string;
  /**
   * foldAgencyName(name) (shared/domain/organisations/agency-name.ts); always written by
   * organisation-repository. Unique among agencies without an end date (migration 20261130T2137).
   */
  name_folded: string | null;
  /** National code of an administrative unit (mã đơn vị hành chính), unique; null for other agencies. */
  admin_code: string | null;
  /** xã / phường / thị trấn / đặc khu for a commune-level unit (shared/domain/organisations/admin-units.ts). */
  admin_unit_type: AdminUnitType | null;
  /** The document the agency's record comes from ("Nghị quyết 1666/NQ-UBTVQH15 …"), when loaded as data. */
  source: string | null;
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
  role: Role;
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
  /** Null for a plan entered by hand (migration 20261203T0400): there is no uploaded document. */
  document_id: number | null;
  status: ImportStatus;
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
  /** PlanKind: plan | decision | resolution | action_programme | directive. */
  kind: Generated<PlanKind>;
  /** How many tasks the plan has; written with its tasks (plan-writer.ts). */
  task_count: Generated<number>;
  /** Grows with every change the plan's task list shows (triggers, migration 20261201T0520). */
  data_version: Generated<number>;
  /** 1 while the plan's public page is up (migration 20261201T1060); who put it up and when. */
  published: Generated<number>;
  published_at: string | null;
  published_by: number | null;
  /** The plan's period of implementation, when typed by hand (migration 20261203T0400). */
  from_year: number | null;
  to_year: number | null;
  /** The plan was annulled or replaced from this date (migration 20261203T0200); null while in force. */
  ended_on: Generated<string | null>;
  end_kind: Generated<'annulled' | 'replaced' | null>;
  replaced_by_plan_id: Generated<number | null>;
}

/** One row (id 1): grows with every change of indicators, targets, values (migration 20261201T0521). */
export interface IndicatorVersionTable {
  id: number;
  version: Generated<number>;
}

/** Grows with every change to the audit log (migration 20261203T0701): its page cache's version. */
export interface AuditVersionTable {
  id: number;
  version: Generated<number>;
}

/** Per user, grows with any change to their notifications (migration 20261203T0701). */
export interface NotificationVersionsTable {
  user_id: number;
  version: Generated<number>;
}

/** One row (id 1): grows with every organisation change (triggers, migration 20261201T0520). */
export interface RegistryVersionTable {
  id: number;
  version: Generated<number>;
}

/** One row (id 1): grows with every change a report list shows (triggers, migration 20261201T0550). */
export interface ReportsVersionTable {
  id: number;
  version: Generated<number>;
}

export interface PlanTargetsTable {
  id: Generated<number>;
  plan_id: number;
  ordinal: number;
  text: string;
  subject: string;
  kind: TargetKind;
  min_value: number | null;
  max_value: number | null;
  unit: string;
  from_year: number | null;
  to_year: number | null;
  approximate: number;
  /** Set when the plan is confirmed (migration 20261126T0900_indicators). */
  indicator_id: number | null;
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
  group_key: OrganisationGroupKey | null;
}

export interface TasksTable {
  id: Generated<number>;
  plan_id: number;
  position: number;
  ordinal: string;
  group_label: string | null;
  content: string;
  product: string | null;
  deadline_kind: DeadlineKind;
  deadline_from: string | null;
  deadline_to: string | null;
  deadline_text: string;
  search_key: string;
  /** JSON array of { label, text }: the task table's extra columns; null when it had none. */
  extra_json: string | null;
  /** Date the task stopped being in force (removed by a revision, migration 20261202T0250); null while it is. */
  removed_on: Generated<string | null>;
  /** Date a task added by a revision came into force; null = since the plan (migration 20261203T0200). */
  added_on: Generated<string | null>;
  /** The task of a replaced plan this one took over (migration 20261203T0200). */
  continues_task_id: Generated<number | null>;
}

/** One change of a confirmed plan (migration 20261202T0250; plans/revision-service.ts). */
export interface PlanRevisionsTable {
  id: Generated<number>;
  plan_id: number;
  subject: 'plan' | 'target' | 'group' | 'task';
  action: 'add' | 'update' | 'remove';
  task_id: number | null;
  target_id: number | null;
  label: string;
  reason: string;
  document_number: string | null;
  document_date: string | null;
  before_json: string;
  after_json: string;
  created_by: number | null;
  created_at: string;
  /** The amendment (amending document applied as one revision, or its revert) this change belongs to. */
  amendment_id: number | null;
  /** What an amendment's change replaced (task columns and agencies), put back by its revert. */
  undo_json: string | null;
  /** The amending document's file (`documents`) on a single change. */
  document_file_id: number | null;
  /** The date the change takes effect (migration 20261203T0200); null on older rows. */
  effective_on: string | null;
}

/** An amending document applied as one revision, or the revert of one (migration 20261203T0100). */
export interface PlanAmendmentsTable {
  id: Generated<number>;
  plan_id: number;
  kind: 'amendment' | 'revert';
  status: 'draft' | 'applied' | 'reverted';
  reverts_id: number | null;
  document_id: number | null;
  document_number: string | null;
  document_date: string | null;
  document_title: string | null;
  reason: string | null;
  proposal_json: string | null;
  created_by: number | null;
  created_at: string;
  applied_by: number | null;
  applied_at: string | null;
}

export interface TaskAgenciesTable {
  id: Generated<number>;
  task_id: number;
  role: TaskAgencyRole;
  position: number;
  agency_text: string;
  organisation_id: number | null;
  group_key: OrganisationGroupKey | null;
}

export interface IndicatorsTable {
  id: Generated<number>;
  plan_id: number;
  code: string;
  name: string;
  unit: string;
  definition: string | null;
  value_kind: ValueKind;
  owner_org_id: number | null;
  search_key: string;
  created_at: string;
  updated_at: string;
}

export interface IndicatorValuesTable {
  id: Generated<number>;
  indicator_id: number;
  year: number;
  value: number;
  status: ValueStatus;
  source: string;
  source_url: string | null;
  note: string | null;
  is_sample: number;
  entered_by: number | null;
  entered_at: string;
  review_state: ReviewState;
  reviewed_by: number | null;
  reviewed_at: string | null;
  review_note: string | null;
}

// Reporting cycle (migration 20261126T1000_reporting).

export interface ReportingPeriodsTable {
  id: Generated<number>;
  plan_id: number;
  kind: PeriodKind;
  year: number;
  title: string;
  data_closing_on: string | null;
  due_on: string;
  state: PeriodState;
  extensions_json: string;
  opened_by: number | null;
  opened_at: string;
  closed_by: number | null;
  closed_at: string | null;
  /** searchKey(`${title} ${year}`), written on insert (migration 20261201T0450 backfilled older rows). */
  search_key: string | null;
  /** JSON string[]: what the last report generation could not assign (a group resolving to nobody). */
  coverage_warnings_json: string | null;
}

export interface ReportsTable {
  id: Generated<number>;
  period_id: number;
  organisation_id: number;
  state: ReportState;
  version: number;
  summary: string | null;
  difficulties: string | null;
  proposals: string | null;
  dispatch_number: string | null;
  dispatch_date: string | null;
  first_submitted_at: string | null;
  submitted_at: string | null;
  submitted_by: number | null;
  late: number;
  accepted_at: string | null;
  accepted_by: number | null;
  returned_at: string | null;
  returned_by: number | null;
  returned_reason: string | null;
  created_at: string;
  updated_at: string;
  updated_by: number | null;
  /**
   * How many entries the report has by role and how many versions were sent: kept in the transaction
   * that adds them (report-generation.ts, workflow.ts), so lists do not count per row.
   */
  lead_count: Generated<number>;
  support_count: Generated<number>;
  version_count: Generated<number>;
}

export interface ReportEntriesTable {
  id: Generated<number>;
  report_id: number;
  task_id: number;
  role: EntryRole;
  position: number;
  progress: EntryProgress | null;
  completed_on: string | null;
  result: string | null;
  product_number: string | null;
  product_date: string | null;
  product_summary: string | null;
  difficulties: string | null;
  proposals: string | null;
  updated_at: string;
  /** Per-task confirmation (migration 20261203T0301): pending, accepted (locked) or returned. */
  review_state: Generated<EntryReviewState>;
  review_comment: string | null;
  reviewed_at: string | null;
  reviewed_by: number | null;
}

export type EntryReviewState = 'pending' | 'accepted' | 'returned';

/** A lead agency's request to extend a task's deadline or hand it to another lead (migration 20261203T0300). */
export interface TaskRequestsTable {
  id: Generated<number>;
  plan_id: number;
  task_id: number;
  kind: 'extend' | 'reassign';
  organisation_id: number;
  new_deadline: string | null;
  new_lead_org_id: number | null;
  reason: string;
  state: 'pending' | 'approved' | 'refused';
  decision_reason: string | null;
  decided_by: number | null;
  decided_at: string | null;
  revision_id: number | null;
  /** The agency's document asking for the change (`documents`), when one was attached. */
  document_id: number | null;
  created_by: number | null;
  created_at: string;
}

export interface ReportVersionsTable {
  id: Generated<number>;
  report_id: number;
  version_no: number;
  snapshot_json: string;
  late: number;
  submitted_by: number | null;
  submitted_at: string;
}

export interface ReportAttachmentsTable {
  id: Generated<number>;
  report_id: number;
  sha256: string;
  filename: string;
  media_type: string;
  size: number;
  uploaded_by: number | null;
  uploaded_at: string;
}

/** The product files of a task entry, any number, in the order attached (migration 20261201T1040). */
export interface ReportEntryFilesTable {
  id: Generated<number>;
  entry_id: number;
  attachment_id: number;
  added_by: number | null;
  added_at: string;
}

/** Scans of a report's signed paper; the newest is current, earlier ones are kept (20261201T1040). */
export interface ReportSignedScansTable {
  id: Generated<number>;
  report_id: number;
  sha256: string;
  filename: string;
  media_type: string;
  size: number;
  uploaded_by: number | null;
  uploaded_at: string;
}

export interface DirectivesTable {
  id: Generated<number>;
  task_id: number | null;
  report_id: number | null;
  author_id: number;
  text: string;
  created_at: string;
  /** Where it was delivered on the day (AgencyDelivery[] as JSON; issue 14); null for older rows. */
  delivery_json: Generated<string | null>;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
  dedupe_key: string;
  created_at: string;
  read_at: string | null;
  /** The plan the notification is about, when there is one (shown with it). */
  plan_id: number | null;
}

export interface EmailOutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  body: string;
  dedupe_key: string;
  attempts: number;
  last_error: string | null;
  created_at: string;
  next_attempt_at: string;
  sent_at: string | null;
  /** The process sending the row and until when its claim holds; both null = queued. */
  claimed_by: Generated<string | null>;
  claimed_until: Generated<string | null>;
}

/** Uploaded files kept in the database (FILE_STORAGE=database), one row per content. */
export interface StoredFilesTable {
  sha256: string;
  size: number;
  content: Buffer;
  created_at: string;
}

/** Who runs a periodic job until when (server/jobs/job-lease.ts). */
export interface JobLeasesTable {
  name: string;
  holder: string;
  expires_at: string;
}

/** Failed logins per 'user:<name>' or 'ip:<address>' within a window (migration 20261130T2114). */
export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_started_at: string;
}

/**
 * A task's status for a judged year as stored (migration 20261201T0410; reporting/task-status-store.ts),
 * computed with the pure rules on `computed_on` (Vietnam date) from the latest lead entry.
 */
export interface TaskStatusesTable {
  task_id: number;
  plan_id: number;
  year: number;
  code: TaskStatusCode;
  due_date: string | null;
  days_late: number | null;
  reason: string;
  report_id: number | null;
  progress: EntryProgress | null;
  completed_on: string | null;
  computed_on: string;
}

/** Which plan-years are stored, and the day they were last computed in full. */
export interface TaskStatusPlanYearsTable {
  plan_id: number;
  year: number;
  computed_on: string;
}

/** Stored tasks per plan-year and status category, kept by triggers on `task_statuses` (migration 0540). */
export interface TaskStatusCountsTable {
  plan_id: number;
  year: number;
  code: TaskStatusCode;
  n: number;
}

/** A version of one narrative section of a period's consolidated report; text null = back to the draft. */
export interface PeriodNarrativesTable {
  id: Generated<number>;
  period_id: number;
  section: string;
  version: number;
  text: string | null;
  saved_by: number | null;
  saved_at: string;
}

/** A document generation of any registered kind, run in-process; the finished file is in FileStore. */
export interface GenerationJobsTable {
  id: Generated<number>;
  kind: string;
  period_id: number | null;
  subject_id: number | null;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: Generated<number>;
  error: string | null;
  requested_by: number | null;
  requested_at: string;
  started_at: string | null;
  finished_at: string | null;
  holder: string | null;
  lease_until: string | null;
  file_sha256: string | null;
  file_name: string | null;
  file_size: number | null;
  sources_json: Generated<string>;
}

/** Deadlines per day for the calendar's month grid, kept by triggers (migration 20261202T0300). */
export interface CalendarCountsTable {
  /** 'task' (one due date), 'recurring' (each 31/12 from day to until_day) or 'report'. */
  kind: string;
  /** 'all', 'g:<group>', 'o:<organisation id>'; reports also 'acc' and 'oa:<organisation id>'. */
  key: string;
  day: string;
  until_day: string;
  n: number;
}

// Reorganisations (migration 20261203T0500): one event, every row it changed, several successors.

export interface ReorganisationsTable {
  id: Generated<number>;
  kind: ReorganisationKind;
  title: string;
  effective_on: string;
  basis_number: string;
  basis_date: string | null;
  basis_text: string | null;
  /** The event as asked (reorganisationSpecSchema in shared/contracts/reorganisations.ts), JSON. */
  spec_json: string;
  state: ReorganisationState;
  created_by: number | null;
  created_at: string;
  applied_by: number | null;
  applied_at: string | null;
  undone_by: number | null;
  undone_at: string | null;
}

export interface ReorganisationMovesTable {
  id: Generated<number>;
  reorganisation_id: number;
  seq: number;
  op: ReorganisationMoveOp;
  table_name: string;
  row_id: number;
  column_name: string | null;
  before_json: string | null;
  after_json: string | null;
  guard: string | null;
  label: string;
  to_name: string | null;
}

export interface OrganisationSuccessorsTable {
  id: Generated<number>;
  organisation_id: number;
  successor_id: number;
  is_main: Generated<number>;
  note: string | null;
  reorganisation_id: number | null;
}

/** Who uploaded which document for a task request (migration 20261204T0200): what a request may cite. */
export interface TaskRequestUploadsTable {
  document_id: number;
  user_id: number;
  uploaded_at: string;
}

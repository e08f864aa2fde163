import type {
  Attachment,
  EntryRole,
  PeriodKind,
  PeriodState,
  ReportDetail,
  ReportEntry,
  ReportListQuery,
  ReportState,
  ReportSummary,
} from '../../../shared/contracts/reporting';
import { can } from '../../../shared/domain/auth/permissions';
import { localDate } from '../../../shared/domain/reporting/local-date';
import type { AppContext } from '../../context';
import type { AuthUser } from '../../http/auth-state';
import { notFound } from '../../http/errors';
import { type Db, deadlineOf, person, statusOf, taskView } from './common';
import { assertCanRead, canEditReport } from './report-access';

export function reportQuery(db: Db) {
  return db
    .selectFrom('reports as r')
    .innerJoin('reporting_periods as p', 'p.id', 'r.period_id')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .leftJoin('users as editor', 'editor.id', 'r.updated_by')
    .selectAll('r')
    .select((eb) => [
      'p.plan_id',
      'p.kind as period_kind',
      'p.year as period_year',
      'p.title as period_title',
      'p.data_closing_on as period_data_closing_on',
      'p.due_on as period_due_on',
      'p.state as period_state',
      'o.name as organisation_name',
      'editor.full_name as editor_name',
      eb
        .selectFrom('report_entries as e')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('e.report_id', '=', 'r.id')
        .where('e.role', '=', 'lead')
        .as('lead_count'),
      eb
        .selectFrom('report_entries as e')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('e.report_id', '=', 'r.id')
        .where('e.role', '=', 'support')
        .as('support_count'),
      eb
        .selectFrom('report_versions as v')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('v.report_id', '=', 'r.id')
        .as('version_count'),
    ]);
}
export type ReportRow = NonNullable<Awaited<ReturnType<ReturnType<typeof reportQuery>['executeTakeFirst']>>>;

export async function findReport(db: Db, id: number): Promise<ReportRow> {
  const row = await reportQuery(db).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('báo cáo');
  return row;
}

export function periodRef(r: {
  period_id: number;
  plan_id: number;
  period_kind: string;
  period_year: number;
  period_title: string;
  period_data_closing_on: string | null;
  period_due_on: string;
  period_state: string;
}) {
  return {
    id: r.period_id,
    planId: r.plan_id,
    kind: r.period_kind as PeriodKind,
    year: r.period_year,
    title: r.period_title,
    dataClosingOn: r.period_data_closing_on,
    dueOn: r.period_due_on,
    state: r.period_state as PeriodState,
  };
}

export function toSummary(r: ReportRow): ReportSummary {
  return {
    id: r.id,
    period: periodRef(r),
    organisation: { id: r.organisation_id, name: r.organisation_name },
    state: r.state as ReportState,
    version: r.version,
    leadCount: Number(r.lead_count ?? 0),
    supportCount: Number(r.support_count ?? 0),
    submittedAt: r.submitted_at,
    firstSubmittedAt: r.first_submitted_at,
    late: r.late === 1,
    acceptedAt: r.accepted_at,
    returnedAt: r.returned_at,
    returnedReason: r.returned_reason,
    updatedAt: r.updated_at,
    updatedBy: person(r.updated_by, r.editor_name),
    versionCount: Number(r.version_count ?? 0),
  };
}

export async function listReports(ctx: AppContext, user: AuthUser, q: ReportListQuery) {
  let base = reportQuery(ctx.db);
  if (q.periodId) base = base.where('r.period_id', '=', q.periodId);
  if (q.planId) base = base.where('p.plan_id', '=', q.planId);
  if (q.organisationId) base = base.where('r.organisation_id', '=', q.organisationId);
  if (q.state) base = base.where('r.state', '=', q.state);
  if (user.role === 'reporter') {
    // Own agency's reports in every state; other agencies' only once accepted.
    base = base.where((eb) =>
      eb.or([eb('r.organisation_id', '=', user.organisationId), eb('r.state', '=', 'accepted')]),
    );
  }
  const total = await base
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await base
    .orderBy('p.due_on', 'desc')
    .orderBy('o.name')
    .orderBy('r.id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items: rows.map(toSummary), total: Number(total.n), page: q.page, pageSize: q.pageSize };
}

/** Columns of an entry's task (`t`) and attachment (`a`, uploader `up`) read alongside the entry. */
export const ENTRY_TASK_COLUMNS = [
  't.plan_id',
  't.ordinal',
  't.group_label',
  't.content',
  't.product',
  't.deadline_kind',
  't.deadline_from',
  't.deadline_to',
  't.deadline_text',
  'a.report_id as a_report_id',
  'a.filename as a_filename',
  'a.media_type as a_media_type',
  'a.size as a_size',
  'a.sha256 as a_sha256',
  'a.uploaded_at as a_uploaded_at',
  'a.uploaded_by as a_uploaded_by',
  'up.full_name as a_uploader_name',
] as const;

/** Every entry of the given reports with its task and attachment, in one query. */
export async function entryRows(db: Db, reportIds: number[]) {
  if (reportIds.length === 0) return [];
  return db
    .selectFrom('report_entries as e')
    .innerJoin('tasks as t', 't.id', 'e.task_id')
    .leftJoin('report_attachments as a', 'a.id', 'e.attachment_id')
    .leftJoin('users as up', 'up.id', 'a.uploaded_by')
    .selectAll('e')
    .select(ENTRY_TASK_COLUMNS)
    .where('e.report_id', 'in', reportIds)
    .orderBy('e.report_id')
    .orderBy('e.position')
    .orderBy('e.task_id')
    .execute();
}
export type EntryRow = Awaited<ReturnType<typeof entryRows>>[number];

export function attachmentView(e: EntryRow): Attachment | null {
  if (e.attachment_id === null || e.a_filename === null) return null;
  return {
    id: e.attachment_id,
    reportId: e.a_report_id!,
    filename: e.a_filename,
    mediaType: e.a_media_type!,
    size: e.a_size!,
    sha256: e.a_sha256!,
    uploadedAt: e.a_uploaded_at!,
    uploadedBy: person(e.a_uploaded_by, e.a_uploader_name),
    url: `/api/attachments/${e.attachment_id}`,
  };
}

export function taskOfEntry(e: EntryRow) {
  return taskView({
    id: e.task_id,
    plan_id: e.plan_id,
    ordinal: e.ordinal,
    group_label: e.group_label,
    content: e.content,
    product: e.product,
    deadline_kind: e.deadline_kind,
    deadline_from: e.deadline_from,
    deadline_to: e.deadline_to,
    deadline_text: e.deadline_text,
  });
}

export function toEntry(e: EntryRow, period: { year: number; dueOn: string }, today: string): ReportEntry {
  return {
    id: e.id,
    task: taskOfEntry(e),
    role: e.role as EntryRole,
    progress: e.progress as ReportEntry['progress'],
    completedOn: e.completed_on,
    result: e.result,
    productNumber: e.product_number,
    productDate: e.product_date,
    productSummary: e.product_summary,
    attachment: attachmentView(e),
    difficulties: e.difficulties,
    proposals: e.proposals,
    status: statusOf({
      deadline: deadlineOf(e),
      year: period.year,
      progress: e.progress,
      completedOn: e.completed_on,
      today,
      reportDue: today > period.dueOn,
    }),
  };
}

export async function getReport(ctx: AppContext, user: AuthUser, id: number): Promise<ReportDetail> {
  const row = await findReport(ctx.db, id);
  assertCanRead(user, row);
  return reportDetail(ctx, user, row);
}

export async function reportDetail(ctx: AppContext, user: AuthUser, row: ReportRow): Promise<ReportDetail> {
  const entries = await entryRows(ctx.db, [row.id]);
  const today = localDate(new Date());
  const period = { year: row.period_year, dueOn: row.period_due_on };
  const views = entries.map((e) => toEntry(e, period, today));
  const editable = canEditReport(user, row, row.period_state);
  const consolidator = await ctx.db
    .selectFrom('plans as pl')
    .innerJoin('organisations as o', 'o.id', 'pl.consolidator_org_id')
    .select('o.name')
    .where('pl.id', '=', row.plan_id)
    .executeTakeFirst();
  return {
    ...toSummary(row),
    summary: row.summary,
    difficulties: row.difficulties,
    proposals: row.proposals,
    dispatchNumber: row.dispatch_number,
    dispatchDate: row.dispatch_date,
    lead: views.filter((v) => v.role === 'lead'),
    support: views.filter((v) => v.role === 'support'),
    can: {
      edit: editable,
      submit: editable,
      review: can(user.role, 'reports.review') && row.state === 'submitted',
      direct: can(user.role, 'directives.write'),
    },
    consolidatorName: consolidator?.name ?? null,
  };
}

/** Postgres counts come back as strings; SQLite as numbers. */
export const num = (v: unknown) => Number(v ?? 0);

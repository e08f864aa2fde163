import type { ReportListQuery } from '../../../shared/contracts/reporting';
import type { Db } from '../../db/db';
import type { ReportReadScope } from './report-policy';

/** All SQL about reports and their entries. */

function reportQuery(db: Db) {
  return (
    db
      .selectFrom('reports as r')
      .innerJoin('reporting_periods as p', 'p.id', 'r.period_id')
      .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
      .innerJoin('plans as pl', 'pl.id', 'p.plan_id')
      // The plan's consolidating agency, named when a closed period refuses an edit.
      .leftJoin('organisations as cons', 'cons.id', 'pl.consolidator_org_id')
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
        'cons.name as consolidator_name',
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
      ])
  );
}
export type ReportRow = NonNullable<Awaited<ReturnType<ReturnType<typeof reportQuery>['executeTakeFirst']>>>;

export async function findReportRow(db: Db, id: number): Promise<ReportRow | undefined> {
  return reportQuery(db).where('r.id', '=', id).executeTakeFirst();
}

/**
 * One page of the reports a reader may see (`scope` from report-policy.ts), latest due date first,
 * with the total. The dashboard lists a period's reports and their states through this.
 */
export async function listReportRows(
  db: Db,
  q: Pick<ReportListQuery, 'periodId' | 'planId' | 'organisationId' | 'state' | 'page' | 'pageSize'>,
  scope: ReportReadScope,
): Promise<{ rows: ReportRow[]; total: number }> {
  let base = reportQuery(db);
  if (q.periodId) base = base.where('r.period_id', '=', q.periodId);
  if (q.planId) base = base.where('p.plan_id', '=', q.planId);
  if (q.organisationId) base = base.where('r.organisation_id', '=', q.organisationId);
  if (q.state) base = base.where('r.state', '=', q.state);
  if ('none' in scope) base = base.where((eb) => eb.lit(false));
  if ('ownAgencyOrAccepted' in scope) {
    const own = scope.ownAgencyOrAccepted;
    base = base.where((eb) => eb.or([eb('r.organisation_id', '=', own), eb('r.state', '=', 'accepted')]));
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
  // PostgreSQL counts come back as strings, SQLite's as numbers.
  return { rows, total: Number(total.n) };
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

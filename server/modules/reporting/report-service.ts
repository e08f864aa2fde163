import { REPORT_FIELDS, type ReportFieldDef } from '../../../shared/contracts/report-fields';
import type { ReportDetail, ReportListQuery } from '../../../shared/contracts/reporting';
import { can } from '../../../shared/domain/auth/permissions';
import { localDate } from '../../../shared/domain/reporting/local-date';
import type { AppContext } from '../../context';
import type { Db } from '../../db/db';
import type { AuthUser } from '../../http/auth-state';
import { notFound } from '../../http/errors';
import { loadSuccession } from '../organisations/succession-repository';
import { fieldValues, toEntry, toSummary } from './report-mapper';
import { assertCanRead, canEditReport, canResubmitEntries, reportReadScope } from './report-policy';
import { entryRows, findReportRow, listReportRows, type ReportRow } from './report-repository';
import { taskStatuses } from './task-status-store';

/** A report by id, or 404. */
export async function findReport(db: Db, id: number): Promise<ReportRow> {
  const row = await findReportRow(db, id);
  if (!row) throw notFound('báo cáo');
  return row;
}

export async function listReports(ctx: AppContext, user: AuthUser, q: ReportListQuery) {
  const [{ rows, total }, succession] = await Promise.all([
    listReportRows(ctx.db, q, reportReadScope(user)),
    loadSuccession(ctx.db),
  ]);
  return { items: rows.map((r) => toSummary(r, succession)), total, page: q.page, pageSize: q.pageSize };
}

export async function getReport(ctx: AppContext, user: AuthUser, id: number): Promise<ReportDetail> {
  const row = await findReport(ctx.db, id);
  assertCanRead(user, row);
  return reportDetail(ctx, user, row);
}

export async function reportDetail(ctx: AppContext, user: AuthUser, row: ReportRow): Promise<ReportDetail> {
  const [entries, succession] = await Promise.all([entryRows(ctx.db, [row.id]), loadSuccession(ctx.db)]);
  const today = localDate(new Date());
  const period = { year: row.period_year, dueOn: row.period_due_on };
  const views = entries.map((e) => toEntry(e, period, today));
  // A task's status is its lead's: a supporting agency's row shows the task's stored status for the
  // period's year, not a judgement of the support's own (often empty) answer.
  const supportTasks = views.filter((v) => v.role === 'support').map((v) => v.task.id);
  const leadStatus = await taskStatuses(ctx.db, row.plan_id, supportTasks, row.period_year, today);
  const support = views
    .filter((v) => v.role === 'support')
    .map((v) => ({ ...v, status: leadStatus.get(v.task.id) ?? v.status }));
  const editable = canEditReport(user, row, row.period_state);
  return {
    ...toSummary(row, succession),
    ...fieldValues<Pick<ReportDetail, ReportFieldDef['key']>>(REPORT_FIELDS, row),
    lead: views.filter((v) => v.role === 'lead'),
    support,
    can: {
      edit: editable,
      submit: editable,
      review: can(user.role, 'reports.review') && row.state === 'submitted',
      direct: can(user.role, 'directives.write'),
      reviewEntries: can(user.role, 'reports.review') && row.state === 'submitted',
      resubmitEntries: canResubmitEntries(user, row, row.period_state),
    },
    consolidatorName: row.consolidator_name,
  };
}

import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { ReportListQuery } from '../../../shared/contracts/reporting';
import type { Db } from '../../db/db';
import type { Database, ReportingPeriodsTable, ReportsTable } from '../../db/schema';
import { chunks } from '../../lib/chunks';
import { withEntryFiles } from './entry-files';
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
      // lead_count, support_count and version_count are columns kept by the writers (recountEntries
      // below, workflow.ts), so a page of the inbox does not count every entry of every row.
      .select([
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
        // Which plan: two annual reports of one agency differ only by it.
        'pl.number as plan_number',
        'pl.title as plan_title',
      ])
  );
}
export type ReportRow = NonNullable<Awaited<ReturnType<ReturnType<typeof reportQuery>['executeTakeFirst']>>>;

export async function findReportRow(db: Db, id: number): Promise<ReportRow | undefined> {
  return reportQuery(db).where('r.id', '=', id).executeTakeFirst();
}

type ListEb = ExpressionBuilder<Database & { r: ReportsTable; p: ReportingPeriodsTable }, 'r' | 'p'>;

/** The list's filters and the reader's scope, as one condition on reports `r` and periods `p`. */
function listFilter(
  eb: ListEb,
  q: Pick<ReportListQuery, 'periodId' | 'planId' | 'organisationId' | 'state'> &
    Partial<Pick<ReportListQuery, 'periodState'>>,
  scope: ReportReadScope,
) {
  const and: Expression<SqlBool>[] = [];
  if (q.periodId) and.push(eb('r.period_id', '=', q.periodId));
  if (q.planId) and.push(eb('p.plan_id', '=', q.planId));
  if (q.organisationId) and.push(eb('r.organisation_id', '=', q.organisationId));
  if (q.state) and.push(eb('r.state', '=', q.state));
  if (q.periodState) and.push(eb('p.state', '=', q.periodState));
  if ('none' in scope) and.push(eb.lit(false));
  if ('ownAgencyOrAccepted' in scope) {
    const own = scope.ownAgencyOrAccepted;
    and.push(eb.or([eb('r.organisation_id', '=', own), eb('r.state', '=', 'accepted')]));
  }
  return eb.and(and);
}

/**
 * One page of the reports a reader may see (`scope` from report-policy.ts), latest due date first,
 * with the total. The dashboard lists a period's reports and their states through this.
 */
export async function listReportRows(
  db: Db,
  q: Pick<ReportListQuery, 'periodId' | 'planId' | 'organisationId' | 'state' | 'page' | 'pageSize'> &
    Partial<Pick<ReportListQuery, 'sort' | 'periodState'>>,
  scope: ReportReadScope,
): Promise<{ rows: ReportRow[]; total: number }> {
  // The total needs only reports and their periods, not the joins that name them.
  const total = await db
    .selectFrom('reports as r')
    .innerJoin('reporting_periods as p', 'p.id', 'r.period_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => listFilter(eb, q, scope))
    .executeTakeFirstOrThrow();
  // The page's ids first, sorted with only what the order needs (the inbox sorts every submitted report:
  // sorting the ids instead of whole joined rows halves the SQL), then those rows with every join.
  const ids = db
    .selectFrom('reports as r')
    .innerJoin('reporting_periods as p', 'p.id', 'r.period_id')
    .select('r.id')
    .where((eb) => listFilter(eb, q, scope));
  const sorted =
    q.sort === 'work'
      ? // "My work": what waits on the agency first (returned, then drafts, then sent, then accepted),
        // open periods before closed ones, earliest due first.
        ids
          .orderBy(
            sql`CASE r.state WHEN 'returned' THEN 0 WHEN 'draft' THEN 1 WHEN 'submitted' THEN 2 ELSE 3 END`,
          )
          .orderBy(sql`CASE p.state WHEN 'open' THEN 0 ELSE 1 END`)
          .orderBy('p.due_on')
          .orderBy('r.id')
      : ids
          .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
          .orderBy('p.due_on', 'desc')
          .orderBy('o.name')
          .orderBy('r.id');
  // r.id last: a stable order, so no report appears on two pages or on none.
  const page = (
    await sorted
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute()
  ).map((r) => r.id);
  const byId = new Map<number, ReportRow>();
  for (const part of chunks(page, 500))
    for (const row of await reportQuery(db).where('r.id', 'in', part).execute()) byId.set(row.id, row);
  const rows = page.map((id) => byId.get(id)!);
  // PostgreSQL counts come back as strings, SQLite's as numbers.
  return { rows, total: Number(total.n) };
}

/**
 * Sets the entry counts of the given reports from their entries; called in the transaction that adds
 * entries (report-generation.ts), so the columns always equal a recount.
 */
export async function recountEntries(db: Db, reportIds: number[]): Promise<void> {
  if (reportIds.length === 0) return;
  for (const ids of chunks(reportIds, 500))
    await db
      .updateTable('reports')
      .set((eb) => {
        const count = (role: 'lead' | 'support') =>
          eb
            .selectFrom('report_entries as e')
            .select((c) => c.fn.countAll<number>().as('n'))
            .whereRef('e.report_id', '=', 'reports.id')
            .where('e.role', '=', role);
        return { lead_count: count('lead'), support_count: count('support') };
      })
      .where('id', 'in', ids)
      .execute();
}

/** Columns of an entry's task (`t`) read alongside the entry. */
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
] as const;

/** Every entry of the given reports with its task, and its files (entry-files.ts) in a second query. */
export async function entryRows(db: Db, reportIds: number[]) {
  if (reportIds.length === 0) return [];
  const rows = await db
    .selectFrom('report_entries as e')
    .innerJoin('tasks as t', 't.id', 'e.task_id')
    .selectAll('e')
    .select(ENTRY_TASK_COLUMNS)
    .where('e.report_id', 'in', reportIds)
    .orderBy('e.report_id')
    .orderBy('e.position')
    .orderBy('e.task_id')
    .execute();
  return withEntryFiles(db, rows);
}
export type EntryRow = Awaited<ReturnType<typeof entryRows>>[number];

import type { Insertable } from 'kysely';
import type { PeriodState } from '../../../shared/contracts/reporting';
import { searchKey } from '../../../shared/domain/text/normalize';
import type { Db } from '../../db/db';
import type { ReportingPeriodsTable } from '../../db/schema';

/** All SQL about reporting periods. Services call these; nothing here checks rules. */

/** A period with its plan's title and the names of who opened and closed it. */
function periodWithNames(db: Db) {
  return db
    .selectFrom('reporting_periods as p')
    .innerJoin('plans', 'plans.id', 'p.plan_id')
    .leftJoin('users as opener', 'opener.id', 'p.opened_by')
    .leftJoin('users as closer', 'closer.id', 'p.closed_by')
    .selectAll('p')
    .select([
      'plans.title as plan_title',
      'opener.full_name as opener_name',
      'closer.full_name as closer_name',
    ]);
}
export type PeriodWithNamesRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof periodWithNames>['executeTakeFirst']>>
>;

export async function findPeriodRow(db: Db, id: number) {
  return db.selectFrom('reporting_periods').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPeriodWithNames(db: Db, id: number) {
  return periodWithNames(db).where('p.id', '=', id).executeTakeFirst();
}

/** A plan's periods, latest due date first. */
export async function listPeriodsWithNames(db: Db, planId: number) {
  return periodWithNames(db)
    .where('p.plan_id', '=', planId)
    .orderBy('p.due_on', 'desc')
    .orderBy('p.id', 'desc')
    .execute();
}

/** A plan's periods without names, latest due date first. */
export async function listPeriodRows(db: Db, planId: number) {
  return db
    .selectFrom('reporting_periods')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('due_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Number of reports per period and state. */
export async function countReportsByPeriodAndState(db: Db, periodIds: number[]) {
  if (periodIds.length === 0) return [];
  const rows = await db
    .selectFrom('reports')
    .select(['period_id', 'state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('period_id', 'in', periodIds)
    .groupBy(['period_id', 'state'])
    .execute();
  // PostgreSQL counts come back as strings, SQLite's as numbers.
  return rows.map((r) => ({ periodId: r.period_id, state: r.state, count: Number(r.n) }));
}

/** What opening periods needs of a plan: its date and reporting regime (JSON). */
export async function findPlanForPeriods(db: Db, planId: number) {
  return db
    .selectFrom('plans')
    .select(['id', 'issued_on', 'regime_json', 'title', 'ended_on', 'end_kind', 'replaced_by_plan_id'])
    .where('id', '=', planId)
    .executeTakeFirst();
}

/** First and last deadline dates among a plan's tasks (null when none has one). */
export async function taskDeadlineSpan(db: Db, planId: number) {
  const span = await db
    .selectFrom('tasks')
    .select((eb) => [eb.fn.min('deadline_from').as('first'), eb.fn.max('deadline_to').as('last')])
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return { first: (span?.first as string | null) ?? null, last: (span?.last as string | null) ?? null };
}

/** The plan's annual, mid-term and final periods already opened. */
export async function listRegularPeriodKeys(db: Db, planId: number) {
  return db
    .selectFrom('reporting_periods')
    .select(['id', 'kind', 'year'])
    .where('plan_id', '=', planId)
    .where('kind', '<>', 'ad_hoc')
    .execute();
}

export async function findPeriodOfKind(
  db: Db,
  planId: number,
  kind: ReportingPeriodsTable['kind'],
  year: number,
) {
  return db
    .selectFrom('reporting_periods')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('kind', '=', kind)
    .where('year', '=', year)
    .executeTakeFirst();
}

/** Inserts a period with its folded search key (title and year), which the global search reads. */
export async function insertPeriod(
  db: Db,
  values: Omit<Insertable<ReportingPeriodsTable>, 'search_key'>,
): Promise<number> {
  const row = await db
    .insertInto('reporting_periods')
    .values({ ...values, search_key: searchKey(`${values.title} ${values.year}`) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePeriodDue(db: Db, id: number, dueOn: string, extensionsJson: string) {
  await db
    .updateTable('reporting_periods')
    .set({ due_on: dueOn, extensions_json: extensionsJson })
    .where('id', '=', id)
    .execute();
}

/** Closing records who and when; reopening clears both. */
export async function updatePeriodState(
  db: Db,
  id: number,
  state: PeriodState,
  by: number | null,
  at: string,
) {
  await db
    .updateTable('reporting_periods')
    .set(
      state === 'closed'
        ? { state, closed_at: at, closed_by: by }
        : { state, closed_at: null, closed_by: null },
    )
    .where('id', '=', id)
    .execute();
}

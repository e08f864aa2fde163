import type { Db } from '../../../db/db';

export type ReviewPeriodKind = 'mid_term' | 'final';

/** The plan's review period of a kind: that of `year` when given, else the latest one opened. */
export async function findReviewPeriod(db: Db, planId: number, kind: ReviewPeriodKind, year?: number) {
  let q = db
    .selectFrom('reporting_periods')
    .select(['id', 'plan_id', 'kind', 'year', 'title'])
    .where('plan_id', '=', planId)
    .where('kind', '=', kind);
  if (year !== undefined) q = q.where('year', '=', year);
  return q.orderBy('year', 'desc').orderBy('id', 'desc').executeTakeFirst();
}

/** The plan's annual periods and review periods in the years `from`..`to`, oldest first. */
export async function listPeriodsInSpan(db: Db, planId: number, from: number, to: number) {
  return db
    .selectFrom('reporting_periods')
    .select(['id', 'kind', 'year'])
    .where('plan_id', '=', planId)
    .where('kind', 'in', ['annual', 'mid_term', 'final'])
    .where('year', '>=', from)
    .where('year', '<=', to)
    .orderBy('year')
    .orderBy('id')
    .execute();
}

/**
 * What the plan's span starts from: the year it was issued, its earliest task deadline and its
 * earliest period (any may be missing).
 */
export async function findSpanStarts(db: Db, planId: number) {
  const [tasks, periods] = await Promise.all([
    db
      .selectFrom('tasks')
      .select((eb) => eb.fn.min('deadline_from').as('first'))
      .where('plan_id', '=', planId)
      .where('deadline_from', 'is not', null)
      .executeTakeFirst(),
    db
      .selectFrom('reporting_periods')
      .select((eb) => eb.fn.min('year').as('first'))
      .where('plan_id', '=', planId)
      .executeTakeFirst(),
  ]);
  return {
    firstDeadline: tasks?.first ? Number(String(tasks.first).slice(0, 4)) : null,
    firstPeriod: periods?.first == null ? null : Number(periods.first),
  };
}

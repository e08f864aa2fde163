import type { OrganisationGroupKey } from '../../../shared/domain/organisations/groups';
import type { Db } from '../../db/db';

/** The SQL of a reporter's home (agenda-service.ts). */

/** The agency's reports in open periods that are not yet accepted, with their period and plan. */
export async function listOpenReportsOf(db: Db, organisationId: number) {
  return db
    .selectFrom('reports as r')
    .innerJoin('reporting_periods as p', 'p.id', 'r.period_id')
    .innerJoin('plans as pl', 'pl.id', 'p.plan_id')
    .select([
      'r.id',
      'r.state',
      'r.returned_reason',
      'p.title as period_title',
      'p.due_on',
      'pl.id as plan_id',
      'pl.number as plan_number',
      'pl.title as plan_title',
    ])
    .where('r.organisation_id', '=', organisationId)
    .where('p.state', '=', 'open')
    .where('r.state', '!=', 'accepted')
    .orderBy('p.due_on')
    .orderBy('r.id')
    .execute();
}

export async function countAcceptedReportsOf(db: Db, organisationId: number): Promise<number> {
  const row = await db
    .selectFrom('reports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('state', '=', 'accepted')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Plans with a task naming the agency, directly or through one of its groups. */
export async function listPlansInvolving(
  db: Db,
  organisationId: number,
  groups: readonly OrganisationGroupKey[],
) {
  const rows = await db
    .selectFrom('task_agencies as ta')
    .innerJoin('tasks as t', 't.id', 'ta.task_id')
    .innerJoin('plans as pl', 'pl.id', 't.plan_id')
    .select(['pl.id', 'pl.number', 'pl.title'])
    .distinct()
    .where((eb) =>
      groups.length === 0
        ? eb('ta.organisation_id', '=', organisationId)
        : eb.or([eb('ta.organisation_id', '=', organisationId), eb('ta.group_key', 'in', [...groups])]),
    )
    .orderBy('pl.id')
    .execute();
  return rows;
}

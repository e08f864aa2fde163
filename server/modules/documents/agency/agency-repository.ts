import type { Db } from '../../../db/db';

/**
 * What an agency's own report needs beyond the report row (reporting/report-repository.ts): the
 * agency's code, kind and registry parent, and the plan's issuer, place and date.
 */
export async function findAgencyReportHead(db: Db, reportId: number) {
  return db
    .selectFrom('reports as r')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .leftJoin('organisations as parent', 'parent.id', 'o.parent_id')
    .innerJoin('reporting_periods as p', 'p.id', 'r.period_id')
    .innerJoin('plans as pl', 'pl.id', 'p.plan_id')
    .select([
      'o.code as organisation_code',
      'o.short_name as organisation_short_name',
      'o.kind as organisation_kind',
      'parent.name as parent_name',
      'pl.issuer as plan_issuer',
      'pl.place as plan_place',
      'pl.issued_on as plan_issued_on',
    ])
    .where('r.id', '=', reportId)
    .executeTakeFirst();
}

/** Organisations by their registry code, ignoring case (`planwatch report --agency sct`). */
export async function findOrganisationsByCode(db: Db, code: string) {
  // Registry codes are ASCII ("SCT", "UBND_TINH"): upper() means the same on both engines.
  return db
    .selectFrom('organisations')
    .select(['id', 'code', 'name'])
    .where((eb) => eb(eb.fn('upper', ['code']), '=', code.trim().toUpperCase()))
    .execute();
}

/** The agency's report in a period, if the period gave it one. */
export async function findReportOfAgency(db: Db, periodId: number, organisationId: number) {
  return db
    .selectFrom('reports')
    .select(['id', 'state'])
    .where('period_id', '=', periodId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
}

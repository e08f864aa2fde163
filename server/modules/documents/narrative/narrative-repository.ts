import type { NarrativeSection } from '../../../../shared/contracts/consolidated';
import type { Db } from '../../../db/db';

/** The period with its plan's consolidating agency: what the policy and the messages need. */
export async function findPeriodWithConsolidator(db: Db, periodId: number) {
  return db
    .selectFrom('reporting_periods as rp')
    .innerJoin('plans', 'plans.id', 'rp.plan_id')
    .leftJoin('organisations as c', 'c.id', 'plans.consolidator_org_id')
    .select([
      'rp.id',
      'rp.plan_id',
      'rp.year',
      'rp.title',
      'plans.number as plan_number',
      'plans.consolidator_org_id',
      'c.name as consolidator_name',
    ])
    .where('rp.id', '=', periodId)
    .executeTakeFirst();
}

export type PeriodWithConsolidator = NonNullable<Awaited<ReturnType<typeof findPeriodWithConsolidator>>>;

/** Every version of the period's sections, newest first within a section, with who saved it. */
export async function listNarrativeVersions(db: Db, periodId: number) {
  return db
    .selectFrom('period_narratives as n')
    .leftJoin('users as u', 'u.id', 'n.saved_by')
    .select(['n.section', 'n.version', 'n.text', 'n.saved_by', 'n.saved_at', 'u.full_name as saved_by_name'])
    .where('n.period_id', '=', periodId)
    .orderBy('n.section')
    .orderBy('n.version', 'desc')
    .execute();
}

export type NarrativeVersionRow = Awaited<ReturnType<typeof listNarrativeVersions>>[number];

/** The newest version of one section, or undefined when it was never saved. */
export async function latestNarrativeVersion(db: Db, periodId: number, section: NarrativeSection) {
  return db
    .selectFrom('period_narratives as n')
    .leftJoin('users as u', 'u.id', 'n.saved_by')
    .select(['n.version', 'n.saved_at', 'u.full_name as saved_by_name'])
    .where('n.period_id', '=', periodId)
    .where('n.section', '=', section)
    .orderBy('n.version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertNarrativeVersion(
  db: Db,
  row: {
    periodId: number;
    section: NarrativeSection;
    version: number;
    text: string | null;
    savedBy: number;
    savedAt: string;
  },
) {
  await db
    .insertInto('period_narratives')
    .values({
      period_id: row.periodId,
      section: row.section,
      version: row.version,
      text: row.text,
      saved_by: row.savedBy,
      saved_at: row.savedAt,
    })
    .execute();
}

/** A second save from the same version, refused by the unique (period, section, version). */
export function isNarrativeVersionTaken(err: unknown): boolean {
  const e = err as { code?: unknown; constraint?: unknown; message?: unknown };
  if (e.code === '23505') return e.constraint === 'period_narratives_version_uq';
  return (
    e.code === 'SQLITE_CONSTRAINT_UNIQUE' &&
    typeof e.message === 'string' &&
    e.message.includes('period_narratives.')
  );
}

/** The text each section prints: the newest version's (null when it went back to the draft). */
export async function savedNarrativeTexts(
  db: Db,
  periodId: number,
): Promise<Partial<Record<NarrativeSection, string | null>>> {
  const out: Partial<Record<NarrativeSection, string | null>> = {};
  for (const row of await listNarrativeVersions(db, periodId)) {
    const key = row.section as NarrativeSection;
    if (!(key in out)) out[key] = row.text;
  }
  return out;
}

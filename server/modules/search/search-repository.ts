import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/db';
import type { Database } from '../../db/schema';
import type { ReportReadScope } from '../reporting/report-policy';

/**
 * The SQL of the global search. Every kind is matched on stored, folded search keys (written when the
 * row is written), one LIKE per word, so a search never folds rows in JavaScript. Each function
 * answers the first `limit` rows and the number of matches.
 */

type Found<Row> = Promise<{ rows: Row[]; total: number }>;

/** Every pattern must occur in the (folded) expression. */
function allWords<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: Expression<string | null>,
  patterns: readonly string[],
): Expression<SqlBool> {
  return eb.and(patterns.map((p) => eb(column, 'like', p)));
}

async function countOf(q: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }) {
  // PostgreSQL counts come back as strings, SQLite's as numbers.
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export async function searchPlans(db: Db, patterns: readonly string[], limit: number) {
  const base = db.selectFrom('plans').where((eb) => allWords(eb, eb.ref('plans.search_key'), patterns));
  const rows = await base
    .select(['plans.id', 'plans.number', 'plans.title', 'plans.issuer', 'plans.issued_on'])
    .orderBy('plans.issued_on', 'desc')
    .orderBy('plans.id', 'desc')
    .limit(limit)
    .execute();
  const total = await countOf(base.select((eb) => eb.fn.countAll<number>().as('n')));
  return { rows, total };
}

export async function searchTasks(db: Db, patterns: readonly string[], limit: number) {
  const base = db.selectFrom('tasks').where((eb) => allWords(eb, eb.ref('tasks.search_key'), patterns));
  const rows = await base
    .innerJoin('plans', 'plans.id', 'tasks.plan_id')
    .select([
      'tasks.id',
      'tasks.plan_id',
      'tasks.ordinal',
      'tasks.content',
      'tasks.deadline_text',
      'plans.number as plan_number',
      'plans.title as plan_title',
    ])
    .orderBy('tasks.plan_id', 'desc')
    .orderBy('tasks.position')
    .limit(limit)
    .execute();
  const total = await countOf(base.select((eb) => eb.fn.countAll<number>().as('n')));
  return { rows, total };
}

/**
 * Reports found by their agency's or their period's folded name (the period's key holds its title
 * and year), only those the reader may read (report-policy.ts `reportReadScope`).
 */
export async function searchReports(
  db: Db,
  patterns: readonly string[],
  limit: number,
  scope: ReportReadScope,
): Found<{
  id: number;
  state: Database['reports']['state'];
  period_title: string;
  due_on: string;
  plan_number: string | null;
  plan_title: string;
  organisation_name: string;
}> {
  if ('none' in scope) return { rows: [], total: 0 };
  let base = db
    .selectFrom('reports as r')
    .innerJoin('reporting_periods as p', 'p.id', 'r.period_id')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .where((eb) =>
      allWords(
        eb,
        sql<string>`${eb.ref('o.search_key')} || ' ' || coalesce(${eb.ref('p.search_key')}, '')`,
        patterns,
      ),
    );
  if ('ownAgencyOrAccepted' in scope) {
    const own = scope.ownAgencyOrAccepted;
    base = base.where((eb) => eb.or([eb('r.organisation_id', '=', own), eb('r.state', '=', 'accepted')]));
  }
  const rows = await base
    .innerJoin('plans as pl', 'pl.id', 'p.plan_id')
    .select([
      'r.id',
      'r.state',
      'p.title as period_title',
      'p.due_on',
      'pl.number as plan_number',
      'pl.title as plan_title',
      'o.name as organisation_name',
    ])
    .orderBy('p.due_on', 'desc')
    .orderBy('o.name')
    .orderBy('r.id')
    .limit(limit)
    .execute();
  const total = await countOf(base.select((eb) => eb.fn.countAll<number>().as('n')));
  return { rows, total };
}

export async function searchOrganisations(db: Db, patterns: readonly string[], limit: number) {
  const base = db
    .selectFrom('organisations')
    .where((eb) => allWords(eb, eb.ref('organisations.search_key'), patterns));
  const rows = await base
    .select(['id', 'name', 'kind', 'valid_to'])
    // Agencies still in force first, then by name.
    .orderBy(sql`case when valid_to is null then 0 else 1 end`)
    .orderBy('name')
    .orderBy('id')
    .limit(limit)
    .execute();
  const total = await countOf(base.select((eb) => eb.fn.countAll<number>().as('n')));
  return { rows, total };
}

import {
  type Expression,
  type ExpressionBuilder,
  PostgresAdapter,
  type RawBuilder,
  type SqlBool,
  sql,
} from 'kysely';
import type { Db } from '../../db/db';
import type { Database } from '../../db/schema';
import type { ReportReadScope } from '../reporting/report-policy';

/**
 * The SQL of the global search. Every kind is matched on stored, folded search keys (written when the
 * row is written): a row matches when its key contains every word. Each searched table has a trigram
 * index on its key (migration 20261201T1000_search_index), so a search reads the rows holding the
 * words instead of every key:
 * - PostgreSQL: one `search_key LIKE '%word%'` per word, which pg_trgm's GIN index answers;
 * - SQLite: the words of 3 characters or more in one `MATCH` on the table's FTS5 trigram index, the
 *   shorter ones (a trigram needs 3) as LIKE on the rows that index found — or, when every word is
 *   that short, on every key, still cut at the `limit` asked for by the list's own order.
 * Each function answers the first `limit` rows and the number of matches.
 */

type Found<Row> = Promise<{ rows: Row[]; total: number }>;

/** The searched tables, each with an FTS5 twin `<table>_fts` on SQLite. */
type Searched = 'plans' | 'tasks' | 'organisations' | 'reporting_periods';

/** Words a trigram index can find: 3 characters or more. */
const TRIGRAM = 3;

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** A LIKE pattern for a word (LIKE wildcards are already out of the words: search-words.ts). */
const contains = (word: string) => `%${word}%`;

/** An FTS5 query: every word as a quoted string (a phrase of trigrams, i.e. a substring), all required. */
function ftsQuery(words: readonly string[]): string {
  return words.map((w) => `"${w.replaceAll('"', '""')}"`).join(' AND ');
}

/**
 * The rows of `table` (aliased `alias` in the query) whose key contains every word. `id` is the row's
 * key column, for SQLite's `IN (SELECT rowid FROM <table>_fts …)`.
 */
function keyHasAll<DB, TB extends keyof DB>(
  db: Db,
  eb: ExpressionBuilder<DB, TB>,
  table: Searched,
  alias: string,
  words: readonly string[],
  inListOrder = false,
): Expression<SqlBool> {
  const key = sql.ref(`${alias}.search_key`);
  const like = (w: string) => sql<SqlBool>`${key} like ${contains(w)}`;
  if (isPostgres(db)) return eb.and(words.map(like));
  const long = words.filter((w) => w.length >= TRIGRAM);
  const short = words.filter((w) => w.length < TRIGRAM);
  const conditions: RawBuilder<SqlBool>[] = short.map(like);
  if (long.length > 0)
    conditions.unshift(
      // `+id`: not by key lookups of every match (SQLite then reads the rows in the list's own index
      // order and stops at the page; see searchTasks).
      sql<SqlBool>`${inListOrder ? sql`+${sql.ref(`${alias}.id`)}` : sql.ref(`${alias}.id`)} in (select rowid from ${sql.table(`${table}_fts`)} where ${sql.table(`${table}_fts`)} match ${ftsQuery(long)})`,
    );
  return eb.and(conditions);
}

/**
 * On SQLite, with every word long enough for the trigram index, the matches counted in the index
 * alone (it holds one entry per row, kept by triggers) instead of looking each row up; null otherwise.
 */
async function countInIndex(db: Db, table: Searched, words: readonly string[]): Promise<number | null> {
  if (isPostgres(db) || words.some((w) => w.length < TRIGRAM)) return null;
  const fts = sql.table(`${table}_fts`);
  const r = await sql<{
    n: number;
  }>`select count(*) as n from ${fts} where ${fts} match ${ftsQuery(words)}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** From this many matching tasks, SQLite reads tasks in list order until the page is full. */
const SCAN_IN_ORDER_FROM = 1000;

async function countOf(q: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }) {
  // PostgreSQL counts come back as strings, SQLite's as numbers.
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export async function searchPlans(db: Db, words: readonly string[], limit: number) {
  const base = db.selectFrom('plans').where((eb) => keyHasAll(db, eb, 'plans', 'plans', words));
  const rows = await base
    .select(['plans.id', 'plans.number', 'plans.title', 'plans.issuer', 'plans.issued_on'])
    .orderBy('plans.issued_on', 'desc')
    .orderBy('plans.id', 'desc')
    .limit(limit)
    .execute();
  const total = await countOf(base.select((eb) => eb.fn.countAll<number>().as('n')));
  return { rows, total };
}

export async function searchTasks(db: Db, words: readonly string[], limit: number) {
  const base = db.selectFrom('tasks').where((eb) => keyHasAll(db, eb, 'tasks', 'tasks', words));
  const total =
    (await countInIndex(db, 'tasks', words)) ??
    (await countOf(base.select((eb) => eb.fn.countAll<number>().as('n'))));
  // Many matches: walk `tasks_search_order_idx` (the list's order) and stop at the page, rather than
  // look up and sort thousands of rows; few: look up just those.
  if (total === 0) return { rows: [], total };
  const inListOrder = total >= SCAN_IN_ORDER_FROM;
  const rows = await db
    .selectFrom('tasks')
    .where((eb) => keyHasAll(db, eb, 'tasks', 'tasks', words, inListOrder))
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
  return { rows, total };
}

/**
 * Reports found by their agency's or their period's folded name (the period's key holds its title
 * and year), only those the reader may read (report-policy.ts `reportReadScope`).
 */
export async function searchReports(
  db: Db,
  words: readonly string[],
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
  // A word in no agency and no period (a task's word, a typo) finds no report: answered from the two
  // small tables' indexes without joining the reports.
  for (const w of words) {
    const [agency, period] = await Promise.all([
      db
        .selectFrom('organisations as so')
        .select('so.id')
        .where((eb) => keyHasAll(db, eb, 'organisations', 'so', [w]))
        .limit(1)
        .executeTakeFirst(),
      db
        .selectFrom('reporting_periods as sp')
        .select('sp.id')
        .where((eb) => keyHasAll(db, eb, 'reporting_periods', 'sp', [w]))
        .limit(1)
        .executeTakeFirst(),
    ]);
    if (!agency && !period) return { rows: [], total: 0 };
  }
  let base = db
    .selectFrom('reports as r')
    .innerJoin('reporting_periods as p', 'p.id', 'r.period_id')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    // A word has no space, so it is in the agency's key or in the period's: the agencies and the
    // periods holding each word are found through their indexes (1,000s of rows, not the reports),
    // and the reports through their own indexes on agency and period.
    .where((eb) =>
      eb.and(
        words.map((w) =>
          eb.or([
            eb(
              'r.organisation_id',
              'in',
              eb
                .selectFrom('organisations as so')
                .select('so.id')
                .where((e) => keyHasAll(db, e, 'organisations', 'so', [w])),
            ),
            eb(
              'r.period_id',
              'in',
              eb
                .selectFrom('reporting_periods as sp')
                .select('sp.id')
                .where((e) => keyHasAll(db, e, 'reporting_periods', 'sp', [w])),
            ),
          ]),
        ),
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

export async function searchOrganisations(db: Db, words: readonly string[], limit: number) {
  const base = db
    .selectFrom('organisations')
    .where((eb) => keyHasAll(db, eb, 'organisations', 'organisations', words));
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

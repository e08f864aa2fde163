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
 * Each function answers the first `limit` rows and the number of matches counted up to a cap
 * (`capped`: more than `total`): the header shows "hơn 100" rather than read 12,700 matching tasks
 * to print their number. The matches are first collected up to the cap + 1 in whatever order the
 * index gives them (cheap); when they are fewer, the page is those rows sorted, else it is read in
 * the list's own order, stopping at the page.
 */

type Found<Row> = Promise<{ rows: Row[]; total: number; capped: boolean }>;

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

/** Every word as a contains-LIKE on `alias.search_key`, no index asked for (rows read in a chosen order). */
function likesAll(alias: string, words: readonly string[]): RawBuilder<SqlBool> {
  const key = sql.ref(`${alias}.search_key`);
  return sql<SqlBool>`${sql.join(
    words.map((w) => sql`${key} like ${contains(w)}`),
    sql` and `,
  )}`;
}

/**
 * The ids of up to `cap + 1` rows of `table` whose key contains every word, in no particular order:
 * enough to tell "n matches" from "more than `cap`" without reading every match. On SQLite the FTS5
 * index drives (its matches in rowid order, each row checked for the short words, stopping at
 * `cap + 1`); on PostgreSQL the planner chooses between the trigram index and a scan that stops early.
 */
function matchesUpTo(db: Db, table: Searched, words: readonly string[], cap: number) {
  const t = sql.table(table);
  const long = words.filter((w) => w.length >= TRIGRAM);
  const short = words.filter((w) => w.length < TRIGRAM);
  if (isPostgres(db) || long.length === 0)
    return sql<{ id: number }>`(select t.id from ${t} t where ${likesAll('t', words)} limit ${cap + 1})`.as(
      'm',
    );
  const fts = sql.table(`${table}_fts`);
  const andShort = short.length > 0 ? sql` and ${likesAll('t', short)}` : sql``;
  return sql<{ id: number }>`(select t.id from ${fts} join ${t} t on t.id = ${fts}.rowid
           where ${fts} match ${ftsQuery(long)}${andShort} limit ${cap + 1})`.as('m');
}

/**
 * The first page of the (at most `cap + 1`) matches, each row with `matches` (how many there were,
 * counted before the page's limit): one query answers both the page and the count. Exact when the
 * matches did not pass the cap; beyond it, the page (sorted among an arbitrary `cap + 1`) is not the
 * list's first page and `page` is undefined.
 */
function pageOf<Row extends { matches: number | string | bigint }>(found: Row[], cap: number) {
  const n = Number(found[0]?.matches ?? 0);
  const rows = found.map(({ matches: _, ...row }) => row);
  return n > cap
    ? { page: undefined, count: { total: cap, capped: true } }
    : { page: rows, count: { total: n, capped: false } };
}

/**
 * With more matches than the count's cap, the first page of tasks is read in the list's order
 * (`tasks_search_order_idx`) among the first rows of that order: a word in thousands of tasks fills
 * the page within a few dozen rows. Found fewer than a page there (matches spread thin over the
 * order): the whole order, with the FTS5 matches as a set (SQLite).
 */
const TASK_ORDER_WINDOW = 5000;

export interface SearchOptions {
  /** Results asked for (the first `limit` in each kind's order). */
  limit: number;
  /** Matches counted up to this many (SEARCH_COUNT_CAP). */
  cap: number;
  /** Tasks: how many rows of the list's order are looked at first when matches are many (tests set it small). */
  orderWindow?: number;
}

export async function searchPlans(db: Db, words: readonly string[], { limit, cap }: SearchOptions) {
  const columns = ['plans.id', 'plans.number', 'plans.title', 'plans.issuer', 'plans.issued_on'] as const;
  const first = pageOf(
    await db
      .selectFrom(matchesUpTo(db, 'plans', words, cap))
      .innerJoin('plans', 'plans.id', 'm.id')
      .select(columns)
      .select((eb) => eb.fn.countAll<number>().over().as('matches'))
      .orderBy('plans.issued_on', 'desc')
      .orderBy('plans.id', 'desc')
      .limit(limit)
      .execute(),
    cap,
  );
  if (first.page) return { rows: first.page, ...first.count };
  const rows = await db
    .selectFrom('plans')
    .where((eb) => keyHasAll(db, eb, 'plans', 'plans', words))
    .select(columns)
    .orderBy('plans.issued_on', 'desc')
    .orderBy('plans.id', 'desc')
    .limit(limit)
    .execute();
  return { rows, ...first.count };
}

const TASK_COLUMNS = [
  'tasks.id',
  'tasks.plan_id',
  'tasks.ordinal',
  'tasks.content',
  'tasks.deadline_text',
  'plans.number as plan_number',
  'plans.title as plan_title',
] as const;

export async function searchTasks(
  db: Db,
  words: readonly string[],
  { limit, cap, orderWindow = TASK_ORDER_WINDOW }: SearchOptions,
) {
  // Ids first (a task's row is long: sorting 101 whole rows cost more than looking up the page).
  const ids = (
    await db
      .selectFrom(matchesUpTo(db, 'tasks', words, cap))
      .select('m.id')
      .execute()
  ).map((r) => Number(r.id));
  const count = ids.length > cap ? { total: cap, capped: true } : { total: ids.length, capped: false };
  if (ids.length === 0) return { rows: [], ...count };
  if (!count.capped) {
    // Few matches, all known: look up just those and sort them.
    const rows = await db
      .selectFrom('tasks')
      .innerJoin('plans', 'plans.id', 'tasks.plan_id')
      .where('tasks.id', 'in', ids)
      .select(TASK_COLUMNS)
      .orderBy('tasks.plan_id', 'desc')
      .orderBy('tasks.position')
      .limit(limit)
      .execute();
    return { rows, ...count };
  }
  if (!isPostgres(db)) {
    // Many matches: the first page is among the first rows of the list's order.
    const first = db
      .selectFrom('tasks')
      .select(['id', 'plan_id', 'position', 'ordinal', 'content', 'deadline_text', 'search_key'])
      .orderBy('plan_id', 'desc')
      .orderBy('position')
      .limit(orderWindow)
      .as('tasks');
    const rows = await db
      .selectFrom(first)
      .innerJoin('plans', 'plans.id', 'tasks.plan_id')
      .where(likesAll('tasks', words))
      .select(TASK_COLUMNS)
      .orderBy('tasks.plan_id', 'desc')
      .orderBy('tasks.position')
      .limit(limit)
      .execute();
    if (rows.length === limit) return { rows, ...count };
  }
  // PostgreSQL's planner walks `tasks_search_order_idx` itself when the matches are many; SQLite
  // (matches spread thin) reads that order with the FTS5 matches as a Bloom-filtered set.
  const rows = await db
    .selectFrom('tasks')
    .where((eb) => keyHasAll(db, eb, 'tasks', 'tasks', words, true))
    .innerJoin('plans', 'plans.id', 'tasks.plan_id')
    .select(TASK_COLUMNS)
    .orderBy('tasks.plan_id', 'desc')
    .orderBy('tasks.position')
    .limit(limit)
    .execute();
  return { rows, ...count };
}

/** Which of the words (bit i for words[i]) a folded key contains, as LIKE '%word%' tells. */
function wordMask(key: string, words: readonly string[]): number {
  let mask = 0;
  for (const [i, w] of words.entries()) if (key.includes(w)) mask |= 1 << i;
  return mask;
}

/**
 * Rows of a small table (agencies, periods) holding at least one of the words `found`, each with the
 * words of `words` it holds (`wordMask`). Found through the table's index (SQLite: the `found` words
 * in one FTS5 OR query) or, with a word too short for trigrams, over its keys (a few thousand rows).
 */
async function holders(
  db: Db,
  table: 'organisations' | 'reporting_periods',
  words: readonly string[],
  found: readonly string[] = words,
): Promise<{ id: number; mask: number }[]> {
  const sqliteIndexed = !isPostgres(db) && found.every((w) => w.length >= TRIGRAM);
  const fts = sql.table(`${table}_fts`);
  const rows = await db
    .selectFrom(table)
    .select(['id', 'search_key'])
    .where((eb) =>
      sqliteIndexed
        ? sql<SqlBool>`${sql.ref(`${table}.id`)} in (select rowid from ${fts} where ${fts} match ${found
            .map((w) => ftsQuery([w]))
            .join(' OR ')})`
        : eb.or(found.map((w) => sql<SqlBool>`${sql.ref(`${table}.search_key`)} like ${contains(w)}`)),
    )
    .execute();
  return rows
    .map((r) => ({ id: r.id, mask: wordMask(r.search_key ?? '', words) }))
    .filter((r) => r.mask !== 0);
}

/**
 * The agencies and periods that may make a report match, each with the words it holds. With words of
 * 3 characters or more, those holding one of them come from the indexes; a row holding only short
 * words ("so", "ha") can only make a match with a row of the other table holding every longer word,
 * so the keys of a table are read for the short words only when the other table has such a row.
 */
async function reportHolders(db: Db, words: readonly string[]) {
  const long = words.filter((w) => w.length >= TRIGRAM);
  const short = words.filter((w) => w.length < TRIGRAM);
  if (long.length === 0 || short.length === 0)
    return Promise.all([holders(db, 'organisations', words), holders(db, 'reporting_periods', words)]);
  const longMask = words.reduce((m, w, i) => (w.length >= TRIGRAM ? m | (1 << i) : m), 0);
  const [agencies, periods] = await Promise.all([
    holders(db, 'organisations', words, long),
    holders(db, 'reporting_periods', words, long),
  ]);
  const holdsLong = (r: { mask: number }) => (r.mask & longMask) === longMask;
  const more = async (table: 'organisations' | 'reporting_periods', known: { id: number }[]) => {
    const ids = new Set(known.map((r) => r.id));
    return (await holders(db, table, words, short)).filter((r) => !ids.has(r.id));
  };
  const [moreAgencies, morePeriods] = await Promise.all([
    periods.some(holdsLong) ? more('organisations', agencies) : [],
    agencies.some(holdsLong) ? more('reporting_periods', periods) : [],
  ]);
  return [
    [...agencies, ...moreAgencies],
    [...periods, ...morePeriods],
  ] as const;
}

/**
 * Reports found by their agency's or their period's folded name (the period's key holds its title
 * and year), only those the reader may read (report-policy.ts `reportReadScope`). A word has no
 * space, so it is in the agency's key or in the period's: a report matches when, for every word,
 * its agency or its period holds it. The agencies and periods holding any word are read first
 * (small tables, through their indexes), grouped by the words they hold; the reports are then
 * those of an agency holding every word, of a period holding every word, or of an agency and a
 * period holding the rest — each found through the reports' own indexes on agency and period.
 */
export async function searchReports(
  db: Db,
  words: readonly string[],
  { limit, cap }: SearchOptions,
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
  const nothing = { rows: [], total: 0, capped: false };
  if ('none' in scope || words.length === 0) return nothing;
  const all = (1 << words.length) - 1;
  const [agencies, periods] = await reportHolders(db, words);
  // A word in no agency and no period (a task's word, a typo) finds no report.
  const held = [...agencies, ...periods].reduce((m, r) => m | r.mask, 0);
  if (held !== all) return nothing;
  const agenciesByMask = new Map<number, number[]>();
  for (const a of agencies) agenciesByMask.set(a.mask, [...(agenciesByMask.get(a.mask) ?? []), a.id]);
  const periodsHolding = (need: number) => periods.filter((p) => (p.mask & need) === need).map((p) => p.id);

  const idsIn = (column: string, ids: readonly number[]) =>
    sql<SqlBool>`${sql.ref(column)} in (${sql.join(ids)})`;
  const any: RawBuilder<SqlBool>[] = [];
  const everyWord = periodsHolding(all);
  if (everyWord.length > 0) any.push(idsIn('r.period_id', everyWord));
  for (const [mask, orgIds] of agenciesByMask) {
    const need = all & ~mask;
    if (need === 0) {
      any.push(idsIn('r.organisation_id', orgIds));
      continue;
    }
    const periodIds = periodsHolding(need);
    if (periodIds.length > 0)
      any.push(sql`(${idsIn('r.organisation_id', orgIds)} and ${idsIn('r.period_id', periodIds)})`);
  }
  if (any.length === 0) return nothing;
  let found = sql<SqlBool>`(${sql.join(any, sql` or `)})`;
  if ('ownAgencyOrAccepted' in scope)
    found = sql<SqlBool>`${found} and (r.organisation_id = ${scope.ownAgencyOrAccepted} or r.state = ${'accepted'})`;
  const columns = [
    'r.id',
    'r.state',
    'p.title as period_title',
    'p.due_on',
    'pl.number as plan_number',
    'pl.title as plan_title',
    'o.name as organisation_name',
  ] as const;
  // The matches carry what the page joins on: PostgreSQL then joins them by primary keys instead of
  // walking every period in due order against them (measured 27 ms instead of 1.6).
  // `offset 0` (PostgreSQL) keeps it from folding the subquery into the join (and from then walking every
  // period in due order against the matches: 27 ms instead of 1.6 measured).
  const matching = (upTo: RawBuilder<unknown>) =>
    sql<{ id: number; period_id: number; organisation_id: number; state: Database['reports']['state'] }>`(
      select r.id, r.period_id, r.organisation_id, r.state from reports r where ${found} ${upTo})`.as('r');
  const page = (upTo: RawBuilder<unknown>) =>
    db
      .selectFrom(matching(upTo))
      .innerJoin('reporting_periods as p', 'p.id', 'r.period_id')
      .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
      .innerJoin('plans as pl', 'pl.id', 'p.plan_id')
      .select(columns)
      .orderBy('p.due_on', 'desc')
      .orderBy('o.name')
      .orderBy('r.id')
      .limit(limit);
  const ids = (
    await db
      .selectFrom(matching(sql`limit ${cap + 1}`))
      .select('r.id')
      .execute()
  ).map((r) => Number(r.id));
  if (ids.length === 0) return nothing;
  if (ids.length <= cap) {
    const rows = await page(sql`and r.id in (${sql.join(ids)})`).execute();
    return { rows, total: ids.length, capped: false };
  }
  // More than the cap (a few hundred reports of an agency, at most every report): all sorted.
  const rows = await page(isPostgres(db) ? sql`offset 0` : sql``).execute();
  return { rows, total: cap, capped: true };
}

export async function searchOrganisations(db: Db, words: readonly string[], { limit, cap }: SearchOptions) {
  const columns = ['organisations.id', 'name', 'kind', 'valid_to'] as const;
  // Agencies still in force first, then by name.
  const inForceFirst = sql`case when valid_to is null then 0 else 1 end`;
  const first = pageOf(
    await db
      .selectFrom(matchesUpTo(db, 'organisations', words, cap))
      .innerJoin('organisations', 'organisations.id', 'm.id')
      .select(columns)
      .select((eb) => eb.fn.countAll<number>().over().as('matches'))
      .orderBy(inForceFirst)
      .orderBy('name')
      .orderBy('organisations.id')
      .limit(limit)
      .execute(),
    cap,
  );
  if (first.page) return { rows: first.page, ...first.count };
  const rows = await db
    .selectFrom('organisations')
    .where((eb) => keyHasAll(db, eb, 'organisations', 'organisations', words))
    .select(columns)
    .orderBy(inForceFirst)
    .orderBy('name')
    .orderBy('organisations.id')
    .limit(limit)
    .execute();
  return { rows, ...first.count };
}

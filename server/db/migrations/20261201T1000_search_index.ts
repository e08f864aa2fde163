import { type Kysely, sql } from 'kysely';
import { isPostgres } from './helpers';

// An index for the header search (issue 10: every list ≥ 25 times Redmine's speed). The search
// compares stored, folded `search_key` columns with one contains-LIKE per word; without an index
// that reads every key (72–522 ms on 100,000 tasks). Each searched table gets a trigram index:
// - PostgreSQL: pg_trgm's GIN index (gin_trgm_ops), which `search_key LIKE '%word%'` uses as it is.
//   The extension goes into `public` once per database (CREATE EXTENSION is database-wide; installed
//   into a test run's own schema it would vanish with that schema), its operator class named with
//   that schema since a connection's search_path may leave `public` out. Concurrent migrations of
//   separate schemas (the tests) wait for each other on an advisory lock instead of both creating it.
// - SQLite: an FTS5 table with the trigram tokenizer (SQLite ≥ 3.34) over `search_key`, external
//   content (the row's own table, no second copy of the text) kept by triggers on insert, update and
//   delete; `<table>_fts MATCH '"word"'` finds the rows containing a word of 3 characters or more.

/** The searched tables, each with an integer `id` and a `search_key`. */
const TABLES = ['plans', 'tasks', 'organisations', 'reporting_periods'] as const;

/** Any number, the same in every planwatch migration taking this lock: "pwtr" in ASCII. */
const EXTENSION_LOCK = 0x70777472;

async function upPostgres(db: Kysely<unknown>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${EXTENSION_LOCK})`.execute(db);
  const found = await sql<{ schema: string }>`
    select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace
     where e.extname = 'pg_trgm'`.execute(db);
  if (found.rows.length === 0) await sql`create extension pg_trgm with schema public`.execute(db);
  const schema = found.rows[0]?.schema ?? 'public';
  for (const table of TABLES) {
    await sql
      .raw(
        `create index ${table}_search_trgm_idx on ${table} using gin (search_key "${schema}".gin_trgm_ops)`,
      )
      .execute(db);
  }
}

async function upSqlite(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    const fts = `${table}_fts`;
    await sql
      .raw(
        `create virtual table ${fts} using fts5(search_key, content='${table}', content_rowid='id', tokenize='trigram')`,
      )
      .execute(db);
    // Backfill: the index read from the rows already there.
    await sql.raw(`insert into ${fts}(${fts}) values ('rebuild')`).execute(db);
    // External content: a row leaves the index by giving back the values it was indexed with.
    await sql
      .raw(`create trigger ${fts}_insert after insert on ${table} begin
  insert into ${fts}(rowid, search_key) values (new.id, new.search_key);
end`)
      .execute(db);
    await sql
      .raw(`create trigger ${fts}_delete after delete on ${table} begin
  insert into ${fts}(${fts}, rowid, search_key) values ('delete', old.id, old.search_key);
end`)
      .execute(db);
    await sql
      .raw(`create trigger ${fts}_update after update of id, search_key on ${table}
  when old.id <> new.id or old.search_key is not new.search_key begin
  insert into ${fts}(${fts}, rowid, search_key) values ('delete', old.id, old.search_key);
  insert into ${fts}(rowid, search_key) values (new.id, new.search_key);
end`)
      .execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) await upPostgres(db);
  else await upSqlite(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    if (isPostgres(db)) {
      await sql.raw(`drop index ${table}_search_trgm_idx`).execute(db);
      continue;
    }
    for (const event of ['insert', 'delete', 'update'])
      await sql.raw(`drop trigger ${table}_fts_${event}`).execute(db);
    await sql.raw(`drop table ${table}_fts`).execute(db);
  }
  // The extension stays: other schemas of the database may use it.
}

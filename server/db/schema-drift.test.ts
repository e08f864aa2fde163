import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../test/databases';
import { type DeclaredColumn, readDeclaredSchema } from '../test/declared-schema';
import { describeEachDatabase } from '../test/describe-each-database';
import { retryWhileSchemasVanish } from './migrate';

/*
 * server/db/schema.ts is written by hand; the migrations are what the database really has. This test
 * migrates a fresh database and checks every table and column of it against the types of schema.ts:
 * a column added to a migration and not to schema.ts (or the reverse), a nullable column typed as never
 * null, or a text column typed as a number all fail here.
 */

/** The family of a column's SQL type, as the two engines name it, mapped to what Kysely returns. */
function familyOf(sqlType: string): string {
  const t = sqlType.toLowerCase();
  if (/int/.test(t)) return 'number'; // integer, int4, int8 (read as numbers, see db/connect.ts)
  if (/real|floa|doub|numeric/.test(t)) return 'number';
  if (/char|text|clob/.test(t)) return 'text';
  if (/blob|bytea/.test(t)) return 'blob';
  return sqlType;
}

interface LiveColumn {
  family: string;
  nullable: boolean;
  filledByDatabase: boolean;
}

async function sqlitePrimaryKey(t: TestContext, table: string): Promise<Set<string>> {
  const r = await sql<{ name: string }>`select name from pragma_table_info(${table}) where pk > 0`.execute(
    t.ctx.db,
  );
  return new Set(r.rows.map((row) => row.name));
}

/**
 * SQLite's full-text indexes of the search (migration 20261201T1000_search_index): virtual tables,
 * each with its shadow tables (`<name>_data`, `_idx`, …), read through SQL of their own and never
 * through Kysely's typed tables, so they are not in schema.ts.
 */
async function sqliteSearchIndexes(t: TestContext): Promise<string[]> {
  const r = await sql<{ name: string }>`select name from sqlite_master
    where type = 'table' and lower(sql) like 'create virtual table%using fts5%'`.execute(t.ctx.db);
  return r.rows.map((row) => row.name);
}

const declared = readDeclaredSchema();

/** Tables only PostgreSQL's triggers read and write, absent from SQLite and from schema.ts. */
const PG_TRIGGER_TABLES = ['calendar_count_sources'];

describeEachDatabase('schema.ts matches the migrated database', (dialect) => {
  let t: TestContext;
  const live = new Map<string, Map<string, LiveColumn>>();

  beforeAll(async () => {
    t = await openTestContext(dialect);
    // PostgreSQL lists the tables of every schema; the test database is the connection's own schema.
    const own =
      dialect === 'postgres'
        ? (await sql<{ s: string }>`select current_schema() as s`.execute(t.ctx.db)).rows[0]!.s
        : undefined;
    // Other test files drop their schemas meanwhile; the catalog query is retried as migrations do.
    const tables = await retryWhileSchemasVanish(() => t.ctx.db.introspection.getTables());
    const fts = dialect === 'sqlite' ? await sqliteSearchIndexes(t) : [];
    for (const table of tables) {
      if (table.isView || (own !== undefined && table.schema !== own)) continue;
      if (fts.some((name) => table.name === name || table.name.startsWith(`${name}_`))) continue;
      // PostgreSQL's calendar triggers keep what each task and report is counted in (migration
      // 20261202T0300); no query of the application reads it.
      if (dialect === 'postgres' && PG_TRIGGER_TABLES.includes(table.name)) continue;
      const keys = dialect === 'sqlite' ? await sqlitePrimaryKey(t, table.name) : new Set<string>();
      const columns = new Map<string, LiveColumn>();
      for (const c of table.columns) {
        columns.set(c.name, {
          family: familyOf(c.dataType),
          // SQLite reports a primary key declared without NOT NULL as nullable (an INTEGER one cannot
          // hold null; a TEXT one could, for backward compatibility, but every insert gives it a value).
          nullable: c.isNullable && !c.isAutoIncrementing && !keys.has(c.name),
          filledByDatabase: c.isAutoIncrementing || c.hasDefaultValue,
        });
      }
      live.set(table.name, columns);
    }
  });
  afterAll(() => t.close());

  it('has the same tables as interface Database', () => {
    expect([...live.keys()].sort()).toEqual([...declared.keys()].sort());
  });

  it('has the same columns, nullability and type family in every table', () => {
    const differences: string[] = [];
    for (const [table, columns] of live) {
      const types = declared.get(table) ?? new Map<string, DeclaredColumn>();
      for (const [name, col] of columns) {
        const d = types.get(name);
        if (!d) {
          differences.push(`${table}.${name}: in the migrations, missing from schema.ts`);
          continue;
        }
        if (d.families.length !== 1 || d.families[0] !== col.family)
          differences.push(
            `${table}.${name}: ${col.family} in the database, ${d.families.join(' | ')} in schema.ts`,
          );
        if (d.nullable !== col.nullable)
          differences.push(
            `${table}.${name}: ${col.nullable ? 'nullable' : 'not null'} in the database, ${d.nullable ? 'nullable' : 'never null'} in schema.ts`,
          );
        // A nullable column may be Generated<> too: left out of an insert, it is null.
        if (d.generated && !col.filledByDatabase && !col.nullable)
          differences.push(
            `${table}.${name}: Generated<> in schema.ts but the database has no default for it`,
          );
      }
      for (const name of types.keys())
        if (!columns.has(name))
          differences.push(`${table}.${name}: in schema.ts, missing from the migrations`);
    }
    expect(differences).toEqual([]);
  });
});

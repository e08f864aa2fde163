import SQLite from 'better-sqlite3';
import { type Generated, Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache';

interface Db {
  items: { id: Generated<number>; name: string };
}

describe('kept SQLite statements', () => {
  const open: SQLite.Database[] = [];
  afterEach(() => {
    for (const f of open.splice(0)) if (f.open) f.close();
  });

  function fresh() {
    const file = new SQLite(':memory:');
    open.push(file);
    file.exec('create table items (id integer primary key, name text not null)');
    let prepared = 0;
    const real = file.prepare.bind(file);
    file.prepare = ((text: string) => {
      prepared += 1;
      return real(text);
    }) as typeof file.prepare;
    return { file, prepared: () => prepared };
  }

  it('prepares a query once and answers it again with the values of each call', async () => {
    const { file, prepared } = fresh();
    const db = new Kysely<Db>({ dialect: new SqliteDialect({ database: withStatementCache(file) }) });
    for (const name of ['Sở Tài chính', 'Sở Y tế', 'Sở Tư pháp'])
      await db.insertInto('items').values({ name }).execute();
    const byName = (n: string) =>
      db.selectFrom('items').select('id').where('name', '=', n).executeTakeFirst();
    expect(await byName('Sở Y tế')).toEqual({ id: 2 });
    expect(await byName('Sở Tư pháp')).toEqual({ id: 3 });
    expect(await byName('không có')).toBeUndefined();
    // One insert and one select, each prepared once.
    expect(prepared()).toBe(2);
  });

  it('sees a changed table: SQLite prepares a kept statement again after the schema changes', async () => {
    const { file } = fresh();
    const db = new Kysely<Db>({ dialect: new SqliteDialect({ database: withStatementCache(file) }) });
    await db.insertInto('items').values({ name: 'a' }).execute();
    const all = () => sql<Record<string, unknown>>`select * from items`.execute(db);
    expect((await all()).rows).toEqual([{ id: 1, name: 'a' }]);
    await sql`alter table items add column note text`.execute(db);
    expect((await all()).rows).toEqual([{ id: 1, name: 'a', note: null }]);
  });

  it('never hands out a statement that is still being iterated, and keeps at most the limit', async () => {
    const { file, prepared } = fresh();
    for (let i = 0; i < 5; i += 1) file.prepare('insert into items (name) values (?)').run(`v${i}`);
    const base = prepared();
    const cached = withStatementCache(file, 2);
    const text = 'select name from items order by id';
    const first = cached.prepare(text) as unknown as SQLite.Statement;
    const iter = first.iterate();
    iter.next();
    const second = cached.prepare(text) as unknown as SQLite.Statement;
    expect(second).not.toBe(first);
    expect(second.all()).toHaveLength(5);
    iter.return?.();
    expect(cached.prepare(text)).toBe(second);
    cached.prepare('select 1');
    cached.prepare('select 2');
    // Limit 2: the least recently used (the list) was dropped and is prepared again.
    cached.prepare(text);
    expect(prepared() - base).toBe(5);
  });
});

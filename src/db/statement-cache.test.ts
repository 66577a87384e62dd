import Database from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { cachingStatements, connect } from './connect.js';

describe('SQLite statement cache', () => {
  it('prepares each SQL text once, keeps the most recently used ones, and closes the database', () => {
    const raw = new Database(':memory:');
    const cached = cachingStatements(raw, 2);
    const a = cached.prepare('select 1 as n');
    expect(cached.prepare('select 1 as n')).toBe(a);
    const b = cached.prepare('select 2 as n');
    cached.prepare('select 1 as n'); // used last: b is now the oldest
    cached.prepare('select 3 as n');
    expect(cached.prepare('select 1 as n')).toBe(a);
    expect(cached.prepare('select 2 as n')).not.toBe(b);
    cached.close();
    expect(raw.open).toBe(false);
  });

  it('never hands out a statement an unfinished iterator still uses', () => {
    const cached = cachingStatements(new Database(':memory:'));
    const text = 'select value from json_each(?)';
    const first = cached.prepare(text);
    const iterator = first.iterate(['[1,2,3]']);
    expect(iterator.next().value).toEqual({ value: 1 });
    const second = cached.prepare(text);
    expect(second).not.toBe(first);
    expect(second.all(['[4]'])).toEqual([{ value: 4 }]);
    expect([...iterator]).toEqual([{ value: 2 }, { value: 3 }]);
    expect(cached.prepare(text)).toBe(first);
    cached.close();
  });

  it('gives Kysely the same results, streams and transactions included', async () => {
    const db = await connect({ url: ':memory:' });
    await sql`create table t (id integer primary key, name text not null)`.execute(db);
    const insert = (name: string) => sql`insert into t (name) values (${name})`.execute(db);
    for (const name of ['a', 'b', 'c']) await insert(name);
    const any = db as unknown as Kysely<{ t: { id: number; name: string } }>;
    const query = () => any.selectFrom('t').select('name').orderBy('id');
    const streamed: string[] = [];
    for await (const row of query().stream()) {
      streamed.push(row.name);
      if (streamed.length === 2) break; // an iterator left unfinished
    }
    expect(streamed).toEqual(['a', 'b']);
    expect((await query().execute()).map((r) => r.name)).toEqual(['a', 'b', 'c']);
    for await (const row of query().stream()) streamed.push(row.name);
    expect(streamed).toEqual(['a', 'b', 'a', 'b', 'c']);
    await expect(db.transaction().execute(async (trx) => {
      await sql`insert into t (name) values ('d')`.execute(trx);
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
    const { rows } = await sql<{ n: number }>`select count(*) as n from t`.execute(db);
    expect(rows[0]!.n).toBe(3);
    await db.destroy();
  });
});

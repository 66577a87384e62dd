import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect } from './connect.js';

/*
 * Group commit on a real SQLite file (synchronous=FULL), checked from a second, independent
 * connection to the same file: what it sees is what is committed.
 */
interface TestTables {
  t: { id: number; owner: string };
}

describe('SQLite group commit', () => {
  let dir: string;
  let db: Kysely<TestTables>;
  let other: Database.Database;
  let statements: string[];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'smallwins-group-'));
    statements = [];
    db = (await connect({ url: join(dir, 'app.db'), log: (e) => statements.push(e.query.sql) })) as unknown as Kysely<TestTables>;
    await sql`create table t (id integer primary key, owner text not null)`.execute(db);
    await sql`create table parent (id integer primary key)`.execute(db);
    await sql`create table child (id integer primary key, parent_id integer references parent(id) deferrable initially deferred)`.execute(db);
    other = new Database(join(dir, 'app.db'), { readonly: true });
    statements = [];
  });

  afterEach(async () => {
    other.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const committed = (): number[] => other.prepare('select id from t order by id').all().map((r) => (r as { id: number }).id);

  /** A transaction that writes row `id` over a few awaits, as a request's use case does. */
  const write = (id: number, fail = false) =>
    db.transaction().execute(async (trx) => {
      await sql`insert into t (id, owner) values (${id}, 'a')`.execute(trx);
      await sql`select count(*) from t`.execute(trx);
      if (fail) throw new Error(`transaction ${id} failed`);
      await sql`update t set owner = 'b' where id = ${id}`.execute(trx);
      return id;
    });

  it('commits transactions that queue up together, and acknowledges each only once it is committed', async () => {
    const seenAtAck = new Map<number, number[]>();
    const ids = Array.from({ length: 30 }, (_, i) => i + 1);
    await Promise.all(ids.map((id) => write(id).then(() => seenAtAck.set(id, committed()))));
    for (const id of ids) expect(seenAtAck.get(id)).toContain(id);
    expect(committed()).toEqual(ids);
    const commits = statements.filter((s) => s === 'commit').length;
    expect(commits).toBeGreaterThanOrEqual(1);
    expect(commits).toBeLessThan(ids.length);
    expect(statements.filter((s) => s === 'begin')).toHaveLength(commits);
  });

  it('one at a time, each transaction begins and commits on its own', async () => {
    for (const id of [1, 2, 3]) await write(id);
    expect(statements.filter((s) => s === 'begin' || s === 'commit')).toEqual(['begin', 'commit', 'begin', 'commit', 'begin', 'commit']);
    expect(statements.some((s) => s.startsWith('savepoint'))).toBe(false);
  });

  it('a transaction that fails inside a group rolls back alone', async () => {
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map((id) => write(id, id === 3)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((results[2] as PromiseRejectedResult).reason).toEqual(new Error('transaction 3 failed'));
    expect(committed()).toEqual([1, 2, 4, 5]);
    expect(other.prepare("select count(*) as n from t where owner = 'b'").get()).toEqual({ n: 4 });
    // The group went on behind savepoints: the failure did not cost the others their commit.
    expect(statements).toContain('rollback to savepoint group_member');
  });

  it('a statement outside a transaction never sees a group uncommitted: the group commits first', async () => {
    let seen: unknown;
    const writes = [1, 2, 3].map((id) => write(id));
    const read = db.selectFrom('t').select('id').execute().then((rows) => {
      seen = { rows: rows.map((r) => r.id), committed: committed() };
    });
    await Promise.all([...writes, read]);
    const { rows, committed: atRead } = seen as { rows: number[]; committed: number[] };
    expect(atRead).toEqual(expect.arrayContaining(rows));
  });

  it('a COMMIT that fails fails every transaction of its group and keeps none of their rows', async () => {
    await sql`insert into parent (id) values (1)`.execute(db);
    const good = (id: number) => write(id);
    const orphan = db.transaction().execute(async (trx) => {
      await sql`insert into child (id, parent_id) values (1, 99)`.execute(trx);
      return 'orphan';
    });
    const results = await Promise.allSettled([good(1), orphan, good(2), good(3)]);
    const failed = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(failed.length).toBeGreaterThanOrEqual(1);
    for (const f of failed) expect(String(f.reason)).toMatch(/FOREIGN KEY constraint failed/);
    // What was acknowledged is there; what failed is not.
    const ok = results.flatMap((r, i) => (r.status === 'fulfilled' && i !== 1 ? [[1, null, 2, 3][i]!] : []));
    expect(committed()).toEqual(ok);
    expect(other.prepare('select count(*) as n from child').get()).toEqual({ n: 0 });
    // And the connection works on.
    await write(10);
    expect(committed()).toContain(10);
  });
});

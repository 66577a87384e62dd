import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '#test/db.js';
import { prepared } from './prepared.js';

describeEachEngine('prepared queries', (s) => {
  it('runs with each call’s own arguments, inside and outside a transaction, with camelCase columns', async () => {
    const ctx = await s.newCtx();
    const ws = ctx.actor.workspaceId;
    const byName = prepared('workspace by id and name', (db, id: string, name: string) =>
      db.selectFrom('workspaces').select(['id', 'name', 'focusLimit']).where('id', '=', id).where('name', '=', name),
    );
    const [row] = await s.db().selectFrom('workspaces').select('name').where('id', '=', ws).execute();
    expect(await byName(s.db(), ws, row!.name)).toEqual([{ id: ws, name: row!.name, focusLimit: expect.any(Number) }]);
    expect(await byName(s.db(), ws, 'another name')).toEqual([]);
    expect(await byName(s.db(), 'no-such-workspace', row!.name)).toEqual([]);
    // The same argument used twice, and a null: both reach their parameters.
    const echo = prepared('echo', (db, a: string | null, b: number) =>
      db.selectFrom('workspaces').select([sql<string | null>`${a}`.as('first'), sql<string | null>`${a}`.as('again'), sql<number>`${b} + 1`.as('next')]).where('id', '=', ws),
    );
    await s.db().transaction().execute(async (trx) => {
      expect(await echo(trx, 'x', 1)).toEqual([{ first: 'x', again: 'x', next: 2 }]);
      expect(await echo(trx, null, 41)).toEqual([{ first: null, again: null, next: 42 }]);
    });
  });

  it('refuses a query whose shape depends on its arguments, the first time it runs', async () => {
    const ctx = await s.newCtx();
    const changed = prepared('changed argument', (db, name: string) => db.selectFrom('workspaces').select('id').where('name', 'like', `${name}%`));
    await expect(changed(s.db(), 'Te')).rejects.toThrow(/prepared query "changed argument": an argument is changed/);
    const unused = prepared('unused argument', (db, id: string, _name: string) => db.selectFrom('workspaces').select('id').where('id', '=', id));
    await expect(unused(s.db(), ctx.actor.workspaceId, 'x')).rejects.toThrow(/argument 2 never reaches the SQL/);
    const inlined = prepared('inlined argument', (db, id: string) => db.selectFrom('workspaces').select('id').where('id', '=', sql.lit(id)));
    await expect(inlined(s.db(), ctx.actor.workspaceId)).rejects.toThrow(/written into the SQL text/);
  });
});

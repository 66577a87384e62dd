import fc from 'fast-check';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { Endpoint } from '#contracts/api/endpoint.js';
import { buildRequest } from '#contracts/api/request.js';
import { allOperations } from '#api/registry.js';
import type { Ctx } from '#core/context.js';
import type { SeedIds } from '#test/samples.js';
import { allSamples, seeders } from '#test/seeds/index.js';
import { describeServer } from '#test/server.js';

const SEED = 20261202;

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** Values a careless or hostile client sends where something else is expected. */
const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constant('x'.repeat(100_000)),
  fc.constantFrom('', ' ', '\u0000', '../../etc/passwd', "'; drop table goals; --", '%00', '\u202e', '2026-02-30', '9999-99-99', '2026-W54', 'NaN', '-0', '1e309'),
  fc.integer(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1e308, -1e308, 0.1),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything(), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.anything(), { maxKeys: 5 }),
  fc.constant(nested(3000)),
  fc.constant(Array.from({ length: 10_000 }, (_, i) => i)),
);

const keyOf = (e: Endpoint, sample: Record<string, unknown>) => {
  const shape = (e.input as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  return fc.constantFrom(...new Set([...Object.keys(sample), ...Object.keys(shape), 'extra', '__proto__', 'constructor', 'prototype']));
};

describeServer('hostile input on every route', (s) => {
  it('never answers 5xx, and leaves the database consistent', async () => {
    const me = await s.user();
    const ctx: Ctx = { db: s.db(), clock: s.clock, actor: { userId: me.userId, workspaceId: me.workspaceId, role: 'owner', timeZone: 'Europe/Paris', dayStartHour: 0 } };
    const ids: SeedIds = {};
    for (const seed of seeders) await seed(ctx, ids);
    const failures: string[] = [];

    for (const { endpoint: e } of allOperations()) {
      const make = allSamples[e.id];
      if (!make) continue;
      const sample = make(ids);
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(keyOf(e, sample), hostile), { minLength: 1, maxLength: 3 }), async (changes) => {
          const input: Record<string, unknown> = { ...sample };
          for (const [key, value] of changes) Object.defineProperty(input, key, { value, enumerable: true, configurable: true, writable: true });
          let req;
          try {
            req = buildRequest(e, input, { workspaceId: me.workspaceId });
          } catch {
            return; // a path parameter left empty: no request to send
          }
          const res = await s.app().inject({
            method: req.method,
            url: req.url.slice(0, 60_000),
            headers: { ...me.headers, ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}) },
            ...(req.body !== undefined ? { payload: JSON.stringify(req.body) } : {}),
          });
          if (res.statusCode >= 500) failures.push(`${e.id} ${JSON.stringify(changes).slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 200)}`);
        }),
        { seed: SEED, numRuns: 6 },
      );
      // Bodies of the wrong kind on the same route.
      const req = buildRequest(e, sample, { workspaceId: me.workspaceId });
      for (const [type, payload] of [
        ['text/plain', 'hello'],
        ['application/json', '{"a":'],
        ['application/json', '"just a string"'],
        ['application/json', 'null'],
        ['application/xml', '<a/>'],
        ['application/json', `${'['.repeat(50_000)}${']'.repeat(50_000)}`],
      ] as const) {
        const res = await s.app().inject({ method: req.method === 'GET' ? 'POST' : req.method, url: req.url, headers: { ...me.headers, 'content-type': type }, payload });
        if (res.statusCode >= 500) failures.push(`${e.id} with ${type} ${payload.slice(0, 20)} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);

    if (s.engine === 'sqlite') {
      const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(s.db());
      expect(check.rows.map((r) => Object.values(r)[0])).toEqual(['ok']);
      const fk = await sql`pragma foreign_key_check`.execute(s.db());
      expect(fk.rows).toEqual([]);
    } else {
      // PostgreSQL enforces its constraints on every write; check the indexes agree with the tables.
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_index where not indisvalid`.execute(s.db());
      expect(rows[0]?.n).toBe(0);
    }
  });
});

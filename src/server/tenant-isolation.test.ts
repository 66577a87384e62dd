import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { pathParams, type Endpoint } from '#contracts/api/endpoint.js';
import { buildRequest } from '#contracts/api/request.js';
import { allOperations } from '#api/registry.js';
import { createApiToken } from '#core/accounts/api-tokens.js';
import { createTeamWorkspace } from '#core/accounts/workspaces.js';
import type { Ctx } from '#core/context.js';
import { WORKSPACE_TABLES } from '#core/data/table-registry.js';
import type { Database } from '#db/schema.js';
import type { SeedIds } from '#test/samples.js';
import { allSamples, seeders } from '#test/seeds/index.js';
import { describeServer, type ServerSuite, type TestUser } from '#test/server.js';

const ops = allOperations();
const RANK = { viewer: 0, member: 1, admin: 2, owner: 3 } as const;
/**
 * Operations whose use case checks more than the endpoint's role, by whom they act on: anyone may
 * leave a workspace, but removing someone else (what the sample does) needs an admin.
 */
const SAMPLE_NEEDS: Record<string, keyof typeof RANK> = { removeMember: 'admin' };
const needed = (e: Endpoint) => SAMPLE_NEEDS[e.id] ?? e.role ?? (e.method === 'GET' ? 'viewer' : 'member');

it('has a sample input for every operation of the route table', () => {
  const missing = ops.map((o) => o.endpoint.id).filter((id) => !allSamples[id]);
  expect(missing, 'operations without an entry in src/test/seeds/<area>.ts samples').toEqual([]);
});

async function seedWorkspace(s: ServerSuite, userId: string, workspaceId: string): Promise<SeedIds> {
  const ctx: Ctx = { db: s.db(), clock: s.clock, actor: { userId, workspaceId, role: 'owner', timeZone: 'Europe/Paris', dayStartHour: 0 } };
  const ids: SeedIds = {};
  for (const seed of seeders) await seed(ctx, ids);
  return ids;
}

/** Every row of a workspace, table by table: what must not change when others act. */
async function snapshot(db: Kysely<Database>, workspaceId: string): Promise<string> {
  const parts: string[] = [];
  for (const spec of WORKSPACE_TABLES) {
    const rows = await db.selectFrom(spec.table as 'goals').selectAll().where('workspaceId', '=', workspaceId).execute();
    const sorted = rows.map((r) => JSON.stringify(r)).sort();
    parts.push(`${spec.table}:${sorted.join('\n')}`);
  }
  return parts.join('\n\n');
}

async function workspaceIds(db: Kysely<Database>, workspaceId: string): Promise<string[]> {
  const ids: string[] = [];
  for (const spec of WORKSPACE_TABLES.filter((t) => t.hasId)) {
    const rows = await db.selectFrom(spec.table as 'goals').select('id').where('workspaceId', '=', workspaceId).execute();
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

describeServer('tenant isolation matrix', (s) => {
  it('lets no actor read or write across workspaces, and enforces every role', async () => {
    // The victim: a team workspace with one of everything, and its people.
    const owner = await s.user({ name: 'Victim Owner' });
    const team = await createTeamWorkspace(s.db(), s.clock, { userId: owner.userId, name: 'Victim team' });
    const V = team.id;
    const victimIds = await seedWorkspace(s, owner.userId, V);
    const viewer = await s.user();
    const member = await s.user();
    const admin = await s.user();
    const revoked = await s.user();
    for (const [u, role] of [[viewer, 'viewer'], [member, 'member'], [admin, 'admin'], [revoked, 'member']] as const) await s.join(u, V, role);
    await s.db().deleteFrom('members').where('workspaceId', '=', V).where('userId', '=', revoked.userId).execute();

    // The outsider, with a workspace of their own holding the same kinds of objects.
    const outsider = await s.user({ name: 'Outsider' });
    await seedWorkspace(s, outsider.userId, outsider.workspaceId);

    const before = await snapshot(s.db(), V);
    // Object ids only: seeds also record shared values such as the current week.
    const secretIds = [...new Set([...(await workspaceIds(s.db(), V)), ...Object.values(victimIds).filter((v) => /^[0-9a-z]{16}$/.test(v))])];
    const failures: string[] = [];
    const send = async (user: TestUser | null, e: Endpoint, input: Record<string, unknown>, workspaceId: string) => {
      const req = buildRequest(e, input, { workspaceId });
      const res = await s.app().inject({ method: req.method, url: req.url, headers: user?.headers ?? {}, ...(req.body !== undefined ? { payload: req.body } : {}) });
      if (res.statusCode >= 500) failures.push(`${e.id}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      return { res, sent: req.url + JSON.stringify(req.body ?? {}) };
    };
    const sample = (e: Endpoint, ids: SeedIds) => allSamples[e.id]!(ids);
    const hasVictimIdsOnly = (e: Endpoint) => e.scope === 'workspace' && pathParams(e.path).length === 0;

    for (const { endpoint: e } of ops) {
      if (!allSamples[e.id]) continue;
      const input = sample(e, victimIds);
      // Anonymous: nothing but the public endpoints.
      if (e.scope !== 'public') {
        const { res } = await send(null, e, input, V);
        if (res.statusCode !== 401) failures.push(`${e.id}: anonymous got ${res.statusCode}, expected 401`);
      }
      if (e.scope !== 'workspace') continue;
      // An outsider naming the victim's workspace: the same 404 as a workspace that does not exist.
      for (const [who, user] of [['outsider', outsider], ['revoked member', revoked]] as const) {
        const { res } = await send(user, e, input, V);
        if (res.statusCode !== 404) failures.push(`${e.id}: ${who} in the victim's workspace got ${res.statusCode}, expected 404`);
      }
      // The outsider in their own workspace, with the victim's ids in path, query and body.
      const { res, sent } = await send(outsider, e, input, outsider.workspaceId);
      if (res.statusCode < 300 && !hasVictimIdsOnly(e) && pathParams(e.path).some((p) => secretIds.includes(String(input[p])))) {
        failures.push(`${e.id}: outsider acted on a victim's object through their own workspace (${res.statusCode})`);
      }
      for (const id of secretIds) {
        if (res.body.includes(id) && !sent.includes(id)) failures.push(`${e.id}: outsider's answer reveals victim id ${id}`);
      }
      if (res.body.includes('Victim')) failures.push(`${e.id}: outsider's answer reveals victim names`);
    }
    expect(failures).toEqual([]);
    expect(await snapshot(s.db(), V), "the victim's workspace changed after outsiders acted").toBe(before);

    // Inside the workspace, each role gets exactly what it may do.
    for (const [role, user] of [['viewer', viewer], ['member', member], ['admin', admin]] as const) {
      for (const { endpoint: e } of ops) {
        if (e.scope !== 'workspace' || !allSamples[e.id]) continue;
        const { res } = await send(user, e, sample(e, victimIds), V);
        const allowed = RANK[role] >= RANK[needed(e)];
        if (allowed && (res.statusCode === 401 || (res.statusCode === 403 && !/owner|yourself|personal/i.test(res.body)))) {
          failures.push(`${e.id}: ${role} was refused (${res.statusCode} ${res.body.slice(0, 120)})`);
        }
        if (!allowed && res.statusCode !== 403) failures.push(`${e.id}: ${role} got ${res.statusCode}, expected 403 (needs ${needed(e)})`);
      }
    }
    expect(failures).toEqual([]);

    // An expired token opens nothing.
    const { token } = await createApiToken(s.db(), s.clock, { userId: member.userId, name: 'short-lived', expiresInDays: 1 });
    s.clock.advance(2 * 24 * 3600 * 1000);
    const expired: TestUser = { ...member, token, headers: { authorization: `Bearer ${token}` } };
    for (const { endpoint: e } of ops) {
      if (e.scope === 'public' || !allSamples[e.id]) continue;
      const { res } = await send(expired, e, sample(e, victimIds), V);
      if (res.statusCode !== 401) failures.push(`${e.id}: expired token got ${res.statusCode}, expected 401`);
    }
    expect(failures).toEqual([]);
  });
});

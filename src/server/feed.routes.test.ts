import { expect, it } from 'vitest';
import { feedEndpoints as f } from '#contracts/api/feed.js';
import { planEndpoints as p } from '#contracts/api/plan.js';
import { lifeEndpoints as l } from '#contracts/api/life.js';
import { buildRequest } from '#contracts/api/request.js';
import { allOperations } from '#api/registry.js';
import { createTeamWorkspace } from '#core/accounts/workspaces.js';
import type { Ctx } from '#core/context.js';
import type { SeedIds } from '#test/samples.js';
import { allSamples, seeders } from '#test/seeds/index.js';
import { describeServer, listenTestServer } from '#test/server.js';
import { readEvents } from '#test/sse.js';
import { createApiToken } from '#core/accounts/api-tokens.js';
import { createUserWithWorkspace } from '#core/workspaces/bootstrap.js';
import { FEED_EVENT_SOURCES } from './feed-events.js';
import { WinOut } from '#contracts/api/shapes.js';
import type { Endpoint } from '#contracts/api/endpoint.js';

describeServer('feed routes', (s) => {
  async function teamOf(roles: Array<'member' | 'admin' | 'viewer'>) {
    const owner = await s.user({ name: 'Olga' });
    const team = await createTeamWorkspace(s.db(), s.clock, { userId: owner.userId, name: 'Crew' });
    const others = [];
    for (const [i, role] of roles.entries()) {
      const u = await s.user({ name: `Mate ${i}` });
      await s.join(u, team.id, role);
      others.push(u);
    }
    return { owner, others, ws: team.id };
  }

  it('serves the feed with kudos and comments, and keeps a private win to its author', async () => {
    const { owner, others: [mate], ws } = await teamOf(['member']);
    const opts = { workspaceId: ws };
    const shared = (await s.call(owner, p.logWin, { title: 'Demo booked', visibility: 'shared' }, opts)).json();
    const secret = (await s.call(owner, p.logWin, { title: 'Secret thing', visibility: 'private' }, opts)).json();

    const feed = await s.call(mate!, f.listFeed, {}, opts);
    expect(feed.statusCode).toBe(200);
    expect(feed.json().items.map((i: { title: string }) => i.title)).toEqual(['Demo booked']);
    expect(feed.body).not.toContain(secret.id);

    const kudos = await s.call(mate!, f.giveKudos, { winId: shared.id }, opts);
    expect(kudos.json()).toEqual({ winId: shared.id, kudos: 1, kudosGiven: true });
    expect((await s.call(mate!, f.giveKudos, { winId: shared.id }, opts)).json().kudos).toBe(1);
    expect((await s.call(owner, f.giveKudos, { winId: shared.id }, opts)).statusCode).toBe(409);
    const comment = await s.call(mate!, f.addComment, { winId: shared.id, body: 'Go Olga!' }, opts);
    expect(comment.statusCode).toBe(201);
    expect((await s.call(owner, f.showFeedItem, { winId: shared.id }, opts)).json()).toMatchObject({ kudos: 1, kudosGiven: false, comments: 1, mine: true });
    expect((await s.call(owner, f.takeBackKudos, { winId: shared.id }, opts)).json().kudos).toBe(1);
    expect((await s.call(mate!, f.takeBackKudos, { winId: shared.id }, opts)).json()).toEqual({ winId: shared.id, kudos: 0, kudosGiven: false });

    for (const [e, input] of [
      [f.showFeedItem, { winId: secret.id }],
      [f.giveKudos, { winId: secret.id }],
      [f.takeBackKudos, { winId: secret.id }],
      [f.listComments, { winId: secret.id }],
      [f.addComment, { winId: secret.id, body: 'hi' }],
    ] as const) {
      const res = await s.call(mate!, e, input, opts);
      expect(res.statusCode, e.id).toBe(404);
      expect(res.body).not.toContain('Secret thing');
    }
  });

  it('pages the feed with `before`', async () => {
    const { owner, ws } = await teamOf([]);
    for (let i = 1; i <= 5; i++) {
      s.clock.advance(1000);
      await s.call(owner, p.logWin, { title: `Win ${i}`, visibility: 'shared' }, { workspaceId: ws });
    }
    const seen: string[] = [];
    let before: string | null = null;
    do {
      const page: { items: Array<{ title: string }>; nextCursor: string | null } = (await s.call(owner, f.listFeed, { limit: 2, ...(before ? { before } : {}) }, { workspaceId: ws })).json();
      seen.push(...page.items.map((i) => i.title));
      before = page.nextCursor;
    } while (before);
    expect(seen).toEqual(['Win 5', 'Win 4', 'Win 3', 'Win 2', 'Win 1']);
  });

  it('lets members write decision records and viewers only read them', async () => {
    const { owner, others: [viewer], ws } = await teamOf(['viewer']);
    const opts = { workspaceId: ws };
    const made = await s.call(owner, f.createDecision, { title: 'Price at 49', context: 'Churn at 29', decision: '49 a month', reasoning: 'Serious buyers' }, opts);
    expect(made.statusCode).toBe(201);
    expect((await s.call(viewer!, f.listDecisions, {}, opts)).json().items.map((d: { title: string }) => d.title)).toEqual(['Price at 49']);
    expect((await s.call(viewer!, f.createDecision, { title: 'x', decision: 'y' }, opts)).statusCode).toBe(403);
    expect((await s.call(owner, f.deleteDecision, { decisionId: made.json().id }, opts)).statusCode).toBe(204);
  });

  it('returns nobody else an individual pulse answer or a private win, on any route', async () => {
    // A team with one of everything, made by its owner, including a pulse and a private win.
    const owner = await s.user({ name: 'Owner' });
    const team = await createTeamWorkspace(s.db(), s.clock, { userId: owner.userId, name: 'Sweep team' });
    const ctx: Ctx = { db: s.db(), clock: s.clock, actor: { userId: owner.userId, workspaceId: team.id, role: 'owner', timeZone: 'Europe/Paris', dayStartHour: 0 } };
    const ids: SeedIds = {};
    for (const seed of seeders) await seed(ctx, ids);
    const pulseIds = (await s.db().selectFrom('pulses').select('id').where('workspaceId', '=', team.id).execute()).map((r) => r.id);
    const privateWins = await s.db().selectFrom('wins').select(['id', 'note']).where('workspaceId', '=', team.id).where('visibility', '=', 'private').execute();
    expect(pulseIds.length).toBeGreaterThan(0);
    expect(privateWins.length).toBeGreaterThan(0);
    const secrets = ['seed-secret pulse note', ...pulseIds, ...privateWins.flatMap((w) => [w.id, w.note])];

    const leaks: string[] = [];
    for (const role of ['viewer', 'member', 'admin'] as const) {
      const mate = await s.user({ name: `Sweeper ${role}` });
      await s.join(mate, team.id, role);
      // Every read, as every role: what a teammate or an admin can see.
      for (const { endpoint: e } of allOperations()) {
        if (e.scope !== 'workspace' || e.method !== 'GET' || !allSamples[e.id]) continue;
        const req = buildRequest(e, allSamples[e.id]!(ids), { workspaceId: team.id });
        const res = await s.app().inject({ method: req.method, url: req.url, headers: mate.headers });
        for (const secret of secrets) if (secret && res.body.includes(secret) && !req.url.includes(secret)) leaks.push(`${e.id} as ${role} (${res.statusCode}) returns ${secret}`);
      }
    }
    expect(leaks).toEqual([]);
    // Its author still sees their own answer.
    const mine = await s.call(owner, l.listMyPulses, {}, { workspaceId: team.id });
    expect(mine.body).toContain('seed-secret pulse note');
  });
});

/** Every operation whose answer can hold a new win publishes feed events. */
it('publishes feed events for every operation that can create a win', () => {
  const holdsWin = (schema: unknown, seen = new Set<unknown>()): boolean => {
    if (schema === WinOut) return true;
    if (!schema || typeof schema !== 'object' || seen.has(schema)) return false;
    seen.add(schema);
    const def = (schema as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return false;
    return Object.values(def).some((v) => (Array.isArray(v) ? v.some((x) => holdsWin(x, seen)) : v && typeof v === 'object' && ('_zod' in v ? holdsWin(v, seen) : Object.values(v).some((x) => holdsWin(x, seen)))));
  };
  const writers = allOperations().map((o) => o.endpoint as Endpoint).filter((e) => e.method !== 'GET' && holdsWin(e.output));
  expect(writers.map((e) => e.id).sort()).toEqual(expect.arrayContaining(['checkInRoutine', 'completeMicroGoal', 'completeTask', 'logWin', 'recordMeasurement']));
  expect(writers.filter((e) => !FEED_EVENT_SOURCES[e.id]).map((e) => e.id)).toEqual([]);
});

it('streams feed events to members only, and closes a removed member’s stream on the next event', async () => {
  const server = await listenTestServer();
  try {
    const clock = server.clock;
    const owner = await createUserWithWorkspace(server.db, clock, { name: 'Owner', timeZone: 'UTC' });
    const team = await createTeamWorkspace(server.db, clock, { userId: owner.userId, name: 'Live' });
    const mate = await createUserWithWorkspace(server.db, clock, { name: 'Mate', timeZone: 'UTC' });
    await server.db.insertInto('members').values({ workspaceId: team.id, userId: mate.userId, role: 'member', createdAt: clock.now().toISOString() }).execute();
    const tokenOf = async (userId: string) => ({ authorization: `Bearer ${(await createApiToken(server.db, clock, { userId, name: 't' })).token}` });
    const ownerH = await tokenOf(owner.userId);
    const mateH = await tokenOf(mate.userId);
    const url = `${server.url}/api/v1/workspaces/${team.id}/feed/events`;

    const anonymous = readEvents(url, {});
    expect(await anonymous.status).toBe(401);
    anonymous.close();
    const outsider = await createUserWithWorkspace(server.db, clock, { name: 'Out', timeZone: 'UTC' });
    const stranger = readEvents(url, await tokenOf(outsider.userId));
    expect(await stranger.status).toBe(404);
    stranger.close();

    const stream = readEvents(url, mateH);
    expect(await stream.status).toBe(200);
    await stream.ready;
    const post = async (e: Endpoint, input: Record<string, unknown>) => {
      const req = buildRequest(e, input, { workspaceId: team.id });
      const res = await fetch(`${server.url}${req.url}`, { method: req.method, headers: { ...ownerH, 'content-type': 'application/json' }, body: JSON.stringify(req.body) });
      return (await res.json()) as { id: string };
    };
    await post(p.logWin, { title: 'Private one', visibility: 'private' });
    const win = await post(p.logWin, { title: 'Shared one', visibility: 'shared' });
    const event = await stream.next((d) => d.startsWith('data:'));
    expect(JSON.parse(event.slice(5))).toEqual({ type: 'win', id: win.id });
    // The private win made no event at all.
    expect(stream.events.filter((d) => d.startsWith('data:'))).toHaveLength(1);

    await server.db.deleteFrom('members').where('workspaceId', '=', team.id).where('userId', '=', mate.userId).execute();
    await post(p.logWin, { title: 'After removal', visibility: 'shared' });
    const closed = await stream.next((d) => d.includes('event: closed'));
    expect(closed).toContain('not_a_member');
    expect(stream.events.filter((d) => d.startsWith('data:'))).toHaveLength(1);
    stream.close();
  } finally {
    await server.close();
  }
});

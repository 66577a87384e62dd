import { expect, it } from 'vitest';
import { planEndpoints as p } from '#contracts/api/plan.js';
import { buildRequest } from '#contracts/api/request.js';
import { createApiToken } from '#core/accounts/api-tokens.js';
import { createTeamWorkspace } from '#core/accounts/workspaces.js';
import { fixedClock } from '#core/time/clock.js';
import { createUserWithWorkspace } from '#core/workspaces/bootstrap.js';
import { connect } from '#db/connect.js';
import { engines, openTestDb } from '#test/db.js';
import { readEvents } from '#test/sse.js';
import { testConfig } from '#test/server.js';
import { buildServer } from './app.js';

it.skipIf(!engines().includes('postgres'))('delivers a win posted through one instance to a feed stream on another (PostgreSQL LISTEN/NOTIFY)', async () => {
  const handle = await openTestDb('postgres');
  const clock = fixedClock('2026-11-18T10:00:00Z');
  // Two instances, each with its own pool, on one database: as behind a load balancer.
  const dbB = await connect({ url: handle.url, poolSize: 2 });
  const config = testConfig({ DATABASE_URL: handle.url });
  const a = await buildServer({ db: handle.db, clock, config });
  const b = await buildServer({ db: dbB, clock, config });
  try {
    const urlA = await a.listen({ host: '127.0.0.1', port: 0 });
    const urlB = await b.listen({ host: '127.0.0.1', port: 0 });
    const owner = await createUserWithWorkspace(handle.db, clock, { name: 'Owner', timeZone: 'UTC' });
    const team = await createTeamWorkspace(handle.db, clock, { userId: owner.userId, name: 'Two instances' });
    const { token } = await createApiToken(handle.db, clock, { userId: owner.userId, name: 't' });
    const headers = { authorization: `Bearer ${token}` };

    const stream = readEvents(`${urlB}/api/v1/workspaces/${team.id}/feed/events`, headers);
    expect(await stream.status).toBe(200);
    await stream.ready;
    const req = buildRequest(p.logWin, { title: 'Across instances', visibility: 'shared' }, { workspaceId: team.id });
    const res = await fetch(`${urlA}${req.url}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(req.body) });
    expect(res.status).toBe(201);
    const win = (await res.json()) as { id: string };
    const started = Date.now();
    const event = await stream.next((d) => d.startsWith('data:'), 5000);
    expect(JSON.parse(event.slice(5))).toEqual({ type: 'win', id: win.id });
    expect(Date.now() - started).toBeLessThan(5000);
    stream.close();
  } finally {
    await a.close();
    await b.close();
    await dbB.destroy();
    await handle.close();
  }
});

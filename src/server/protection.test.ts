import { expect, it } from 'vitest';
import { goalEndpoints as g } from '#contracts/api/goals.js';
import { fixedClock } from '#core/time/clock.js';
import { buildServer } from '#server/app.js';
import { openTestDb } from '#test/db.js';
import { describeServer, testConfig } from '#test/server.js';

describeServer('protection', (s) => {
  it('sends security headers, and no-store on API answers', async () => {
    const me = await s.user();
    const res = await s.call(me, g.listGoals, {});
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'cache-control': 'no-store',
    });
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
    const docs = await s.app().inject({ method: 'GET', url: '/api/docs' });
    expect(docs.headers['content-security-policy']).toMatch(/script-src 'self'/);
  });

  it('answers a body over the limit with 413', async () => {
    const me = await s.user();
    const res = await s.app().inject({
      method: 'POST', url: `/api/v1/workspaces/${me.workspaceId}/goals`, headers: { ...me.headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ title: 'x', purpose: 'y'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  it('answers a body that is not JSON with 415, and broken JSON with 400', async () => {
    const me = await s.user();
    const url = `/api/v1/workspaces/${me.workspaceId}/goals`;
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x']) {
      const res = await s.app().inject({ method: 'POST', url, headers: { ...me.headers, 'content-type': type }, payload: 'title=x' });
      expect(res.statusCode, type).toBe(415);
      expect(res.json().error.message).toMatch(/JSON/);
    }
    const broken = await s.app().inject({ method: 'POST', url, headers: { ...me.headers, 'content-type': 'application/json' }, payload: '{"title": ' });
    expect(broken.statusCode).toBe(400);
    const array = await s.app().inject({ method: 'POST', url, headers: { ...me.headers, 'content-type': 'application/json' }, payload: '["title"]' });
    expect(array.statusCode).toBe(400);
    expect(array.json().error.message).toMatch(/JSON object/);
  });

  it('refuses prototype pollution and ignores ids in the body that contradict the path', async () => {
    const me = await s.user();
    const url = `/api/v1/workspaces/${me.workspaceId}/goals`;
    const proto = await s.app().inject({ method: 'POST', url, headers: { ...me.headers, 'content-type': 'application/json' }, payload: '{"title":"x","__proto__":{"isAdmin":true}}' });
    expect(proto.statusCode).toBe(400);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    const goal = (await s.call(me, g.createGoal, { title: 'Mine' })).json().goal;
    const other = await s.user();
    const theirs = (await s.call(other, g.createGoal, { title: 'Theirs' })).json().goal;
    const res = await s.app().inject({ method: 'PATCH', url: `${url}/${goal.id}`, headers: me.headers, payload: { goalId: theirs.id, title: 'Renamed' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().goal.id).toBe(goal.id);
    expect((await s.call(other, g.showGoal, { goalId: theirs.id })).json().goal.title).toBe('Theirs');
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await s.app().inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'not_found' });
  });

  it('reports health with the database', async () => {
    const res = await s.app().inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', database: 'ok' });
  });
});

it('never leaks a stack trace or SQL in a 500', async () => {
  const handle = await openTestDb('sqlite');
  const app = await buildServer({ db: handle.db, clock: fixedClock('2026-11-18T10:00:00Z'), config: testConfig() });
  app.get('/api/v1/boom', async () => {
    throw new Error('SQLITE_ERROR: near "selec": syntax error in select * from users at /work/src/secret.ts:12');
  });
  const res = await app.inject({ method: 'GET', url: '/api/v1/boom' });
  expect(res.statusCode).toBe(500);
  expect(res.json()).toEqual({ error: { code: 'internal', message: expect.stringMatching(/went wrong on our side/) } });
  expect(res.body).not.toMatch(/SQLITE|select|secret\.ts|at /);
  await app.close();
  await handle.close();
});

it('logs requests as JSON lines without passwords, tokens or cookies', async () => {
  const handle = await openTestDb('sqlite');
  const lines: string[] = [];
  const stream = { write: (line: string) => void lines.push(line) };
  const app = await buildServer({ db: handle.db, clock: fixedClock('2026-11-18T10:00:00Z'), config: testConfig() }, { logger: { level: 'info', stream } });
  const password = 'a very secret passphrase 42';
  const signup = await app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: { email: 'log@example.com', password, name: 'Log', timeZone: 'UTC' } });
  const cookie = signup.cookies.find((c) => c.name === 'sw_session')!.value;
  const created = await app.inject({ method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'cli' }, headers: { cookie: `sw_session=${cookie}`, origin: 'http://localhost:80' } });
  const token = created.json().token as string;
  await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
  await app.close();
  await handle.close();
  expect(lines.length).toBeGreaterThan(3);
  for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  const all = lines.join('\n');
  expect(all).toContain('/api/v1/me');
  for (const secret of [password, token, cookie]) expect(all).not.toContain(secret);
});

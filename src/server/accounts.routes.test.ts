import { expect, it } from 'vitest';
import { accountEndpoints as a } from '#contracts/api/accounts.js';
import { goalEndpoints as g } from '#contracts/api/goals.js';
import { AUTH_LIMITS } from '#api/accounts.ops.js';
import { describeServer } from '#test/server.js';

const ORIGIN = 'http://localhost:80';
const PASSWORD = 'correct horse battery staple';
let n = 0;
const email = () => `person${++n}-${Math.random().toString(36).slice(2, 8)}@example.com`;

describeServer('accounts and sessions', (s) => {
  async function signUp(address = email(), extra: Record<string, unknown> = {}) {
    const res = await s.call(null, a.signUp, { email: address, password: PASSWORD, name: 'Ana', timeZone: 'Europe/Lisbon', ...extra }, { headers: { origin: ORIGIN } });
    return res;
  }
  const cookieOf = (res: { cookies: Array<{ name: string; value: string }> }) => {
    const c = res.cookies.find((x) => x.name === 'sw_session');
    if (!c) throw new Error('no session cookie');
    return `sw_session=${c.value}`;
  };
  const login = (address: string, password = PASSWORD, headers: Record<string, string> = {}) =>
    s.app().inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: address, password }, headers: { origin: ORIGIN, ...headers } });

  it('signs up the first account as server owner with an HttpOnly, SameSite=Lax session cookie', async () => {
    const res = await signUp();
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.user).toMatchObject({ name: 'Ana', timeZone: 'Europe/Lisbon', hasPassword: true });
    expect(body.user).not.toHaveProperty('passwordHash');
    const cookie = res.cookies.find((c) => c.name === 'sw_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await s.app().inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: cookieOf(res) } });
    expect(me.statusCode).toBe(200);
    expect(me.json().workspaces).toEqual([expect.objectContaining({ id: body.personalWorkspaceId, kind: 'personal', role: 'owner' })]);
  });

  it('refuses a duplicate email with 409 and a weak password with 400 naming the field', async () => {
    const address = email();
    expect((await signUp(address)).statusCode).toBe(201);
    const again = await signUp(address);
    expect(again.statusCode).toBe(409);
    const weak = await signUp(email(), { password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details).toEqual([expect.objectContaining({ path: 'password' })]);
  });

  it('gives a new session id at every login, so a planted cookie never becomes a session (fixation)', async () => {
    const address = email();
    await signUp(address);
    const planted = 'sw_session=attacker-chosen-value';
    const res = await login(address, PASSWORD, { cookie: planted });
    expect(res.statusCode).toBe(200);
    expect(cookieOf(res)).not.toBe(planted);
    const withPlanted = await s.app().inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: planted } });
    expect(withPlanted.statusCode).toBe(401);
    const second = await login(address);
    expect(cookieOf(second)).not.toBe(cookieOf(res));
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const address = email();
    await signUp(address);
    const wrong = await login(address, 'not the password at all');
    const unknown = await login(email(), 'not the password at all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('ends a session at logout: replaying its cookie is refused', async () => {
    const res = await signUp();
    const cookie = cookieOf(res);
    const out = await s.app().inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie, origin: ORIGIN } });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'sw_session')?.value).toBe('');
    const replay = await s.app().inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(replay.statusCode).toBe(401);
  });

  it('protects cookie-authenticated writes from other sites (CSRF) but not token calls', async () => {
    const res = await signUp();
    const cookie = cookieOf(res);
    const ws = res.json().personalWorkspaceId;
    const url = `/api/v1/workspaces/${ws}/goals`;
    const noOrigin = await s.app().inject({ method: 'POST', url, payload: { title: 'x' }, headers: { cookie } });
    expect(noOrigin.statusCode).toBe(403);
    const evil = await s.app().inject({ method: 'POST', url, payload: { title: 'x' }, headers: { cookie, origin: 'https://evil.example' } });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().error.message).toMatch(/cross-site request forgery/);
    const crossSite = await s.app().inject({ method: 'POST', url, payload: { title: 'x' }, headers: { cookie, 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.statusCode).toBe(403);
    const same = await s.app().inject({ method: 'POST', url, payload: { title: 'Mine' }, headers: { cookie, origin: ORIGIN } });
    expect(same.statusCode).toBe(201);
    const fetchMeta = await s.app().inject({ method: 'POST', url, payload: { title: 'Mine too' }, headers: { cookie, 'sec-fetch-site': 'same-origin' } });
    expect(fetchMeta.statusCode).toBe(201);
    const list = await s.app().inject({ method: 'GET', url, headers: { cookie } });
    expect(list.json().items.map((x: { title: string }) => x.title).sort()).toEqual(['Mine', 'Mine too']);
    const token = (await s.app().inject({ method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'script' }, headers: { cookie, origin: ORIGIN } })).json().token;
    const scripted = await s.app().inject({ method: 'POST', url, payload: { title: 'From a script' }, headers: { authorization: `Bearer ${token}` } });
    expect(scripted.statusCode).toBe(201);
  });

  it('ends other sessions when the password changes, and keeps the current one', async () => {
    const address = email();
    const first = await signUp(address);
    const other = await login(address);
    const change = await s.app().inject({
      method: 'POST', url: '/api/v1/me/password', headers: { cookie: cookieOf(first), origin: ORIGIN },
      payload: { currentPassword: PASSWORD, newPassword: 'an even longer new passphrase' },
    });
    expect(change.statusCode).toBe(200);
    expect(change.json().sessionsEnded).toBe(1);
    expect((await s.app().inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: cookieOf(other) } })).statusCode).toBe(401);
    expect((await s.app().inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: cookieOf(first) } })).statusCode).toBe(200);
    expect((await login(address)).statusCode).toBe(401);
    expect((await login(address, 'an even longer new passphrase')).statusCode).toBe(200);
  });

  it('shows an API token once, stores it hashed, and stops it at once when revoked or expired', async () => {
    const me = await s.user();
    const created = await s.call(me, a.createApiToken, { name: 'backup script', expiresInDays: 1 });
    expect(created.statusCode).toBe(201);
    const { token, record } = created.json();
    expect(token).toMatch(/^sw_[A-Za-z0-9_-]{43}$/);
    const stored = await s.db().selectFrom('apiTokens').selectAll().where('id', '=', record.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(token);
    const listed = (await s.call(me, a.listApiTokens, {})).json().items;
    expect(JSON.stringify(listed)).not.toContain(token);
    const auth = { authorization: `Bearer ${token}` };
    expect((await s.app().inject({ method: 'GET', url: '/api/v1/me', headers: auth })).statusCode).toBe(200);
    s.clock.advance(2 * 24 * 3600 * 1000);
    const expired = await s.app().inject({ method: 'GET', url: '/api/v1/me', headers: auth });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.message).toMatch(/revoked, has expired/);
    const second = (await s.call(me, a.createApiToken, { name: 'cron' })).json();
    expect((await s.call(me, a.revokeApiToken, { tokenId: second.record.id })).statusCode).toBe(204);
    const revoked = await s.app().inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${second.token}` } });
    expect(revoked.statusCode).toBe(401);
  });

  it("cannot revoke another person's token or session", async () => {
    const me = await s.user();
    const other = await s.user();
    const theirs = (await s.call(other, a.createApiToken, { name: 'theirs' })).json();
    expect((await s.call(me, a.revokeApiToken, { tokenId: theirs.record.id })).statusCode).toBe(404);
    expect((await s.app().inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${theirs.token}` } })).statusCode).toBe(200);
  });

  it('runs team workspaces: invite by link, roles, and a removed member loses access on the next request', async () => {
    const owner = await s.user();
    const team = (await s.call(owner, a.createWorkspace, { name: 'Volunteers' })).json();
    expect(team).toMatchObject({ kind: 'team', role: 'owner' });
    const invite = await s.call(owner, a.createInvitation, { role: 'member' }, { workspaceId: team.id });
    expect(invite.statusCode).toBe(201);
    const joiner = await s.user();
    const accepted = await s.call(joiner, a.acceptInvitation, { token: invite.json().token });
    expect(accepted.json()).toEqual({ workspaceId: team.id, role: 'member' });
    expect((await s.call(joiner, g.createGoal, { title: 'Team goal' }, { workspaceId: team.id })).statusCode).toBe(201);
    const members = (await s.call(owner, a.listMembers, {}, { workspaceId: team.id })).json().items;
    expect(members.map((m: { role: string }) => m.role)).toEqual(['owner', 'member']);
    expect((await s.call(joiner, a.createInvitation, { role: 'member' }, { workspaceId: team.id })).statusCode).toBe(403);
    expect((await s.call(owner, a.removeMember, { userId: joiner.userId }, { workspaceId: team.id })).statusCode).toBe(204);
    expect((await s.call(joiner, g.listGoals, {}, { workspaceId: team.id })).statusCode).toBe(404);
    expect((await s.call(joiner, a.acceptInvitation, { token: invite.json().token })).statusCode).toBe(409);
  });
});

describeServer('login and sign-up rate limits', (s) => {
  it(`refuses the ${AUTH_LIMITS.loginPerAccount.limit + 1}th login for one account in 15 minutes with 429 and Retry-After, even from new addresses`, async () => {
    const target = 'victim@example.com';
    await s.call(null, a.signUp, { email: target, password: PASSWORD, name: 'V', timeZone: 'UTC' }, { headers: { origin: ORIGIN } });
    const statuses: number[] = [];
    for (let i = 0; i < AUTH_LIMITS.loginPerAccount.limit; i++) {
      const res = await s.app().inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: target, password: 'wrong guess number ' + i }, remoteAddress: `10.0.0.${i + 1}` });
      statuses.push(res.statusCode);
    }
    expect(statuses.every((x) => x === 401)).toBe(true);
    const blocked = await s.app().inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: target, password: PASSWORD }, remoteAddress: '10.0.1.1' });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.json().error.code).toBe('rate_limited');
    s.clock.advance(AUTH_LIMITS.loginPerAccount.windowSeconds * 1000);
    const later = await s.app().inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: target, password: PASSWORD }, remoteAddress: '10.0.1.1' });
    expect(later.statusCode).toBe(200);
  });

  it('limits one address across accounts, and a spoofed X-Forwarded-For does not reset it', async () => {
    s.clock.advance(3600 * 1000);
    const statuses: number[] = [];
    for (let i = 0; i <= AUTH_LIMITS.loginPerAddress.limit; i++) {
      const res = await s.app().inject({
        method: 'POST', url: '/api/v1/auth/login', remoteAddress: '192.0.2.7',
        headers: { 'x-forwarded-for': `198.51.100.${i}` },
        payload: { email: `nobody${i}@example.com`, password: 'whatever it is' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, AUTH_LIMITS.loginPerAddress.limit).every((x) => x === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('limits sign-ups per address', async () => {
    s.clock.advance(2 * 3600 * 1000);
    const statuses: number[] = [];
    for (let i = 0; i <= AUTH_LIMITS.signUpPerAddress.limit; i++) {
      const res = await s.app().inject({ method: 'POST', url: '/api/v1/auth/signup', remoteAddress: '192.0.2.99', payload: { email: `s${i}@example.com`, password: PASSWORD, name: 'S', timeZone: 'UTC' } });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, -1).every((x) => x === 201)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describeServer(
  'behind a trusted proxy',
  (s) => {
    it('keys the address limit on X-Forwarded-For only when the proxy is trusted', async () => {
      for (let i = 0; i < AUTH_LIMITS.loginPerAddress.limit + 5; i++) {
        const res = await s.app().inject({
          method: 'POST', url: '/api/v1/auth/login', remoteAddress: '127.0.0.1',
          headers: { 'x-forwarded-for': `203.0.113.${i}` },
          payload: { email: `someone${i}@example.com`, password: 'whatever it is' },
        });
        expect(res.statusCode).toBe(401);
      }
    });
  },
  { env: { SMALLWINS_TRUST_PROXY: '127.0.0.1' } },
);

describeServer(
  'invite-only sign-up',
  (s) => {
    it('lets the first account in, then needs an invitation', async () => {
      const first = await s.call(null, a.signUp, { email: 'owner@example.com', password: PASSWORD, name: 'Owner', timeZone: 'UTC' });
      expect(first.statusCode).toBe(201);
      expect(first.json().user.isServerOwner).toBe(true);
      const second = await s.call(null, a.signUp, { email: 'guest@example.com', password: PASSWORD, name: 'Guest', timeZone: 'UTC' });
      expect(second.statusCode).toBe(403);
      expect(second.json().error.message).toMatch(/invitation|closed/i);
    });
  },
  { env: { SMALLWINS_SIGNUP: 'invite' } },
);

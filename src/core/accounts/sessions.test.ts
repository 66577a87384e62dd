import { expect, it } from 'vitest';
import { describeEachEngine } from '#test/db.js';
import { fixedClock } from '../time/clock.js';
import { authenticateToken, createApiToken } from './api-tokens.js';
import { changePassword } from './change-password.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { SESSION_ABSOLUTE_LIFETIME_MS, SESSION_IDLE_TIMEOUT_MS, authenticateSession, listSessions, login, logout, revokeSession } from './sessions.js';
import { signUp } from './sign-up.js';

const PASSWORD = 'correct horse battery';
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
let n = 0;

describeEachEngine('sessions and passwords', (s) => {
  async function account() {
    const clock = fixedClock('2026-12-02T10:00:00Z');
    const email = `p${n++}-${s.engine}@example.com`;
    const { user } = await signUp(s.db(), clock, { email, password: PASSWORD, name: 'Pat', timeZone: 'UTC', mode: 'open' });
    return { clock, email, user };
  }

  it('stores scrypt hashes with their parameters and verifies in constant time', async () => {
    const stored = await hashPassword('a long enough passphrase');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{88}$/);
    expect(await hashPassword('a long enough passphrase')).not.toBe(stored);
    expect(await verifyPassword('a long enough passphrase', stored)).toBe(true);
    expect(await verifyPassword('a long enough passphrasE', stored)).toBe(false);
    expect(await verifyPassword('a long enough passphrase', 'bcrypt$whatever')).toBe(false);
    expect(await verifyPassword('a long enough passphrase', stored.replace('$32768$', '$1073741824$'))).toBe(false);
    await expect(hashPassword('too short')).rejects.toMatchObject({ code: 'validation', message: /at least 10 characters/ });
  });

  it('refuses a wrong password and an unknown email with the same answer', async () => {
    const { clock, email } = await account();
    await expect(login(s.db(), clock, { email, password: 'wrong password!' })).rejects.toMatchObject({ code: 'unauthenticated', message: 'Wrong email or password.' });
    await expect(login(s.db(), clock, { email: 'nobody@example.com', password: PASSWORD })).rejects.toMatchObject({ code: 'unauthenticated', message: 'Wrong email or password.' });
    const ok = await login(s.db(), clock, { email: email.toUpperCase(), password: PASSWORD, userAgent: 'Firefox', ip: '203.0.113.7' });
    expect(ok.session).toMatchObject({ userAgent: 'Firefox', ip: '203.0.113.7', expiresAt: '2027-01-01T10:00:00.000Z' });
  });

  it('keeps only the hash of the secret and mints a new session at every login', async () => {
    const { clock, email, user } = await account();
    const first = await login(s.db(), clock, { email, password: PASSWORD });
    const second = await login(s.db(), clock, { email, password: PASSWORD });
    expect(first.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second.secret).not.toBe(first.secret);
    expect(second.session.id).not.toBe(first.session.id);
    const rows = await s.db().selectFrom('sessions').selectAll().where('userId', '=', user.id).execute();
    expect(rows.map((r) => r.id).sort()).toEqual([first.session.id, second.session.id].sort());
    expect(JSON.stringify(rows)).not.toContain(first.secret);
    // A secret known before the second login (fixation) stays its own session, never the new one.
    expect((await authenticateSession(s.db(), clock, first.secret))?.session.id).toBe(first.session.id);
    expect(await authenticateSession(s.db(), clock, first.session.id)).toBeNull();
    expect(await authenticateSession(s.db(), clock, '')).toBeNull();
  });

  it('does not accept a secret again after logout', async () => {
    const { clock, email } = await account();
    const { secret } = await login(s.db(), clock, { email, password: PASSWORD });
    expect((await authenticateSession(s.db(), clock, secret))?.user.email).toBe(email);
    expect(await logout(s.db(), clock, secret)).toBe(true);
    expect(await authenticateSession(s.db(), clock, secret)).toBeNull();
    expect(await logout(s.db(), clock, secret)).toBe(false);
  });

  it('ends a session after 14 idle days, touching last_seen_at at most once a minute', async () => {
    const { clock, email } = await account();
    const { secret, session } = await login(s.db(), clock, { email, password: PASSWORD });
    const lastSeen = async () => (await s.db().selectFrom('sessions').select('lastSeenAt').where('id', '=', session.id).executeTakeFirstOrThrow()).lastSeenAt;
    clock.advance(30_000);
    await authenticateSession(s.db(), clock, secret);
    expect(await lastSeen()).toBe('2026-12-02T10:00:00.000Z');
    clock.advance(30_000);
    await authenticateSession(s.db(), clock, secret);
    expect(await lastSeen()).toBe('2026-12-02T10:01:00.000Z');
    clock.advance(SESSION_IDLE_TIMEOUT_MS - 1);
    expect(await authenticateSession(s.db(), clock, secret)).not.toBeNull();
    clock.advance(SESSION_IDLE_TIMEOUT_MS);
    expect(await authenticateSession(s.db(), clock, secret)).toBeNull();
    expect(await listSessions(s.db(), session.userId, clock)).toEqual([]);
  });

  it('ends an active session 30 days after login', async () => {
    const { clock, email } = await account();
    const { secret } = await login(s.db(), clock, { email, password: PASSWORD });
    for (let day = 1; day < 30; day++) {
      clock.advance(DAY);
      expect(await authenticateSession(s.db(), clock, secret), `day ${day}`).not.toBeNull();
    }
    clock.set(new Date(Date.parse('2026-12-02T10:00:00Z') + SESSION_ABSOLUTE_LIFETIME_MS));
    expect(await authenticateSession(s.db(), clock, secret)).toBeNull();
  });

  it('lists and revokes one own session; another person cannot revoke it', async () => {
    const a = await account();
    const b = await account();
    const one = await login(s.db(), a.clock, { email: a.email, password: PASSWORD });
    const two = await login(s.db(), a.clock, { email: a.email, password: PASSWORD });
    expect((await listSessions(s.db(), a.user.id)).map((x) => x.id).sort()).toEqual([one.session.id, two.session.id].sort());
    await expect(revokeSession(s.db(), a.clock, { userId: b.user.id, sessionId: one.session.id })).rejects.toMatchObject({ code: 'not_found' });
    await revokeSession(s.db(), a.clock, { userId: a.user.id, sessionId: one.session.id });
    expect(await authenticateSession(s.db(), a.clock, one.secret)).toBeNull();
    expect(await authenticateSession(s.db(), a.clock, two.secret)).not.toBeNull();
  });

  it('changes the password, ending other sessions but keeping this one and the API tokens', async () => {
    const { clock, email, user } = await account();
    const here = await login(s.db(), clock, { email, password: PASSWORD });
    const elsewhere = await login(s.db(), clock, { email, password: PASSWORD });
    const { token } = await createApiToken(s.db(), clock, { userId: user.id, name: 'script' });
    const change = { userId: user.id, currentSessionId: here.session.id, newPassword: 'a brand new passphrase' };
    await expect(changePassword(s.db(), clock, { ...change, currentPassword: 'not my password' })).rejects.toMatchObject({ code: 'validation', details: [{ path: 'currentPassword' }] });
    await expect(changePassword(s.db(), clock, { ...change, currentPassword: PASSWORD, newPassword: 'short' })).rejects.toMatchObject({ details: [{ path: 'newPassword' }] });
    expect(await changePassword(s.db(), clock, { ...change, currentPassword: PASSWORD })).toEqual({ sessionsEnded: 1, tokensRevoked: 0 });
    expect(await authenticateSession(s.db(), clock, here.secret)).not.toBeNull();
    expect(await authenticateSession(s.db(), clock, elsewhere.secret)).toBeNull();
    expect(await authenticateToken(s.db(), clock, token)).not.toBeNull();
    await expect(login(s.db(), clock, { email, password: PASSWORD })).rejects.toMatchObject({ code: 'unauthenticated' });
    await login(s.db(), clock, { email, password: 'a brand new passphrase' });
    const all = await changePassword(s.db(), clock, { userId: user.id, currentPassword: 'a brand new passphrase', newPassword: 'a third passphrase', revokeApiTokens: true });
    expect(all).toEqual({ sessionsEnded: 2, tokensRevoked: 1 });
    expect(await authenticateToken(s.db(), clock, token)).toBeNull();
  });
});

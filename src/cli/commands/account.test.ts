import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliRunner } from '#test/cli.js';
import { listenTestServer } from '#test/server.js';

describe('smallwins login: the same commands over HTTP', () => {
  let running: Awaited<ReturnType<typeof listenTestServer>>;
  let server: string;

  beforeAll(async () => {
    running = await listenTestServer();
    server = running.url;
    const res = await fetch(`${server}/api/v1/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ana@example.com', password: 'correct horse battery staple', name: 'Ana', timeZone: 'Europe/Paris' }),
    });
    expect(res.status).toBe(201);
  });
  afterAll(async () => {
    await running.close();
  });

  it('logs in with a password, works on the server, and logs out', async () => {
    const sw = cliRunner({ env: { SMALLWINS_PASSWORD: 'correct horse battery staple' } });
    const login = await sw('login', '--server', server, '--email', 'ana@example.com');
    expect(login.stderr).toBe('');
    expect(login.code).toBe(0);
    expect(login.stdout).toMatch(/Logged in to http:\/\/127\.0\.0\.1:\d+ as ana@example\.com/);
    const file = join(sw.env.XDG_CONFIG_HOME!, 'smallwins', 'credentials.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);

    expect((await sw('goal', 'add', 'Ship the beta', '--purpose', 'Learn from real users')).code).toBe(0);
    expect((await sw('metric', 'add', 'ship the beta', 'Beta users', '--baseline', '0', '--target', '20')).code).toBe(0);
    const show = await sw('goal', 'show', 'beta');
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/Ship the beta/);
    expect(show.stdout).toMatch(/★ Beta users/);

    // The goal lives on the server, not in the local database.
    const rows = await running.db.selectFrom('goals').select('title').execute();
    expect(rows.map((r) => r.title)).toContain('Ship the beta');
    const local = await sw('--local', '--json', 'goal', 'list');
    expect(local.json()).toEqual([]);

    const who = await sw('whoami');
    expect(who.stdout).toMatch(/Ana ana@example\.com on http/);

    const bad = await sw('goal', 'add', '');
    expect(bad.code).toBe(2);

    expect((await sw('logout')).code).toBe(0);
    expect(existsSync(file)).toBe(false);
    expect((await sw('--json', 'goal', 'list')).json()).toEqual([]);
  });

  it('refuses a wrong password with exit code 1 and keeps no credentials', async () => {
    const sw = cliRunner({ env: { SMALLWINS_PASSWORD: 'not the right one at all' } });
    const res = await sw('login', '--server', server, '--email', 'ana@example.com');
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/Wrong email or password/);
    expect(existsSync(join(sw.env.XDG_CONFIG_HOME!, 'smallwins', 'credentials.json'))).toBe(false);
  });

  it('says clearly when the server cannot be reached', async () => {
    const sw = cliRunner({ env: { SMALLWINS_PASSWORD: 'x' } });
    const res = await sw('login', '--server', 'http://127.0.0.1:9', '--email', 'ana@example.com');
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/Cannot reach the server at http:\/\/127\.0\.0\.1:9/);
  });
});

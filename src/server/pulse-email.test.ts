import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lifeEndpoints as l } from '#contracts/api/life.js';
import { outreachEndpoints as o } from '#contracts/api/outreach.js';
import type { Endpoint } from '#contracts/api/endpoint.js';
import { buildRequest } from '#contracts/api/request.js';
import { createApiToken } from '#core/accounts/api-tokens.js';
import { createTeamWorkspace } from '#core/accounts/workspaces.js';
import type { Role } from '#core/context.js';
import { fixedClock } from '#core/time/clock.js';
import { createUserWithWorkspace } from '#core/workspaces/bootstrap.js';
import { engines, openTestDb, type Engine, type TestDb } from '#test/db.js';
import { testConfig } from '#test/server.js';
import { buildServer } from './app.js';
import { createScheduler, type Scheduler } from './scheduler.js';

/*
 * Pulse prompts end to end: a team's pulse schedule set through the API, the scheduler ticking
 * through the weeks Europe and the United States leave summer time, and each member's prompt read
 * back from a real SMTP server on 127.0.0.1.
 */

const PUBLIC_URL = 'https://wins.example.org';
const MINUTE = 60_000;
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

async function startSmtp(clock: { now(): Date }): Promise<{ port: number; messages: Array<ParsedMail & { at: Date }>; close(): Promise<void> }> {
  const messages: Array<ParsedMail & { at: Date }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const at = clock.now();
      simpleParser(stream).then(
        (mail) => {
          messages.push(Object.assign(mail, { at }));
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  return { port: (server.server.address() as AddressInfo).port, messages, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const header = (mail: ParsedMail, name: string): string => mail.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '') ?? '';
const toOf = (mail: ParsedMail): string => (mail.to && !Array.isArray(mail.to) ? mail.to.text : '');

function forEachEngine(name: string, body: (engine: Engine) => void): void {
  for (const engine of engines()) describe(`${name} [${engine}]`, () => body(engine));
}

forEachEngine('pulse prompts by SMTP', (engine) => {
  let handle: TestDb;
  let sink: Awaited<ReturnType<typeof startSmtp>>;
  let app: FastifyInstance;
  let scheduler: Scheduler;
  const clock = fixedClock('2026-10-25T20:00:00Z');

  beforeAll(async () => {
    handle = await openTestDb(engine);
    sink = await startSmtp(clock);
    const config = testConfig({ SMALLWINS_SMTP_URL: `smtp://127.0.0.1:${sink.port}`, SMALLWINS_PUBLIC_URL: PUBLIC_URL, SMALLWINS_MAIL_FROM: 'Small Wins <wins@example.org>' });
    app = await buildServer({ db: handle.db, clock, config });
    scheduler = createScheduler({ db: handle.db, clock, config, log: quiet });
  });
  afterAll(async () => {
    await scheduler.stop();
    await app.close();
    await sink.close();
    await handle.close();
  });

  it("emails each member once per round at the schedule's time in their own time zone, through the clock changes", async () => {
    const db = handle.db;
    const person = async (name: string, timeZone: string) => {
      const actor = await createUserWithWorkspace(db, clock, { name, email: `${name.toLowerCase()}@example.org`, timeZone });
      const { token } = await createApiToken(db, clock, { userId: actor.userId, name: 'test' });
      return { ...actor, headers: { authorization: `Bearer ${token}` } };
    };
    const [ada, ben, cy, dee, eve] = [
      await person('Ada', 'Europe/Paris'),
      await person('Ben', 'America/New_York'),
      await person('Cy', 'Asia/Tokyo'),
      await person('Dee', 'Europe/Paris'),
      await person('Eve', 'Europe/Paris'),
    ];
    const crew = await createTeamWorkspace(db, clock, { userId: ada.userId, name: 'Crew' });
    const roles: Array<[typeof ben, Role]> = [[ben, 'member'], [cy, 'member'], [dee, 'viewer'], [eve, 'admin']];
    for (const [p, role] of roles) await db.insertInto('members').values({ workspaceId: crew.id, userId: p.userId, role, createdAt: clock.now().toISOString() }).execute();
    const call = async (who: { headers: Record<string, string> }, e: Endpoint, input: Record<string, unknown>, workspaceId?: string) => {
      const req = buildRequest(e, input, { workspaceId });
      const res = await app.inject({ method: req.method, url: req.url, headers: who.headers, ...(req.body !== undefined ? { payload: req.body } : {}) });
      return { status: res.statusCode, body: res.json() as Record<string, unknown> };
    };

    // A member may not set the schedule; the admin does: Mondays at 09:00, three questions.
    expect((await call(ben, l.setPulseSchedule, { weekday: 1, time: '09:00' }, crew.id)).status).toBe(403);
    const set = await call(eve, l.setPulseSchedule, { kinds: ['morale', 'clarity'], customQuestions: ['Do we know who our customer is?'], weekday: 1, time: '09:00' }, crew.id);
    expect(set).toMatchObject({ status: 200, body: { startWeek: '2026-W43', everyWeeks: 1 } });
    // Cy turns pulse prompts off.
    expect((await call(cy, o.updateEmailPreferences, { pulsePrompts: false })).body).toMatchObject({ pulsePrompts: false, report: true });

    const tickUntil = async (iso: string, step = 30 * MINUTE) => {
      for (let t = clock.now().getTime() + step; t <= Date.parse(iso); t += step) {
        clock.set(new Date(t));
        if (t === Date.parse('2026-10-26T06:00:00Z')) {
          // 07:00 in Paris on Monday 26 October: Eve answers everything before the round's 09:00.
          for (const kind of ['morale', 'clarity'] as const) await call(eve, l.recordPulse, { kind, value: 4 }, crew.id);
          await call(eve, l.recordPulse, { kind: 'custom', question: 'do we know who our customer is?', value: 3 }, crew.id);
        }
        await scheduler.tick();
      }
    };
    await scheduler.tick();
    const prompts = () => sink.messages.filter((m) => /pulse is open/.test(m.subject ?? ''));
    // Monday 26 October, the day after Europe left summer time: 09:00 in Paris is 08:00 UTC.
    await tickUntil('2026-10-26T10:00:00Z');
    expect(prompts().map((m) => [toOf(m), m.at.toISOString()])).toEqual([['ada@example.org', '2026-10-26T08:00:00.000Z']]);
    // Moving the time after a round opened sends nobody a second prompt for it: one per round, ever.
    const moved = await call(eve, l.setPulseSchedule, { kinds: ['morale', 'clarity'], customQuestions: ['Do we know who our customer is?'], weekday: 1, time: '12:00' }, crew.id);
    expect(moved.status).toBe(200);
    await tickUntil('2026-10-27T12:00:00Z');
    // New York is still on summer time: 12:00 there is 16:00 UTC. Eve answered already, Cy said no, Dee only views.
    expect(prompts().map((m) => [toOf(m), m.at.toISOString()])).toEqual([
      ['ada@example.org', '2026-10-26T08:00:00.000Z'],
      ['ben@example.org', '2026-10-26T16:00:00.000Z'],
    ]);
    const adaMail = prompts()[0]!;
    expect(adaMail.subject).toBe("Your team's pulse is open: 3 quick questions");
    expect(adaMail.text).toContain("Crew's pulse is open until the end of Sunday 1 November.");
    expect(adaMail.text).toContain('• Morale\n• Clarity of vision\n• Do we know who our customer is?');
    expect(adaMail.text).toContain('the team only ever sees weekly averages, and only once at least 3 people have answered');
    expect(adaMail.text).toContain(`${PUBLIC_URL}/today?workspace=${crew.id}`);
    expect(adaMail.html).toContain(`href="${PUBLIC_URL}/today?workspace=${crew.id}"`);

    // Ada turns pulse prompts off by the link of her email, without signing in; nothing else changes.
    const link = /^<(https:\/\/wins\.example\.org\/unsubscribe\/[^>]+)>$/.exec(header(adaMail, 'list-unsubscribe'))?.[1];
    expect(link).toBeDefined();
    const page = await app.inject({ method: 'GET', url: new URL(link!).pathname });
    expect(page.body).toContain('You will no longer get prompts when a pulse round opens');
    expect((await call(ada, o.getEmailPreferences, {})).body).toMatchObject({ pulsePrompts: false, report: true, routineReminders: true });

    // The next round, after New York left summer time too (1 November): 12:00 there is now 17:00 UTC.
    await tickUntil('2026-11-02T00:00:00Z', 4 * 60 * MINUTE);
    await tickUntil('2026-11-03T00:00:00Z');
    expect(prompts().slice(2).map((m) => [toOf(m), m.at.toISOString()])).toEqual([
      ['eve@example.org', '2026-11-02T11:00:00.000Z'],
      ['ben@example.org', '2026-11-02T17:00:00.000Z'],
    ]);
    const keys = await db.selectFrom('emailOutbox').select(['idempotencyKey', 'kind', 'status']).where('kind', '=', 'pulse_prompt').orderBy('dueAt').execute();
    expect(keys.map((k) => k.idempotencyKey)).toEqual([
      `pulse-prompt:${ada.userId}:${crew.id}:2026-10-26`,
      `pulse-prompt:${ben.userId}:${crew.id}:2026-10-26`,
      `pulse-prompt:${eve.userId}:${crew.id}:2026-11-02`,
      `pulse-prompt:${ben.userId}:${crew.id}:2026-11-02`,
    ]);
    expect(keys.every((k) => k.status === 'sent')).toBe(true);
    expect(prompts().filter((m) => /dee@|cy@/.test(toOf(m)))).toEqual([]);
  });
});

import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outreachEndpoints } from '#contracts/api/outreach.js';
import { buildRequest } from '#contracts/api/request.js';
import type { Endpoint } from '#contracts/api/endpoint.js';
import { createApiToken } from '#core/accounts/api-tokens.js';
import type { Ctx } from '#core/context.js';
import { createGoal } from '#core/goals/create-goal.js';
import { claimDue, type Mailer, type OutgoingEmail } from '#core/outreach/deliver-outbox.js';
import { advanceState, recordEmailStatus, STATE_KEYS } from '#core/outreach/outreach-state.js';
import { planWeek } from '#core/plan/plan-week.js';
import { checkInRoutine } from '#core/routines/check-in-routine.js';
import { createRoutine } from '#core/routines/create-routine.js';
import { addTask } from '#core/tasks/add-task.js';
import { completeTask } from '#core/tasks/complete-task.js';
import { fixedClock } from '#core/time/clock.js';
import { wallTime } from '#core/time/local-day.js';
import { endOfMonth, isoWeekday } from '#core/time/plain-date.js';
import { logWin } from '#core/wins/log-win.js';
import { createUserWithWorkspace } from '#core/workspaces/bootstrap.js';
import { connect, type Db } from '#db/connect.js';
import { engines, openTestDb, type Engine, type TestDb } from '#test/db.js';
import { testConfig } from '#test/server.js';
import { buildServer } from './app.js';
import { createScheduler, TICK_QUEUE, type Scheduler } from './scheduler.js';

/*
 * Email end to end: real SMTP on 127.0.0.1 (smtp-server) read back with mailparser, a simulated
 * week across time zones and daylight-saving changes, failures and retries, and on PostgreSQL two
 * scheduler instances sharing one database.
 */

const PUBLIC_URL = 'https://wins.example.org';
const MINUTE = 60_000;
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

interface Sink {
  port: number;
  messages: ParsedMail[];
  /** Every DATA the server received, accepted or not. */
  attempts: number;
  /** When set, every message is answered with this SMTP error. */
  reject: { code: number; message: string } | null;
  close(): Promise<void>;
}

async function startSmtp(): Promise<Sink> {
  const sink: Sink = {
    port: 0,
    messages: [],
    attempts: 0,
    reject: null,
    close: async () => undefined,
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      sink.attempts++;
      simpleParser(stream).then(
        (mail) => {
          if (sink.reject) return callback(Object.assign(new Error(sink.reject.message), { responseCode: sink.reject.code }));
          sink.messages.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  sink.port = (server.server.address() as AddressInfo).port;
  sink.close = () => new Promise((resolve) => server.close(() => resolve()));
  return sink;
}

function emailConfig(sink: Sink, extra: Record<string, string> = {}) {
  return testConfig({ SMALLWINS_SMTP_URL: `smtp://127.0.0.1:${sink.port}`, SMALLWINS_PUBLIC_URL: PUBLIC_URL, SMALLWINS_MAIL_FROM: 'Small Wins <wins@example.org>', ...extra });
}

interface Person {
  ctx: Ctx;
  headers: Record<string, string>;
}

async function person(db: Db, clock: ReturnType<typeof fixedClock>, name: string, timeZone: string, email: string): Promise<Person> {
  const actor = await createUserWithWorkspace(db, clock, { name, email, timeZone });
  const { token } = await createApiToken(db, clock, { userId: actor.userId, name: 'test' });
  return { ctx: { db, clock, actor }, headers: { authorization: `Bearer ${token}` } };
}

async function call(app: FastifyInstance, who: Person, e: Endpoint, input: Record<string, unknown> = {}) {
  const req = buildRequest(e, input);
  const res = await app.inject({ method: req.method, url: req.url, headers: who.headers, ...(req.body !== undefined ? { payload: req.body } : {}) });
  return { status: res.statusCode, body: res.json() as Record<string, unknown> & { items?: Array<Record<string, unknown>> } };
}

function header(mail: ParsedMail, name: string): string {
  return mail.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '') ?? '';
}

function forEachEngine(name: string, body: (engine: Engine) => void): void {
  for (const engine of engines()) describe(`${name} [${engine}]`, () => body(engine));
}

forEachEngine('the weekly report by SMTP', (engine) => {
  let handle: TestDb;
  let sink: Sink;
  let app: FastifyInstance;
  let scheduler: Scheduler;
  const clock = fixedClock('2026-10-26T08:00:00Z');

  beforeAll(async () => {
    handle = await openTestDb(engine);
    sink = await startSmtp();
    const config = emailConfig(sink);
    app = await buildServer({ db: handle.db, clock, config });
    scheduler = createScheduler({ db: handle.db, clock, config, log: quiet });
    await recordEmailStatus(handle.db, clock, { enabled: true, reason: null, publicUrl: PUBLIC_URL });
  });
  afterAll(async () => {
    await scheduler.stop();
    await app.close();
    await sink.close();
    await handle.close();
  });

  it('arrives on Friday at 16:00 in Paris with its parts and links, and stops after one click', async () => {
    const ada = await person(handle.db, clock, 'Ada', 'Europe/Paris', 'ada@example.org');
    const { goal } = await createGoal(ada.ctx, { title: 'First 10 paying customers' });
    await planWeek(ada.ctx, { week: '2026-W44', plan: 'Book three discovery calls', microGoals: [{ goalId: goal.id, title: 'Three discovery calls' }] });
    await completeTask(ada.ctx, { taskId: (await addTask(ada.ctx, { title: 'Email the shortlist', minutes: 30 })).id, actualMinutes: 25 });
    await logWin(ada.ctx, { title: 'Signed the first pilot <customer> & co' });

    clock.set('2026-10-30T14:00:00Z');
    await scheduler.tick();
    expect(sink.messages).toHaveLength(0);
    // 16:00 in Paris: winter time since the 25th, so 15:00 UTC.
    clock.set('2026-10-30T14:59:00Z');
    await scheduler.tick();
    expect(sink.messages).toHaveLength(0);
    clock.set('2026-10-30T15:00:00Z');
    await scheduler.tick();
    expect(sink.messages).toHaveLength(1);

    const mail = sink.messages[0]!;
    expect(mail.subject).toMatch(/^Weekly report: Ada \(2026-W44\): 0 micro-goals and 1 task done, 2 wins$/);
    expect(mail.from?.text).toBe('"Small Wins" <wins@example.org>');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('ada@example.org');
    expect(mail.messageId).toMatch(/^<[0-9a-z]{16}@wins\.example\.org>$/);
    expect(mail.text).toContain('Signed the first pilot <customer> & co');
    expect(mail.text).toContain('Three discovery calls');
    expect(mail.html).toContain('Signed the first pilot &lt;customer&gt; &amp; co');
    expect(mail.html).not.toContain('<customer>');
    const listUnsubscribe = header(mail, 'list-unsubscribe');
    const link = /^<(https:\/\/wins\.example\.org\/unsubscribe\/[^>]+)>$/.exec(listUnsubscribe)?.[1];
    expect(link).toBeDefined();
    expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.html).toContain(`href="${link!}"`);
    expect(mail.text).toContain(link!);

    // The link works without signing in, and turns the report off (nothing else).
    const page = await app.inject({ method: 'GET', url: new URL(link!).pathname });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('You will no longer get the weekly progress report');
    const prefs = await call(app, ada, outreachEndpoints.getEmailPreferences);
    expect(prefs.body).toMatchObject({ report: false, reviewReminders: true, sendsTo: 'ada@example.org', delivery: { enabled: true } });
    const forged = await app.inject({ method: 'GET', url: `${new URL(link!).pathname.slice(0, -3)}xyz` });
    expect(forged.statusCode).toBe(404);

    // A week later: review reminders go out, the report does not.
    for (let t = Date.parse('2026-10-30T16:00:00Z'); t <= Date.parse('2026-11-06T18:00:00Z'); t += 60 * MINUTE) {
      clock.set(new Date(t));
      await scheduler.tick();
    }
    expect(sink.messages.map((m) => m.subject)).toEqual([mail.subject, 'Time for your monthly review (2026-10)', 'Time for your weekly review (2026-W44)']);

    // One-click (RFC 8058) from the reminder's header turns reminders off too.
    const reminderLink = /<([^>]+)>/.exec(header(sink.messages[2]!, 'list-unsubscribe'))![1]!;
    const oneClick = await app.inject({ method: 'POST', url: new URL(reminderLink).pathname, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(oneClick.statusCode).toBe(200);
    expect((await call(app, ada, outreachEndpoints.getEmailPreferences)).body).toMatchObject({ report: false, reviewReminders: false });

    const emails = await call(app, ada, outreachEndpoints.listEmails);
    expect(emails.body.items?.map((e) => [e.kind, e.status, e.attempts])).toEqual([
      ['review_reminder', 'sent', 1],
      ['review_reminder', 'sent', 1],
      ['report', 'sent', 1],
    ]);
  });
});

/** A mailer that records what it is given and when, for the long simulation (SMTP is tested above). */
function recordingMailer(clock: { now(): Date }): Mailer & { sent: Array<OutgoingEmail & { at: Date }> } {
  const sent: Array<OutgoingEmail & { at: Date }> = [];
  return {
    sent,
    async send(email) {
      sent.push({ ...email, at: clock.now() });
    },
  };
}

forEachEngine('a simulated week across time zones', (engine) => {
  let handle: TestDb;
  beforeAll(async () => {
    handle = await openTestDb(engine);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('sends each report and reminder once, at its local time, through DST changes and a restart', async () => {
    const db = handle.db;
    const clock = fixedClock('2026-10-21T00:00:00Z');
    const config = testConfig({ SMALLWINS_SMTP_URL: 'smtp://127.0.0.1:1', SMALLWINS_PUBLIC_URL: PUBLIC_URL });
    const mailer = recordingMailer(clock);
    const zones = ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney'];
    const people = await Promise.all(zones.map((z, i) => person(db, clock, `Person ${i}`, z, `p${i}@example.org`)));
    const routines = new Map<string, { userIndex: number; time: string }>();
    for (const [i, p] of people.entries()) {
      const r = await createRoutine(p.ctx, { name: `Morning pages ${i}`, reminderTime: '07:30', startDay: '2026-10-01' });
      routines.set(r.id, { userIndex: i, time: '07:30' });
    }
    // 02:30 happens twice in Paris on 25 October: one reminder, at the first.
    const night = await createRoutine(people[0]!.ctx, { name: 'Night shift', reminderTime: '02:30', startDay: '2026-10-01' });
    routines.set(night.id, { userIndex: 0, time: '02:30' });
    const paris = people[0]!;
    const morningParis = [...routines].find(([, r]) => r.userIndex === 0 && r.time === '07:30')![0];
    // New York has done the weekly review of W44 already: no reminder for it.
    await db.insertInto('reviews').values({ id: 'rv1', workspaceId: people[1]!.ctx.actor.workspaceId, userId: people[1]!.ctx.actor.userId, kind: 'weekly', period: '2026-W44', status: 'done', summary: '', startedAt: '2026-10-30T12:00:00Z', completedAt: '2026-10-30T12:30:00Z' }).execute();

    const start = Date.parse('2026-10-22T00:00:00Z');
    const end = Date.parse('2026-11-02T00:00:00Z');
    const step = 15 * MINUTE;
    // The server is down from 14:50 to 15:40 UTC on Friday 30 October, over Paris's 16:00 report.
    const downFrom = Date.parse('2026-10-30T14:50:00Z');
    const downTo = Date.parse('2026-10-30T15:40:00Z');
    let scheduler = createScheduler({ db, clock, config, log: quiet, mailer });
    let restarted = false;
    for (let t = start; t <= end; t += step) {
      if (t > downFrom && t < downTo) continue;
      if (t >= downTo && !restarted) {
        await scheduler.stop();
        scheduler = createScheduler({ db, clock, config, log: quiet, mailer });
        restarted = true;
      }
      clock.set(new Date(t));
      if (t === Date.parse('2026-10-27T05:00:00Z')) {
        // 06:00 in Paris: checked in before the 07:30 reminder, which then is not sent.
        await checkInRoutine({ ...paris.ctx, clock }, { routineId: morningParis, status: 'done' });
      }
      await scheduler.tick();
    }
    await scheduler.stop();

    // What should have gone out, read off each zone's wall clock every 15 minutes (not via instantAt).
    const expected: Array<{ key: string; at: number }> = [];
    const seen = new Set<string>();
    for (let t = start + step; t <= end; t += step) {
      for (const [i, p] of people.entries()) {
        const w = wallTime(new Date(t), zones[i]!);
        const hm = `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
        const add = (key: string) => {
          if (!seen.has(key)) expected.push({ key, at: t });
          seen.add(key);
        };
        const { userId, workspaceId } = p.ctx.actor;
        if (isoWeekday(w.date) === 5 && hm === '16:00') add(`report:${userId}:${workspaceId}:${w.date === '2026-10-23' ? '2026-W43' : '2026-W44'}`);
        if (isoWeekday(w.date) === 7 && hm === '18:00' && !(i === 1 && w.date === '2026-11-01')) add(`review-reminder:${userId}:weekly:${w.date === '2026-10-25' ? '2026-W43' : '2026-W44'}`);
        if (w.date === endOfMonth(w.date) && hm === '18:00') add(`review-reminder:${userId}:monthly:${w.date.slice(0, 7)}`);
        for (const [id, r] of routines) {
          if (r.userIndex === i && hm === r.time && !(id === morningParis && w.date === '2026-10-27')) add(`routine-reminder:${id}:${w.date}`);
        }
      }
    }
    const rows = await db.selectFrom('emailOutbox').select(['id', 'idempotencyKey', 'dueAt', 'status', 'messageId', 'attempts']).execute();
    expect(rows.map((r) => r.idempotencyKey).sort()).toEqual(expected.map((e) => e.key).sort());
    expect(rows.every((r) => r.status === 'sent' && Number(r.attempts) === 1)).toBe(true);
    // 4 people × (2 reports + 1 monthly reminder + 11 morning reminders) + 2 weekly reminders for 3
    // of them and 1 for New York; Paris: 1 night reminder a night (11), less one morning checked in.
    expect(rows).toHaveLength(4 * (2 + 1 + 11) + 3 * 2 + 1 + 11 - 1);
    // Each sent once, at the first tick at or after its moment (the restart tick for those in the outage).
    expect(mailer.sent).toHaveLength(rows.length);
    const byMessageId = new Map(rows.map((r) => [r.messageId, r]));
    const dueOf = new Map(expected.map((e) => [e.key, e.at]));
    for (const email of mailer.sent) {
      const row = byMessageId.get(email.messageId)!;
      const due = dueOf.get(row.idempotencyKey)!;
      expect(Date.parse(row.dueAt), row.idempotencyKey).toBe(due);
      const inOutage = due > downFrom && due < downTo;
      expect(email.at.getTime(), row.idempotencyKey).toBe(inOutage ? Date.parse('2026-10-30T15:45:00Z') : due);
    }
    // The Paris report of W44 was due in the outage and went out after the restart, once.
    const parisReport = rows.find((r) => r.idempotencyKey === `report:${paris.ctx.actor.userId}:${paris.ctx.actor.workspaceId}:2026-W44`)!;
    expect(parisReport.dueAt).toBe('2026-10-30T15:00:00.000Z');
    // And the ambiguous 02:30 in Paris on the 25th went out at its first occurrence.
    expect(rows.find((r) => r.idempotencyKey === `routine-reminder:${night.id}:2026-10-25`)?.dueAt).toBe('2026-10-25T00:30:00.000Z');
    // Reports at 16:00 on both sides of the changes: Paris +2 then +1, New York −4 then −4 (the US
    // changes on 1 November), Sydney +11 all along.
    const reportDue = (i: number, week: string) => rows.find((r) => r.idempotencyKey === `report:${people[i]!.ctx.actor.userId}:${people[i]!.ctx.actor.workspaceId}:${week}`)?.dueAt;
    expect([reportDue(0, '2026-W43'), reportDue(1, '2026-W44'), reportDue(2, '2026-W44'), reportDue(3, '2026-W44')]).toEqual([
      '2026-10-23T14:00:00.000Z',
      '2026-10-30T20:00:00.000Z',
      '2026-10-30T10:30:00.000Z',
      '2026-10-30T05:00:00.000Z',
    ]);
  });
});

forEachEngine('failed deliveries', (engine) => {
  let handle: TestDb;
  let sink: Sink;
  let app: FastifyInstance;
  let scheduler: Scheduler;
  const clock = fixedClock('2026-11-10T09:00:00Z');

  beforeAll(async () => {
    handle = await openTestDb(engine);
    sink = await startSmtp();
    const config = emailConfig(sink);
    app = await buildServer({ db: handle.db, clock, config });
    scheduler = createScheduler({ db: handle.db, clock, config, log: quiet });
    await recordEmailStatus(handle.db, clock, { enabled: true, reason: null, publicUrl: PUBLIC_URL });
  });
  afterAll(async () => {
    await scheduler.stop();
    await app.close();
    await sink.close();
    await handle.close();
  });

  it('retries a temporary refusal after 1, 5, 25 and 125 minutes, then shows it failed with the answer', async () => {
    const bo = await person(handle.db, clock, 'Bo', 'Asia/Kolkata', 'bo@example.org');
    sink.reject = { code: 451, message: 'Mailbox busy, try later' };
    const queued = await call(app, bo, outreachEndpoints.sendTestEmail);
    expect(queued.status).toBe(201);
    expect(queued.body).toMatchObject({ kind: 'test', status: 'pending', to: 'bo@example.org', attempts: 0 });

    const t0 = clock.now().getTime();
    const attemptsAt: number[] = [];
    for (let m = 0; m <= 240; m++) {
      clock.set(new Date(t0 + m * MINUTE));
      const before = sink.attempts;
      await scheduler.tick();
      if (sink.attempts > before) attemptsAt.push(m);
      if (m === 2) {
        const [pending] = (await call(app, bo, outreachEndpoints.listEmails)).body.items!;
        expect(pending).toMatchObject({ status: 'pending', attempts: 2, lastError: expect.stringContaining('Mailbox busy') as unknown, nextAttemptAt: new Date(t0 + 6 * MINUTE).toISOString() });
      }
    }
    expect(attemptsAt).toEqual([0, 1, 6, 31, 156]);
    expect(sink.messages).toHaveLength(0);
    const [failed] = (await call(app, bo, outreachEndpoints.listEmails)).body.items!;
    expect(failed).toMatchObject({ status: 'failed', attempts: 5, nextAttemptAt: null });
    expect(failed!.lastError).toMatch(/Mailbox busy, try later.*gave up after 5 attempts/);
    expect((await call(app, bo, outreachEndpoints.getEmailPreferences)).body.emails).toEqual({ pending: 0, sending: 0, sent: 0, failed: 1 });
  });

  it('gives up at once on a permanent refusal, and never resends an email whose sender stopped mid-send', async () => {
    const cy = await person(handle.db, clock, 'Cy', 'Australia/Sydney', 'cy@example.org');
    const email = async (id: unknown) => (await call(app, cy, outreachEndpoints.listEmails)).body.items!.find((e) => e.id === id);
    sink.reject = { code: 550, message: 'No such user here' };
    const first = await call(app, cy, outreachEndpoints.sendTestEmail);
    const before = sink.attempts;
    await scheduler.tick();
    expect(sink.attempts - before).toBe(1);
    const refused = await email(first.body.id);
    expect(refused).toMatchObject({ status: 'failed', attempts: 1 });
    expect(refused!.lastError).toMatch(/No such user here.*refused for good/);

    // A process claims an email and dies before sending or recording it.
    sink.reject = null;
    const second = await call(app, cy, outreachEndpoints.sendTestEmail);
    const [claimed] = await claimDue(handle.db, clock, 10);
    expect(claimed?.id).toBe(second.body.id);
    expect(claimed).toMatchObject({ status: 'sending', attempts: 1 });
    clock.advance(5 * MINUTE);
    await scheduler.tick();
    expect(sink.messages).toHaveLength(0);
    clock.advance(6 * MINUTE);
    await scheduler.tick();
    const stuck = await email(second.body.id);
    expect(stuck).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringContaining('may have been delivered') as unknown });
    expect(sink.messages).toHaveLength(0);

    // Once the server accepts again, a new email goes through, once.
    await call(app, cy, outreachEndpoints.sendTestEmail);
    await scheduler.tick();
    await scheduler.tick();
    expect(sink.messages.map((m) => m.subject)).toEqual(['Small Wins: test email']);
  });

  it('says why no email goes out when the server has none set up', async () => {
    const off = await buildServer({ db: handle.db, clock, config: testConfig({ SMALLWINS_SMTP_URL: 'smtp://mail.example.org:587' }) });
    const offScheduler = createScheduler({ db: handle.db, clock, config: testConfig({ SMALLWINS_SMTP_URL: 'smtp://mail.example.org:587' }), log: quiet });
    await offScheduler.start();
    const di = await person(handle.db, clock, 'Di', 'Europe/Paris', 'di@example.org');
    const prefs = await call(off, di, outreachEndpoints.getEmailPreferences);
    expect(prefs.body.delivery).toMatchObject({ enabled: false, reason: expect.stringContaining('SMALLWINS_PUBLIC_URL is not') as unknown });
    const test = await call(off, di, outreachEndpoints.sendTestEmail);
    expect(test.status).toBe(409);
    expect(JSON.stringify(test.body)).toContain('SMALLWINS_PUBLIC_URL');
    expect(await offScheduler.tick()).toBeNull();
    await offScheduler.stop();
    await off.close();
  });
});

describe.skipIf(!engines().includes('postgres'))('two instances on one PostgreSQL database', () => {
  let handle: TestDb;
  let sink: Sink;
  const extra: Db[] = [];
  beforeAll(async () => {
    handle = await openTestDb('postgres');
    sink = await startSmtp();
  });
  afterAll(async () => {
    for (const db of extra) await db.destroy();
    await sink?.close();
    await handle?.close();
  });

  it('runs the scheduled tick once a minute across both, and sends each email once', async () => {
    const clock = fixedClock('2026-10-30T15:05:00Z');
    const config = emailConfig(sink, { DATABASE_URL: handle.url });
    const ed = await person(handle.db, clock, 'Ed', 'Europe/Paris', 'ed@example.org');
    // The last run was at 14:55 UTC: the report of 16:00 Paris time (15:00 UTC) is due in the next window.
    await advanceState(handle.db, clock, STATE_KEYS.processedUntil, null, '2026-10-30T14:55:00.000Z');

    const runs: Array<{ instance: string; minute: number }> = [];
    const instances = await Promise.all(
      ['a', 'b'].map(async (name) => {
        const db = await connect({ url: handle.url, poolSize: 3 });
        extra.push(db);
        return createScheduler({
          db,
          clock,
          config,
          log: quiet,
          boss: { pollingIntervalSeconds: 1, cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1 },
          onTick: () => runs.push({ instance: name, minute: Math.floor(Date.now() / MINUTE) }),
        });
      }),
    );
    await Promise.all(instances.map((s) => s.start()));
    const deadline = Date.now() + 20_000;
    while (runs.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    // Both instances keep polling a while longer: a second run in the same minute would show here.
    await new Promise((r) => setTimeout(r, 4000));
    await Promise.all(instances.map((s) => s.stop()));

    expect(runs.length).toBeGreaterThanOrEqual(1);
    const perMinute = new Map<number, number>();
    for (const r of runs) perMinute.set(r.minute, (perMinute.get(r.minute) ?? 0) + 1);
    expect([...perMinute.values()].every((n) => n === 1)).toBe(true);
    const { rows } = await sql<{ n: string }>`select count(*) as n from pgboss.job where name = ${TICK_QUEUE}`.execute(handle.db);
    expect(Number(rows[0]?.n)).toBe(runs.length);
    expect(sink.messages.map((m) => m.subject)).toEqual([expect.stringMatching(/^Weekly report: Ed \(2026-W44\)/)]);

    // Ticks run by hand on both at once (as a stuck queue or a manual run might): still one email each.
    clock.set('2026-11-01T17:05:00Z');
    for (let i = 0; i < 3; i++) await Promise.all(instances.map((s) => s.tick()));
    expect(sink.messages.map((m) => m.subject)).toEqual([expect.stringMatching(/^Weekly report/), 'Time for your weekly review (2026-W44)']);
    const sent = await handle.db.selectFrom('emailOutbox').select(['status']).where('userId', '=', ed.ctx.actor.userId).execute();
    expect(sent.map((r) => r.status)).toEqual(['sent', 'sent']);
  }, 40_000);
});

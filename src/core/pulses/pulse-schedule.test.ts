import { expect, it } from 'vitest';
import type { Role } from '#core/context.js';
import { describeEachEngine, type EngineSuite, type TestCtx } from '#test/db.js';
import { exportWorkspace } from '../data/export-workspace.js';
import { importWorkspace } from '../data/import-workspace.js';
import { newId } from '../ids.js';
import { getPulseSchedule, setPulseSchedule } from './pulse-schedule.js';
import { pulsesDue } from './pulses-due.js';
import { recordPulse } from './record-pulse.js';

/** A team workspace whose people have the given roles and time zones, each as a use-case context. */
async function team(s: EngineSuite, people: Array<{ role: Role; timeZone?: string }>): Promise<TestCtx[]> {
  const ctxs = await Promise.all(people.map((p) => s.newCtx({ timeZone: p.timeZone ?? 'Europe/Paris' })));
  const workspaceId = newId();
  const createdAt = '2026-11-01T00:00:00.000Z';
  await s.db().insertInto('workspaces').values({ id: workspaceId, name: 'Crew', kind: 'team', focusLimit: 3, conversationTarget: 1, createdAt }).execute();
  for (const [i, c] of ctxs.entries()) {
    await s.db().insertInto('members').values({ workspaceId, userId: c.actor.userId, role: people[i]!.role, createdAt }).execute();
  }
  return ctxs.map((c, i) => ({ ...c, actor: { ...c.actor, workspaceId, role: people[i]!.role } }));
}

/** The same person at another instant (each context has its own clock). */
const at = (ctx: TestCtx, iso: string): TestCtx => {
  ctx.clock.set(iso);
  return ctx;
};

describeEachEngine('pulse schedules', (s) => {
  it('starts unscheduled with the defaults, and nothing is due', async () => {
    const me = await s.newCtx();
    await expect(getPulseSchedule(me)).resolves.toMatchObject({
      configured: false, enabled: false, kinds: ['morale', 'delight', 'clarity'], customQuestions: [], weekday: 1, time: '10:00', everyWeeks: 1,
      startWeek: '2026-W47', canEdit: true, currentRound: null, nextRound: null, updatedBy: null,
    });
    await expect(pulsesDue(me)).resolves.toEqual({ scheduled: false, round: null, next: null, questions: [], remaining: 0, canAnswer: true, anonymous: false });
  });

  it('lets only owners and admins change it; members and viewers read it', async () => {
    const [owner, admin, member, viewer] = await team(s, [{ role: 'owner' }, { role: 'admin' }, { role: 'member' }, { role: 'viewer' }]);
    await expect(setPulseSchedule(member!, { weekday: 2 })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/Only an owner or admin .* you are member/) as unknown });
    await expect(setPulseSchedule(viewer!, { weekday: 2 })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/you are viewer/) as unknown });
    expect((await getPulseSchedule(owner!)).configured).toBe(false);
    const saved = await setPulseSchedule(admin!, { kinds: ['clarity', 'morale'], customQuestions: ['  Do we know our customer?  '], weekday: 4, time: '09:15', everyWeeks: 2 });
    expect(saved).toMatchObject({ configured: true, enabled: true, kinds: ['morale', 'clarity'], customQuestions: ['Do we know our customer?'], weekday: 4, time: '09:15', everyWeeks: 2, startWeek: '2026-W47', updatedBy: 'Test User' });
    for (const reader of [member!, viewer!]) {
      await expect(getPulseSchedule(reader)).resolves.toMatchObject({ configured: true, weekday: 4, canEdit: false, nextRound: { dueOn: '2026-11-19' } });
    }
    await expect(setPulseSchedule(owner!, { weekday: 5, enabled: false })).resolves.toMatchObject({ enabled: false, everyWeeks: 1, startWeek: '2026-W47', nextRound: null });
  });

  it('says what is wrong with a schedule and how to fix it', async () => {
    const me = await s.newCtx();
    const refused = async (input: Parameters<typeof setPulseSchedule>[1]) => {
      const error = await setPulseSchedule(me, input).then(() => null, (e: unknown) => e as { code: string; message: string });
      expect(error?.code).toBe('validation');
      return error!.message;
    };
    expect(await refused({ weekday: 8 })).toMatch(/weekday: must be from 1 \(Monday\) to 7 \(Sunday\)/);
    expect(await refused({ everyWeeks: 3 })).toMatch(/everyWeeks: must be 1 \(every week\), 2 \(every other week\) or 4 \(every four weeks\)/);
    expect(await refused({ time: '9am' })).toMatch(/time: must be a 24-hour time HH:MM/);
    expect(await refused({ kinds: [], customQuestions: [] })).toMatch(/asks at least one question: pick morale, delight or clarity, or add a custom question/);
    expect(await refused({ kinds: ['mood' as 'morale'] })).toMatch(/must be one of morale, delight, clarity \(put your own questions in customQuestions\)/);
    expect(await refused({ customQuestions: ['A?', 'B?', 'C?', 'D?', 'E?', 'F?'] })).toMatch(/at most 5 custom questions: remove one before adding another/);
    expect(await refused({ customQuestions: ['Is the roadmap clear?', 'is the ROADMAP clear?'] })).toMatch(/customQuestions\.1: "is the ROADMAP clear\?" is already question 1; ask each question once/);
    expect(await refused({ startWeek: '2027-W53' })).toMatch(/2027 has no week 53/);
    expect((await getPulseSchedule(me)).configured).toBe(false);
  });

  it('opens a round at the local time on the weekday and counts answers on its days', async () => {
    const me = await s.newCtx();
    await setPulseSchedule(me, { kinds: ['morale', 'delight'], customQuestions: ['Do we know our customer?'], weekday: 1, time: '10:00', startWeek: '2026-W47' });
    // A morale answer the day before the round begins does not count for it.
    await recordPulse(at(me, '2026-11-15T12:00:00Z'), { kind: 'morale', value: 2 });
    // Monday 09:59 in Paris: not open yet.
    expect(await pulsesDue(at(me, '2026-11-16T08:59:00Z'))).toMatchObject({ scheduled: true, round: null, next: { dueOn: '2026-11-16', opensAt: '2026-11-16T09:00:00.000Z' }, remaining: 0 });
    // Answered at 09:30: the day is the round's first, so it counts once the round opens.
    await recordPulse(at(me, '2026-11-16T08:30:00Z'), { kind: 'delight', value: 4 });
    const open = await pulsesDue(at(me, '2026-11-16T09:00:00Z'));
    expect(open).toMatchObject({ round: { dueOn: '2026-11-16', lastDay: '2026-11-22', opensAt: '2026-11-16T09:00:00.000Z' }, next: { dueOn: '2026-11-23' }, remaining: 2 });
    expect(open.questions).toEqual([
      { kind: 'morale', question: '', answered: false },
      { kind: 'delight', question: '', answered: true },
      { kind: 'custom', question: 'Do we know our customer?', answered: false },
    ]);
    await recordPulse(at(me, '2026-11-19T18:00:00Z'), { kind: 'custom', question: 'do we know our CUSTOMER?', value: 3 });
    await recordPulse(me, { kind: 'morale', value: 5, note: 'good week' });
    expect(await pulsesDue(me)).toMatchObject({ remaining: 0, questions: [{ answered: true }, { answered: true }, { answered: true }] });
    // Sunday 23:59 the round is still open; Monday 10:00 a new one asks everything again.
    expect((await pulsesDue(at(me, '2026-11-22T22:59:00Z'))).round?.dueOn).toBe('2026-11-16');
    expect(await pulsesDue(at(me, '2026-11-23T09:00:00Z'))).toMatchObject({ round: { dueOn: '2026-11-23' }, remaining: 3 });
  });

  it('every 2 weeks: a round runs two weeks from its start week', async () => {
    const me = await s.newCtx();
    await setPulseSchedule(me, { kinds: ['clarity'], weekday: 1, time: '10:00', everyWeeks: 2, startWeek: '2026-W47' });
    await recordPulse(at(me, '2026-11-17T08:00:00Z'), { kind: 'clarity', value: 3 });
    // Monday of the week between: no new round, the answer of last week still counts.
    expect(await pulsesDue(at(me, '2026-11-23T12:00:00Z'))).toMatchObject({ round: { dueOn: '2026-11-16', lastDay: '2026-11-29' }, next: { dueOn: '2026-11-30' }, remaining: 0 });
    expect(await pulsesDue(at(me, '2026-11-30T09:00:00Z'))).toMatchObject({ round: { dueOn: '2026-11-30', lastDay: '2026-12-13' }, remaining: 1 });
    // Moving the weekday keeps the anchor: Wednesday of W49, not of W48.
    await setPulseSchedule(me, { kinds: ['clarity'], weekday: 3, everyWeeks: 2 });
    expect((await getPulseSchedule(at(me, '2026-11-24T12:00:00Z'))).nextRound).toMatchObject({ dueOn: '2026-12-02' });
  });

  it("opens in each member's own time zone, and never shows another member's answers", async () => {
    const [paris, tokyo, newYork, viewer] = await team(s, [{ role: 'owner' }, { role: 'member', timeZone: 'Asia/Tokyo' }, { role: 'member', timeZone: 'America/New_York' }, { role: 'viewer' }]);
    await setPulseSchedule(paris!, { kinds: ['morale'], weekday: 1, time: '10:00', startWeek: '2026-W46' });
    // 01:30 UTC on Monday 16 November: 10:30 in Tokyo, 02:30 in Paris, Sunday 20:30 in New York.
    const instant = '2026-11-16T01:30:00Z';
    expect(await pulsesDue(at(tokyo!, instant))).toMatchObject({ round: { dueOn: '2026-11-16', opensAt: '2026-11-16T01:00:00.000Z' }, remaining: 1, anonymous: true });
    expect(await pulsesDue(at(paris!, instant))).toMatchObject({ round: null, next: { opensAt: '2026-11-16T09:00:00.000Z' } });
    expect(await pulsesDue(at(newYork!, instant))).toMatchObject({ round: { dueOn: '2026-11-09', lastDay: '2026-11-15' }, next: { opensAt: '2026-11-16T15:00:00.000Z' } });
    await recordPulse(tokyo!, { kind: 'morale', value: 1, note: 'tokyo secret' });
    const tokyoDue = await pulsesDue(tokyo!);
    expect(tokyoDue.remaining).toBe(0);
    const parisDue = await pulsesDue(at(paris!, '2026-11-16T12:00:00Z'));
    expect(parisDue).toMatchObject({ round: { dueOn: '2026-11-16' }, remaining: 1, questions: [{ kind: 'morale', answered: false }] });
    expect(JSON.stringify([tokyoDue, parisDue])).not.toMatch(/tokyo secret|"value"|userId/);
    // Viewers read the workspace but are not asked.
    expect(await pulsesDue(at(viewer!, '2026-11-16T12:00:00Z'))).toMatchObject({ scheduled: true, round: { dueOn: '2026-11-16' }, questions: [], remaining: 0, canAnswer: false });
  });

  it('travels with the workspace export and restore', async () => {
    const source = await s.newCtx();
    await setPulseSchedule(source, { kinds: ['delight'], customQuestions: ['Are we shipping weekly?'], weekday: 5, time: '16:30', everyWeeks: 4, startWeek: '2026-W45' });
    const file = await exportWorkspace(source);
    expect(file.tables.pulseSchedules).toHaveLength(1);
    const target = await s.newCtx();
    await importWorkspace(target, JSON.parse(JSON.stringify(file)));
    const restored = await getPulseSchedule(target);
    expect(restored).toMatchObject({ configured: true, enabled: true, kinds: ['delight'], customQuestions: ['Are we shipping weekly?'], weekday: 5, time: '16:30', everyWeeks: 4, startWeek: '2026-W45' });
    expect((await s.db().selectFrom('pulseSchedules').select('updatedBy').where('workspaceId', '=', target.actor.workspaceId).executeTakeFirstOrThrow()).updatedBy).toBe(target.actor.userId);
  });
});

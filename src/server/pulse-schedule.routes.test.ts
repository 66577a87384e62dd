import { expect, it } from 'vitest';
import { lifeEndpoints as l } from '#contracts/api/life.js';
import { createTeamWorkspace } from '#core/accounts/workspaces.js';
import { describeServer } from '#test/server.js';

describeServer('pulse schedule routes', (s) => {
  it('reads for everyone, writes for owners and admins, and lists only the caller’s own flags', async () => {
    const owner = await s.user({ name: 'Olga' });
    const { id: ws } = await createTeamWorkspace(s.db(), s.clock, { userId: owner.userId, name: 'Crew' });
    const admin = await s.user();
    const member = await s.user({ timeZone: 'America/New_York' });
    const viewer = await s.user();
    await s.join(admin, ws, 'admin');
    await s.join(member, ws, 'member');
    await s.join(viewer, ws, 'viewer');
    const as = { workspaceId: ws };

    const unset = await s.call(viewer, l.getPulseSchedule, {}, as);
    expect(unset.statusCode).toBe(200);
    expect(unset.json()).toMatchObject({ configured: false, enabled: false, canEdit: false, weekday: 1, time: '10:00' });

    const schedule = { kinds: ['morale', 'delight'], customQuestions: ['Is the roadmap clear?'], weekday: 3, time: '09:00', everyWeeks: 2 };
    for (const who of [member, viewer]) {
      const refused = await s.call(who, l.setPulseSchedule, schedule, as);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.message).toMatch(/needs the admin role/);
    }
    const bad = await s.call(admin, l.setPulseSchedule, { ...schedule, weekday: 0, everyWeeks: 3, customQuestions: ['a?', 'b?', 'c?', 'd?', 'e?', 'f?'] }, as);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['customQuestions', 'everyWeeks', 'weekday']);
    const saved = await s.call(admin, l.setPulseSchedule, schedule, as);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ configured: true, enabled: true, kinds: ['morale', 'delight'], startWeek: '2026-W47', canEdit: true, updatedBy: 'Test User' });
    expect((await s.call(owner, l.getPulseSchedule, {}, as)).json()).toMatchObject({ weekday: 3, everyWeeks: 2, canEdit: true, currentRound: { dueOn: '2026-11-18', lastDay: '2026-12-01' } });
    expect((await s.call(member, l.getPulseSchedule, {}, as)).json()).toMatchObject({ canEdit: false, currentRound: null, nextRound: { dueOn: '2026-11-18' } });

    // Wednesday 18 November, 10:00 UTC: open for Paris (11:00) and New York (05:00 is before 09:00).
    const ownerDue = await s.call(owner, l.pulsesDue, {}, as);
    expect(ownerDue.json()).toMatchObject({ scheduled: true, round: { dueOn: '2026-11-18', lastDay: '2026-12-01' }, remaining: 3, anonymous: true });
    expect((await s.call(member, l.pulsesDue, {}, as)).json()).toMatchObject({ round: null, next: { dueOn: '2026-11-18', opensAt: '2026-11-18T14:00:00.000Z' } });
    await s.call(owner, l.recordPulse, { kind: 'custom', question: 'Is the roadmap clear?', value: 2, note: 'owner secret' }, as);
    const after = await s.call(owner, l.pulsesDue, {}, as);
    expect(after.json().questions).toEqual([
      { kind: 'morale', question: '', answered: false },
      { kind: 'delight', question: '', answered: false },
      { kind: 'custom', question: 'Is the roadmap clear?', answered: true },
    ]);
    const adminDue = await s.call(admin, l.pulsesDue, {}, as);
    expect(adminDue.json()).toMatchObject({ remaining: 3 });
    expect(adminDue.body).not.toMatch(/owner secret|"value"/);
    expect((await s.call(viewer, l.pulsesDue, {}, as)).json()).toMatchObject({ canAnswer: false, questions: [] });

    // A personal workspace: its owner sets their own.
    expect((await s.call(member, l.setPulseSchedule, { kinds: ['clarity'] })).json()).toMatchObject({ kinds: ['clarity'], canEdit: true });
    expect((await s.call(null, l.pulsesDue, {}, as)).statusCode).toBe(401);
  });
});

import { expect, it } from 'vitest';
import { createTeamWorkspace } from '#core/accounts/workspaces.js';
import { describeEachEngine, type EngineSuite, type TestCtx } from '#test/db.js';
import { giveKudos, takeBackKudos } from '../feed/kudos.js';
import { newId } from '../ids.js';
import { updateEmailPreferences } from '../outreach/email-preferences.js';
import { enqueueDue } from '../outreach/enqueue-due.js';
import { createGoal } from '../goals/create-goal.js';
import { planWeek } from '../plan/plan-week.js';
import { completeMicroGoal } from '../plan/complete-micro-goal.js';
import { recordPulse } from '../pulses/record-pulse.js';
import { logWin } from '../wins/log-win.js';
import { createUserWithWorkspace } from '../workspaces/bootstrap.js';
import { renderReportText } from './render-report.js';
import { weeklyReport } from './weekly-report.js';

/** A team workspace owned by a new person ("Test User", Paris), and a way to add members to it. */
async function team(s: EngineSuite, name = 'Launch team') {
  const owner = await s.newCtx();
  const ws = await createTeamWorkspace(s.db(), owner.clock, { userId: owner.actor.userId, name });
  const lead: TestCtx = { ...owner, actor: { ...owner.actor, workspaceId: ws.id } };
  const join = async (person: string, email: string | null = null): Promise<TestCtx> => {
    const actor = await createUserWithWorkspace(s.db(), owner.clock, { name: person, email, timeZone: 'Europe/Paris' });
    await s.db().insertInto('members').values({ workspaceId: ws.id, userId: actor.userId, role: 'member', createdAt: owner.clock.now().toISOString() }).execute();
    return { ...owner, actor: { ...actor, workspaceId: ws.id, role: 'member' } };
  };
  return { lead, join, workspaceId: ws.id };
}

// Week 2026-W47 runs from Monday 16 to Sunday 22 November 2026; everyone is in Paris (UTC+1).
describeEachEngine('team report', (s) => {
  it('counts the kudos given in the week, in local days, on shared wins only, per person who gave them', async () => {
    const { lead, join } = await team(s);
    const [bea, cy] = [await join('Bea'), await join('Cy')];
    await join('Dee');
    const clock = lead.clock;

    clock.set('2026-11-12T10:00:00Z');
    const old = await logWin(bea, { title: 'Old shared win', visibility: 'shared', day: '2026-11-09' });
    // Sunday 15 November, 23:30 in Paris: week 46.
    clock.set('2026-11-15T22:30:00Z');
    await giveKudos(cy, { winId: old.id });
    // Monday 16 November, 00:30 in Paris (still Sunday in UTC): week 47.
    clock.set('2026-11-15T23:30:00Z');
    await giveKudos(lead, { winId: old.id });

    clock.set('2026-11-17T10:00:00Z');
    const beta = await logWin(lead, { title: 'Launched the beta', visibility: 'shared' });
    const secret = await logWin(lead, { title: 'Private relief', visibility: 'private' });
    const deal = await logWin(bea, { title: 'Closed a deal', visibility: 'shared' });
    const build = await logWin(cy, { title: 'Fixed the build', visibility: 'shared' });
    await giveKudos(bea, { winId: beta.id });
    await giveKudos(cy, { winId: beta.id });
    await giveKudos(lead, { winId: deal.id });
    // Given, then taken back: it does not count.
    await giveKudos(cy, { winId: deal.id });
    await takeBackKudos(cy, { winId: deal.id });
    // Whatever reached a private win (say, from an old restore) never shows in the report.
    await s.db().insertInto('kudos').values({ workspaceId: lead.actor.workspaceId, winId: secret.id, userId: bea.actor.userId, createdAt: clock.now().toISOString() }).execute();

    // Sunday 22 November, 23:30 in Paris: still week 47. Half an hour later: week 48.
    clock.set('2026-11-22T22:30:00Z');
    await giveKudos(bea, { winId: build.id });
    clock.set('2026-11-22T23:30:00Z');
    await giveKudos(lead, { winId: build.id });

    clock.set('2026-11-23T10:00:00Z');
    const report = await weeklyReport(bea, { scope: 'team', week: '2026-W47' });
    expect(report.kudos).toEqual({
      total: 5,
      topWins: [
        { title: 'Launched the beta', day: '2026-11-17', by: 'Test User', count: 2 },
        { title: 'Old shared win', day: '2026-11-09', by: 'Bea', count: 1 },
        { title: 'Closed a deal', day: '2026-11-17', by: 'Bea', count: 1 },
        { title: 'Fixed the build', day: '2026-11-17', by: 'Cy', count: 1 },
      ],
      // By name; Dee gave none and is simply not listed.
      givers: [
        { name: 'Bea', count: 2 },
        { name: 'Cy', count: 1 },
        { name: 'Test User', count: 2 },
      ],
    });
    expect(JSON.stringify(report)).not.toContain('Private relief');
    const text = renderReportText(report);
    expect(text).toContain('KUDOS\n  - 5 kudos given this week  (by 3 people)');
    expect(text).toContain('    - Launched the beta  (2 kudos · by Test User · Tue 17 Nov)');
    expect(text).not.toContain('Dee');

    // The kudos given after midnight on Sunday belong to the next week.
    expect((await weeklyReport(cy, { scope: 'team' })).kudos).toEqual({
      total: 1,
      topWins: [{ title: 'Fixed the build', day: '2026-11-17', by: 'Cy', count: 1 }],
      givers: [{ name: 'Test User', count: 1 }],
    });

    // A personal report has no kudos section, even for someone who got and gave kudos.
    const mine = await weeklyReport(bea, { week: '2026-W47' });
    expect(mine.kudos).toBeNull();
    expect(renderReportText(mine)).not.toMatch(/kudos/i);

    // Another team sees none of these kudos.
    const other = await team(s, 'Other team');
    expect((await weeklyReport(other.lead, { scope: 'team', week: '2026-W47' })).kudos).toEqual({ total: 0, topWins: [], givers: [] });
    expect(renderReportText(await weeklyReport(other.lead, { scope: 'team', week: '2026-W47' }))).toContain('KUDOS\n  No kudos given this week.');
  });

  it("tells the team's results per goal, wins with their author, an anonymous pulse trend and next week", async () => {
    const { lead, join } = await team(s);
    const [bea, cy] = [await join('Bea'), await join('Cy')];
    const { goal } = await createGoal(lead, { title: 'Launch v2' });
    const planned = await planWeek(lead, { week: '2026-W47', microGoals: [{ goalId: goal.id, title: 'Beta to 10 teams' }, { goalId: goal.id, title: 'Pricing page' }] });
    await completeMicroGoal(bea, { microGoalId: planned.created[0]!.id });
    await planWeek(lead, { week: '2026-W48', plan: 'Public launch', microGoals: [{ goalId: goal.id, title: 'Announce' }] });
    lead.clock.advance(60_000);
    await logWin(cy, { title: 'Ten teams on the beta', visibility: 'shared' });
    for (const [ctx, value] of [[lead, 4], [bea, 2], [cy, 3]] as const) {
      await recordPulse(ctx, { kind: 'clarity', value, day: '2026-11-17' });
      await recordPulse(ctx, { kind: 'custom', question: 'Are we shipping fast enough?', value, day: '2026-11-17' });
    }
    // A question only one person asks stays theirs: its wording is not the team's.
    await recordPulse(bea, { kind: 'custom', question: 'Am I burning out?', value: 2, day: '2026-11-17' });

    const report = await weeklyReport(cy, { scope: 'team' });
    expect(report.goals).toEqual([
      {
        title: 'Launch v2',
        status: 'active',
        microGoals: [
          { title: 'Beta to 10 teams', status: 'done', tasks: { done: 0, total: 0 } },
          { title: 'Pricing page', status: 'planned', tasks: { done: 0, total: 0 } },
        ],
      },
    ]);
    // Done micro-goals become wins of whoever completed them, shared in a team.
    expect(report.wins).toEqual([
      { title: 'Beta to 10 teams', day: '2026-11-18', by: 'Bea' },
      { title: 'Ten teams on the beta', day: '2026-11-18', by: 'Cy' },
    ]);
    expect(report.pulses.map((p) => [p.kind, p.question, p.anonymous, p.weeks.at(-1)])).toEqual([
      ['clarity', '', true, { week: '2026-W47', average: 3, count: 3, withheld: false }],
      ['custom', 'Are we shipping fast enough?', true, { week: '2026-W47', average: 3, count: 3, withheld: false }],
    ]);
    expect(JSON.stringify(report)).not.toContain('burning out');
    expect(report.nextWeek).toEqual({ week: '2026-W48', plan: 'Public launch', goals: [{ title: 'Launch v2', microGoals: ['Announce'] }], tasks: { count: 0, minutes: 0 } });
    const text = renderReportText(report);
    expect(text).toContain('GOALS ACROSS THE TEAM\n  Launch v2  (1 of 2 micro-goals done)');
    expect(text).toContain('- Ten teams on the beta  (Wed 18 Nov · by Cy)');
    expect(text).toContain('- Clarity: 3 of 5  (last 4 weeks: – → – → – → 3 (team average, anonymous))');
    // The person who asked it still sees their own question in their personal report.
    expect((await weeklyReport(bea, {})).pulses.map((p) => p.question)).toContain('Am I burning out?');
  });

  it('emails the team report to every member who has the report on, each in the team workspace', async () => {
    const { lead, join, workspaceId } = await team(s, 'Email team');
    const unique = newId().toLowerCase();
    const bea = await join('Bea', `bea-${unique}@example.org`);
    const cy = await join('Cy', `cy-${unique}@example.org`);
    const dee = await join('Dee', `dee-${unique}@example.org`);
    await updateEmailPreferences(s.db(), lead.clock, cy.actor.userId, { report: false });
    await giveKudos(bea, { winId: (await logWin(dee, { title: 'Signed the lease', visibility: 'shared' })).id });

    // Friday 20 November, 16:00 in Paris: everyone's default report time.
    lead.clock.set('2026-11-20T15:05:00Z');
    await enqueueDue(s.db(), lead.clock, { from: new Date('2026-11-20T14:55:00Z'), to: new Date('2026-11-20T15:05:00Z') }, { publicUrl: 'https://wins.example.org', secret: 'a'.repeat(43) });
    const rows = await s
      .db()
      .selectFrom('emailOutbox')
      .select(['userId', 'subject', 'textBody', 'htmlBody', 'status'])
      .where('workspaceId', '=', workspaceId)
      .where('kind', '=', 'report')
      .execute();
    const byUser = new Map(rows.map((r) => [r.userId, r]));
    // Cy turned the report off; the owner has no address. Bea and Dee get the team's report.
    expect([...byUser.keys()].sort()).toEqual([bea.actor.userId, dee.actor.userId].sort());
    for (const row of rows) {
      expect(row.status).toBe('pending');
      expect(row.subject).toBe('Team report: Email team (2026-W47): 0 micro-goals and 0 tasks done, 1 win, 1 kudos');
      expect(row.textBody).toContain('- Signed the lease  (1 kudos · by Dee · Wed 18 Nov)');
      expect(row.htmlBody).toMatch(/<h2 style="[^"]+">Kudos<\/h2>/);
    }
  });
});

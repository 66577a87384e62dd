import { expect, it } from 'vitest';
import { feedEndpoints as f } from '#contracts/api/feed.js';
import { planEndpoints as p } from '#contracts/api/plan.js';
import { reportEndpoints as r } from '#contracts/api/reports.js';
import { createTeamWorkspace } from '#core/accounts/workspaces.js';
import { describeServer } from '#test/server.js';

describeServer('team report route', (s) => {
  it('answers the kudos of the week in a team report, in every rendering, and none in a personal one', async () => {
    const owner = await s.user({ name: 'Olga' });
    const mate = await s.user({ name: 'Max' });
    const viewer = await s.user({ name: 'Vera' });
    const team = await createTeamWorkspace(s.db(), s.clock, { userId: owner.userId, name: 'Crew' });
    await s.join(mate, team.id, 'member');
    await s.join(viewer, team.id, 'viewer');
    const opts = { workspaceId: team.id };
    const shared = (await s.call(owner, p.logWin, { title: 'Demo booked', visibility: 'shared' }, opts)).json();
    const secret = (await s.call(owner, p.logWin, { title: 'Secret thing', visibility: 'private' }, opts)).json();
    expect((await s.call(mate, f.giveKudos, { winId: shared.id }, opts)).statusCode).toBe(200);
    expect((await s.call(mate, f.giveKudos, { winId: secret.id }, opts)).statusCode).toBe(404);

    // A viewer reads the team report too.
    const res = await s.call(viewer, r.weeklyReport, { scope: 'team' }, opts);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.report.kudos).toEqual({
      total: 1,
      topWins: [{ title: 'Demo booked', day: '2026-11-18', by: 'Olga', count: 1 }],
      givers: [{ name: 'Max', count: 1 }],
    });
    expect(body.markdown).toContain('## Kudos');
    expect(body.markdown).toContain('- Max _(gave 1 kudos)_');
    expect(body.text).toContain('    - Demo booked  (1 kudos · by Olga · Wed 18 Nov)');
    expect(body.html).toContain('1 kudos · by Olga · Wed 18 Nov');
    expect(res.body).not.toContain('Secret thing');
    expect(res.body).not.toContain(shared.id);

    const mine = (await s.call(mate, r.weeklyReport, {}, opts)).json();
    expect(mine.report.kudos).toBeNull();
    expect(mine.text).not.toContain('KUDOS');
  });
});

import { expect, it } from 'vitest';
import { createTeamWorkspace } from '#core/accounts/workspaces.js';
import { describeEachEngine, type TestCtx } from '#test/db.js';
import { addMetric } from '../goals/add-metric.js';
import { createGoal } from '../goals/create-goal.js';
import { recordMeasurement } from '../goals/record-measurement.js';
import { addLesson } from '../lessons/add-lesson.js';
import { addMicroGoal } from '../plan/add-micro-goal.js';
import { completeMicroGoal } from '../plan/complete-micro-goal.js';
import { planWeek } from '../plan/plan-week.js';
import { setWeekResult } from '../plan/set-week-result.js';
import { recordPulse } from '../pulses/record-pulse.js';
import { addTask } from '../tasks/add-task.js';
import { completeTask } from '../tasks/complete-task.js';
import { skipTask } from '../tasks/skip-task.js';
import { logWin } from '../wins/log-win.js';
import { createUserWithWorkspace } from '../workspaces/bootstrap.js';
import { renderReportHtml, renderReportMarkdown, renderReportText } from './render-report.js';
import { weeklyReport } from './weekly-report.js';

// The suite's clock reads Wednesday 18 November 2026: week 2026-W47 runs from 16 to 22 November.
describeEachEngine('weekly report', (s) => {
  it("tells a person's week: results, goals, wins, lessons, the metric against its road, pulses and next week", async () => {
    const ctx = await s.newCtx();
    const { goal } = await createGoal(ctx, { title: 'First 10 paying customers' });
    const metric = await addMetric(ctx, { goalId: goal.id, name: 'Customers', unit: 'customers', baseline: 0, target: 10, targetDate: '2027-03-31' });
    await recordMeasurement(ctx, { metricId: metric.id, value: 1, day: '2026-11-16' });
    await recordMeasurement(ctx, { metricId: metric.id, value: 3, day: '2026-11-17' });
    const planned = await planWeek(ctx, { week: '2026-W47', plan: 'Talk to leads', microGoals: [{ goalId: goal.id, title: 'Call 5 leads' }, { goalId: goal.id, title: 'Fix signup' }] });
    const [call] = planned.created;
    const task = await addTask(ctx, { title: 'Call Ana', minutes: 30, day: '2026-11-16', microGoalId: call!.id });
    await completeTask(ctx, { taskId: task.id, actualMinutes: 45 });
    await skipTask(ctx, { taskId: (await addTask(ctx, { title: 'Write FAQ', minutes: 15, day: '2026-11-17' })).id });
    await completeMicroGoal(ctx, { microGoalId: call!.id });
    await setWeekResult(ctx, { week: '2026-W47', result: 'Three customers' });
    await logWin(ctx, { title: 'First customer paid', day: '2026-11-17' });
    await addLesson(ctx, { title: 'Ask for the sale', day: '2026-11-16' });
    await recordPulse(ctx, { kind: 'morale', value: 2, day: '2026-11-10' });
    await recordPulse(ctx, { kind: 'morale', value: 4, day: '2026-11-17' });
    await addMicroGoal(ctx, { goalId: goal.id, title: 'Onboard the new customers', week: '2026-W48' });
    await planWeek(ctx, { week: '2026-W48', plan: 'Onboarding first' });

    const report = await weeklyReport(ctx, {});
    expect(report).toMatchObject({ scope: 'me', week: '2026-W47', from: '2026-11-16', to: '2026-11-22', subject: 'Test User', plan: 'Talk to leads', result: 'Three customers' });
    expect(report.results.microGoals).toEqual({ planned: 2, done: 1, dropped: 0, open: 1 });
    expect(report.results.tasks).toMatchObject({ planned: 2, done: 1, skipped: 1, minutesDone: 45 });
    expect(report.goals).toEqual([
      {
        title: 'First 10 paying customers',
        status: 'active',
        microGoals: [
          { title: 'Call 5 leads', status: 'done', tasks: { done: 1, total: 1 } },
          { title: 'Fix signup', status: 'planned', tasks: { done: 0, total: 0 } },
        ],
      },
    ]);
    expect(report.wins.map((w) => w.title)).toContain('First customer paid');
    expect(report.wins.every((w) => w.by === null)).toBe(true);
    expect(report.lessons).toEqual(['Ask for the sale']);
    const [m] = report.metrics;
    expect(m).toMatchObject({ goal: 'First 10 paying customers', metric: 'Customers', measurements: 2, first: 1, last: 3, change: 2, improved: true });
    expect(m!.road).toMatchObject({ latest: 3, target: 10, targetDate: '2027-03-31' });
    expect(['ahead', 'on_track']).toContain(m!.road.status);
    expect(report.pulses).toEqual([
      {
        kind: 'morale',
        question: '',
        anonymous: false,
        weeks: [
          { week: '2026-W44', average: null, count: 0, withheld: false },
          { week: '2026-W45', average: null, count: 0, withheld: false },
          { week: '2026-W46', average: 2, count: 1, withheld: false },
          { week: '2026-W47', average: 4, count: 1, withheld: false },
        ],
      },
    ]);
    expect(report.nextWeek).toEqual({ week: '2026-W48', plan: 'Onboarding first', goals: [{ title: 'First 10 paying customers', microGoals: ['Onboard the new customers'] }], tasks: { count: 0, minutes: 0 } });

    const markdown = renderReportMarkdown(report);
    expect(markdown).toContain('# Weekly report: Test User');
    expect(markdown).toContain('- [x] Call 5 leads');
    expect(markdown).toContain('## Next week (2026-W48)');
    expect(renderReportText(report)).toContain('Customers (First 10 paying customers): 1 customers → 3 customers (+2)');
    expect(renderReportHtml(report)).toContain('First customer paid');
  });

  it('tells a past week as it stood at its end, and refuses a week that has not started', async () => {
    const ctx = await s.newCtx();
    const { goal } = await createGoal(ctx, { title: 'Run a marathon' });
    const metric = await addMetric(ctx, { goalId: goal.id, name: 'Longest run', unit: 'km', baseline: 5, target: 42, targetDate: '2027-06-01' });
    await recordMeasurement(ctx, { metricId: metric.id, value: 8, day: '2026-11-10' });
    await recordMeasurement(ctx, { metricId: metric.id, value: 12, day: '2026-11-17' });
    const last = await weeklyReport(ctx, { week: '2026-W46' });
    expect(last.metrics[0]!.road.latest).toBe(8);
    expect(last.metrics[0]).toMatchObject({ measurements: 1, first: 8, last: 8 });
    await expect(weeklyReport(ctx, { week: '2026-W49' })).rejects.toMatchObject({ code: 'validation' });
    await expect(weeklyReport(ctx, { week: '2026-W60' })).rejects.toMatchObject({ code: 'validation' });
  });

  it('keeps private wins with their author and individual pulses out of a team report', async () => {
    const owner = await s.newCtx();
    const team = await createTeamWorkspace(s.db(), owner.clock, { userId: owner.actor.userId, name: 'Launch team' });
    const as = async (name: string): Promise<TestCtx> => {
      const person = name === 'Owner' ? owner.actor : await createUserWithWorkspace(s.db(), owner.clock, { name, timeZone: 'Europe/Paris' });
      if (name !== 'Owner') await s.db().insertInto('members').values({ workspaceId: team.id, userId: person.userId, role: 'member', createdAt: owner.clock.now().toISOString() }).execute();
      return { ...owner, actor: { ...person, workspaceId: team.id, role: name === 'Owner' ? 'owner' : 'member' } };
    };
    const [a, b, c] = [await as('Owner'), await as('Bea'), await as('Cy')];
    await logWin(a, { title: 'Private relief', visibility: 'private', day: '2026-11-16' });
    await logWin(a, { title: 'Launched the beta', visibility: 'shared', day: '2026-11-17' });
    await logWin(b, { title: 'Closed a deal', visibility: 'shared', day: '2026-11-18' });
    await logWin(b, { title: 'Old shared win', visibility: 'shared', day: '2026-11-09' });
    // Three people answered in week 46; only two in week 47.
    for (const [ctx, value] of [[a, 5], [b, 1], [c, 3]] as const) await recordPulse(ctx, { kind: 'morale', value, day: '2026-11-11' });
    for (const [ctx, value] of [[a, 5], [b, 1]] as const) await recordPulse(ctx, { kind: 'morale', value, day: '2026-11-17' });

    const report = await weeklyReport(b, { scope: 'team' });
    expect(report.subject).toBe('Launch team');
    expect(report.wins).toEqual([
      { title: 'Launched the beta', day: '2026-11-17', by: 'Test User' },
      { title: 'Closed a deal', day: '2026-11-18', by: 'Bea' },
    ]);
    const morale = report.pulses.find((p) => p.kind === 'morale')!;
    expect(morale.anonymous).toBe(true);
    expect(morale.weeks.find((w) => w.week === '2026-W46')).toEqual({ week: '2026-W46', average: 3, count: 3, withheld: false });
    expect(morale.weeks.find((w) => w.week === '2026-W47')).toMatchObject({ average: null, withheld: true });
    const html = renderReportHtml(report);
    expect(html).not.toContain('Private relief');
    expect(html).toContain('hidden: fewer than 3 people answered');

    // The author's own report keeps the private win; a teammate's does not see it.
    expect((await weeklyReport(a, {})).wins.map((w) => w.title)).toEqual(['Private relief', 'Launched the beta']);
    expect((await weeklyReport(b, {})).wins.map((w) => w.title)).toEqual(['Closed a deal']);
    expect((await weeklyReport(b, {})).pulses[0]!.weeks.map((w) => w.average)).toEqual([null, null, 1, 1]);
  });
});

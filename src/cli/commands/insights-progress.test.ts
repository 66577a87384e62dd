import { afterAll, describe, expect, it } from 'vitest';
import { logEnergy } from '#core/energy/log-energy.js';
import { newId } from '#core/ids.js';
import { addDays } from '#core/time/plain-date.js';
import { localOwner } from '#core/workspaces/bootstrap.js';
import { cliRunner } from '#test/cli.js';
import { engines, openTestDb, type TestDb } from '#test/db.js';

const opened: TestDb[] = [];
afterAll(async () => {
  for (const db of opened) await db.close();
});

/** A CLI on a fresh database of `engine` (clock: Wednesday 2026-11-18, 11:00 in Paris), and its owner's context. */
async function setup(engine: 'sqlite' | 'postgres') {
  const handle = await openTestDb(engine);
  opened.push(handle);
  const sw = cliRunner({ databaseUrl: handle.url });
  const ctx = { db: handle.db, clock: sw.clock, actor: await localOwner(handle.db, sw.clock, { timeZone: 'Europe/Paris' }) };
  const addTasks = async (day: string, done: number, planned = 0) => {
    await ctx.db.insertInto('tasks').values(Array.from({ length: done + planned }, (_, i) => ({
      id: newId(), workspaceId: ctx.actor.workspaceId, goalId: null, microGoalId: null, title: `Task ${day} ${i}`, minutes: 30, day,
      status: i < done ? ('done' as const) : ('planned' as const), actualMinutes: null, carriedFromId: null, note: '', position: i, doneAt: null, createdAt: `${day}T08:00:00.000Z`,
    }))).execute();
  };
  return { sw, ctx, addTasks };
}

for (const engine of engines()) {
  describe(`smallwins momentum, goal road, energy insights, experiment stats [${engine}]`, () => {
    it('shows momentum with its trend, or a hint when there is nothing yet', async () => {
      const { sw, addTasks } = await setup(engine);
      const empty = await sw('momentum');
      expect(empty.code).toBe(0);
      expect(empty.stdout).toMatch(/No tasks or routines in the last 30 days yet[\s\S]*smallwins task add/);
      for (let i = 0; i < 10; i++) await addTasks(addDays('2026-11-09', i), 2, i % 3 === 0 ? 1 : 0);
      const human = await sw('momentum', '--days', '14');
      expect(human.stdout).toMatch(/^Momentum \d+%\s+↑ \+\d+ points over 7 days/);
      expect(human.stdout).toMatch(/Last 14 days\s+[▁▂▃▄▅▆▇█]{14}/);
      // Today's task still planned waits; a past day's counts as not done.
      expect(human.stdout).toMatch(/2026-11-18\s+2\/2\s+\d+%\s+[█·]{20}/);
      expect(human.stdout).toMatch(/2026-11-15\s+2\/3\s+\d+%/);
      const json = (await sw('--json', 'momentum', '--days', '14')).json<{ value: number; trend: { direction: string }; series: Array<{ day: string; count: number }> }>();
      expect(json.series).toHaveLength(14);
      expect(json.value).toBeGreaterThan(0);
      expect(json.trend.direction).toBe('up');
      const bad = await sw('momentum', '--days', '0');
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--days must be a whole number from 1 to 366/);
      expect((await sw('momentum', '--help')).stdout).toMatch(/Examples:\n\s+smallwins momentum/);
    });

    it('draws the road of the primary metric, forecasts it, and celebrates the target', async () => {
      const { sw } = await setup(engine);
      sw.clock.set('2026-11-01T09:00:00Z');
      await sw('goal', 'add', 'First 10 customers', '--by', '2026-12-01');
      await sw('metric', 'add', 'First 10 customers', 'Customers', '--baseline', '0', '--target', '10', '--unit', 'customers');
      sw.clock.set('2026-11-18T10:00:00Z');
      const thin = await sw('goal', 'road', 'First 10 customers');
      expect(thin.stdout).toMatch(/No measurement yet: smallwins measure "Customers"/);
      for (const [day, value] of [['2026-11-06', '2'], ['2026-11-11', '4'], ['2026-11-16', '6']]) expect((await sw('measure', 'Customers', value!, '--day', day!)).code).toBe(0);
      const road = await sw('goal', 'road', 'First 10 customers');
      expect(road.code).toBe(0);
      expect(road.stdout).toMatch(/Road\s+0 on 2026-11-01 → 10 customers by 2026-12-01/);
      expect(road.stdout).toMatch(/Latest\s+6 customers on 2026-11-16: ahead of the road \(road: 5, \+1\.0\)/);
      expect(road.stdout).toMatch(/Forecast\s+10 customers around 2026-11-26 \(likely 2026-11-26 to 2026-11-26\), in time/);
      const json = (await sw('--json', 'goal', 'road', 'First 10 customers')).json<{ status: string; forecast: { status: string; day: string } }>();
      expect(json).toMatchObject({ status: 'ahead', forecast: { status: 'forecast', day: '2026-11-26' } });
      const show = await sw('goal', 'show', 'First 10 customers');
      expect(show.stdout).toMatch(/On the road to Customers\n\s+Road/);
      expect((await sw('--json', 'goal', 'show', 'First 10 customers')).json<{ road: { status: string } }>().road.status).toBe('ahead');
      const reached = await sw('measure', 'Customers', '10');
      expect(reached.stdout).toMatch(/✓ 10 recorded for 2026-11-18\n🎉 Milestone win: Customers reached its target of 10 customers/);
      expect((await sw('goal', 'road', 'First 10 customers')).stdout).toMatch(/✓ target reached/);
      await sw('goal', 'add', 'Someday');
      const none = await sw('goal', 'road', 'Someday');
      expect(none.code).toBe(1);
      expect(none.stderr).toMatch(/no primary metric yet[\s\S]*smallwins metric add/);
      expect((await sw('goal', 'road', '--help')).stdout).toMatch(/Examples:\n\s+smallwins goal road/);
    });

    it('celebrates a first 7-day streak on check-in', async () => {
      const { sw } = await setup(engine);
      await sw('routine', 'add', 'Write', '--start', '2026-11-10');
      for (let i = 0; i < 6; i++) expect((await sw('check', 'Write', '--day', addDays('2026-11-10', i))).stdout).not.toMatch(/🎉/);
      const seventh = await sw('check', 'Write', '--day', '2026-11-16');
      expect(seventh.stdout).toMatch(/🎉 Milestone win: Write: new best streak of 7 days/);
      const again = await sw('--json', 'check', 'Write', '--day', '2026-11-16');
      expect(again.json<{ milestones?: unknown[] }>().milestones).toBeUndefined();
      const wins = (await sw('--json', 'wins')).json<Array<{ title: string; source: string }>>();
      expect(wins.filter((w) => w.source === 'milestone').map((w) => w.title)).toEqual(['Write: new best streak of 7 days']);
    });

    it('says what energy and sleep do to output, and nothing on thin data', async () => {
      const { sw, ctx, addTasks } = await setup(engine);
      const thin = await sw('energy', 'insights');
      expect(thin.code).toBe(0);
      expect(thin.stdout).toMatch(/Not enough data yet to say anything[\s\S]*smallwins energy 4 --sleep 7\.5/);
      const long = [3, 4, 3, 4, 3, 4, 3];
      const short = [1, 2, 1, 2, 1, 2, 1];
      for (let i = 0; i < 14; i++) {
        const day = addDays('2026-11-04', i);
        await logEnergy(ctx, { day, energy: 3, sleepHours: i % 2 === 0 ? 8 : 6 });
        await addTasks(day, i % 2 === 0 ? long[i / 2]! : short[(i - 1) / 2]!, 1);
      }
      const human = await sw('energy', 'insights', '--days', '30');
      expect(human.stdout).toMatch(/Energy and output \(last 30 days, 14 logged\)/);
      expect(human.stdout).toMatch(/● On days after 7\+ hours of sleep you finish 2\.0 more tasks than after shorter nights \(±0\.6, 14 days\)\./);
      const json = (await sw('--json', 'energy', 'insights')).json<{ findings: Array<{ factor: string; lag: number; verdict: string }> }>();
      expect(json.findings).toHaveLength(4);
      expect(json.findings.find((f) => f.factor === 'sleep' && f.lag === 0)?.verdict).toBe('effect');
      expect((await sw('energy', 'insights', '--days', 'many')).code).toBe(2);
      expect((await sw('energy', 'insights', '--help')).stdout).toMatch(/Examples:\n\s+smallwins energy insights/);
      // Logging energy still works beside the new sub-command.
      expect((await sw('energy', '4', '--sleep', '7')).stdout).toMatch(/Energy .* 4\/5/);
    });

    it('gives the statistics of an A/B experiment in `experiment stats` and `experiment show`', async () => {
      const { sw } = await setup(engine);
      await sw('experiment', 'add', 'Short onboarding', '--assumption', 'Setup scares', '--hypothesis', 'More finish', '--end', '2026-12-15', '--variant', 'Control', '--variant', 'Short');
      await sw('experiment', 'count', 'Short onboarding', 'Control', '--trials', '4', '--successes', '1');
      const thin = await sw('experiment', 'stats', 'Short onboarding');
      expect(thin.stdout).toMatch(/Not enough data yet: every variant needs at least 10 trials \(Control has 4, Short has 0\)/);
      await sw('experiment', 'count', 'Short onboarding', 'Control', '--trials', '96', '--successes', '19');
      await sw('experiment', 'count', 'Short onboarding', 'Short', '--trials', '100', '--successes', '30');
      const stats = await sw('experiment', 'stats', 'Short onboarding');
      expect(stats.code).toBe(0);
      expect(stats.stdout).toMatch(/Short vs Control: 94\.8% chance it is better · lift \+\d+% \(95%: [+−]\d+% to \+\d+%\) → no clear winner yet/);
      const json = (await sw('--json', 'experiment', 'stats', 'Short onboarding')).json<{ variants: { comparisons: Array<{ probabilityBetter: number }> } }>();
      expect(json.variants.comparisons[0]!.probabilityBetter).toBeCloseTo(0.9476, 4);
      const show = await sw('experiment', 'show', 'Short onboarding');
      expect(show.stdout).toMatch(/Statistics\n\s+Short vs Control: 94\.8% chance/);
      expect((await sw('--json', 'experiment', 'show', 'Short onboarding')).json<{ stats: { variants: { status: string } } }>().stats.variants.status).toBe('ok');
      const unknown = await sw('experiment', 'stats', 'Nothing like it');
      expect(unknown.code).toBe(1);
      expect((await sw('experiment', 'stats', '--help')).stdout).toMatch(/Examples:\n\s+smallwins experiment stats/);
    });
  });
}

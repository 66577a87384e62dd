import { expect, it } from 'vitest';
import { insightsEndpoints as i } from '#contracts/api/insights.js';
import type { Ctx } from '#core/context.js';
import { logEnergy } from '#core/energy/log-energy.js';
import { createExperiment } from '#core/experiments/create-experiment.js';
import { recordVariantCounts } from '#core/experiments/record-variant-counts.js';
import { routineScores } from '#core/insights/routine-insights.js';
import { checkInRoutine } from '#core/routines/check-in-routine.js';
import { createRoutine } from '#core/routines/create-routine.js';
import { actorFor } from '#core/workspaces/bootstrap.js';
import { describeServer, type TestUser } from '#test/server.js';

// The suite's clock: Wednesday 2026-11-18, 10:00 UTC (11:00 in Paris).
describeServer('insights routes', (s) => {
  const ctxOf = async (user: TestUser): Promise<Ctx> => ({ db: s.db(), clock: s.clock, actor: (await actorFor(s.db(), user.userId, user.workspaceId))! });

  /** A daily routine from 2026-11-10: done 10–13, missed 14, done 15–18. */
  async function runner(user: TestUser, name = 'Morning run') {
    const ctx = await ctxOf(user);
    const routine = await createRoutine(ctx, { name, startDay: '2026-11-10' });
    for (const day of ['2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13', '2026-11-15', '2026-11-16', '2026-11-17', '2026-11-18']) {
      await checkInRoutine(ctx, { routineId: routine.id, day });
    }
    await checkInRoutine(ctx, { routineId: routine.id, day: '2026-11-14', status: 'missed' });
    return { ctx, routine };
  }

  it("answers a routine's whole daily score series, as the local reader gives it", async () => {
    const me = await s.user();
    const { ctx, routine } = await runner(me);
    const res = await s.call(me, i.routineScores, { routineId: routine.id });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual(await routineScores(ctx, { routineId: routine.id }));
    expect(body.name).toBe('Morning run');
    expect(body.series).toHaveLength(9);
    expect(body.series[0]).toEqual({ date: '2026-11-10', score: 0.0519 });
    expect(body.series.every((d: object) => Object.keys(d).join() === 'date,score')).toBe(true);
    const range = await s.call(me, i.routineScores, { routineId: routine.id, from: '2026-11-15', to: '2026-11-16' });
    expect(range.json().series.map((d: { date: string }) => d.date)).toEqual(['2026-11-15', '2026-11-16']);
  });

  it('never pages the series: a year and more of days comes back whole', async () => {
    const me = await s.user();
    const ctx = await ctxOf(me);
    const routine = await createRoutine(ctx, { name: 'Long habit', startDay: '2025-06-01' });
    await checkInRoutine(ctx, { routineId: routine.id, day: '2025-06-01' });
    const res = await s.call(me, i.routineScores, { routineId: routine.id });
    expect(res.statusCode).toBe(200);
    const series = res.json().series as Array<{ date: string }>;
    expect(series).toHaveLength(536);
    expect([series[0]!.date, series.at(-1)!.date]).toEqual(['2025-06-01', '2026-11-18']);
  });

  it('answers bad ranges with 400 and the field paths', async () => {
    const me = await s.user();
    const { routine } = await runner(me);
    const reversed = await s.call(me, i.routineScores, { routineId: routine.id, from: '2026-11-18', to: '2026-11-01' });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.details).toEqual([{ path: 'from', message: 'from must not be after to' }]);
    const bad = await s.call(me, i.routineScores, { routineId: routine.id, to: '2026-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(['to']);
  });

  it('lists current, best and every streak', async () => {
    const me = await s.user();
    const { routine } = await runner(me);
    const res = await s.call(me, i.routineStreaks, { routineId: routine.id });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      routineId: routine.id, name: 'Morning run', current: 4, best: 4,
      streaks: [{ start: '2026-11-15', end: '2026-11-18', length: 4 }, { start: '2026-11-10', end: '2026-11-13', length: 4 }],
    });
  });

  it("answers 404 for another workspace's routine or experiment, and lets a viewer read", async () => {
    const me = await s.user();
    const other = await s.user();
    const { routine } = await runner(other, 'seed-secret routine');
    const experiment = await createExperiment(await ctxOf(other), { title: 'seed-secret test', assumption: 'a', hypothesis: 'h', endDay: '2026-11-30', variants: ['A', 'B'] });
    for (const [e, input] of [[i.routineScores, { routineId: routine.id }], [i.routineStreaks, { routineId: routine.id }], [i.experimentStats, { experimentId: experiment.id }]] as const) {
      const foreign = await s.call(me, e, input);
      expect(foreign.statusCode, e.id).toBe(404);
      expect(foreign.body).not.toContain('seed-secret');
      expect((await s.call(me, e, input, { workspaceId: other.workspaceId })).statusCode, e.id).toBe(404);
    }
    await s.join(me, other.workspaceId, 'viewer');
    const read = await s.call(me, i.routineStreaks, { routineId: routine.id }, { workspaceId: other.workspaceId });
    expect(read.statusCode).toBe(200);
    expect(read.json().best).toBe(4);
  });

  it('shows momentum over the asked window, and refuses a window out of range', async () => {
    const me = await s.user();
    await runner(me);
    const res = await s.call(me, i.momentum, { days: 14 });
    expect(res.statusCode).toBe(200);
    const m = res.json();
    expect(m.today).toBe('2026-11-18');
    expect(m.series).toHaveLength(14);
    expect(m.value).toBeGreaterThan(0);
    expect(m.series.at(-1)).toMatchObject({ day: '2026-11-18', points: 1, count: 1, completion: 1 });
    expect((await s.call(me, i.momentum, {})).json().series).toHaveLength(30);
    for (const days of [0, 367, 1.5, 'many']) {
      const bad = await s.call(me, i.momentum, { days });
      expect(bad.statusCode, String(days)).toBe(400);
      expect(bad.json().error.details[0].path).toBe('days');
    }
  });

  it("relates the caller's energy to tasks done, and says when there is not enough data", async () => {
    const me = await s.user();
    const ctx = await ctxOf(me);
    await logEnergy(ctx, { energy: 4, sleepHours: 7.5, day: '2026-11-17' });
    const res = await s.call(me, i.energyInsights, { days: 30 });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ from: '2026-10-20', to: '2026-11-18', loggedDays: 1 });
    expect(body.findings).toHaveLength(4);
    expect(body.findings.every((f: { verdict: string; sentence: unknown }) => f.verdict === 'not_enough_data' && f.sentence === null)).toBe(true);
    expect((await s.call(me, i.energyInsights, {})).json().from).toBe('2026-08-21');
  });

  it("gives an experiment's variant statistics", async () => {
    const me = await s.user();
    const ctx = await ctxOf(me);
    const e = await createExperiment(ctx, { title: 'Short onboarding', assumption: 'Shorter is better', hypothesis: 'More finish', startDay: '2026-11-01', endDay: '2026-11-30', variants: ['Long', 'Short'] });
    const thin = (await s.call(me, i.experimentStats, { experimentId: e.id })).json();
    expect(thin).toMatchObject({ experimentId: e.id, title: 'Short onboarding', variants: { status: 'not_enough_data', minTrials: 10 }, metric: null });
    await recordVariantCounts(ctx, { experimentId: e.id, variant: 'Long', trials: 200, successes: 20 });
    await recordVariantCounts(ctx, { experimentId: e.id, variant: 'Short', trials: 200, successes: 60 });
    const res = await s.call(me, i.experimentStats, { experimentId: e.id });
    expect(res.statusCode).toBe(200);
    const [comparison] = res.json().variants.comparisons;
    expect(comparison).toMatchObject({ variant: 'Short', control: 'Long', verdict: 'better' });
    expect(comparison.probabilityBetter).toBeGreaterThan(0.99);
    expect(comparison.lift.low).toBeGreaterThan(0);
  });
});

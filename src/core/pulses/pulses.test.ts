import { expect, it } from 'vitest';
import { describeEachEngine, type EngineSuite, type TestCtx } from '#test/db.js';
import { newId } from '../ids.js';
import { pulseTrend } from './pulse-trend.js';
import { listMyPulses, recordPulse } from './record-pulse.js';

/** A team workspace with `n` members, each as a use-case context. */
async function team(s: EngineSuite, n: number): Promise<TestCtx[]> {
  const people = await Promise.all(Array.from({ length: n }, () => s.newCtx()));
  const workspaceId = newId();
  const createdAt = '2026-11-01T00:00:00.000Z';
  await s.db().insertInto('workspaces').values({ id: workspaceId, name: 'Crew', kind: 'team', focusLimit: 3, conversationTarget: 1, createdAt }).execute();
  for (const [i, p] of people.entries()) {
    await s.db().insertInto('members').values({ workspaceId, userId: p.actor.userId, role: i === 0 ? 'owner' : 'member', createdAt }).execute();
  }
  return people.map((p) => ({ ...p, actor: { ...p.actor, workspaceId, role: p.actor.userId === people[0]!.actor.userId ? 'owner' : 'member' } }));
}

describeEachEngine('pulses', (s) => {
  it('records morale, delight and clarity, and a custom pulse only with its question', async () => {
    const ctx = await s.newCtx();
    await expect(recordPulse(ctx, { kind: 'morale', value: 4, note: 'good demo' })).resolves.toMatchObject({ kind: 'morale', question: '', value: 4, day: '2026-11-18' });
    ctx.clock.advance(60_000);
    await expect(recordPulse(ctx, { kind: 'custom', value: 3 })).rejects.toMatchObject({ code: 'validation', details: [{ path: 'question' }] });
    await expect(recordPulse(ctx, { kind: 'custom', value: 3, question: '   ' })).rejects.toThrow(/custom pulse needs its question/);
    await expect(recordPulse(ctx, { kind: 'clarity', value: 3, question: 'Why?' })).rejects.toThrow(/clarity pulse has a fixed question/);
    const custom = await recordPulse(ctx, { kind: 'custom', value: 2, question: '  Do we know our customer?  ' });
    expect(custom.question).toBe('Do we know our customer?');
    await expect(recordPulse(ctx, { kind: 'morale', value: 0 })).rejects.toThrow(/value: a pulse must be from 1 to 5/);
    await expect(recordPulse(ctx, { kind: 'morale', value: 3.5 })).rejects.toThrow(/whole number/);
    await expect(recordPulse(ctx, { kind: 'mood' as 'morale', value: 3 })).rejects.toThrow(/kind: must be one of morale/);
    expect((await listMyPulses(ctx)).map((p) => p.kind)).toEqual(['morale', 'custom']);
    expect(await listMyPulses(ctx, { kind: 'custom' })).toHaveLength(1);
  });

  it('averages per ISO week with counts, every week of the range present', async () => {
    const ctx = await s.newCtx();
    // 2026-W46 is 9–15 November, W47 is 16–22 November.
    await recordPulse(ctx, { kind: 'morale', value: 2, day: '2026-11-09' });
    await recordPulse(ctx, { kind: 'morale', value: 5, day: '2026-11-15' });
    await recordPulse(ctx, { kind: 'morale', value: 4, day: '2026-11-16' });
    await recordPulse(ctx, { kind: 'delight', value: 1, day: '2026-11-16' });
    const trend = await pulseTrend(ctx, { kind: 'morale', from: '2026-10-26', bucket: 'week' });
    expect(trend).toMatchObject({ from: '2026-10-26', to: '2026-11-18', anonymous: false });
    expect(trend.weeks).toEqual([
      { week: '2026-W44', average: null, count: 0, withheld: false },
      { week: '2026-W45', average: null, count: 0, withheld: false },
      { week: '2026-W46', average: 3.5, count: 2, withheld: false },
      { week: '2026-W47', average: 4, count: 1, withheld: false },
    ]);
    const byDefault = await pulseTrend(ctx, { kind: 'morale' });
    expect(byDefault.weeks).toHaveLength(8);
    expect(byDefault.weeks.at(-1)).toMatchObject({ week: '2026-W47', average: 4 });
  });

  it('charts a custom pulse by its question and asks which question when none is given', async () => {
    const ctx = await s.newCtx();
    await recordPulse(ctx, { kind: 'custom', question: 'Is the roadmap clear?', value: 2 });
    await recordPulse(ctx, { kind: 'custom', question: 'Are we shipping weekly?', value: 5 });
    const trend = await pulseTrend(ctx, { kind: 'custom', question: 'is the roadmap clear?' });
    expect(trend.weeks.at(-1)).toMatchObject({ average: 2, count: 1 });
    await expect(pulseTrend(ctx, { kind: 'custom' })).rejects.toThrow(/say which custom question/);
  });

  it('keeps team answers anonymous: aggregates only, withheld until three people answered', async () => {
    const [a, b, c] = await team(s, 3);
    await recordPulse(a!, { kind: 'morale', value: 5, note: 'private thought' });
    await recordPulse(b!, { kind: 'morale', value: 1 });
    let trend = await pulseTrend(a!, { kind: 'morale', from: '2026-11-16' });
    expect(trend.anonymous).toBe(true);
    expect(trend.weeks).toEqual([{ week: '2026-W47', average: null, count: 2, withheld: true }]);
    expect(JSON.stringify(trend)).not.toMatch(/private thought|userId/);
    await recordPulse(c!, { kind: 'morale', value: 3 });
    trend = await pulseTrend(b!, { kind: 'morale', from: '2026-11-16' });
    expect(trend.weeks).toEqual([{ week: '2026-W47', average: 3, count: 3, withheld: false }]);
    // Each member sees only their own answers.
    expect((await listMyPulses(b!)).map((p) => p.value)).toEqual([1]);
    expect((await listMyPulses(a!)).map((p) => p.note)).toEqual(['private thought']);
  });
});

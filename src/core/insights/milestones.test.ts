import { describe, expect, it } from 'vitest';
import { addDays } from '../time/plain-date.js';
import { metricTargetMilestone, routineMilestones } from './milestones.js';
import type { Streak } from './streaks.js';

const routine = { id: 'r1', name: 'Morning run' };
const streak = (start: string, length: number): Streak => ({ start, end: addDays(start, length - 1), length });
const state = (streaks: Streak[], score = 0.1) => ({ streaks, score });

describe('routine milestones', () => {
  it('celebrates the first streak of 7 days, once', () => {
    const sixth = state([streak('2026-11-01', 6)]);
    const seventh = state([streak('2026-11-01', 7)]);
    expect(routineMilestones(routine, sixth, seventh, '2026-11-07')).toEqual([{ key: 'routine:r1:best-streak:7', title: 'Morning run: new best streak of 7 days' }]);
    expect(routineMilestones(routine, seventh, state([streak('2026-11-01', 8)]), '2026-11-08')).toEqual([]);
    expect(routineMilestones(routine, state([streak('2026-11-01', 5)]), state([streak('2026-11-01', 6)]), '2026-11-06')).toEqual([]);
  });

  it('celebrates a streak when it passes the previous record, not before or after', () => {
    const old = streak('2026-10-01', 10);
    const at = (n: number) => state([streak('2026-11-01', n), old]);
    expect(routineMilestones(routine, at(9), at(10), '2026-11-10')).toEqual([]);
    expect(routineMilestones(routine, at(10), at(11), '2026-11-11')).toEqual([{ key: 'routine:r1:best-streak:11', title: 'Morning run: new best streak of 11 days' }]);
    expect(routineMilestones(routine, at(11), at(12), '2026-11-12')).toEqual([]);
  });

  it('celebrates a back-filled day that joins two runs into a record', () => {
    const before = state([streak('2026-11-06', 4), streak('2026-11-01', 4)]);
    const after = state([streak('2026-11-01', 9)]);
    expect(routineMilestones(routine, before, after, '2026-11-05').map((m) => m.key)).toEqual(['routine:r1:best-streak:9']);
    // A missed day belongs to no streak: nothing to celebrate.
    expect(routineMilestones(routine, after, before, '2026-11-05')).toEqual([]);
  });

  it('celebrates strength crossing 50% and 80% upwards', () => {
    const m = (before: number, after: number) => routineMilestones(routine, state([], before), state([], after), '2026-11-18').map((x) => x.key);
    expect(m(0.49, 0.5)).toEqual(['routine:r1:strength:50']);
    expect(m(0.45, 0.81)).toEqual(['routine:r1:strength:50', 'routine:r1:strength:80']);
    expect(m(0.81, 0.79)).toEqual([]);
    expect(m(0.6, 0.7)).toEqual([]);
  });
});

describe('metric target milestone', () => {
  const metric = { id: 'm1', name: 'Customers', unit: 'customers', direction: 'up' as const, primary: true, target: 10 };

  it('fires when a value reaches the primary metric target, in the metric direction', () => {
    expect(metricTargetMilestone(metric, 10)).toEqual({ key: 'metric:m1:target:10', title: 'Customers reached its target of 10 customers' });
    expect(metricTargetMilestone(metric, 9.5)).toBeNull();
    expect(metricTargetMilestone({ ...metric, direction: 'down', target: 70, unit: '' }, 69)).toEqual({ key: 'metric:m1:target:70', title: 'Customers reached its target of 70' });
    expect(metricTargetMilestone({ ...metric, direction: 'down', target: 70 }, 71)).toBeNull();
  });

  it('ignores supporting metrics and metrics without a target', () => {
    expect(metricTargetMilestone({ ...metric, primary: false }, 12)).toBeNull();
    expect(metricTargetMilestone({ ...metric, target: null }, 12)).toBeNull();
  });
});

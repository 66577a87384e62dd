import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../time/plain-date.js';
import { buildEntriesFromIntervals, buildIntervals, computeEntries, snapIntervalsTogether, type Interval } from './auto-checkmarks.js';
import { frequency, type HabitRules, type LoopEntry } from './loop-entry.js';
import { recomputeHabit, scoreOn } from './loop-habit.js';
import { scoreStep } from './score.js';
import { bestStreaks } from './streaks.js';

// Loop Habit Tracker's own unit-test cases, read from the shared anchors (never copied here).
const ANCHORS = path.resolve(process.cwd(), '../shared/anchors/loop');

interface HabitSpec {
  type: 'YES_NO' | 'NUMERICAL';
  num: number;
  den: number;
  targetType?: 'AT_LEAST' | 'AT_MOST';
  target?: number;
}
type Pair = [number, number];
interface Case {
  id: string;
  habit: HabitSpec;
  entries: Pair[];
  tolerance?: number;
}
interface Upstream {
  today: string;
  score_step: { tolerance: number; cases: Array<{ frequency: number; previous: number; checkmark: number; expected: number }> };
  score_series: Array<Case & { expected_by_offset: number[] }>;
  score_today: Array<Case & { expected?: number; expected_greater_than?: number; expected_equal_to_id?: string }>;
  streaks: Array<Case & { expected_best_lengths: Record<string, number[]> }>;
  computed_entries: Array<Case & { expected_known_newest_first: Pair[] }>;
  csv_export: { habits: Array<{ name: string; habit: HabitSpec; entries: Pair[]; notes?: Record<string, string> }> };
}

const upstream = JSON.parse(readFileSync(path.join(ANCHORS, 'expected-upstream.json'), 'utf8')) as Upstream;
const today = upstream.today;
const day = (offset: number): string => addDays(today, -offset);

function rulesOf(h: HabitSpec): HabitRules {
  return {
    frequency: frequency(h.num, h.den),
    numerical: h.type === 'NUMERICAL',
    targetType: h.targetType === 'AT_MOST' ? 'at_most' : 'at_least',
    target: h.target ?? 0,
  };
}

function entriesOf(pairs: Pair[], notes: Record<string, string> = {}): LoopEntry[] {
  return pairs.map(([offset, value]) => (notes[offset] ? { date: day(offset), value, note: notes[offset] } : { date: day(offset), value }));
}

const scoreToday = (c: Case): number => scoreOn(recomputeHabit(rulesOf(c.habit), entriesOf(c.entries), { today }), today);

describe('Loop score step (ScoreTest)', () => {
  it.each(upstream.score_step.cases.map((c) => [`f=${c.frequency.toFixed(4)} prev=${c.previous} v=${c.checkmark}`, c] as const))('%s', (_, c) => {
    expect(Math.abs(scoreStep(c.frequency, c.previous, c.checkmark) - c.expected)).toBeLessThanOrEqual(upstream.score_step.tolerance);
  });
});

describe('Loop daily score series (ScoreListTest)', () => {
  it.each(upstream.score_series.map((c) => [c.id, c] as const))('%s', (_, c) => {
    const history = recomputeHabit(rulesOf(c.habit), entriesOf(c.entries), { today });
    c.expected_by_offset.forEach((expected, offset) => {
      expect(Math.abs(scoreOn(history, day(offset)) - expected), `${offset} days before today`).toBeLessThanOrEqual(c.tolerance ?? 1e-6);
    });
  });
});

describe('Loop score today (ScoreListTest)', () => {
  it.each(upstream.score_today.map((c) => [c.id, c] as const))('%s', (_, c) => {
    const score = scoreToday(c);
    const tolerance = c.tolerance ?? 1e-6;
    if (c.expected !== undefined) expect(Math.abs(score - c.expected)).toBeLessThanOrEqual(tolerance);
    if (c.expected_greater_than !== undefined) expect(score).toBeGreaterThan(c.expected_greater_than);
    if (c.expected_equal_to_id !== undefined) {
      const other = upstream.score_today.find((o) => o.id === c.expected_equal_to_id);
      expect(other, c.expected_equal_to_id).toBeDefined();
      expect(Math.abs(score - scoreToday(other!))).toBeLessThanOrEqual(tolerance);
    }
  });
});

describe('Loop streaks (StreakListTest)', () => {
  it.each(upstream.streaks.map((c) => [c.id, c] as const))('%s', (_, c) => {
    const history = recomputeHabit(rulesOf(c.habit), entriesOf(c.entries), { today });
    for (const [limit, lengths] of Object.entries(c.expected_best_lengths)) {
      expect(bestStreaks(history.streaks, Number(limit)).map((s) => s.length), `getBest(${limit})`).toEqual(lengths);
    }
  });

  it('breaks a length tie in favour of the streak that ended later', () => {
    const c = upstream.streaks.find((s) => s.id === 'StreakListTest.testGetBest')!;
    const best = bestStreaks(recomputeHabit(rulesOf(c.habit), entriesOf(c.entries), { today }).streaks, 4);
    expect(best.map((s) => [daysBetween(s.start, today), daysBetween(s.end, today)])).toEqual([[10, 7], [28, 26], [54, 50], [75, 70]]);
  });

  it('fills a 3/7 habit with automatic checks before finding streaks', () => {
    const c = upstream.streaks.find((s) => s.id === 'StreakListTest.testGetBest')!;
    const history = recomputeHabit({ ...rulesOf(c.habit), frequency: frequency(3, 7) }, entriesOf(c.entries), { today });
    expect(bestStreaks(history.streaks, 4).map((s) => `${s.start}..${s.end}`)).toEqual([
      '2014-12-26..2015-01-28', '2014-10-21..2014-12-10', '2014-10-08..2014-10-15', '2014-09-27..2014-09-27',
    ]);
    expect(scoreOn(history, today)).toBeCloseTo(0.767304, 6);
  });
});

describe('Loop automatic checkmarks (EntryListTest)', () => {
  it.each(upstream.computed_entries.map((c) => [c.id, c] as const))('%s', (_, c) => {
    const computed = computeEntries(rulesOf(c.habit), entriesOf(c.entries));
    expect(computed.map((e) => [daysBetween(e.date, today), e.value])).toEqual(c.expected_known_newest_first);
  });

  const iv = (begin: number, center: number, end: number): Interval => ({ begin: day(begin), center: day(center), end: day(end) });
  const checks = (...offsets: number[]): LoopEntry[] => offsets.map((o) => ({ date: day(o), value: 2 }));

  it.each([
    ['weekly 1/7', frequency(1, 7), checks(8, 18, 23), [iv(8, 8, 2), iv(18, 18, 12), iv(23, 23, 17)]],
    ['daily', frequency(1, 1), checks(8, 18, 23), [iv(8, 8, 8), iv(18, 18, 18), iv(23, 23, 23)]],
    ['2/7', frequency(2, 7), checks(8, 15, 18, 22, 23), [iv(18, 15, 12), iv(22, 18, 16), iv(23, 22, 17)]],
    ['1/3, a SKIP never opens a window', frequency(1, 3), [...checks(10, 30), { date: day(20), value: 3 }], [iv(10, 10, 8), iv(30, 30, 28)]],
  ] as const)('builds the windows of a %s habit', (_, freq, entries, expected) => {
    expect(buildIntervals(freq, entries)).toEqual(expected);
  });

  it.each([
    [[iv(8, 8, 2), iv(12, 12, 6), iv(20, 20, 14), iv(27, 27, 21)], [iv(8, 8, 2), iv(15, 12, 9), iv(22, 20, 16), iv(29, 27, 23)]],
    [[iv(6, 4, 0), iv(11, 8, 5)], [iv(6, 4, 0), iv(13, 8, 7)]],
  ])('slides older windows back against newer ones', (given, expected) => {
    expect(snapIntervalsTogether(given)).toEqual(expected);
  });

  it('turns windows into automatic checks, keeping manual checks, skips and notes', () => {
    const original: LoopEntry[] = [
      { date: day(1), value: 2 }, { date: day(2), value: 0, note: 'Test' }, { date: day(4), value: 0 },
      { date: day(5), value: 2 }, { date: day(10), value: 2 }, { date: day(11), value: 0 },
    ];
    const result = buildEntriesFromIntervals(original, [iv(2, 2, 1), iv(6, 5, 4), iv(10, 8, 8)]);
    expect(result.map((e) => [daysBetween(e.date, today), e.value])).toEqual([
      [1, 2], [2, 1], [3, -1], [4, 1], [5, 2], [6, 1], [7, -1], [8, 1], [9, 1], [10, 2], [11, 0],
    ]);
    expect(result.find((e) => e.date === day(2))?.note).toBe('Test');
  });

  it('gives a once-a-month window the length of the calendar month', () => {
    const on = (date: string): LoopEntry[] => [{ date, value: 2 }];
    expect(buildIntervals(frequency(1, 30), on('2015-01-10'))).toEqual([{ begin: '2015-01-10', center: '2015-01-10', end: '2015-02-09' }]);
    // On the last day of a month the window takes the next month's length (February 2015: 28 days).
    expect(buildIntervals(frequency(1, 31), on('2015-01-31'))).toEqual([{ begin: '2015-01-31', center: '2015-01-31', end: '2015-02-27' }]);
  });
});

describe("Loop's reference CSV export (HabitsCSVExporterTest)", () => {
  const exportDir = path.join(ANCHORS, 'uhabits-core-assets-test/csv_export');
  const VALUE_NAMES: Record<string, number> = { UNKNOWN: -1, NO: 0, YES_AUTO: 1, YES_MANUAL: 2, SKIP: 3 };

  it.each(upstream.csv_export.habits.map((h, i) => [h.name, h, i] as const))('computes the checkmarks and scores of "%s"', (_, h, i) => {
    const history = recomputeHabit(rulesOf(h.habit), entriesOf(h.entries, h.notes), { today });
    const folder = `${String(i + 1).padStart(3, '0')} ${h.name}`;
    const checkmarks = readFileSync(path.join(exportDir, folder, 'Checkmarks.csv'), 'utf8').trim().split('\n').slice(1);
    expect(history.computed.map((e) => [e.date, e.value])).toEqual(
      checkmarks.map((line) => {
        const [date, value] = line.split(',');
        return [date, VALUE_NAMES[value!]];
      }),
    );
    expect(history.computed.filter((e) => e.note).map((e) => e.note)).toEqual(Object.values(h.notes ?? {}));
    const scores = readFileSync(path.join(exportDir, folder, 'Scores.csv'), 'utf8').trim().split('\n').slice(1);
    expect(scores.length).toBeGreaterThan(0);
    for (const line of scores) {
      const [date, score] = line.split(',') as [string, string];
      expect(scoreOn(history, date).toFixed(4), date).toBe(score);
    }
  });
});

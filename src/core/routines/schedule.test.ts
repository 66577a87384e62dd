import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, daysBetween, eachDay, fromDayNumber, isoWeekday } from '../time/plain-date.js';
import { normalizeRrule, rruleDaysBetween } from './rrule-schedule.js';
import { describeSchedule, dueDays, isDue, isPaused, periodOf, routineFrequency, toSchedule, type Schedule, type ScheduleColumns } from './schedule.js';

const seed = 20261122;
const day = fc.integer({ min: dayNumber('2000-01-01'), max: dayNumber('2040-12-31') }).map(fromDayNumber);
/** A start day and a day within five years on either side of it. */
const startAndDay = fc.tuple(day, fc.integer({ min: -400, max: 1800 })).map(([start, offset]) => [start, addDays(start, offset)] as const);
const weekdaySet = fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 });
const CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const due = (schedule: Schedule, startDay: string, d: string, doneBefore = 0) => isDue({ schedule, startDay }, d, doneBefore);

describe('isDue', () => {
  it('never counts a day before the start day, whatever the schedule', () => {
    const schedules: Schedule[] = [
      { kind: 'daily' },
      { kind: 'times', times: 3, periodDays: 7 },
      { kind: 'weekdays', weekdays: [1, 2, 3, 4, 5, 6, 7] },
      { kind: 'rrule', rrule: 'FREQ=DAILY' },
    ];
    fc.assert(
      fc.property(startAndDay, fc.constantFrom(...schedules), ([start, d], s) => (d < start ? !due(s, start, d) : true)),
      { seed },
    );
  });

  it('a daily routine is due every day from its start', () => {
    fc.assert(fc.property(startAndDay, ([start, d]) => due({ kind: 'daily' }, start, d) === d >= start), { seed });
  });

  it('a weekdays routine is due exactly on its ISO weekdays', () => {
    fc.assert(
      fc.property(startAndDay, weekdaySet, ([start, d], weekdays) => {
        fc.pre(d >= start);
        return due({ kind: 'weekdays', weekdays }, start, d) === weekdays.includes(isoWeekday(d));
      }),
      { seed },
    );
  });

  it('FREQ=WEEKLY;BYDAY=… agrees with the weekdays schedule on every calendar day, DST nights included', () => {
    fc.assert(
      fc.property(startAndDay, weekdaySet, ([start, d], weekdays) => {
        fc.pre(d >= start);
        const rrule = `FREQ=WEEKLY;BYDAY=${weekdays.map((w) => CODES[w - 1]).join(',')}`;
        return due({ kind: 'rrule', rrule }, start, d) === due({ kind: 'weekdays', weekdays }, start, d);
      }),
      { seed, numRuns: 200 },
    );
    // The nights the clocks change in Europe and the US are ordinary calendar days here.
    for (const sunday of ['2026-03-29', '2026-10-25', '2026-03-08', '2026-11-01']) {
      expect(due({ kind: 'rrule', rrule: 'FREQ=WEEKLY;BYDAY=SU' }, '2026-01-01', sunday)).toBe(true);
      expect(due({ kind: 'rrule', rrule: 'FREQ=WEEKLY;BYDAY=SU' }, '2026-01-01', addDays(sunday, 1))).toBe(false);
    }
  });

  it('FREQ=DAILY;INTERVAL=n is due every n-th day counted from the start day', () => {
    fc.assert(
      fc.property(startAndDay, fc.integer({ min: 1, max: 30 }), ([start, d], n) => {
        fc.pre(d >= start);
        return due({ kind: 'rrule', rrule: `FREQ=DAILY;INTERVAL=${n}` }, start, d) === (daysBetween(start, d) % n === 0);
      }),
      { seed },
    );
  });

  it('lists the same rule days over a range as it answers day by day', () => {
    const rules = ['FREQ=MONTHLY;BYMONTHDAY=1,15', 'FREQ=MONTHLY;BYDAY=-1FR', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH', 'FREQ=DAILY;COUNT=10'];
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 90 }), fc.constantFrom(...rules), (start, skip, len, rrule) => {
        const from = addDays(start, skip);
        const to = addDays(from, len);
        const listed = rruleDaysBetween(rrule, start, from, to);
        const asked = eachDay(from, to).filter((d) => due({ kind: 'rrule', rrule }, start, d));
        expect(listed).toEqual(asked);
      }),
      { seed, numRuns: 60 },
    );
    expect(rruleDaysBetween('FREQ=MONTHLY;BYDAY=-1FR', '2026-01-01', '2026-01-01', '2026-03-31')).toEqual(['2026-01-30', '2026-02-27', '2026-03-27']);
  });

  it('a "times" routine stays due until the quota of its period is met', () => {
    fc.assert(
      fc.property(startAndDay, fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 10 }), ([start, d], times, done) => {
        fc.pre(d >= start);
        return due({ kind: 'times', times, periodDays: 7 }, start, d, done) === done < times;
      }),
      { seed },
    );
  });
});

describe('dueDays', () => {
  /** The days a stored routine is due from `from` to `to`, read as Today, the score and the reviews read them. */
  const stored = (row: Partial<ScheduleColumns> & { startDay?: string }, from: string, to: string) => {
    const columns: ScheduleColumns = { scheduleKind: 'daily', timesPerPeriod: null, periodDays: null, weekdays: null, rrule: null, ...row };
    return dueDays({ schedule: toSchedule(columns), startDay: row.startDay ?? '2026-11-01' }, from, to);
  };

  it('lists exactly the days isDue answers yes to, none before the start day', () => {
    const schedules: Schedule[] = [
      { kind: 'daily' },
      { kind: 'weekdays', weekdays: [2, 6] },
      { kind: 'rrule', rrule: 'FREQ=MONTHLY;BYMONTHDAY=1,15' },
      { kind: 'rrule', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH' },
    ];
    fc.assert(
      fc.property(day, fc.integer({ min: -40, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.constantFrom(...schedules), (start, skip, len, schedule) => {
        const from = addDays(start, skip);
        const to = addDays(from, len);
        expect(dueDays({ schedule, startDay: start }, from, to)).toEqual(eachDay(from, to).filter((d) => due(schedule, start, d)));
      }),
      { seed, numRuns: 80 },
    );
  });

  it('is every day for a daily routine, from its start day on', () => {
    expect(stored({}, '2026-11-09', '2026-11-11')).toEqual(['2026-11-09', '2026-11-10', '2026-11-11']);
    expect(stored({ startDay: '2026-11-11' }, '2026-11-09', '2026-11-12')).toEqual(['2026-11-11', '2026-11-12']);
    expect(stored({ startDay: '2026-12-01' }, '2026-11-09', '2026-11-12')).toEqual([]);
  });

  it('follows ISO weekdays however they are written', () => {
    expect(stored({ scheduleKind: 'weekdays', weekdays: '1,3,5' }, '2026-11-09', '2026-11-15')).toEqual(['2026-11-09', '2026-11-11', '2026-11-13']);
    expect(stored({ scheduleKind: 'weekdays', weekdays: '[7]' }, '2026-11-09', '2026-11-15')).toEqual(['2026-11-15']);
  });

  it('expands an RFC 5545 rule, and reads one that cannot be read (or runs finer than a day) as every day', () => {
    expect(stored({ scheduleKind: 'rrule', rrule: 'FREQ=WEEKLY;BYDAY=TU,SA' }, '2026-11-09', '2026-11-15')).toEqual(['2026-11-10', '2026-11-14']);
    expect(stored({ scheduleKind: 'rrule', rrule: 'RRULE:FREQ=DAILY;INTERVAL=3' }, '2026-11-01', '2026-11-08')).toEqual(['2026-11-01', '2026-11-04', '2026-11-07']);
    expect(stored({ scheduleKind: 'rrule', rrule: 'NOT A RULE' }, '2026-11-09', '2026-11-11')).toEqual(['2026-11-09', '2026-11-10', '2026-11-11']);
    expect(stored({ scheduleKind: 'rrule', rrule: 'FREQ=SECONDLY' }, '2026-11-09', '2026-11-10')).toEqual(['2026-11-09', '2026-11-10']);
  });

  it('has no fixed days for an "N times per period" routine', () => {
    expect(stored({ scheduleKind: 'times', timesPerPeriod: 3, periodDays: 7 }, '2026-11-09', '2026-11-15')).toBeNull();
  });
});

describe('toSchedule', () => {
  const row = (over: Partial<ScheduleColumns>): ScheduleColumns => ({ scheduleKind: 'daily', timesPerPeriod: null, periodDays: null, weekdays: null, rrule: null, ...over });

  it('reads the stored columns back into the schedule that was saved', () => {
    expect(toSchedule(row({ scheduleKind: 'times', timesPerPeriod: 3, periodDays: 7 }))).toEqual({ kind: 'times', times: 3, periodDays: 7 });
    expect(toSchedule(row({ scheduleKind: 'weekdays', weekdays: '1,3,5' }))).toEqual({ kind: 'weekdays', weekdays: [1, 3, 5] });
    expect(toSchedule(row({ scheduleKind: 'rrule', rrule: 'FREQ=WEEKLY;BYDAY=FR' }))).toEqual({ kind: 'rrule', rrule: 'FREQ=WEEKLY;BYDAY=FR' });
  });

  it.each<[string, Partial<ScheduleColumns>]>([
    ['a rule that fails the checks', { scheduleKind: 'rrule', rrule: 'FREQ=WEEKLY;BYDAY=XX' }],
    ['a missing rule', { scheduleKind: 'rrule', rrule: null }],
    ['a weekday list with no weekday', { scheduleKind: 'weekdays', weekdays: '' }],
    ['a quota larger than its period', { scheduleKind: 'times', timesPerPeriod: 9, periodDays: 7 }],
    ['a quota without its period', { scheduleKind: 'times', timesPerPeriod: 2, periodDays: null }],
  ])('reads %s as every day', (_what, over) => {
    expect(toSchedule(row(over))).toEqual({ kind: 'daily' });
  });
});

describe('periodOf', () => {
  it('cuts the calendar into back-to-back periods that hold the day', () => {
    fc.assert(
      fc.property(startAndDay, fc.integer({ min: 1, max: 60 }), ([start, d], periodDays) => {
        const p = periodOf(periodDays, start, d);
        expect(p.start <= d && d <= p.end).toBe(true);
        expect(periodOf(periodDays, start, addDays(p.end, 1)).start).toBe(addDays(p.end, 1));
        if (periodDays === 7) expect(isoWeekday(p.start)).toBe(1);
        if (periodDays === 30) expect(p.start.slice(8)).toBe('01');
        if (periodDays !== 30) expect(daysBetween(p.start, p.end)).toBe(periodDays - 1);
      }),
      { seed },
    );
    expect(periodOf(30, '2026-01-10', '2026-02-14')).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(periodOf(10, '2026-01-10', '2026-01-25')).toEqual({ start: '2026-01-20', end: '2026-01-29' });
  });
});

describe('routineFrequency', () => {
  it('matches Loop Habit Tracker for the plain kinds', () => {
    const f = (schedule: Schedule) => routineFrequency({ schedule, startDay: '2026-01-01' });
    expect(f({ kind: 'daily' })).toEqual({ numerator: 1, denominator: 1 });
    expect(f({ kind: 'times', times: 3, periodDays: 7 })).toEqual({ numerator: 3, denominator: 7 });
    expect(f({ kind: 'times', times: 2, periodDays: 30 })).toEqual({ numerator: 2, denominator: 30 });
    expect(f({ kind: 'times', times: 5, periodDays: 5 })).toEqual({ numerator: 1, denominator: 1 });
    expect(f({ kind: 'weekdays', weekdays: [1, 3, 5] })).toEqual({ numerator: 3, denominator: 7 });
    expect(f({ kind: 'weekdays', weekdays: [1, 2, 3, 4, 5, 6, 7] })).toEqual({ numerator: 1, denominator: 1 });
  });

  it('approximates a rule by its long-run rate over its natural period', () => {
    const f = (rrule: string, startDay = '2026-01-01') => routineFrequency({ schedule: { kind: 'rrule', rrule }, startDay });
    expect(f('FREQ=WEEKLY;BYDAY=MO,WE,FR')).toEqual({ numerator: 3, denominator: 7 });
    expect(f('FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR')).toEqual({ numerator: 5, denominator: 7 });
    expect(f('FREQ=DAILY')).toEqual({ numerator: 1, denominator: 1 });
    expect(f('FREQ=DAILY;INTERVAL=2')).toEqual({ numerator: 1, denominator: 2 });
    expect(f('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU')).toEqual({ numerator: 1, denominator: 14 });
    expect(f('FREQ=MONTHLY;BYMONTHDAY=1', '2026-01-17')).toEqual({ numerator: 1, denominator: 30 });
    expect(f('FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1')).toEqual({ numerator: 1, denominator: 365 });
    expect(f('FREQ=DAILY;COUNT=3')).toEqual({ numerator: 1, denominator: 1 });
  });

  it('gives a weekly rule the same frequency as the matching weekdays schedule', () => {
    fc.assert(
      fc.property(day, weekdaySet, (startDay, weekdays) => {
        const rrule = `FREQ=WEEKLY;BYDAY=${weekdays.map((w) => CODES[w - 1]).join(',')}`;
        expect(routineFrequency({ schedule: { kind: 'rrule', rrule }, startDay })).toEqual(
          routineFrequency({ schedule: { kind: 'weekdays', weekdays }, startDay }),
        );
      }),
      { seed, numRuns: 30 },
    );
  });
});

describe('normalizeRrule', () => {
  it('accepts RFC 5545 rules in any case, with or without the RRULE: prefix', () => {
    expect(normalizeRrule('rrule:freq=weekly;byday=mo,we,fr;')).toBe('FREQ=WEEKLY;BYDAY=MO,WE,FR');
    expect(normalizeRrule('FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20271231')).toBe('FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20271231');
  });

  it.each([
    ['garbage', /not a NAME=VALUE part/],
    ['BYDAY=MO', /FREQ is missing/],
    ['FREQ=HOURLY', /FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY, not HOURLY/],
    ['FREQ=WEEKLY;BYDAY=XX', /BYDAY=XX is not a valid value/],
    ['FREQ=DAILY;INTERVAL=1.5', /INTERVAL=1.5 is not a valid value/],
    ['FREQ=DAILY;INTERVAL=0', /INTERVAL=0 is not a valid value/],
    ['FREQ=DAILY;DTSTART=20200101T000000Z', /start day/],
    ['FREQ=DAILY;BYHOUR=9', /reminder time/],
    ['FREQ=DAILY;COUNT=3;UNTIL=20270101', /COUNT and UNTIL/],
    ['FREQ=DAILY;FREQ=WEEKLY', /FREQ is given twice/],
    ['FREQ=DAILY;FOO=1', /FOO is not a recurrence rule part/],
  ])('refuses %s with a reason', (rule, reason) => {
    expect(() => normalizeRrule(rule)).toThrow(reason);
  });
});

describe('isPaused and describeSchedule', () => {
  it('a pause covers both ends, and an open pause lasts until resumed', () => {
    const pauses = [
      { startDay: '2026-11-10', endDay: '2026-11-12' },
      { startDay: '2026-12-01', endDay: null },
    ];
    expect(['2026-11-09', '2026-11-10', '2026-11-12', '2026-11-13', '2026-11-30', '2026-12-01', '2030-01-01'].map((d) => isPaused(pauses, d))).toEqual([
      false, true, true, false, false, true, true,
    ]);
  });

  it('says a schedule in words', () => {
    expect(describeSchedule({ kind: 'times', times: 3, periodDays: 7 })).toBe('3× per week');
    expect(describeSchedule({ kind: 'weekdays', weekdays: [1, 3, 5] })).toBe('Mon, Wed, Fri');
  });
});

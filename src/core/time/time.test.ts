import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWeeks, isoWeekOf, weekEnd, weekStart } from './iso-week.js';
import { localDay } from './local-day.js';
import { addDays, dayNumber, daysBetween, fromDayNumber, isoWeekday, parseIsoDate } from './plain-date.js';

describe('calendar dates', () => {
  it('round-trips day numbers for every date across four centuries', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => dayNumber(fromDayNumber(n)) === n),
      { seed: 42 },
    );
  });

  it('agrees with the proleptic Gregorian calendar', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(isoWeekday('2026-11-22')).toBe(7);
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(() => parseIsoDate('2026-02-29')).toThrow(/not a real calendar date/);
  });
});

describe('ISO weeks', () => {
  it.each([
    ['2026-01-01', '2026-W01'],
    ['2027-01-01', '2026-W53'],
    ['2021-01-03', '2020-W53'],
    ['2024-12-30', '2025-W01'],
    ['2026-11-22', '2026-W47'],
  ])('%s is in %s', (date, week) => {
    expect(isoWeekOf(date)).toBe(week);
  });

  it('starts on Monday and every day of a week maps back to it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), (n) => {
        const date = fromDayNumber(n);
        const week = isoWeekOf(date);
        const start = weekStart(week);
        return isoWeekday(start) === 1 && start <= date && date <= weekEnd(week) && addWeeks(week, 1) === isoWeekOf(addDays(date, 7));
      }),
      { seed: 7 },
    );
  });
});

describe('local day', () => {
  const paris = { timeZone: 'Europe/Paris', dayStartHour: 0 };

  it('uses the wall clock of the time zone', () => {
    expect(localDay(new Date('2026-11-18T23:30:00Z'), paris)).toBe('2026-11-19');
    expect(localDay(new Date('2026-11-18T23:30:00Z'), { timeZone: 'America/New_York', dayStartHour: 0 })).toBe('2026-11-18');
  });

  it('counts a check-in before the start-of-day hour for the previous day', () => {
    const late = { timeZone: 'Europe/Paris', dayStartHour: 4 };
    expect(localDay(new Date('2026-11-19T02:30:00Z'), late)).toBe('2026-11-18'); // 03:30 local
    expect(localDay(new Date('2026-11-19T03:30:00Z'), late)).toBe('2026-11-19'); // 04:30 local
  });

  it('gives every calendar day exactly one local day across daylight-saving changes', () => {
    // Sample each hour of 2026 in several zones: the local days seen are consecutive, none skipped.
    for (const timeZone of ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/Santiago']) {
      for (const dayStartHour of [0, 3]) {
        let previous = localDay(new Date('2026-01-01T12:00:00Z'), { timeZone, dayStartHour });
        for (let t = Date.parse('2026-01-01T12:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 3_600_000) {
          const day = localDay(new Date(t), { timeZone, dayStartHour });
          const step = daysBetween(previous, day);
          expect(step === 0 || step === 1, `${timeZone} ${new Date(t).toISOString()}`).toBe(true);
          previous = day;
        }
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { isRoundDay, roundAt, roundDayOnOrBefore, type RoundRule } from './pulse-rounds.js';

const paris = { timeZone: 'Europe/Paris', dayStartHour: 0 };
const weekly: RoundRule = { weekday: 1, time: '10:00', everyWeeks: 1, startWeek: '2026-W46' };
const at = (iso: string) => new Date(iso);
const view = (rule: RoundRule, iso: string, settings = paris) => {
  const s = roundAt(rule, at(iso), settings);
  return { open: s.open && { dueOn: s.open.dueOn, lastDay: s.open.lastDay, opensAt: s.open.opensAt.toISOString() }, next: { dueOn: s.next.dueOn, opensAt: s.next.opensAt.toISOString() } };
};

describe('pulse rounds', () => {
  it('open at the local time on the weekday and run to the day before the next round', () => {
    // Monday 16 November, 09:59 in Paris: the previous round's last day was yesterday.
    expect(view(weekly, '2026-11-16T08:59:00Z')).toEqual({ open: null, next: { dueOn: '2026-11-16', opensAt: '2026-11-16T09:00:00.000Z' } });
    expect(view(weekly, '2026-11-16T09:00:00Z').open).toEqual({ dueOn: '2026-11-16', lastDay: '2026-11-22', opensAt: '2026-11-16T09:00:00.000Z' });
    // Sunday 23:59 in Paris: still the same round; Monday 00:00 to 09:59 no round is open.
    expect(view(weekly, '2026-11-22T22:59:00Z').open?.dueOn).toBe('2026-11-16');
    expect(view(weekly, '2026-11-22T23:00:00Z').open).toBeNull();
    expect(view(weekly, '2026-11-23T09:00:00Z').open?.dueOn).toBe('2026-11-23');
  });

  it('counts "every 2 weeks" from the start week, across a year with 53 weeks', () => {
    const fortnightly: RoundRule = { ...weekly, everyWeeks: 2, startWeek: '2026-W47' };
    expect(view(fortnightly, '2026-11-25T12:00:00Z').open).toMatchObject({ dueOn: '2026-11-16', lastDay: '2026-11-29' });
    expect(view(fortnightly, '2026-11-25T12:00:00Z').next.dueOn).toBe('2026-11-30');
    expect(isRoundDay(fortnightly, '2026-11-23')).toBe(false);
    expect(isRoundDay(fortnightly, '2026-11-30')).toBe(true);
    // 2026 has a week 53 (28 December): W51, W53, then 2027-W02.
    expect(isRoundDay(fortnightly, '2026-12-14')).toBe(true);
    expect(isRoundDay(fortnightly, '2026-12-28')).toBe(true);
    expect(isRoundDay(fortnightly, '2027-01-04')).toBe(false);
    expect(isRoundDay(fortnightly, '2027-01-11')).toBe(true);
    expect(roundDayOnOrBefore(fortnightly, '2027-01-10')).toBe('2026-12-28');
    const monthly: RoundRule = { ...weekly, weekday: 5, everyWeeks: 4, startWeek: '2026-W47' };
    expect(['2026-11-20', '2026-12-18', '2027-01-15'].every((d) => isRoundDay(monthly, d))).toBe(true);
    expect(roundDayOnOrBefore(monthly, '2027-01-14')).toBe('2026-12-18');
  });

  it('has no round before the start week, and names the first one', () => {
    const later: RoundRule = { ...weekly, weekday: 3, startWeek: '2026-W49' };
    expect(roundDayOnOrBefore(later, '2026-12-01')).toBeNull();
    expect(view(later, '2026-11-18T12:00:00Z')).toEqual({ open: null, next: { dueOn: '2026-12-02', opensAt: '2026-12-02T09:00:00.000Z' } });
  });

  it("reads each member's own day and clock: the same instant is another round elsewhere", () => {
    // 01:30 UTC on Monday 16 November: 10:30 in Tokyo, 02:30 in Paris, Sunday 20:30 in New York.
    const instant = '2026-11-16T01:30:00Z';
    expect(view(weekly, instant, { timeZone: 'Asia/Tokyo', dayStartHour: 0 }).open?.dueOn).toBe('2026-11-16');
    expect(view(weekly, instant).open).toBeNull();
    expect(view(weekly, instant, { timeZone: 'America/New_York', dayStartHour: 0 }).open).toMatchObject({ dueOn: '2026-11-09', lastDay: '2026-11-15' });
  });

  it('opens a round whose time is before the start of day in the night after its weekday', () => {
    const night: RoundRule = { ...weekly, time: '01:00' };
    const late = { timeZone: 'Europe/Paris', dayStartHour: 4 };
    // 01:00 on Tuesday 17 November is still Monday for someone whose day starts at 04:00.
    expect(view(night, '2026-11-16T12:00:00Z', late)).toMatchObject({ open: null, next: { dueOn: '2026-11-16', opensAt: '2026-11-17T00:00:00.000Z' } });
    expect(view(night, '2026-11-17T00:00:00Z', late).open).toMatchObject({ dueOn: '2026-11-16', lastDay: '2026-11-22' });
  });

  it('keeps the local time through daylight saving changes', () => {
    const sunday: RoundRule = { weekday: 7, time: '02:30', everyWeeks: 1, startWeek: '2026-W40' };
    // 02:30 happens twice in Paris on 25 October: the round opens at the first.
    expect(view(sunday, '2026-10-24T21:59:00Z').open?.dueOn).toBe('2026-10-18');
    expect(view(sunday, '2026-10-25T00:29:00Z')).toMatchObject({ open: null, next: { dueOn: '2026-10-25' } });
    expect(view(sunday, '2026-10-25T00:30:00Z').open).toMatchObject({ dueOn: '2026-10-25', opensAt: '2026-10-25T00:30:00.000Z' });
    // 02:30 never happens in Paris on 29 March 2026: it opens at 03:30 summer time.
    const spring: RoundRule = { ...sunday, startWeek: '2026-W10' };
    expect(view(spring, '2026-03-28T12:00:00Z').next).toEqual({ dueOn: '2026-03-29', opensAt: '2026-03-29T01:30:00.000Z' });
    // Monday 10:00 on both sides of the change: 08:00 UTC, then 09:00 UTC.
    expect(view({ ...weekly, startWeek: '2026-W40' }, '2026-10-26T12:00:00Z').open?.opensAt).toBe('2026-10-26T09:00:00.000Z');
    expect(view({ ...weekly, startWeek: '2026-W40' }, '2026-10-19T12:00:00Z').open?.opensAt).toBe('2026-10-19T08:00:00.000Z');
  });
});

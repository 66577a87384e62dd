import { describe, expect, it } from 'vitest';
import { wallTime } from '../time/local-day.js';
import { dueSlots, slotKey, type DuePerson } from './due-emails.js';
import { DEFAULT_EMAIL_PREFERENCES } from './email-preferences.js';
import { instantAt } from './local-instant.js';
import { readUnsubscribeToken, unsubscribeToken } from './unsubscribe-token.js';

describe('instantAt', () => {
  it.each([
    // Ordinary days, on either side of the offset.
    ['2026-10-23', '16:00', 'Europe/Paris', '2026-10-23T14:00:00.000Z'],
    ['2026-10-30', '16:00', 'Europe/Paris', '2026-10-30T15:00:00.000Z'],
    ['2026-10-23', '16:00', 'Asia/Kolkata', '2026-10-23T10:30:00.000Z'],
    ['2026-10-23', '16:00', 'Australia/Sydney', '2026-10-23T05:00:00.000Z'],
    // An hour that happens twice (autumn): its first occurrence.
    ['2026-10-25', '02:30', 'Europe/Paris', '2026-10-25T00:30:00.000Z'],
    ['2026-11-01', '01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
    ['2026-04-05', '02:30', 'Australia/Sydney', '2026-04-04T15:30:00.000Z'],
    // An hour that never happens (spring): moved forward by the gap.
    ['2026-03-29', '02:30', 'Europe/Paris', '2026-03-29T01:30:00.000Z'],
    ['2026-03-08', '02:15', 'America/New_York', '2026-03-08T07:15:00.000Z'],
    ['2026-10-04', '02:00', 'Australia/Sydney', '2026-10-03T16:00:00.000Z'],
  ])('%s %s in %s is %s', (date, time, zone, expected) => {
    expect(instantAt(date, time, zone).toISOString()).toBe(expected);
  });

  it('reads back as the same wall time on every ordinary day of 2026 in zones with daylight saving', () => {
    for (const zone of ['Europe/Paris', 'America/New_York', 'Australia/Sydney', 'Australia/Lord_Howe', 'Asia/Kolkata']) {
      for (let n = 0; n < 365; n++) {
        const date = new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10);
        const wall = wallTime(instantAt(date, '18:00', zone), zone);
        expect(`${wall.date} ${wall.hour}:${wall.minute}`).toBe(`${date} 18:0`);
      }
    }
  });
});

const person = (over: Partial<DuePerson> = {}): DuePerson => ({
  timeZone: 'Europe/Paris',
  dayStartHour: 0,
  preferences: { ...DEFAULT_EMAIL_PREFERENCES },
  routines: [],
  ...over,
});

const window = (from: string, to: string) => ({ from: new Date(from), to: new Date(to) });

describe('dueSlots', () => {
  it('puts the report on Friday 16:00 local, the review reminders on Sunday and the last of the month at 18:00', () => {
    const slots = dueSlots(person(), window('2026-10-26T00:00:00Z', '2026-11-02T00:00:00Z'));
    expect(slots.map((s) => [s.kind, s.at.toISOString(), 'week' in s ? s.week : 'period' in s ? s.period : ''])).toEqual([
      ['report', '2026-10-30T15:00:00.000Z', '2026-W44'],
      ['review_reminder', '2026-10-31T17:00:00.000Z', '2026-10'],
      ['review_reminder', '2026-11-01T17:00:00.000Z', '2026-W44'],
    ]);
  });

  it('never puts a moment in two windows that meet, and puts each in one', () => {
    const p = person({ timeZone: 'America/New_York', routines: [{ id: 'r1', reminderTime: '01:30' }] });
    const keys: string[] = [];
    // Five-minute windows across the night the clocks fall back.
    for (let t = Date.parse('2026-10-31T12:00:00Z'); t < Date.parse('2026-11-02T12:00:00Z'); t += 5 * 60_000) {
      keys.push(...dueSlots(p, { from: new Date(t), to: new Date(t + 5 * 60_000) }).map((s) => slotKey(s, 'u', 'w')));
    }
    expect(keys).toEqual(['review-reminder:u:monthly:2026-10', 'routine-reminder:r1:2026-11-01', 'review-reminder:u:weekly:2026-W44', 'routine-reminder:r1:2026-11-02']);
  });

  it('reads the day of an early reminder on the person’s own day (start-of-day hour)', () => {
    const p = person({ timeZone: 'Asia/Kolkata', dayStartHour: 4, routines: [{ id: 'late', reminderTime: '01:00' }] });
    const [slot] = dueSlots(p, window('2026-10-22T18:00:00Z', '2026-10-22T20:00:00Z'));
    // 01:00 on the 23rd in Kolkata is still the 22nd for someone whose day starts at 04:00.
    expect(slot).toMatchObject({ kind: 'routine_reminder', day: '2026-10-22' });
    expect(slot?.at.toISOString()).toBe('2026-10-22T19:30:00.000Z');
  });

  it('follows the preferences: another report day and time, kinds turned off', () => {
    const p = person({ preferences: { ...DEFAULT_EMAIL_PREFERENCES, reportWeekday: 1, reportTime: '08:15', reviewReminders: false, routineReminders: false }, routines: [{ id: 'r', reminderTime: '07:00' }] });
    const slots = dueSlots(p, window('2026-10-26T00:00:00Z', '2026-11-02T00:00:00Z'));
    expect(slots.map((s) => [s.kind, s.at.toISOString()])).toEqual([['report', '2026-10-26T07:15:00.000Z']]);
  });
});

describe('pulse prompts', () => {
  const schedule = { workspaceId: 'crew', weekday: 1, time: '09:00', everyWeeks: 1, startWeek: '2026-W40' };
  const prompts = (p: DuePerson, from: string, to: string) =>
    dueSlots(p, window(from, to))
      .filter((s) => s.kind === 'pulse_prompt')
      .map((s) => [slotKey(s, 'u', 'w'), s.at.toISOString()]);

  it('go out when a round opens, at its local time for each member, through the week clocks change', () => {
    // Europe changes on Sunday 25 October, the United States on Sunday 1 November.
    const parisMember = person({ pulseSchedules: [schedule] });
    const newYorkMember = person({ timeZone: 'America/New_York', pulseSchedules: [schedule] });
    expect(prompts(parisMember, '2026-10-18T00:00:00Z', '2026-11-10T00:00:00Z')).toEqual([
      ['pulse-prompt:u:crew:2026-10-19', '2026-10-19T07:00:00.000Z'],
      ['pulse-prompt:u:crew:2026-10-26', '2026-10-26T08:00:00.000Z'],
      ['pulse-prompt:u:crew:2026-11-02', '2026-11-02T08:00:00.000Z'],
      ['pulse-prompt:u:crew:2026-11-09', '2026-11-09T08:00:00.000Z'],
    ]);
    expect(prompts(newYorkMember, '2026-10-18T00:00:00Z', '2026-11-10T00:00:00Z')).toEqual([
      ['pulse-prompt:u:crew:2026-10-19', '2026-10-19T13:00:00.000Z'],
      ['pulse-prompt:u:crew:2026-10-26', '2026-10-26T13:00:00.000Z'],
      ['pulse-prompt:u:crew:2026-11-02', '2026-11-02T14:00:00.000Z'],
      ['pulse-prompt:u:crew:2026-11-09', '2026-11-09T14:00:00.000Z'],
    ]);
  });

  it('once per round in minute windows across the night the clocks go back', () => {
    // A round at 02:30 on Sunday: that hour happens twice in Paris on 25 October.
    const p = person({ pulseSchedules: [{ ...schedule, weekday: 7, time: '02:30' }] });
    const keys: string[] = [];
    for (let t = Date.parse('2026-10-24T20:00:00Z'); t < Date.parse('2026-10-25T06:00:00Z'); t += 60_000) {
      keys.push(...dueSlots(p, { from: new Date(t), to: new Date(t + 60_000) }).filter((s) => s.kind === 'pulse_prompt').map((s) => `${slotKey(s, 'u', 'w')} ${s.at.toISOString()}`));
    }
    expect(keys).toEqual(['pulse-prompt:u:crew:2026-10-25 2026-10-25T00:30:00.000Z']);
  });

  it('follow the cadence and the start week, and stop when turned off', () => {
    const fortnightly = person({ pulseSchedules: [{ ...schedule, everyWeeks: 2, startWeek: '2026-W44' }] });
    expect(prompts(fortnightly, '2026-10-18T00:00:00Z', '2026-11-20T00:00:00Z').map(([key]) => key)).toEqual(['pulse-prompt:u:crew:2026-10-26', 'pulse-prompt:u:crew:2026-11-09']);
    const off = person({ preferences: { ...DEFAULT_EMAIL_PREFERENCES, pulsePrompts: false }, pulseSchedules: [schedule] });
    expect(prompts(off, '2026-10-18T00:00:00Z', '2026-11-20T00:00:00Z')).toEqual([]);
    // A round at 01:00 for someone whose day starts at 04:00 opens in the night after Monday.
    const late = person({ dayStartHour: 4, pulseSchedules: [{ ...schedule, time: '01:00' }] });
    expect(prompts(late, '2026-11-16T00:00:00Z', '2026-11-18T00:00:00Z')).toEqual([['pulse-prompt:u:crew:2026-11-16', '2026-11-17T00:00:00.000Z']]);
  });
});

describe('unsubscribe tokens', () => {
  it('open only with the secret that signed them, for the person and kind they name', () => {
    const token = unsubscribeToken('s3cret', 'abc123', 'report');
    expect(readUnsubscribeToken('s3cret', token)).toEqual({ userId: 'abc123', kind: 'report' });
    expect(readUnsubscribeToken('other', token)).toBeNull();
    expect(readUnsubscribeToken('s3cret', token.replace('.report.', '.all.'))).toBeNull();
    expect(readUnsubscribeToken('s3cret', token.replace('abc123', 'abc124'))).toBeNull();
    expect(readUnsubscribeToken('s3cret', 'garbage')).toBeNull();
    expect(readUnsubscribeToken('s3cret', unsubscribeToken('s3cret', 'abc123', 'pulse'))).toEqual({ userId: 'abc123', kind: 'pulse' });
  });
});

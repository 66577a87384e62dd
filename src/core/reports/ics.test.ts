import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildIcs, zonedInstant, type CalendarEvent } from './ics.js';

/** Parse with ical.js (an independent parser), registering the feed's own VTIMEZONEs. */
function parse(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  for (const vtz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
  const events = cal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
  return { cal, events, byUid: (uid: string) => events.find((e) => e.uid === uid)! };
}

/** The first `n` occurrences of an event, as UTC ISO instants. */
function occurrences(event: ICAL.Event, n: number): string[] {
  const it = event.iterator();
  const out: string[] = [];
  for (let t = it.next(); t && out.length < n; t = it.next()) out.push(t.toJSDate().toISOString());
  return out;
}

const stamp = new Date('2026-11-18T10:00:00Z');
const focus: CalendarEvent = { uid: 'focus-1@smallwins', summary: 'Focus: write; edit, ship', description: 'Line one\nline two', day: '2026-11-20', start: '09:30', minutes: 90 };
const review: CalendarEvent = { uid: 'review@smallwins', summary: 'Weekly review', description: '', day: '2026-10-16', start: '16:00', minutes: 30, rrule: 'FREQ=WEEKLY;BYDAY=FR' };

describe('iCalendar builder', () => {
  it('writes events at their local wall time with the zone, and a VTIMEZONE ical.js understands', () => {
    const ics = buildIcs({ name: 'Small Wins: test', timeZone: 'Europe/Paris', events: [focus], stamp });
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain('DTSTART;TZID=Europe/Paris:20261120T093000');
    expect(ics).toContain('DTSTAMP:20261118T100000Z');
    const { cal, byUid } = parse(ics);
    expect(cal.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Paris');
    const e = byUid('focus-1@smallwins');
    expect(e.summary).toBe('Focus: write; edit, ship');
    expect(e.description).toBe('Line one\nline two');
    expect(e.startDate.zone?.tzid).toBe('Europe/Paris');
    expect([e.startDate.hour, e.startDate.minute]).toEqual([9, 30]);
    // 09:30 in Paris in November (CET, UTC+1) is 08:30 UTC.
    expect(e.startDate.toJSDate().toISOString()).toBe('2026-11-20T08:30:00.000Z');
    expect(e.endDate.toJSDate().toISOString()).toBe('2026-11-20T10:00:00.000Z');
  });

  it('keeps a weekly event at 16:00 local across the end of daylight saving time', () => {
    const { byUid } = parse(buildIcs({ name: 't', timeZone: 'Europe/Paris', events: [review], stamp }));
    // Fridays 16 Oct (CEST, UTC+2), 23 Oct, then 30 Oct after the 25 Oct change (CET, UTC+1).
    expect(occurrences(byUid('review@smallwins'), 3)).toEqual(['2026-10-16T14:00:00.000Z', '2026-10-23T14:00:00.000Z', '2026-10-30T15:00:00.000Z']);
  });

  it('does the same across the start of daylight saving time in New York', () => {
    const event = { ...review, day: '2027-03-05', start: '07:15' };
    const { byUid } = parse(buildIcs({ name: 't', timeZone: 'America/New_York', events: [event], stamp }));
    // EST (UTC-5) until Sunday 14 March 2027, EDT (UTC-4) after.
    expect(occurrences(byUid('review@smallwins'), 2)).toEqual(['2027-03-05T12:15:00.000Z', '2027-03-12T12:15:00.000Z']);
    expect(occurrences(byUid('review@smallwins'), 3)[2]).toBe('2027-03-19T11:15:00.000Z');
  });

  it('leaves out excluded days and turns an UNTIL day into the UTC instant of its last occurrence', () => {
    const routine: CalendarEvent = { uid: 'r@smallwins', summary: 'Run', description: '', day: '2026-11-16', start: '07:00', minutes: 15, rrule: 'FREQ=DAILY;UNTIL=20261120', exdates: ['2026-11-17', '2026-11-18'], alarm: true };
    const ics = buildIcs({ name: 't', timeZone: 'Europe/Paris', events: [routine], stamp });
    expect(ics).toContain('RRULE:FREQ=DAILY;UNTIL=20261120T060000Z');
    expect(ics).toContain('EXDATE;TZID=Europe/Paris:20261117T070000,20261118T070000');
    expect(ics).toContain('BEGIN:VALARM');
    const { byUid } = parse(ics);
    expect(occurrences(byUid('r@smallwins'), 10)).toEqual(['2026-11-16T06:00:00.000Z', '2026-11-19T06:00:00.000Z', '2026-11-20T06:00:00.000Z']);
  });

  it('writes UTC times for UTC people and floating times for a zone it has no VTIMEZONE for', () => {
    const utc = buildIcs({ name: 't', timeZone: 'UTC', events: [focus], stamp });
    expect(utc).toContain('DTSTART:20261120T093000Z');
    expect(utc).not.toContain('BEGIN:VTIMEZONE');
    expect(parse(utc).byUid('focus-1@smallwins').startDate.toJSDate().toISOString()).toBe('2026-11-20T09:30:00.000Z');
    const floating = buildIcs({ name: 't', timeZone: 'America/Ciudad_Juarez', events: [focus], stamp });
    expect(floating).toContain('DTSTART:20261120T093000\r\n');
    expect(parse(floating).byUid('focus-1@smallwins').startDate.zone?.tzid).toBe('floating');
    // Known to the VTIMEZONE library by its older name only.
    const kyiv = buildIcs({ name: 't', timeZone: 'Europe/Kyiv', events: [focus], stamp });
    expect(kyiv).toContain('DTSTART;TZID=Europe/Kiev:20261120T093000');
    expect(parse(kyiv).byUid('focus-1@smallwins').startDate.toJSDate().toISOString()).toBe('2026-11-20T07:30:00.000Z');
  });

  it('does not depend on the time zone of the server process', () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      const ics = buildIcs({ name: 't', timeZone: 'Europe/Paris', events: [focus], stamp });
      expect(ics).toContain('DTSTART;TZID=Europe/Paris:20261120T093000');
      expect(ics).toContain('DTSTAMP:20261118T100000Z');
    } finally {
      process.env.TZ = before;
    }
  });

  it('finds the instant of a wall time, also next to a daylight-saving change', () => {
    expect(zonedInstant({ year: 2026, month: 3, day: 29, hour: 12, minute: 0 }, 'Europe/Paris').toISOString()).toBe('2026-03-29T10:00:00.000Z');
    expect(zonedInstant({ year: 2026, month: 3, day: 28, hour: 12, minute: 0 }, 'Europe/Paris').toISOString()).toBe('2026-03-28T11:00:00.000Z');
  });
});

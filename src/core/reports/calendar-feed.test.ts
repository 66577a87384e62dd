import ICAL from 'ical.js';
import { expect, it } from 'vitest';
import { describeEachEngine } from '#test/db.js';
import { addFocusWindow } from '../energy/focus-windows.js';
import { archiveRoutine } from '../routines/archive-routine.js';
import { createRoutine } from '../routines/create-routine.js';
import { pauseRoutine } from '../routines/pause-routine.js';
import { calendarIcs } from './calendar-feed.js';

function parse(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  for (const vtz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
  return cal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
}

/** Occurrences of an event from `from` to `to` (UTC ISO instants, both included). */
function between(event: ICAL.Event, from: string, to: string): string[] {
  const it = event.iterator();
  const out: string[] = [];
  for (let t = it.next(); t; t = it.next()) {
    const iso = t.toJSDate().toISOString();
    if (iso > to) break;
    if (iso >= from) out.push(iso);
  }
  return out;
}

// The suite's clock reads Wednesday 18 November 2026, 11:00 in Paris (CET, UTC+1).
describeEachEngine('calendar feed', (s) => {
  it('holds focus windows, the reviews and routine reminders at local times an independent parser agrees with', async () => {
    const ctx = await s.newCtx({ timeZone: 'Europe/Paris' });
    await addFocusWindow(ctx, { day: '2026-11-20', start: '09:30', minutes: 90, label: 'Write the pitch' });
    await createRoutine(ctx, { name: 'Morning run', reminderTime: '07:00', startDay: '2026-11-16' });
    // Starts on a Tuesday, due Mondays and Wednesdays: the start day itself is no reminder.
    await createRoutine(ctx, { name: 'Outreach', schedule: { kind: 'weekdays', weekdays: [1, 3] }, reminderTime: '18:15', startDay: '2026-11-17' });
    await createRoutine(ctx, { name: 'No time of day' });
    const archived = await createRoutine(ctx, { name: 'Old habit', reminderTime: '08:00' });
    await archiveRoutine(ctx, { routineId: archived.id });
    const paused = await createRoutine(ctx, { name: 'On hold', reminderTime: '08:00' });
    await pauseRoutine(ctx, { routineId: paused.id, from: '2026-11-18' });
    const weekend = await createRoutine(ctx, { name: 'Stretch', reminderTime: '21:00', startDay: '2026-11-16' });
    await pauseRoutine(ctx, { routineId: weekend.id, from: '2026-11-21', to: '2026-11-22' });

    const ics = await calendarIcs(ctx);
    const events = parse(ics);
    const named = (summary: string) => events.find((e) => e.summary === summary);
    expect(events.map((e) => e.summary).sort()).toEqual(['Focus: Write the pitch', 'Monthly review', 'Morning run', 'Outreach', 'Stretch', 'Weekly review']);

    const focus = named('Focus: Write the pitch')!;
    expect(focus.startDate.zone?.tzid).toBe('Europe/Paris');
    expect([focus.startDate.hour, focus.startDate.minute]).toEqual([9, 30]);
    expect(focus.startDate.toJSDate().toISOString()).toBe('2026-11-20T08:30:00.000Z');
    expect(focus.endDate.toJSDate().toISOString()).toBe('2026-11-20T10:00:00.000Z');

    // Fridays at 16:00 in Paris, through the start of summer time on Sunday 28 March 2027.
    const weekly = named('Weekly review')!;
    expect(weekly.startDate.toString()).toBe('2026-11-20T16:00:00');
    expect(between(weekly, '2027-03-19T00:00:00Z', '2027-04-03T00:00:00Z')).toEqual(['2027-03-19T15:00:00.000Z', '2027-03-26T15:00:00.000Z', '2027-04-02T14:00:00.000Z']);
    expect(between(named('Monthly review')!, '2026-11-01T00:00:00Z', '2027-01-31T00:00:00Z')).toEqual(['2026-11-27T15:30:00.000Z', '2026-12-25T15:30:00.000Z', '2027-01-29T15:30:00.000Z']);

    expect(between(named('Morning run')!, '2026-11-16T00:00:00Z', '2026-11-18T23:00:00Z')).toEqual(['2026-11-16T06:00:00.000Z', '2026-11-17T06:00:00.000Z', '2026-11-18T06:00:00.000Z']);
    expect(between(named('Outreach')!, '2026-11-16T00:00:00Z', '2026-11-24T00:00:00Z')).toEqual(['2026-11-18T17:15:00.000Z', '2026-11-23T17:15:00.000Z']);
    expect(between(named('Stretch')!, '2026-11-20T00:00:00Z', '2026-11-24T00:00:00Z')).toEqual(['2026-11-20T20:00:00.000Z', '2026-11-23T20:00:00.000Z']);
    expect(named('Morning run')!.component.getFirstSubcomponent('valarm')).not.toBeNull();
  });

  it('keeps another person\'s focus windows out of the feed', async () => {
    const me = await s.newCtx();
    const other = await s.newCtx();
    await addFocusWindow(other, { day: '2026-11-20', start: '10:00', minutes: 60, label: 'Their secret block' });
    const ics = await calendarIcs(me);
    expect(ics).not.toContain('Their secret block');
    expect(parse(ics).map((e) => e.summary).sort()).toEqual(['Monthly review', 'Weekly review']);
  });
});

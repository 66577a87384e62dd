import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeEachEngine } from '#test/db.js';
import { actorFor } from '../workspaces/bootstrap.js';
import { updateSettings } from '../workspaces/settings.js';
import { routineStreaks } from '../insights/routine-insights.js';
import { addDays } from '../time/plain-date.js';
import { checkInRoutine } from './check-in-routine.js';
import { createRoutine } from './create-routine.js';

/** The UTC instant of a wall-clock time in a zone (searching the offsets a zone can have). */
function instantAt(day: string, hour: number, minute: number, timeZone: string): Date {
  const wall = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), hour, minute);
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  for (let offset = -14 * 60; offset <= 14 * 60; offset += 15) {
    const candidate = new Date(wall - offset * 60_000);
    const p = Object.fromEntries(fmt.formatToParts(candidate).map((x) => [x.type, x.value]));
    if (`${p.year}-${p.month}-${p.day}` === day && Number(p.hour) === hour && Number(p.minute) === minute) return candidate;
  }
  // The wall time does not exist (skipped by a DST jump): an hour later does.
  return instantAt(day, hour + 1, minute, timeZone);
}

const ZONES = ['Europe/Paris', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo', 'Australia/Sydney', 'Asia/Kolkata', 'Pacific/Auckland'];

describeEachEngine('consecutive days across time', (s) => {
  it('a daily check-in keeps one unbroken streak through DST changes, a move to another time zone and late nights before the start of day', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('2026-03-20', '2026-10-15', '2026-03-28', '2026-10-30'), // windows holding DST changes
        fc.constantFrom(...ZONES),
        fc.constantFrom(...ZONES),
        fc.integer({ min: 3, max: 15 }), // the day of the move
        fc.integer({ min: 0, max: 5 }), // start-of-day hour
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 21, maxLength: 21 }), // when each check-in happens
        async (firstDay, fromZone, toZone, moveOn, dayStartHour, moments) => {
          const ctx = await s.newCtx({ timeZone: fromZone, dayStartHour, now: `${firstDay}T12:00:00Z` });
          const routine = await createRoutine(ctx, { name: 'Read', startDay: firstDay });
          let actor = ctx.actor;
          for (let k = 0; k < 21; k++) {
            if (k === moveOn) {
              await updateSettings({ ...ctx, actor }, { timeZone: toZone });
              actor = (await actorFor(ctx.db, actor.userId, actor.workspaceId))!;
            }
            const day = addDays(firstDay, k);
            // Morning, evening, or after midnight but before the day starts (still the same day).
            const moment = moments[k]!;
            const at =
              moment === 3 && dayStartHour > 0
                ? instantAt(addDays(day, 1), dayStartHour - 1, 30, actor.timeZone)
                : instantAt(day, [8, 13, 22, 8][moment]!, 15, actor.timeZone);
            ctx.clock.set(at);
            const checkIn = await checkInRoutine({ ...ctx, actor }, { routineId: routine.id });
            expect(checkIn.day).toBe(day);
          }
          ctx.clock.set(instantAt(addDays(firstDay, 20), 23, 0, actor.timeZone));
          const streaks = await routineStreaks({ ...ctx, actor }, { routineId: routine.id });
          expect(streaks.current).toBe(21);
          expect(streaks.best).toBe(21);
        },
      ),
      { seed: 2026_11_22, numRuns: 12 },
    );
  });
});

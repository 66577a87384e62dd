import { expect, it } from 'vitest';
import { describeEachEngine } from '#test/db.js';
import { addFocusWindow, deleteFocusWindow, listFocusWindows } from './focus-windows.js';
import { listEnergy, logEnergy } from './log-energy.js';

describeEachEngine('energy and focus windows', (s) => {
  it('keeps one energy entry per local day: a second log replaces the first', async () => {
    // 23:30 UTC on the 18th is already the 19th in Paris.
    const ctx = await s.newCtx({ now: '2026-11-18T23:30:00Z' });
    const first = await logEnergy(ctx, { energy: 2, sleepHours: 5.5, note: 'short night' });
    expect(first).toMatchObject({ day: '2026-11-19', energy: 2, sleepHours: 5.5, note: 'short night' });
    const again = await logEnergy(ctx, { energy: 4 });
    expect(again).toMatchObject({ id: first.id, day: '2026-11-19', energy: 4, sleepHours: 5.5, note: 'short night' });
    await logEnergy(ctx, { energy: 3, sleepHours: 8, day: '2026-11-17' });
    const entries = await listEnergy(ctx);
    expect(entries.map((e) => [e.day, e.energy])).toEqual([['2026-11-17', 3], ['2026-11-19', 4]]);
    expect((await listEnergy(ctx, { from: '2026-11-18' })).map((e) => e.day)).toEqual(['2026-11-19']);
  });

  it('stores exactly one row when the same day is logged concurrently', async () => {
    const ctx = await s.newCtx();
    await Promise.all(Array.from({ length: 10 }, (_, i) => logEnergy(ctx, { energy: (i % 5) + 1 })));
    const entries = await listEnergy(ctx);
    expect(entries).toHaveLength(1);
  });

  it('refuses an energy level outside 1–5, impossible sleep and future days, writing nothing', async () => {
    const ctx = await s.newCtx();
    await expect(logEnergy(ctx, { energy: 6 })).rejects.toMatchObject({ code: 'validation', details: [{ path: 'energy' }] });
    await expect(logEnergy(ctx, { energy: 2.5 })).rejects.toMatchObject({ code: 'validation' });
    await expect(logEnergy(ctx, { energy: 3, sleepHours: 25 })).rejects.toThrow(/sleepHours: must be at most 24 hours/);
    await expect(logEnergy(ctx, { energy: 3, day: '2026-11-19' })).rejects.toThrow(/has not happened yet/);
    expect(await listEnergy(ctx)).toEqual([]);
  });

  it("keeps each person's energy to themselves", async () => {
    const alice = await s.newCtx();
    const bob = await s.newCtx();
    await logEnergy(alice, { energy: 5 });
    expect(await listEnergy(bob)).toEqual([]);
  });

  it('plans focus windows and refuses an overlap, naming the window in the way', async () => {
    const ctx = await s.newCtx();
    const morning = await addFocusWindow(ctx, { start: '09:00', minutes: 90, label: 'Write' });
    expect(morning).toMatchObject({ day: '2026-11-18', start: '09:00', end: '10:30', minutes: 90 });
    // Touching windows do not overlap.
    await addFocusWindow(ctx, { start: '10:30', minutes: 30 });
    await expect(addFocusWindow(ctx, { start: '08:00', minutes: 61 })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/overlaps your focus window 09:00–10:30 "Write"/) });
    await expect(addFocusWindow(ctx, { start: '10:00', minutes: 15 })).rejects.toMatchObject({ code: 'conflict' });
    // Another day is free.
    await addFocusWindow(ctx, { start: '09:00', minutes: 90, day: '2026-11-19' });
    const all = await listFocusWindows(ctx);
    expect(all.map((w) => `${w.day} ${w.start}`)).toEqual(['2026-11-18 09:00', '2026-11-18 10:30', '2026-11-19 09:00']);
    expect(await listFocusWindows(ctx, { from: '2026-11-19', to: '2026-11-19' })).toHaveLength(1);
  });

  it('does not let another person block my time', async () => {
    const alice = await s.newCtx();
    const bob = await s.newCtx();
    await addFocusWindow(alice, { start: '09:00', minutes: 60 });
    await expect(addFocusWindow(bob, { start: '09:00', minutes: 60 })).resolves.toMatchObject({ start: '09:00' });
  });

  it('refuses windows shorter than 15, longer than 240 minutes or running past midnight', async () => {
    const ctx = await s.newCtx();
    await expect(addFocusWindow(ctx, { start: '09:00', minutes: 14 })).rejects.toThrow(/15–240 minutes/);
    await expect(addFocusWindow(ctx, { start: '09:00', minutes: 241 })).rejects.toThrow(/15–240 minutes/);
    await expect(addFocusWindow(ctx, { start: '23:00', minutes: 61 })).rejects.toThrow(/past midnight/);
    await expect(addFocusWindow(ctx, { start: '9am', minutes: 60 })).rejects.toThrow(/start: must be a 24-hour time/);
    expect(await listFocusWindows(ctx)).toEqual([]);
    await expect(addFocusWindow(ctx, { start: '23:00', minutes: 60 })).resolves.toMatchObject({ end: '24:00' });
  });

  it('deletes a window by id prefix, frees its time, and never touches another workspace', async () => {
    const ctx = await s.newCtx();
    const other = await s.newCtx();
    const w = await addFocusWindow(ctx, { start: '14:00', minutes: 60 });
    await expect(deleteFocusWindow(other, { focusWindowId: w.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(deleteFocusWindow(ctx, { focusWindowId: w.id.slice(0, 6) })).resolves.toMatchObject({ id: w.id });
    expect(await listFocusWindows(ctx)).toEqual([]);
    await expect(addFocusWindow(ctx, { start: '14:00', minutes: 60 })).resolves.toBeTruthy();
  });
});

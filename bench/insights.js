// The dashboard (Today) and the weekly review summary on a heavy and a light workspace: their cost
// should follow the window they show, not the length of the history.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from '../dist/db/connect.js';
import { fixedClock } from '../dist/core/time/clock.js';
import { todayView } from '../dist/core/today/today-view.js';
import { reviewSummary } from '../dist/core/reviews/review-summary.js';
import { seedYear } from './seed.js';

async function timeIt(fn, runs) {
  for (let i = 0; i < 3; i++) await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function measure(dir, shape) {
  mkdirSync(dir, { recursive: true });
  const seeded = await seedYear(dir, shape);
  const db = await connect({ url: join(dir, 'smallwins.db') });
  const ctx = { db, clock: fixedClock(seeded.now), actor: seeded.actor };
  const dashboard = await timeIt(() => todayView(ctx), 15);
  const review = await timeIt(() => reviewSummary(ctx, { kind: 'weekly', period: '2026-W47' }), 15);
  await db.destroy();
  return { ...seeded, dashboard, review };
}

export async function benchInsights(dir) {
  const heavy = await measure(join(dir, 'heavy'), { routines: 50, days: 3650, tasksPerDay: 6 });
  const light = await measure(join(dir, 'light'), { routines: 50, days: 30, tasksPerDay: 6 });
  return { heavy, light };
}

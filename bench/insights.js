// The dashboard (Today) and the weekly review summary on a heavy and a light workspace: their cost
// should follow the window they show, not the length of the history.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from '../dist/db/connect.js';
import { fixedClock } from '../dist/core/time/clock.js';
import { todayView } from '../dist/core/today/today-view.js';
import { reviewSummary } from '../dist/core/reviews/review-summary.js';
import { benchReport } from './report.js';
import { seedYear } from './seed.js';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timeOnce(fn) {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

// Heavy and light runs alternate, so both see the same machine state (and the ratio means something
// on a busy machine). The first runs are warm-up: they also store the score checkpoints, as the first
// Today after a change to a routine's history does.
async function timePair(heavyFn, lightFn, runs) {
  for (let i = 0; i < 3; i++) {
    await heavyFn();
    await lightFn();
  }
  const heavy = [];
  const light = [];
  for (let i = 0; i < runs; i++) {
    heavy.push(await timeOnce(heavyFn));
    light.push(await timeOnce(lightFn));
  }
  return { heavy: median(heavy), light: median(light) };
}

async function open(dir, shape) {
  mkdirSync(dir, { recursive: true });
  const seeded = await seedYear(dir, shape);
  const db = await connect({ url: join(dir, 'smallwins.db') });
  return { seeded, db, ctx: { db, clock: fixedClock(seeded.now), actor: seeded.actor } };
}

export async function benchInsights(dir) {
  const heavy = await open(join(dir, 'heavy'), { routines: 50, days: 3650, tasksPerDay: 6 });
  const light = await open(join(dir, 'light'), { routines: 50, days: 30, tasksPerDay: 6 });
  try {
    const dashboard = await timePair(() => todayView(heavy.ctx), () => todayView(light.ctx), 15);
    const review = (ctx) => () => reviewSummary(ctx, { kind: 'weekly', period: '2026-W47' });
    const summary = await timePair(review(heavy.ctx), review(light.ctx), 15);
    const report = await benchReport(heavy.ctx);
    return {
      heavy: { ...heavy.seeded, dashboard: dashboard.heavy, review: summary.heavy, report },
      light: { ...light.seeded, dashboard: dashboard.light, review: summary.light },
    };
  } finally {
    await heavy.db.destroy();
    await light.db.destroy();
  }
}

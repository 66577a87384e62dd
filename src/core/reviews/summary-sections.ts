import { today, type Ctx } from '../context.js';
import { momentumBetween } from '../insights/momentum-insights.js';
import { addDays, daysBetween } from '../time/plain-date.js';
import type { PeriodRange } from './review-period.js';

/*
 * The small sections of a review summary. Each reads one table, filtered by workspace and bounded
 * by the period's days (or weeks), so an old workspace costs no more to review than a new one.
 */

/** Tasks of the period by outcome, the minutes of work done, and the days tasks were skipped. */
export async function tasksIn(ctx: Ctx, range: PeriodRange) {
  const rows = await ctx.db
    .selectFrom('tasks')
    .select(['day', 'status', 'minutes', 'actualMinutes'])
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('day', '>=', range.from)
    .where('day', '<=', range.to)
    .execute();
  const out = { planned: 0, done: 0, skipped: 0, carried: 0, open: 0, minutesDone: 0, skippedDays: [] as string[] };
  for (const t of rows) {
    // A carried task lives on where it was moved to; its copy is counted on that day instead.
    if (t.status === 'carried') {
      out.carried++;
      continue;
    }
    out.planned++;
    if (t.status === 'done') {
      out.done++;
      out.minutesDone += Number(t.actualMinutes ?? t.minutes);
    } else if (t.status === 'skipped') {
      out.skipped++;
      out.skippedDays.push(t.day);
    } else out.open++;
  }
  return out;
}

/** Micro-goals of the period's ISO weeks by status. */
export async function microGoalsIn(ctx: Ctx, weeks: string[]) {
  const out = { planned: 0, done: 0, dropped: 0, open: 0 };
  if (weeks.length === 0) return out;
  const rows = await ctx.db
    .selectFrom('microGoals')
    .select((eb) => ['status', eb.fn.countAll().as('n')])
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('week', 'in', weeks)
    .groupBy('status')
    .execute();
  for (const r of rows) {
    const n = Number(r.n);
    out.planned += n;
    if (r.status === 'done') out.done += n;
    else if (r.status === 'dropped') out.dropped += n;
    else out.open += n;
  }
  return out;
}

/** The actor's own wins of the period, in the order they happened. */
export async function winsIn(ctx: Ctx, range: PeriodRange) {
  const rows = await ctx.db
    .selectFrom('wins')
    .select('title')
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('userId', '=', ctx.actor.userId)
    .where('day', '>=', range.from)
    .where('day', '<=', range.to)
    .orderBy('day')
    .orderBy('createdAt')
    .execute();
  return { count: rows.length, titles: rows.map((r) => r.title) };
}

/** The actor's average energy (1–5) and sleep over the days they logged. */
export async function energyIn(ctx: Ctx, range: PeriodRange) {
  const row = await ctx.db
    .selectFrom('energyEntries')
    .select((eb) => [eb.fn.countAll().as('days'), eb.fn.avg('energy').as('energy'), eb.fn.avg('sleepHours').as('sleep')])
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('userId', '=', ctx.actor.userId)
    .where('day', '>=', range.from)
    .where('day', '<=', range.to)
    .executeTakeFirstOrThrow();
  return { days: Number(row.days), averageEnergy: roundOrNull(row.energy), averageSleepHours: roundOrNull(row.sleep) };
}

/** Average pulse per kind; custom pulses are kept apart by their question. */
export async function pulsesIn(ctx: Ctx, range: PeriodRange) {
  const rows = await ctx.db
    .selectFrom('pulses')
    .select((eb) => ['kind', 'question', eb.fn.sum('value').as('total'), eb.fn.countAll().as('n')])
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('userId', '=', ctx.actor.userId)
    .where('day', '>=', range.from)
    .where('day', '<=', range.to)
    .groupBy(['kind', 'question'])
    .execute();
  const groups = new Map<string, { kind: string; question: string; total: number; count: number }>();
  for (const r of rows) {
    const question = r.kind === 'custom' ? r.question : '';
    const key = `${r.kind}|${question}`;
    const g = groups.get(key) ?? { kind: r.kind, question, total: 0, count: 0 };
    g.total += Number(r.total);
    g.count += Number(r.n);
    groups.set(key, g);
  }
  const order = ['morale', 'delight', 'clarity', 'custom'];
  return [...groups.values()]
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.question.localeCompare(b.question))
    .map((g) => ({ kind: g.kind, question: g.question, average: round2(g.total / g.count), count: g.count }));
}

/** Lessons logged in the period, in order. */
export async function lessonsIn(ctx: Ctx, range: PeriodRange) {
  const rows = await ctx.db
    .selectFrom('lessons')
    .select('title')
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('day', '>=', range.from)
    .where('day', '<=', range.to)
    .orderBy('day')
    .orderBy('createdAt')
    .execute();
  return { count: rows.length, titles: rows.map((r) => r.title) };
}

/**
 * The period's momentum (docs/decisions/003-momentum.md): its average over the period's days so
 * far (a review period has always begun), and its change from the average over as many days just
 * before it. Reads both stretches and the momentum warm-up before them, nothing older.
 */
export async function momentumIn(ctx: Ctx, range: PeriodRange) {
  const length = daysBetween(range.from, range.to) + 1;
  const current = today(ctx);
  const series = await momentumBetween(ctx, addDays(range.from, -length), range.to < current ? range.to : current);
  const average = (days: typeof series) => days.reduce((sum, d) => sum + d.value, 0) / Math.max(1, days.length);
  const now = average(series.filter((d) => d.day >= range.from));
  const before = average(series.filter((d) => d.day < range.from));
  return { average: round4(now), previousAverage: round4(before), change: round4(now - before) };
}

function round4(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function roundOrNull(value: string | number | null | undefined): number | null {
  return value === null || value === undefined ? null : round2(Number(value));
}

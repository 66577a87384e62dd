import type { ReportScope } from '#contracts/reports.js';
import type { PulseTable } from '#db/schema.js';
import type { Ctx } from '../context.js';
import { metricRoad, type RoadStatus } from '../insights/metric-road.js';
import { MIN_TEAM_RESPONDENTS, pulseTrend } from '../pulses/pulse-trend.js';
import { metricMovement } from '../reviews/metric-movement.js';
import type { PeriodRange } from '../reviews/review-period.js';
import { addWeeks, isoWeekOf, weekEnd, weekStart } from '../time/iso-week.js';
import { localDay } from '../time/local-day.js';

/*
 * The parts of a weekly report that review summaries do not already give: each primary metric
 * against its road at the end of the week, pulses as a few weeks' trend, and wins with their author
 * in a team report. Every query is bounded by the week (or the few weeks of the trend), except the
 * road, which needs a metric's measurements up to the week's end.
 */

export interface ReportMetric {
  goal: string;
  metric: string;
  unit: string;
  direction: 'up' | 'down';
  /** Measurements recorded in the week, and the first and last of them. */
  measurements: number;
  first: number | null;
  last: number | null;
  change: number | null;
  improved: boolean | null;
  /** Where the latest value up to the week's end stands on the road from baseline to target. */
  road: {
    status: RoadStatus;
    latest: number | null;
    expected: number | null;
    gap: number | null;
    target: number | null;
    targetDate: string | null;
    /** The day the recent trend reaches the target, when it does within ten years. */
    forecastDay: string | null;
    onTime: boolean | null;
  };
}

/** How each active goal's primary metric moved in the week, and where it stands on its road at the week's end. */
export async function metricsAgainstRoad(ctx: Ctx, range: PeriodRange, asOf: string): Promise<ReportMetric[]> {
  const movement = await metricMovement(ctx, range);
  if (movement.length === 0) return [];
  const ws = ctx.actor.workspaceId;
  const metricIds = movement.map((m) => m.metricId);
  const metrics = await ctx.db
    .selectFrom('metrics')
    .innerJoin('goals', 'goals.id', 'metrics.goalId')
    .select(['metrics.id', 'metrics.baseline', 'metrics.target', 'metrics.targetDate', 'metrics.createdAt', 'goals.targetDate as goalTargetDate'])
    .where('metrics.workspaceId', '=', ws)
    .where('metrics.id', 'in', metricIds)
    .execute();
  const measurements = await ctx.db
    .selectFrom('measurements')
    .select(['metricId', 'day', 'value'])
    .where('workspaceId', '=', ws)
    .where('metricId', 'in', metricIds)
    .where('day', '<=', asOf)
    .orderBy('day')
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  return movement.map((m) => {
    const row = metrics.find((r) => r.id === m.metricId);
    const targetDate = row?.targetDate ?? row?.goalTargetDate ?? null;
    const target = row?.target === null || row?.target === undefined ? null : Number(row.target);
    const road = metricRoad(
      {
        direction: m.direction,
        baseline: row?.baseline === null || row?.baseline === undefined ? null : Number(row.baseline),
        target,
        targetDate,
        createdDay: row ? localDay(new Date(row.createdAt), ctx.actor) : range.from,
      },
      measurements.filter((x) => x.metricId === m.metricId).map((x) => ({ day: x.day, value: Number(x.value) })),
      asOf,
    );
    const forecast = road.forecast.status === 'forecast' ? road.forecast : null;
    return {
      goal: m.goal,
      metric: m.metric,
      unit: m.unit,
      direction: m.direction,
      measurements: m.measurements,
      first: m.first?.value ?? null,
      last: m.last?.value ?? null,
      change: m.change,
      improved: m.improved,
      road: {
        status: road.status,
        latest: road.latest?.value ?? null,
        expected: road.expected === null ? null : round(road.expected),
        gap: road.gap === null ? null : round(road.gap),
        target,
        targetDate,
        forecastDay: forecast?.day ?? null,
        onTime: forecast?.onTime ?? null,
      },
    };
  });
}

export interface ReportPulse {
  kind: PulseTable['kind'];
  question: string;
  /** True for a team report: only aggregates of several people, weeks with too few answers withheld. */
  anonymous: boolean;
  weeks: Array<{ week: string; average: number | null; count: number; withheld: boolean }>;
}

/** Weeks a pulse trend shows: the report's week and the three before it. */
export const PULSE_WEEKS = 4;
const KIND_ORDER: Array<PulseTable['kind']> = ['morale', 'delight', 'clarity', 'custom'];

/**
 * Pulses over the last few weeks, per kind (custom ones per question). A personal report shows the
 * person's own weekly averages; a team report goes through the pulse trend, which returns
 * aggregates only and withholds weeks fewer than three people answered (decision 005). Kinds nobody
 * answered in those weeks are left out, and so, in a team workspace, is a custom question fewer than
 * three people answered in those weeks: its wording is one person's own, not the team's.
 */
export async function pulsesForReport(ctx: Ctx, week: string, scope: ReportScope): Promise<ReportPulse[]> {
  const from = weekStart(addWeeks(week, -(PULSE_WEEKS - 1)));
  const to = weekEnd(week);
  let query = ctx.db
    .selectFrom('pulses')
    .select(['kind', 'question', 'day', 'value', 'userId'])
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('day', '>=', from)
    .where('day', '<=', to);
  if (scope === 'me') query = query.where('userId', '=', ctx.actor.userId);
  const rows = await query.execute();
  const groups = new Map<string, { kind: PulseTable['kind']; question: string; rows: typeof rows }>();
  for (const r of rows) {
    const question = r.kind === 'custom' ? r.question : '';
    const key = `${r.kind}|${question.toLowerCase()}`;
    const g = groups.get(key) ?? { kind: r.kind, question, rows: [] };
    g.rows.push(r);
    groups.set(key, g);
  }
  const ordered = [...groups.values()].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.question.localeCompare(b.question)).slice(0, 8);
  const out: ReportPulse[] = [];
  for (const g of ordered) {
    if (scope === 'team') {
      const trend = await pulseTrend(ctx, { kind: g.kind, question: g.question || undefined, from, to });
      if (trend.anonymous && g.kind === 'custom' && new Set(g.rows.map((r) => r.userId)).size < MIN_TEAM_RESPONDENTS) continue;
      out.push({ kind: g.kind, question: g.question, anonymous: trend.anonymous, weeks: trend.weeks });
      continue;
    }
    const weeks = [];
    for (let w = isoWeekOf(from); w <= week; w = addWeeks(w, 1)) {
      const mine = g.rows.filter((r) => isoWeekOf(r.day) === w);
      const sum = mine.reduce((s, r) => s + Number(r.value), 0);
      weeks.push({ week: w, average: mine.length === 0 ? null : round2(sum / mine.length), count: mine.length, withheld: false });
    }
    out.push({ kind: g.kind, question: g.question, anonymous: false, weeks });
  }
  return out;
}

export interface ReportWin {
  title: string;
  day: string;
  /** Who logged it, in a team report; null in a personal one. */
  by: string | null;
}

/**
 * Wins of the week. A personal report holds the person's own wins; a team report holds shared wins
 * only, with their author's name: a private win never leaves its author.
 */
export async function winsForReport(ctx: Ctx, range: PeriodRange, scope: ReportScope, sharedOnly = false): Promise<ReportWin[]> {
  let query = ctx.db
    .selectFrom('wins')
    .innerJoin('users', 'users.id', 'wins.userId')
    .select(['wins.title', 'wins.day', 'users.name'])
    .where('wins.workspaceId', '=', ctx.actor.workspaceId)
    .where('wins.day', '>=', range.from)
    .where('wins.day', '<=', range.to);
  if (scope === 'me') query = query.where('wins.userId', '=', ctx.actor.userId);
  if (scope === 'team' || sharedOnly) query = query.where('wins.visibility', '=', 'shared');
  const rows = await query.orderBy('wins.day').orderBy('wins.createdAt').orderBy('wins.id').execute();
  return rows.map((r) => ({ title: r.title, day: r.day, by: scope === 'team' ? r.name : null }));
}

function round(n: number): number {
  return Math.round(n * 1e4) / 1e4;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

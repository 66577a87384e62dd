import { WeeklyReportSchema, type ReportScope, type WeeklyReportInput } from '#contracts/reports.js';
import type { GoalTable, MicroGoalTable } from '#db/schema.js';
import { nowIso, today, type Ctx } from '../context.js';
import { invalid, parseInput } from '../errors.js';
import { listWeek } from '../plan/list-week.js';
import { currentWeek } from '../plan/plan-queries.js';
import { reviewSummary } from '../reviews/review-summary.js';
import { addWeeks, weekStart } from '../time/iso-week.js';
import { kudosForReport, type ReportKudos } from './report-kudos.js';
import { metricsAgainstRoad, pulsesForReport, winsForReport, type ReportMetric, type ReportPulse, type ReportWin } from './report-sections.js';

export type { ReportKudos, ReportMetric, ReportPulse, ReportWin };

/**
 * A week's progress report, as data: what the renderers (Markdown, HTML, text) draw, the API
 * returns and share links show. It carries names and numbers only, never ids, so a shared report
 * points at nothing beyond itself.
 */
export interface WeeklyReport {
  scope: ReportScope;
  week: string;
  /** Monday and Sunday of the week. */
  from: string;
  to: string;
  generatedAt: string;
  /** Whose week: the person's name, or the workspace's for a team report. */
  subject: string;
  /** What the week was meant to do, and what it did, in the workspace's own words. */
  plan: string;
  result: string;
  results: {
    microGoals: { planned: number; done: number; dropped: number; open: number };
    tasks: { planned: number; done: number; skipped: number; carried: number; open: number; minutesDone: number };
    routines: { done: number; minimum: number; skipped: number; missed: number; mostMissed: Array<{ name: string; misses: number }> };
    /** Average daily momentum (0..1) of the week and its change from the week before. */
    momentum: { average: number; change: number };
  };
  /** Each goal with micro-goals this week, and how they went. */
  goals: Array<{
    title: string;
    status: GoalTable['status'];
    microGoals: Array<{ title: string; status: MicroGoalTable['status']; tasks: { done: number; total: number } }>;
  }>;
  wins: ReportWin[];
  /** Kudos given in the week on shared wins, in a team report; null in a personal one. */
  kudos: ReportKudos | null;
  lessons: string[];
  metrics: ReportMetric[];
  pulses: ReportPulse[];
  /** The weekday where check-ins were missed and tasks skipped most, if any. */
  hardestWeekday: { name: string; misses: number } | null;
  nextWeek: {
    week: string;
    plan: string;
    goals: Array<{ title: string; microGoals: string[] }>;
    tasks: { count: number; minutes: number };
  };
}

/**
 * The weekly progress report of the actor (`me`) or of their whole workspace (`team`) for an ISO
 * week, the current one by default. Built from the review summary of the week, the week view, the
 * roads of the primary metrics, pulses and wins. A team report shows shared wins only, the kudos
 * given on them in the week, and pulses as anonymous aggregates. A report seen through a share link leaves out the person's private wins:
 * private means only its author sees it, whoever the link was made for.
 */
export async function weeklyReport(ctx: Ctx, input: WeeklyReportInput = {}, options: { sharedLink?: boolean } = {}): Promise<WeeklyReport> {
  const data = parseInput(WeeklyReportSchema, input, 'report');
  const week = data.week ?? currentWeek(ctx);
  const now = today(ctx);
  if (weekStart(week) > now) {
    throw invalid('week', `${week} has not started yet; a report looks back on the current week or an earlier one.`);
  }
  const summary = await reviewSummary(ctx, { kind: 'weekly', period: week });
  const range = { from: summary.from, to: summary.to };
  const view = await listWeek(ctx, { week });
  const next = await listWeek(ctx, { week: addWeeks(week, 1) });
  const subject =
    data.scope === 'me'
      ? (await ctx.db.selectFrom('users').select('name').where('id', '=', ctx.actor.userId).executeTakeFirstOrThrow()).name
      : (await ctx.db.selectFrom('workspaces').select('name').where('id', '=', ctx.actor.workspaceId).executeTakeFirstOrThrow()).name;

  return {
    scope: data.scope,
    week,
    from: range.from,
    to: range.to,
    generatedAt: nowIso(ctx),
    subject,
    plan: view.plan,
    result: view.result,
    results: {
      microGoals: summary.microGoals,
      tasks: summary.tasks,
      routines: { ...summary.checkIns, mostMissed: summary.checkIns.mostMissed.slice(0, 3).map((m) => ({ name: m.name, misses: m.misses })) },
      momentum: { average: summary.momentum.average, change: summary.momentum.change },
    },
    goals: view.goals
      .filter((g) => g.microGoals.length > 0)
      .map((g) => ({
        title: g.goal.title,
        status: g.goal.status,
        microGoals: g.microGoals.map((m) => ({ title: m.title, status: m.status, tasks: m.tasks })),
      })),
    wins: await winsForReport(ctx, range, data.scope, options.sharedLink ?? false),
    kudos: data.scope === 'team' ? await kudosForReport(ctx, range) : null,
    lessons: summary.lessons.titles,
    metrics: await metricsAgainstRoad(ctx, range, range.to < now ? range.to : now),
    pulses: await pulsesForReport(ctx, week, data.scope),
    hardestWeekday: summary.patterns.hardestWeekday ? { name: summary.patterns.hardestWeekday.name, misses: summary.patterns.hardestWeekday.misses } : null,
    nextWeek: {
      week: next.week,
      plan: next.plan,
      goals: next.goals
        .map((g) => ({ title: g.goal.title, microGoals: g.microGoals.filter((m) => m.status !== 'dropped').map((m) => m.title) }))
        .filter((g) => g.microGoals.length > 0),
      tasks: { count: next.tasks.planned + next.tasks.done + next.tasks.skipped, minutes: next.tasks.minutesPlanned },
    },
  };
}

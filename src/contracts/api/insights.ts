import { z } from 'zod';
import { RoutineScoresSchema, RoutineStreaksSchema } from '../insights.js';
import { EnergyInsightsSchema, ExperimentStatsSchema, MomentumSchema } from '../insights-stats.js';
import { endpoint } from './endpoint.js';
import { Day } from './shapes.js';

export const RoutineScoresOut = z.object({
  routineId: z.string(),
  name: z.string(),
  series: z
    .array(z.object({ date: Day, score: z.number().describe('Strength 0..1, rounded to 4 decimals as Loop shows it') }))
    .describe('One entry per day, oldest first'),
});

export const StreakOut = z.object({ start: Day, end: Day, length: z.number().describe('Successful days in the streak') });

export const RoutineStreaksOut = z.object({
  routineId: z.string(),
  name: z.string(),
  current: z.number().describe('The streak still alive today, else 0'),
  best: z.number(),
  streaks: z.array(StreakOut).describe('Every streak up to today, newest first'),
});

export const MomentumOut = z.object({
  today: Day,
  value: z.number().describe('Momentum at the end of today (so far), 0..1'),
  trend: z.object({ change: z.number(), direction: z.enum(['up', 'down', 'steady']) }),
  series: z.array(
    z.object({
      day: Day,
      points: z.number().describe('1 per done item, 0.5 per minimum, 0 per missed'),
      count: z.number().describe('Items counted that day'),
      completion: z.number().nullable(),
      value: z.number(),
    }),
  ),
});

const Group = z.object({ days: z.number(), mean: z.number().nullable() });

export const EnergyFindingOut = z.object({
  factor: z.enum(['sleep', 'energy']),
  lag: z.union([z.literal(0), z.literal(1)]),
  days: z.number(),
  high: Group,
  low: Group,
  difference: z.number().nullable(),
  lowerBound: z.number().nullable(),
  upperBound: z.number().nullable(),
  verdict: z.enum(['effect', 'no_clear_effect', 'not_enough_data']),
  sentence: z.string().nullable(),
});

export const EnergyInsightsOut = z.object({
  from: Day,
  to: Day,
  loggedDays: z.number(),
  findings: z.array(EnergyFindingOut),
});

const Verdict = z.enum(['better', 'worse', 'unclear']);
const DayRange = z.object({ from: Day, to: Day });
const MetricOfExperiment = { metricId: z.string(), name: z.string(), unit: z.string(), beforeDays: DayRange, duringDays: DayRange };

export const ExperimentStatsOut = z.object({
  experimentId: z.string(),
  title: z.string(),
  variants: z
    .discriminatedUnion('status', [
      z.object({ status: z.literal('not_enough_data'), minTrials: z.number(), message: z.string() }),
      z.object({
        status: z.literal('ok'),
        comparisons: z.array(
          z.object({
            variant: z.string(),
            control: z.string(),
            probabilityBetter: z.number(),
            lift: z.object({ median: z.number(), low: z.number(), high: z.number() }).nullable(),
            verdict: Verdict,
          }),
        ),
      }),
    ])
    .nullable()
    .describe('Each variant against the first one; null for an experiment without variants'),
  metric: z
    .discriminatedUnion('status', [
      z.object({ status: z.literal('not_enough_data'), before: z.number(), during: z.number(), needed: z.number(), message: z.string(), ...MetricOfExperiment }),
      z.object({
        status: z.literal('ok'),
        before: z.object({ count: z.number(), mean: z.number() }),
        during: z.object({ count: z.number(), mean: z.number() }),
        difference: z.number(),
        low: z.number(),
        high: z.number(),
        verdict: Verdict,
        ...MetricOfExperiment,
      }),
    ])
    .nullable()
    .describe("The experiment's metric before vs during it; null without a metric"),
});

export const insightsEndpoints = {
  routineScores: endpoint({
    id: 'routineScores', method: 'GET', path: '/routines/{routineId}/scores', scope: 'workspace', tag: 'Insights',
    summary: "A routine's strength score for every day (Loop Habit Tracker's algorithm)",
    description: "The whole daily series from `from` (default: the routine's first day) to `to` (default: today), both included.",
    input: RoutineScoresSchema, output: RoutineScoresOut,
  }),
  routineStreaks: endpoint({
    id: 'routineStreaks', method: 'GET', path: '/routines/{routineId}/streaks', scope: 'workspace', tag: 'Insights',
    summary: "A routine's current and best streak, and every streak it has had",
    input: RoutineStreaksSchema, output: RoutineStreaksOut,
  }),
  momentum: endpoint({
    id: 'momentum', method: 'GET', path: '/insights/momentum', scope: 'workspace', tag: 'Insights',
    summary: 'Momentum (0..1): planned vs done tasks and due check-ins, smoothed with a 7-day half-life',
    description: 'Over the last `days` days (30 unless said, at most 366), today included.',
    input: MomentumSchema, output: MomentumOut,
  }),
  energyInsights: endpoint({
    id: 'energyInsights', method: 'GET', path: '/insights/energy', scope: 'workspace', tag: 'Insights',
    summary: "How the caller's sleep and energy relate to the tasks finished, with 95% intervals",
    description: 'Over the last `days` days (90 unless said, at most 366). Nothing is claimed below 14 finished days with energy and tasks, 5 on each side of a comparison.',
    input: EnergyInsightsSchema, output: EnergyInsightsOut,
  }),
  experimentStats: endpoint({
    id: 'experimentStats', method: 'GET', path: '/experiments/{experimentId}/stats', scope: 'workspace', tag: 'Insights',
    summary: "An experiment's statistics: chance each variant beats the first, lift, and its metric before vs during",
    input: ExperimentStatsSchema, output: ExperimentStatsOut,
  }),
};

import { z } from 'zod';
import { IdSchema } from '../common.js';
import { AddMetricSchema, CreateGoalSchema, GoalStatusSchema, RecordMeasurementSchema, UpdateGoalSchema } from '../goals.js';
import { GoalRoadSchema } from '../insights-stats.js';
import { endpoint } from './endpoint.js';
import { Day, Instant, MilestonesOut, Week } from './shapes.js';

export const GoalOut = z.object({
  id: z.string(),
  title: z.string(),
  purpose: z.string(),
  leveragePoint: z.string(),
  status: GoalStatusSchema,
  targetDate: Day.nullable(),
  createdAt: Instant,
  updatedAt: Instant,
});

export const MetricOut = z.object({
  id: z.string(),
  goalId: z.string(),
  name: z.string(),
  unit: z.string(),
  direction: z.enum(['up', 'down']),
  indicator: z.enum(['leading', 'lagging']),
  primary: z.boolean(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  targetDate: Day.nullable(),
  createdAt: Instant,
});

export const MeasurementOut = z.object({
  id: z.string(),
  metricId: z.string(),
  day: Day,
  value: z.number(),
  note: z.string(),
  createdAt: Instant,
});

const GoalWithWarningOut = z.object({
  goal: GoalOut,
  warning: z.string().nullable().describe('Set when the workspace now has more active goals than its focus limit'),
});

const Point = z.object({ day: Day, value: z.number() });

export const ForecastOut = z.discriminatedUnion('status', [
  z.object({ status: z.literal('not_enough_data'), days: z.number(), needed: z.number() }),
  z.object({ status: z.literal('no_target') }),
  z.object({ status: z.literal('reached') }),
  z.object({ status: z.literal('stalled'), days: z.number(), perWeek: z.number() }),
  z.object({
    status: z.literal('forecast'),
    day: Day,
    earliest: Day,
    latest: Day.nullable(),
    perWeek: z.number(),
    perWeekLow: z.number(),
    perWeekHigh: z.number(),
    days: z.number(),
    onTime: z.boolean().nullable(),
  }),
]);

export const GoalRoadOut = z.object({
  goalId: z.string(),
  metric: z.object({
    id: z.string(),
    name: z.string(),
    unit: z.string(),
    direction: z.enum(['up', 'down']),
    baseline: z.number().nullable(),
    target: z.number().nullable(),
    targetDate: Day.nullable(),
  }),
  today: Day,
  start: Point.nullable(),
  end: Point.nullable(),
  latest: Point.nullable(),
  expected: z.number().nullable(),
  gap: z.number().nullable(),
  status: z.enum(['reached', 'ahead', 'on_track', 'behind', 'no_target', 'no_data']),
  forecast: ForecastOut,
});

const GoalIdInput = z.object({ goalId: IdSchema });

export const goalEndpoints = {
  createGoal: endpoint({
    id: 'createGoal', method: 'POST', path: '/goals', scope: 'workspace', tag: 'Goals', status: 201,
    summary: 'Create a goal',
    description: 'A goal has a title, a purpose (why it matters), its one leverage point and an optional target date. Past the focus limit of active goals it is still created, with a warning.',
    input: CreateGoalSchema, output: GoalWithWarningOut,
  }),
  listGoals: endpoint({
    id: 'listGoals', method: 'GET', path: '/goals', scope: 'workspace', tag: 'Goals', list: true,
    summary: 'List goals, active first, each with its primary metric',
    input: z.object({ status: z.enum(['active', 'paused', 'done', 'dropped', 'all']).default('all') }),
    output: GoalOut.extend({ primaryMetric: MetricOut.nullable() }),
  }),
  showGoal: endpoint({
    id: 'showGoal', method: 'GET', path: '/goals/{goalId}', scope: 'workspace', tag: 'Goals',
    summary: 'A goal with its metrics (each with its latest value) and micro-goals',
    input: GoalIdInput,
    output: z.object({
      goal: GoalOut,
      metrics: z.array(MetricOut.extend({ latest: MeasurementOut.nullable() })),
      microGoals: z.array(z.object({ id: z.string(), week: Week, title: z.string(), status: z.string() })),
    }),
  }),
  updateGoal: endpoint({
    id: 'updateGoal', method: 'PATCH', path: '/goals/{goalId}', scope: 'workspace', tag: 'Goals',
    summary: "Change a goal's title, purpose, leverage point, status or target date",
    input: UpdateGoalSchema, output: GoalWithWarningOut,
  }),
  goalRoad: endpoint({
    id: 'goalRoad', method: 'GET', path: '/goals/{goalId}/road', scope: 'workspace', tag: 'Goals',
    summary: "The primary metric's road from baseline to target, where the goal stands on it, and the forecast",
    description: 'Answers 409 when the goal has no primary metric yet.',
    input: GoalRoadSchema, output: GoalRoadOut,
  }),
  addMetric: endpoint({
    id: 'addMetric', method: 'POST', path: '/goals/{goalId}/metrics', scope: 'workspace', tag: 'Goals', status: 201,
    summary: "Add a metric to a goal (its first metric is its primary one)",
    input: AddMetricSchema, output: MetricOut,
  }),
  setPrimaryMetric: endpoint({
    id: 'setPrimaryMetric', method: 'POST', path: '/metrics/{metricId}/primary', scope: 'workspace', tag: 'Goals',
    summary: "Make a metric its goal's one metric that matters",
    input: z.object({ metricId: IdSchema }), output: MetricOut,
  }),
  recordMeasurement: endpoint({
    id: 'recordMeasurement', method: 'POST', path: '/metrics/{metricId}/measurements', scope: 'workspace', tag: 'Goals', status: 201,
    summary: 'Record a dated value of a metric (today unless a day is given)',
    input: RecordMeasurementSchema, output: MeasurementOut.extend({ milestones: MilestonesOut }),
  }),
  listMeasurements: endpoint({
    id: 'listMeasurements', method: 'GET', path: '/metrics/{metricId}/measurements', scope: 'workspace', tag: 'Goals', list: true,
    summary: "A metric's measurements, oldest first",
    input: z.object({ metricId: IdSchema }), output: MeasurementOut,
  }),
};

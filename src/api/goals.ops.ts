import { goalEndpoints } from '#contracts/api/goals.js';
import { AppError } from '#core/errors.js';
import { addMetric, setPrimaryMetric } from '#core/goals/add-metric.js';
import { createGoal } from '#core/goals/create-goal.js';
import { getMetric } from '#core/goals/goal-queries.js';
import { listGoals } from '#core/goals/list-goals.js';
import { listMeasurements, recordMeasurement } from '#core/goals/record-measurement.js';
import { showGoal } from '#core/goals/show-goal.js';
import { updateGoal } from '#core/goals/update-goal.js';
import { goalRoad } from '#core/insights/road-insights.js';
import { operations, type Handlers } from './operation.js';

const handlers: Handlers<typeof goalEndpoints> = {
  createGoal: (ctx, input) => createGoal(ctx, input),
  listGoals: (ctx, input) => listGoals(ctx, input),
  showGoal: (ctx, input) => showGoal(ctx, input.goalId),
  updateGoal: (ctx, input) => updateGoal(ctx, input),
  async goalRoad(ctx, input) {
    const road = await goalRoad(ctx, input);
    if (!road) throw new AppError('conflict', 'This goal has no primary metric yet, so there is no road. Add a metric with a baseline, a target and a target date first.');
    return road;
  },
  addMetric: (ctx, input) => addMetric(ctx, input),
  setPrimaryMetric: (ctx, input) => setPrimaryMetric(ctx, input.metricId),
  recordMeasurement: (ctx, input) => recordMeasurement(ctx, input),
  async listMeasurements(ctx, input) {
    await getMetric(ctx, input.metricId);
    return listMeasurements(ctx, input.metricId);
  },
};

export const goalOperations = operations(goalEndpoints, handlers);

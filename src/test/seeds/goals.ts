import { addMetric } from '#core/goals/add-metric.js';
import { createGoal } from '#core/goals/create-goal.js';
import { recordMeasurement } from '#core/goals/record-measurement.js';
import type { Samples, Seeder } from '../samples.js';

export const seed: Seeder = async (ctx, ids) => {
  const { goal } = await createGoal(ctx, { title: 'Seeded goal', purpose: 'seed-secret purpose' });
  ids.goal = goal.id;
  const metric = await addMetric(ctx, { goalId: goal.id, name: 'Seeded metric', baseline: 0, target: 10, targetDate: '2027-06-30' });
  ids.metric = metric.id;
  ids.measurement = (await recordMeasurement(ctx, { metricId: metric.id, value: 2, note: 'seed-secret note' })).id;
};

export const samples: Samples = {
  resolveRef: (ids) => ({ kind: 'goal', ref: ids.goal! }),
  createGoal: () => ({ title: 'Sample goal' }),
  listGoals: () => ({}),
  showGoal: (ids) => ({ goalId: ids.goal }),
  updateGoal: (ids) => ({ goalId: ids.goal, title: 'Renamed goal' }),
  goalRoad: (ids) => ({ goalId: ids.goal }),
  addMetric: (ids) => ({ goalId: ids.goal, name: 'Sample metric' }),
  setPrimaryMetric: (ids) => ({ metricId: ids.metric }),
  recordMeasurement: (ids) => ({ metricId: ids.metric, value: 3 }),
  listMeasurements: (ids) => ({ metricId: ids.metric }),
};

import { z } from 'zod';
import { IdSchema } from './common.js';

const daysSchema = (fallback: number) =>
  z.number().int('must be a whole number of days').min(1, 'must be at least 1 day').max(366, 'must be at most 366 days').default(fallback);

/** Momentum over the last `days` days, today included. */
export const MomentumSchema = z.object({ days: daysSchema(30) });
export type MomentumInput = z.input<typeof MomentumSchema>;

/** The road and forecast of a goal's primary metric. */
export const GoalRoadSchema = z.object({ goalId: IdSchema });
export type GoalRoadInput = z.input<typeof GoalRoadSchema>;

/** How energy and sleep relate to tasks done over the last `days` days. */
export const EnergyInsightsSchema = z.object({ days: daysSchema(90) });
export type EnergyInsightsInput = z.input<typeof EnergyInsightsSchema>;

export const ExperimentStatsSchema = z.object({ experimentId: IdSchema });
export type ExperimentStatsInput = z.input<typeof ExperimentStatsSchema>;

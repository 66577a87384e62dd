import { insightsEndpoints } from '#contracts/api/insights.js';
import { energyInsights } from '#core/insights/energy-insights.js';
import { experimentStats } from '#core/insights/experiment-insights.js';
import { momentum } from '#core/insights/momentum-insights.js';
import { routineScores, routineStreaks } from '#core/insights/routine-insights.js';
import { operations, type Handlers } from './operation.js';

const handlers: Handlers<typeof insightsEndpoints> = {
  routineScores: (ctx, input) => routineScores(ctx, input),
  routineStreaks: (ctx, input) => routineStreaks(ctx, input),
  momentum: (ctx, input) => momentum(ctx, input),
  energyInsights: (ctx, input) => energyInsights(ctx, input),
  experimentStats: (ctx, input) => experimentStats(ctx, input),
};

export const insightsOperations = operations(insightsEndpoints, handlers);

import { flatten, type Operation } from './operation.js';
import { accountOperations } from './accounts.ops.js';
import { dataOperations } from './data.ops.js';
import { feedOperations } from './feed.ops.js';
import { goalOperations } from './goals.ops.js';
import { insightsOperations } from './insights.ops.js';
import { lifeOperations } from './life.ops.js';
import { planOperations } from './plan.ops.js';
import { reflectionOperations } from './reflection.ops.js';
import { outreachOperations } from './outreach.ops.js';
import { refOperations } from './refs.ops.js';
import { reportsOperations } from './reports.ops.js';
import { systemsOperations } from './systems.ops.js';
import { teamOperations } from './team.ops.js';

/**
 * Every operation of the API. The server registers them all; the route table test and the
 * OpenAPI document enumerate them, so an operation added here is covered everywhere at once.
 */
export function allOperations(): Operation[] {
  return flatten(accountOperations, refOperations, goalOperations, planOperations, systemsOperations, reflectionOperations, lifeOperations, insightsOperations, dataOperations, reportsOperations, outreachOperations, feedOperations, teamOperations);
}

import routes from 'virtual:api-routes';
import type { accountEndpoints } from '../../contracts/api/accounts.js';
import type { feedEndpoints } from '../../contracts/api/feed.js';
import type { goalEndpoints } from '../../contracts/api/goals.js';
import type { insightsEndpoints } from '../../contracts/api/insights.js';
import type { lifeEndpoints } from '../../contracts/api/life.js';
import type { planEndpoints } from '../../contracts/api/plan.js';
import type { reflectionEndpoints } from '../../contracts/api/reflection.js';
import type { reportEndpoints } from '../../contracts/api/reports.js';
import type { systemsEndpoints } from '../../contracts/api/systems.js';
import type { teamEndpoints } from '../../contracts/api/team.js';

type Api = typeof accountEndpoints &
  typeof feedEndpoints &
  typeof goalEndpoints &
  typeof insightsEndpoints &
  typeof lifeEndpoints &
  typeof planEndpoints &
  typeof reflectionEndpoints &
  typeof reportEndpoints &
  typeof systemsEndpoints &
  typeof teamEndpoints;

/**
 * Every endpoint of the API, typed by its contract. At run time each is only its id, method, path
 * and scope (all `buildRequest` reads): the schemas are types here, so zod stays out of the bundle.
 */
export const api = routes as unknown as Api;

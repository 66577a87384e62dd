import type { dataEndpoints } from '../../contracts/api/data.js';
import type { outreachEndpoints } from '../../contracts/api/outreach.js';
import { api } from '../api/endpoints.js';

/**
 * The data and email endpoints, typed by their contracts. At run time `api` already holds every
 * endpoint of `src/contracts/api/` (vite.config.ts builds the table); only its type lists fewer.
 */
export const moreApi = api as unknown as typeof dataEndpoints & typeof outreachEndpoints;

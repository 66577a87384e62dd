import type { Samples, Seeder } from '../samples.js';
import * as accounts from './accounts.js';
import * as data from './data.js';
import * as feed from './feed.js';
import * as goals from './goals.js';
import * as life from './life.js';
import * as outreach from './outreach.js';
import * as plan from './plan.js';
import * as reflection from './reflection.js';
import * as reports from './reports.js';
import * as systems from './systems.js';
import * as team from './team.js';

const AREAS = [goals, plan, systems, reflection, life, data, reports, outreach, team, accounts, feed];

/** Every area's seeder, in an order where later areas may use what earlier ones made. */
export const seeders: Seeder[] = AREAS.map((a) => a.seed);

/** Every operation's sample input. */
export const allSamples: Samples = Object.assign({}, ...AREAS.map((a) => a.samples)) as Samples;

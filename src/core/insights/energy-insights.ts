import { EnergyInsightsSchema, type EnergyInsightsInput } from '#contracts/insights-stats.js';
import { today, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { addDays } from '../time/plain-date.js';
import { energyOutput, type EnergyFinding } from './energy-output.js';

export interface EnergyInsights {
  from: string;
  to: string;
  /** Days in the range with an energy entry. */
  loggedDays: number;
  findings: EnergyFinding[];
}

/**
 * How the actor's energy and sleep relate to the tasks they finish, over the last `days` days
 * (90 unless said). Tasks are the workspace's tasks of each day, as the Today view shows them.
 */
export async function energyInsights(ctx: Ctx, input: EnergyInsightsInput = {}): Promise<EnergyInsights> {
  const { days } = parseInput(EnergyInsightsSchema, input, 'range');
  const to = today(ctx);
  const from = addDays(to, -(days - 1));
  const { workspaceId, userId } = ctx.actor;
  const [entries, taskRows] = await Promise.all([
    ctx.db.selectFrom('energyEntries').select(['day', 'energy', 'sleepHours']).where('workspaceId', '=', workspaceId).where('userId', '=', userId).where('day', '>=', from).where('day', '<=', to).orderBy('day').execute(),
    ctx.db
      .selectFrom('tasks')
      .select((eb) => ['day', eb.fn.countAll().as('total'), eb.fn.sum<number | string>(eb.case().when('status', '=', 'done').then(1).else(0).end()).as('done')])
      .where('workspaceId', '=', workspaceId)
      .where('day', '>=', from)
      .where('day', '<=', to)
      .groupBy('day')
      .execute(),
  ]);
  const output = taskRows.map((r) => ({ day: r.day, tasksDone: Number(r.done) }));
  const energy = entries.map((e) => ({ day: e.day, energy: Number(e.energy), sleepHours: e.sleepHours === null ? null : Number(e.sleepHours) }));
  return { from, to, loggedDays: energy.length, findings: energyOutput(energy, output, to) };
}

import { DayRangeSchema, type DayRangeInput } from '#contracts/common.js';
import { LogEnergySchema, type LogEnergyInput } from '#contracts/life.js';
import { nowIso, requireWriter, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { newId } from '../ids.js';
import { pastOrToday } from './day.js';
import { toEnergyEntry, type EnergyEntry } from './energy-queries.js';

/**
 * Log the actor's energy (1–5) and sleep for a day, today by default. One entry per person per
 * local day: logging again replaces the level, and the sleep and note when they are given. It is
 * an upsert on the unique (workspace, user, day) key, so two devices logging at once keep one row.
 */
export async function logEnergy(ctx: Ctx, input: LogEnergyInput): Promise<EnergyEntry> {
  requireWriter(ctx);
  const data = parseInput(LogEnergySchema, input, 'energy entry');
  const day = pastOrToday(ctx, data.day, 'energy');
  const now = nowIso(ctx);
  const { workspaceId, userId } = ctx.actor;
  await ctx.db
    .insertInto('energyEntries')
    .values({ id: newId(), workspaceId, userId, day, energy: data.energy, sleepHours: data.sleepHours ?? null, note: data.note ?? '', createdAt: now, updatedAt: now })
    .onConflict((oc) =>
      oc.columns(['workspaceId', 'userId', 'day']).doUpdateSet({
        energy: data.energy,
        updatedAt: now,
        ...(data.sleepHours !== undefined ? { sleepHours: data.sleepHours } : {}),
        ...(data.note !== undefined ? { note: data.note } : {}),
      }),
    )
    .execute();
  const row = await ctx.db
    .selectFrom('energyEntries')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where('userId', '=', userId)
    .where('day', '=', day)
    .executeTakeFirstOrThrow();
  return toEnergyEntry(row);
}

/** The actor's own energy entries in day order, optionally within [from, to]. */
export async function listEnergy(ctx: Ctx, input: DayRangeInput = {}): Promise<EnergyEntry[]> {
  const range = parseInput(DayRangeSchema, input, 'range');
  let query = ctx.db
    .selectFrom('energyEntries')
    .selectAll()
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('userId', '=', ctx.actor.userId);
  if (range.from) query = query.where('day', '>=', range.from);
  if (range.to) query = query.where('day', '<=', range.to);
  return (await query.orderBy('day').execute()).map(toEnergyEntry);
}

import { ListPulsesSchema, RecordPulseSchema, type ListPulsesInput, type RecordPulseInput } from '#contracts/life.js';
import { nowIso, requireWriter, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { newId } from '../ids.js';
import { pastOrToday } from '../energy/day.js';
import { toPulse, type Pulse } from './pulse-queries.js';

/**
 * Record a 1–5 pulse on morale, customer delight, clarity of vision, or a custom question (the
 * question is required for custom pulses and refused for the others, whose question is fixed).
 */
export async function recordPulse(ctx: Ctx, input: RecordPulseInput): Promise<Pulse> {
  requireWriter(ctx);
  const data = parseInput(RecordPulseSchema, input, 'pulse');
  const day = pastOrToday(ctx, data.day, 'a pulse');
  const row = {
    id: newId(),
    workspaceId: ctx.actor.workspaceId,
    userId: ctx.actor.userId,
    kind: data.kind,
    question: data.question,
    value: data.value,
    day,
    note: data.note,
    createdAt: nowIso(ctx),
  };
  await ctx.db.insertInto('pulses').values(row).execute();
  return toPulse(row);
}

/** The actor's own pulses, oldest first; nobody can list another member's answers. */
export async function listMyPulses(ctx: Ctx, input: ListPulsesInput = {}): Promise<Pulse[]> {
  const data = parseInput(ListPulsesSchema, input, 'pulse filter');
  let query = ctx.db
    .selectFrom('pulses')
    .selectAll()
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('userId', '=', ctx.actor.userId);
  if (data.kind) query = query.where('kind', '=', data.kind);
  if (data.from) query = query.where('day', '>=', data.from);
  if (data.to) query = query.where('day', '<=', data.to);
  return (await query.orderBy('day').orderBy('createdAt').execute()).map(toPulse);
}

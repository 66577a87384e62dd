import { AddFeedbackSchema, type AddFeedbackInput } from '#contracts/reflection.js';
import { nowIso, requireWriter, today, type Ctx } from '../context.js';
import { notFound, parseInput } from '../errors.js';
import { newId } from '../ids.js';
import { toFeedback, type Feedback } from './feedback-queries.js';

/**
 * Log a piece of feedback from a customer, mentor or peer, optionally tied to the contact who gave
 * it, the goal it concerns and the experiment it informs. Every link must exist in the workspace.
 */
export async function addFeedback(ctx: Ctx, input: AddFeedbackInput): Promise<Feedback> {
  requireWriter(ctx);
  const data = parseInput(AddFeedbackSchema, input, 'feedback');
  const ws = ctx.actor.workspaceId;
  const links = [
    ['contacts', 'contact', data.contactId],
    ['goals', 'goal', data.goalId],
    ['experiments', 'experiment', data.experimentId],
  ] as const;
  for (const [table, label, id] of links) {
    if (!id) continue;
    const found = await ctx.db.selectFrom(table).select('id').where('workspaceId', '=', ws).where('id', '=', id).executeTakeFirst();
    if (!found) throw notFound(label, id);
  }
  const row = {
    id: newId(),
    workspaceId: ws,
    source: data.source,
    contactId: data.contactId ?? null,
    goalId: data.goalId ?? null,
    experimentId: data.experimentId ?? null,
    content: data.content,
    day: data.day ?? today(ctx),
    createdAt: nowIso(ctx),
  };
  await ctx.db.insertInto('feedback').values(row).execute();
  return toFeedback(row);
}

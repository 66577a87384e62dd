import { ListFeedbackSchema, type ListFeedbackInput } from '#contracts/reflection.js';
import type { Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { toFeedback, type Feedback } from './feedback-queries.js';

/** Feedback of the workspace, newest first, narrowed by source, contact, goal, experiment or days. */
export async function listFeedback(ctx: Ctx, input: ListFeedbackInput = {}): Promise<Feedback[]> {
  const f = parseInput(ListFeedbackSchema, input, 'feedback filters');
  let query = ctx.db.selectFrom('feedback').selectAll().where('workspaceId', '=', ctx.actor.workspaceId);
  if (f.source) query = query.where('source', '=', f.source);
  if (f.contactId) query = query.where('contactId', '=', f.contactId);
  if (f.goalId) query = query.where('goalId', '=', f.goalId);
  if (f.experimentId) query = query.where('experimentId', '=', f.experimentId);
  if (f.from) query = query.where('day', '>=', f.from);
  if (f.to) query = query.where('day', '<=', f.to);
  const rows = await query.orderBy('day', 'desc').orderBy('createdAt', 'desc').orderBy('id').limit(f.limit).execute();
  return rows.map(toFeedback);
}

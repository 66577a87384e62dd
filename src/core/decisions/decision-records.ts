import {
  CreateDecisionSchema,
  DecisionIdSchema,
  ListDecisionsSchema,
  UpdateDecisionSchema,
  type CreateDecisionInput,
  type DecisionIdInput,
  type ListDecisionsInput,
  type UpdateDecisionInput,
} from '#contracts/feed.js';
import { nowIso, requireWriter, type Ctx } from '../context.js';
import { notFound, parseInput } from '../errors.js';
import { newId } from '../ids.js';

/** How the team decided something: the context, the decision, the reasoning, and the goal it serves. */
export interface DecisionRecord {
  id: string;
  title: string;
  context: string;
  decision: string;
  reasoning: string;
  goal: { id: string; title: string } | null;
  createdBy: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
}

function decisionQuery(ctx: Ctx) {
  return ctx.db
    .selectFrom('decisionRecords as d')
    .innerJoin('users as u', 'u.id', 'd.createdBy')
    .leftJoin('goals as g', (j) => j.onRef('g.id', '=', 'd.goalId').on('g.workspaceId', '=', ctx.actor.workspaceId))
    .select(['d.id', 'd.title', 'd.context', 'd.decision', 'd.reasoning', 'd.goalId', 'g.title as goalTitle', 'd.createdBy', 'u.name as authorName', 'd.createdAt', 'd.updatedAt'])
    .where('d.workspaceId', '=', ctx.actor.workspaceId);
}

type DecisionRow = Awaited<ReturnType<ReturnType<typeof decisionQuery>['execute']>>[number];

function toDecision(row: DecisionRow): DecisionRecord {
  return {
    id: row.id,
    title: row.title,
    context: row.context,
    decision: row.decision,
    reasoning: row.reasoning,
    goal: row.goalId && row.goalTitle !== null ? { id: row.goalId, title: row.goalTitle } : null,
    createdBy: { id: row.createdBy, name: row.authorName },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

async function requireGoal(ctx: Ctx, goalId: string): Promise<void> {
  const goal = await ctx.db.selectFrom('goals').select('id').where('workspaceId', '=', ctx.actor.workspaceId).where('id', '=', goalId).executeTakeFirst();
  if (!goal) throw notFound('goal', goalId);
}

/** One decision record of the workspace, or "not found". */
export async function getDecision(ctx: Ctx, input: DecisionIdInput): Promise<DecisionRecord> {
  const { decisionId } = parseInput(DecisionIdSchema, input, 'decision record');
  const row = await decisionQuery(ctx).where('d.id', '=', decisionId).executeTakeFirst();
  if (!row) throw notFound('decision record', decisionId);
  return toDecision(row);
}

/** Record a decision; members and above write, viewers read. */
export async function createDecision(ctx: Ctx, input: CreateDecisionInput): Promise<DecisionRecord> {
  requireWriter(ctx);
  const data = parseInput(CreateDecisionSchema, input, 'decision record');
  if (data.goalId) await requireGoal(ctx, data.goalId);
  const id = newId();
  const now = nowIso(ctx);
  await ctx.db
    .insertInto('decisionRecords')
    .values({ id, workspaceId: ctx.actor.workspaceId, title: data.title, context: data.context, decision: data.decision, reasoning: data.reasoning, goalId: data.goalId, createdBy: ctx.actor.userId, createdAt: now, updatedAt: now })
    .execute();
  return getDecision(ctx, { decisionId: id });
}

/** Decision records, newest first, optionally those of one goal. */
export async function listDecisions(ctx: Ctx, input: ListDecisionsInput = {}): Promise<DecisionRecord[]> {
  const { goalId } = parseInput(ListDecisionsSchema, input, 'decision records');
  let query = decisionQuery(ctx);
  if (goalId) query = query.where('d.goalId', '=', goalId);
  const rows = await query.orderBy('d.createdAt', 'desc').orderBy('d.id', 'desc').execute();
  return rows.map(toDecision);
}

/** Change what a decision record says; fields left out stay as they are. */
export async function updateDecision(ctx: Ctx, input: UpdateDecisionInput): Promise<DecisionRecord> {
  requireWriter(ctx);
  const { decisionId, ...changes } = parseInput(UpdateDecisionSchema, input, 'decision record');
  await getDecision(ctx, { decisionId });
  if (changes.goalId) await requireGoal(ctx, changes.goalId);
  await ctx.db
    .updateTable('decisionRecords')
    .set({ ...changes, updatedAt: nowIso(ctx) })
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('id', '=', decisionId)
    .execute();
  return getDecision(ctx, { decisionId });
}

/** Delete a decision record. */
export async function deleteDecision(ctx: Ctx, input: DecisionIdInput): Promise<void> {
  requireWriter(ctx);
  const { decisionId } = parseInput(DecisionIdSchema, input, 'decision record');
  const result = await ctx.db.deleteFrom('decisionRecords').where('workspaceId', '=', ctx.actor.workspaceId).where('id', '=', decisionId).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound('decision record', decisionId);
}

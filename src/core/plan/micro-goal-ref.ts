import { sql } from 'kysely';
import type { Ctx } from '../context.js';
import { resolveInStages } from '../tasks/task-ref.js';
import { currentWeek } from './plan-queries.js';

/**
 * Find the micro-goal a person means. The same title often comes back week after week, so a title
 * is looked up in this week's planned micro-goals first, then all planned ones, then all of them.
 */
export async function resolveMicroGoalRef(ctx: Ctx, ref: string): Promise<string> {
  const week = currentWeek(ctx);
  return resolveInStages(ctx, 'microGoals', ref, [
    (qb) => qb.where(sql.ref('status'), '=', 'planned').where(sql.ref('week'), '=', week),
    (qb) => qb.where(sql.ref('status'), '=', 'planned'),
  ]);
}

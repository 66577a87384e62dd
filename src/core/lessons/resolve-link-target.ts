import type { LinkTargetType } from '#contracts/reflection.js';
import { LinkTargetTypeSchema } from '#contracts/reflection.js';
import type { Ctx } from '../context.js';
import { AppError, conflict, notFound, parseInput } from '../errors.js';
import { resolveRef } from '../refs.js';
import { resolveReviewRef } from '../reviews/review-queries.js';
import type { LessonLink } from './lesson-queries.js';

const NAMED = {
  goal: { table: 'goals', nameColumn: 'title' },
  experiment: { table: 'experiments', nameColumn: 'title' },
  task: { table: 'tasks', nameColumn: 'title' },
  micro_goal: { table: 'microGoals', nameColumn: 'title' },
} as const;

/**
 * Read a link written as "<type>:<ref>" (goal:grow, experiment:4f2a, review:2026-W47, win:<id>)
 * into the exact target it means. Goals, experiments, tasks and micro-goals may be named; reviews
 * by period; wins and feedback by id or id prefix.
 */
export async function resolveLinkTarget(ctx: Ctx, text: string): Promise<LessonLink> {
  const at = text.indexOf(':');
  if (at <= 0 || at === text.length - 1) {
    throw new AppError('validation', `"${text}" is not a link; write it as type:ref, e.g. goal:grow or experiment:4f2a.`, [{ path: 'links', message: 'must be type:ref' }]);
  }
  const targetType: LinkTargetType = parseInput(LinkTargetTypeSchema, text.slice(0, at).trim().replace('-', '_'), 'link type');
  const ref = text.slice(at + 1).trim();
  if (targetType in NAMED) {
    const { table, nameColumn } = NAMED[targetType as keyof typeof NAMED];
    return { targetType, targetId: await resolveRef(ctx, table, ref, { nameColumn }) };
  }
  if (targetType === 'review') return { targetType, targetId: await resolveReviewRef(ctx, ref) };
  const table = targetType === 'win' ? 'wins' : 'feedback';
  const base = () => ctx.db.selectFrom(table).select('id').where('workspaceId', '=', ctx.actor.workspaceId);
  const exact = await base().where('id', '=', ref).executeTakeFirst();
  if (exact) return { targetType, targetId: exact.id };
  if (ref.length >= 4 && /^[0-9a-z]+$/.test(ref)) {
    const rows = await base().where('id', 'like', `${ref}%`).limit(2).execute();
    if (rows.length === 1) return { targetType, targetId: rows[0]!.id };
    if (rows.length > 1) throw conflict(`"${ref}" is the start of several ${targetType} ids; type more of it.`);
  }
  throw notFound(targetType === 'win' ? 'win' : 'feedback item', ref);
}

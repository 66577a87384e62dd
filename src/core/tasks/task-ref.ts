import { sql } from 'kysely';
import { today, type Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { resolveRef, type RefOptions } from '../refs.js';

type Narrow = NonNullable<RefOptions['where']>;

/**
 * Resolve `ref` through narrower and narrower views of a table, moving on only when a view has no
 * match; an ambiguity within a view is reported, never guessed away.
 */
export async function resolveInStages(ctx: Ctx, table: 'tasks' | 'microGoals', ref: string, stages: Narrow[]): Promise<string> {
  for (const where of stages) {
    try {
      return await resolveRef(ctx, table, ref, { nameColumn: 'title', where });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'not_found') throw error;
    }
  }
  return resolveRef(ctx, table, ref, { nameColumn: 'title' });
}

/**
 * Find the task a person means. Titles repeat (a carried task and its copy, a template's daily
 * step), so a title is looked up among today's open tasks first, then all open tasks, then every
 * task but carried originals, then all tasks. Ids and id prefixes work as usual.
 */
export async function resolveTaskRef(ctx: Ctx, ref: string): Promise<string> {
  const day = today(ctx);
  return resolveInStages(ctx, 'tasks', ref, [
    (qb) => qb.where(sql.ref('status'), '=', 'planned').where(sql.ref('day'), '=', day),
    (qb) => qb.where(sql.ref('status'), '=', 'planned'),
    (qb) => qb.where(sql.ref('status'), '!=', 'carried'),
  ]);
}

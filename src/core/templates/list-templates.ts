import type { Ctx } from '../context.js';
import { stepsOf, type Template } from './template-queries.js';

/** The workspace's templates by name, each with its steps. */
export async function listTemplates(ctx: Ctx): Promise<Template[]> {
  const rows = await ctx.db
    .selectFrom('templates')
    .selectAll()
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .orderBy('name')
    .orderBy('id')
    .execute();
  const steps = await stepsOf(ctx, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    createdAt: r.createdAt,
    steps: steps.filter((s) => s.templateId === r.id).map(({ templateId: _t, ...step }) => step),
  }));
}

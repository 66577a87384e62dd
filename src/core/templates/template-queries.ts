import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';

export interface TemplateStep {
  id: string;
  position: number;
  title: string;
  minutes: number;
  /** Days after the start day the step's task is planned for (0 = the start day). */
  dayOffset: number;
}

export interface Template {
  id: string;
  name: string;
  description: string;
  steps: TemplateStep[];
  createdAt: string;
}

/** Steps of the given templates, in order. */
export async function stepsOf(ctx: Ctx, templateIds: string[]): Promise<Array<TemplateStep & { templateId: string }>> {
  if (templateIds.length === 0) return [];
  return ctx.db
    .selectFrom('templateSteps')
    .select(['id', 'templateId', 'position', 'title', 'minutes', 'dayOffset'])
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('templateId', 'in', templateIds)
    .orderBy('position')
    .execute();
}

export async function getTemplate(ctx: Ctx, templateId: string): Promise<Template> {
  const row = await ctx.db
    .selectFrom('templates')
    .selectAll()
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('id', '=', templateId)
    .executeTakeFirst();
  if (!row) throw notFound('template', templateId);
  const steps = (await stepsOf(ctx, [row.id])).map(({ templateId: _t, ...step }) => step);
  return { id: row.id, name: row.name, description: row.description, steps, createdAt: row.createdAt };
}

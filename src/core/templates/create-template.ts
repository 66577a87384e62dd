import { CreateTemplateSchema, type CreateTemplateInput } from '#contracts/systems.js';
import { inTransaction, nowIso, requireWriter, type Ctx } from '../context.js';
import { conflict, parseInput } from '../errors.js';
import { newId } from '../ids.js';
import { nameInUse } from '../refs.js';
import { getTemplate, type Template } from './template-queries.js';

const taken = (name: string) => conflict(`You already have a template called "${name}". Pick another name, or apply that one with: smallwins template apply "${name}"`);

/**
 * Create a template: steps of 15–60 minutes, each planned a number of days after the day it is
 * applied. Names are unique per workspace, ignoring case.
 */
export async function createTemplate(ctx: Ctx, input: CreateTemplateInput): Promise<Template> {
  requireWriter(ctx);
  const data = parseInput(CreateTemplateSchema, input, 'template');
  return inTransaction(ctx, async (trx) => {
    const ws = trx.actor.workspaceId;
    if (await nameInUse(trx, 'templates', data.name)) throw taken(data.name);
    const id = newId();
    const result = await trx.db
      .insertInto('templates')
      .values({ id, workspaceId: ws, name: data.name, description: data.description, createdAt: nowIso(trx) })
      .onConflict((oc) => oc.columns(['workspaceId', 'name']).doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) throw taken(data.name);
    await trx.db
      .insertInto('templateSteps')
      .values(data.steps.map((step, i) => ({ id: newId(), workspaceId: ws, templateId: id, position: i + 1, ...step })))
      .execute();
    return getTemplate(trx, id);
  });
}

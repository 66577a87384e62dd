import {
  CheckChecklistItemSchema,
  CompleteChecklistRunSchema,
  StartChecklistRunSchema,
  type CheckChecklistItemInput,
  type CompleteChecklistRunInput,
  type StartChecklistRunInput,
} from '#contracts/systems.js';
import { inTransaction, nowIso, requireWriter, type Ctx } from '../context.js';
import { AppError, conflict, invalid, parseInput } from '../errors.js';
import { newId, shortId } from '../ids.js';
import { getChecklist, getRun, type ChecklistItem, type ChecklistRun } from './checklist-queries.js';

export interface RunDetail {
  run: ChecklistRun;
  checklist: { id: string; name: string };
  items: Array<ChecklistItem & { checkedAt: string | null }>;
  checked: number;
  total: number;
}

/** A run with every item of its checklist and when each was ticked. */
export async function showChecklistRun(ctx: Ctx, runId: string): Promise<RunDetail> {
  const run = await getRun(ctx, runId);
  const checklist = await getChecklist(ctx, run.checklistId);
  const ticks = await ctx.db
    .selectFrom('checklistRunItems')
    .select(['itemId', 'checkedAt'])
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('runId', '=', run.id)
    .execute();
  const at = new Map(ticks.map((t) => [t.itemId, t.checkedAt]));
  const items = checklist.items.map((i) => ({ ...i, checkedAt: at.get(i.id) ?? null }));
  return { run, checklist: { id: checklist.id, name: checklist.name }, items, checked: items.filter((i) => i.checkedAt).length, total: items.length };
}

/** Start a new run of a checklist (a launch, an onboarding…), optionally labelled. */
export async function startChecklistRun(ctx: Ctx, input: StartChecklistRunInput): Promise<RunDetail> {
  requireWriter(ctx);
  const data = parseInput(StartChecklistRunSchema, input, 'checklist run');
  const checklist = await getChecklist(ctx, data.checklistId);
  const id = newId();
  await ctx.db
    .insertInto('checklistRuns')
    .values({ id, workspaceId: ctx.actor.workspaceId, checklistId: checklist.id, label: data.label, startedAt: nowIso(ctx), completedAt: null })
    .execute();
  return showChecklistRun(ctx, id);
}

function refuseIfComplete(run: ChecklistRun): void {
  if (run.completedAt) {
    throw conflict(`This run (${shortId(run.id)}) was completed at ${run.completedAt}. Start a new one with: smallwins checklist run <checklist>`);
  }
}

/** Tick an item of a run, by id or by its number. Ticking it again changes nothing. */
export async function checkChecklistItem(ctx: Ctx, input: CheckChecklistItemInput): Promise<RunDetail> {
  requireWriter(ctx);
  const data = parseInput(CheckChecklistItemSchema, input, 'checklist tick');
  const before = await showChecklistRun(ctx, data.runId);
  refuseIfComplete(before.run);
  const item = before.items.find((i) => (data.itemId !== undefined ? i.id === data.itemId : i.position === data.position));
  if (!item) {
    const which = data.itemId !== undefined ? `"${data.itemId}"` : String(data.position);
    throw invalid(data.itemId !== undefined ? 'itemId' : 'position', `"${before.checklist.name}" has no item ${which}; its items are numbered 1 to ${before.total}.`);
  }
  await ctx.db
    .insertInto('checklistRunItems')
    .values({ id: newId(), workspaceId: ctx.actor.workspaceId, runId: before.run.id, itemId: item.id, checkedAt: nowIso(ctx) })
    .onConflict((oc) => oc.columns(['runId', 'itemId']).doNothing())
    .execute();
  return showChecklistRun(ctx, before.run.id);
}

/**
 * Complete a run. With items still unticked it is refused, listing them, unless `force` is set.
 * Completing a completed run changes nothing.
 */
export async function completeChecklistRun(ctx: Ctx, input: CompleteChecklistRunInput): Promise<RunDetail> {
  requireWriter(ctx);
  const data = parseInput(CompleteChecklistRunSchema, input, 'checklist run');
  return inTransaction(ctx, async (trx) => {
    const detail = await showChecklistRun(trx, data.runId);
    if (detail.run.completedAt) return detail;
    const open = detail.items.filter((i) => !i.checkedAt);
    if (open.length > 0 && !data.force) {
      const list = open.map((i) => `${i.position}. ${i.text}`).join('; ');
      throw new AppError(
        'conflict',
        `${open.length} of ${detail.total} items ${open.length === 1 ? 'is' : 'are'} not ticked yet: ${list}. Tick them with: smallwins checklist tick ${shortId(detail.run.id)} <number>, or finish anyway with --force.`,
        open.map((i) => ({ path: `items.${i.position}`, message: `not ticked: ${i.text}` })),
      );
    }
    await trx.db
      .updateTable('checklistRuns')
      .set({ completedAt: nowIso(trx) })
      .where('workspaceId', '=', trx.actor.workspaceId)
      .where('id', '=', detail.run.id)
      .where('completedAt', 'is', null)
      .execute();
    return showChecklistRun(trx, detail.run.id);
  });
}

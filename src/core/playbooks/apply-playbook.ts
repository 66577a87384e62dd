import { ApplyPlaybookSchema, type ApplyPlaybookInput } from '#contracts/playbooks.js';
import { createChecklist } from '../checklists/create-checklist.js';
import { inTransaction, requireWriter, today, type Ctx } from '../context.js';
import { AppError, invalid, parseInput } from '../errors.js';
import { addMetric } from '../goals/add-metric.js';
import { createGoal } from '../goals/create-goal.js';
import type { Goal, Metric } from '../goals/goal-queries.js';
import { addMicroGoal } from '../plan/add-micro-goal.js';
import { addReviewPrompt } from '../reviews/add-review-prompt.js';
import { createRoutine } from '../routines/create-routine.js';
import { createTemplate } from '../templates/create-template.js';
import { addDays } from '../time/plain-date.js';
import { findPlaybook } from './playbook-queries.js';

export interface AppliedPlaybook {
  playbook: { key: string; name: string; builtIn: boolean };
  goal: Goal;
  /** Set when the new goal takes the workspace past its focus limit. */
  warning: string | null;
  metrics: Metric[];
  microGoals: Array<Awaited<ReturnType<typeof addMicroGoal>>>;
  routines: Array<Awaited<ReturnType<typeof createRoutine>>>;
  reviewPrompts: Array<Awaited<ReturnType<typeof addReviewPrompt>>>;
  /** The playbook's checklists: made now (`created`), or the workspace's own of the same name, kept as it is. */
  checklists: AppliedSystem[];
  /** The playbook's templates, likewise. */
  templates: AppliedSystem[];
}

export interface AppliedSystem {
  id: string;
  name: string;
  /** True when applying made it; false when the workspace already had one of that name. */
  created: boolean;
}

/** The ids of the workspace's checklists or templates, by name in lower case. */
async function byLowerName(ctx: Ctx, table: 'checklists' | 'templates'): Promise<Map<string, { id: string; name: string }>> {
  const rows = await ctx.db
    .selectFrom(table as 'checklists')
    .select(['id', 'name'])
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .execute();
  return new Map(rows.map((r) => [r.name.toLowerCase(), { id: r.id, name: r.name }]));
}

/**
 * The playbook's checklists or templates in the workspace: each one whose name the workspace
 * already uses (ignoring case) is the workspace's own, the others are made with `create`.
 */
async function applySystems<T extends { name: string }>(
  ctx: Ctx,
  table: 'checklists' | 'templates',
  wanted: readonly T[],
  create: (ctx: Ctx, system: T) => Promise<{ id: string; name: string }>,
): Promise<AppliedSystem[]> {
  const own = await byLowerName(ctx, table);
  const out: AppliedSystem[] = [];
  for (const system of wanted) {
    const found = own.get(system.name.toLowerCase());
    if (found) {
      out.push({ ...found, created: false });
    } else {
      const { id, name } = await create(ctx, system);
      out.push({ id, name, created: true });
    }
  }
  return out;
}

/** "Name", or "Name (2)", "Name (3)"… whichever no routine of the workspace uses yet. */
function freeName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${name} (${n})`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * Start from a playbook: create its goal, primary and supporting metrics, this week's
 * micro-goals, its checklists and templates, its routines (linked to the goal) and its review
 * prompts, all in one transaction; if any step is refused nothing at all is created. A routine
 * whose name is already used gets a numbered suffix instead of failing; a checklist or template
 * whose name the workspace already uses (ignoring case) is the workspace's own, reused as it is.
 * The target date defaults to today plus the playbook's span.
 */
export async function applyPlaybook(ctx: Ctx, input: ApplyPlaybookInput): Promise<AppliedPlaybook> {
  requireWriter(ctx);
  const data = parseInput(ApplyPlaybookSchema, input, 'playbook');
  const playbook = await findPlaybook(ctx, data.key);
  const { body } = playbook;
  const now = today(ctx);
  if (data.targetDate !== undefined && data.targetDate < now) {
    throw invalid('targetDate', `The target date ${data.targetDate} is already past; choose today (${now}) or later.`);
  }
  const targetDate = data.targetDate ?? (body.primaryMetric.targetInDays ? addDays(now, body.primaryMetric.targetInDays) : null);

  try {
    return await inTransaction(ctx, async (trx) => {
      const { goal, warning } = await createGoal(trx, { ...body.goal, title: data.goalTitle ?? body.goal.title, targetDate });
      const metrics = [await addMetric(trx, { goalId: goal.id, ...body.primaryMetric, indicator: 'lagging', primary: true, targetDate })];
      for (const m of body.supportingMetrics) metrics.push(await addMetric(trx, { goalId: goal.id, ...m, primary: false }));

      const microGoals = [];
      for (const title of body.microGoals) microGoals.push(await addMicroGoal(trx, { goalId: goal.id, title }));

      const checklists = await applySystems(trx, 'checklists', body.checklists, createChecklist);
      const templates = await applySystems(trx, 'templates', body.templates, createTemplate);

      const existing = await trx.db.selectFrom('routines').select('name').where('workspaceId', '=', trx.actor.workspaceId).execute();
      const taken = new Set(existing.map((r) => r.name.toLowerCase()));
      const routines = [];
      for (const r of body.routines) {
        routines.push(
          await createRoutine(trx, { name: freeName(r.name, taken), goalId: goal.id, schedule: r.schedule, target: r.target, minimumVersion: r.minimumVersion }),
        );
      }

      const reviewPrompts = [];
      for (const p of body.reviewPrompts) reviewPrompts.push(await addReviewPrompt(trx, { kind: p.kind, text: p.text, goalId: goal.id }));

      return {
        playbook: { key: playbook.key, name: playbook.name, builtIn: playbook.builtIn },
        goal,
        warning,
        metrics,
        microGoals,
        routines,
        reviewPrompts,
        checklists,
        templates,
      };
    });
  } catch (error) {
    if (error instanceof AppError && error.code !== 'internal') {
      throw new AppError(error.code, `The playbook "${playbook.key}" was not applied and nothing was created: ${error.message}`, error.details);
    }
    throw error;
  }
}

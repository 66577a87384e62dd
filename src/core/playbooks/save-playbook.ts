import { PlaybookFileSchema, SavePlaybookSchema, type PlaybookBodyInput, type SavePlaybookInput } from '#contracts/playbooks.js';
import { requireWriter, type Ctx } from '../context.js';
import { invalid, parseInput } from '../errors.js';
import { getGoal, toMetric } from '../goals/goal-queries.js';
import { toRoutine } from '../routines/routine-queries.js';
import { localDay } from '../time/local-day.js';
import { daysBetween } from '../time/plain-date.js';
import { storePlaybook } from './import-playbook.js';
import type { Playbook } from './playbook-queries.js';

/**
 * Capture an existing goal as a workspace playbook: the goal's wording, its metrics, the titles
 * of its latest week's micro-goals, the routines linked to it and its review prompts. The target
 * date becomes "so many days after applying", counted from the day the goal was created.
 */
export async function savePlaybook(ctx: Ctx, input: SavePlaybookInput): Promise<Playbook> {
  requireWriter(ctx);
  const data = parseInput(SavePlaybookSchema, input, 'playbook');
  const goal = await getGoal(ctx, data.fromGoalId);
  const ws = ctx.actor.workspaceId;
  const metrics = (
    await ctx.db.selectFrom('metrics').selectAll().where('workspaceId', '=', ws).where('goalId', '=', goal.id).orderBy('createdAt').execute()
  ).map(toMetric);
  const primary = metrics.find((m) => m.primary);
  if (!primary) {
    throw invalid('fromGoalId', `"${goal.title}" has no primary metric to save; add one first: smallwins metric add "${goal.title}" "<name>" --target <n>.`);
  }
  const latest = await ctx.db
    .selectFrom('microGoals')
    .select((eb) => eb.fn.max('week').as('week'))
    .where('workspaceId', '=', ws)
    .where('goalId', '=', goal.id)
    .executeTakeFirst();
  const microGoals = latest?.week
    ? await ctx.db
        .selectFrom('microGoals')
        .select('title')
        .where('workspaceId', '=', ws)
        .where('goalId', '=', goal.id)
        .where('week', '=', latest.week)
        .orderBy('position')
        .orderBy('createdAt')
        .execute()
    : [];
  const routines = await ctx.db
    .selectFrom('routines')
    .selectAll()
    .where('workspaceId', '=', ws)
    .where('goalId', '=', goal.id)
    .where('archivedAt', 'is', null)
    .orderBy('position')
    .orderBy('createdAt')
    .execute();
  const prompts = await ctx.db
    .selectFrom('reviewPrompts')
    .select(['kind', 'text'])
    .where('workspaceId', '=', ws)
    .where('goalId', '=', goal.id)
    .orderBy('kind')
    .orderBy('position')
    .execute();

  const startDay = localDay(new Date(goal.createdAt), ctx.actor);
  const targetInDays = primary.targetDate ? daysBetween(startDay, primary.targetDate) : null;
  const body: PlaybookBodyInput = {
    goal: { title: goal.title, purpose: goal.purpose, leveragePoint: goal.leveragePoint },
    primaryMetric: {
      name: primary.name,
      unit: primary.unit,
      direction: primary.direction,
      baseline: primary.baseline,
      target: primary.target,
      targetInDays: targetInDays !== null && targetInDays >= 1 ? Math.min(targetInDays, 3650) : null,
    },
    // The schema caps each list; a goal with more keeps its first ones.
    supportingMetrics: metrics
      .filter((m) => !m.primary)
      .slice(0, 10)
      .map((m) => ({ name: m.name, unit: m.unit, direction: m.direction, indicator: m.indicator, baseline: m.baseline, target: m.target })),
    microGoals: microGoals.slice(0, 12).map((m) => m.title),
    routines: routines
      .slice(0, 10)
      .map(toRoutine)
      .map((r) => ({ name: r.name, schedule: r.schedule, minimumVersion: r.minimumVersion, target: r.target })),
    reviewPrompts: prompts.slice(0, 10),
  };
  const playbook = parseInput(PlaybookFileSchema, { key: data.key, name: data.name ?? goal.title, description: data.description, body }, 'playbook');
  return storePlaybook(ctx, playbook);
}

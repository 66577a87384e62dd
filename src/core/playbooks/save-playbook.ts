import { PLAYBOOK_SYSTEMS_LIMIT, PlaybookFileSchema, SavePlaybookSchema, type PlaybookBodyInput, type SavePlaybookInput } from '#contracts/playbooks.js';
import { itemsOf } from '../checklists/checklist-queries.js';
import { requireWriter, type Ctx } from '../context.js';
import { invalid, parseInput } from '../errors.js';
import { getGoal, toMetric } from '../goals/goal-queries.js';
import { toRoutine } from '../routines/routine-queries.js';
import { stepsOf } from '../templates/template-queries.js';
import { localDay } from '../time/local-day.js';
import { daysBetween } from '../time/plain-date.js';
import { storePlaybook } from './import-playbook.js';
import type { Playbook } from './playbook-queries.js';

interface Named {
  id: string;
  name: string;
}

const KIND = {
  checklists: { one: 'checklist', list: 'smallwins checklist list', option: '--checklist' },
  templates: { one: 'template', list: 'smallwins template list', option: '--template' },
} as const;

/**
 * The rows of `all` (the workspace's checklists or templates, by name) that `wanted` names, by
 * id or by name ignoring case, in the order asked and each once; every one of them when `wanted`
 * is left out. A name that matches nothing is refused with the names there are.
 */
export function chooseSystems<T extends Named>(kind: keyof typeof KIND, all: T[], wanted: string[] | undefined): T[] {
  const { one, list, option } = KIND[kind];
  if (wanted === undefined) {
    if (all.length > PLAYBOOK_SYSTEMS_LIMIT) {
      throw invalid(
        kind,
        `This workspace has ${all.length} ${kind}; a playbook holds at most ${PLAYBOOK_SYSTEMS_LIMIT}. Choose which to take (${option} "<name>", once for each).`,
      );
    }
    return all;
  }
  const chosen: T[] = [];
  const unknown: string[] = [];
  for (const ref of wanted) {
    const row = all.find((r) => r.id === ref) ?? all.find((r) => r.name.toLowerCase() === ref.toLowerCase());
    if (!row) unknown.push(ref);
    else if (!chosen.includes(row)) chosen.push(row);
  }
  if (unknown.length > 0) {
    const names = all.length > 0 ? `Its ${kind}: ${all.map((r) => `"${r.name}"`).join(', ')}.` : `It has no ${kind} yet.`;
    throw invalid(
      kind,
      `This workspace has no ${one} ${unknown.map((u) => `"${u}"`).join(' or ')}. ${names} See them with: ${list}`,
    );
  }
  return chosen;
}

/** The checklists of the workspace that `wanted` names (all by default), with their items. */
async function checklistsToSave(ctx: Ctx, wanted: string[] | undefined) {
  const rows = await ctx.db
    .selectFrom('checklists')
    .select(['id', 'name', 'description'])
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .orderBy('name')
    .orderBy('id')
    .execute();
  const chosen = chooseSystems('checklists', rows, wanted);
  const items = await itemsOf(ctx, chosen.map((c) => c.id));
  return chosen.map((c) => ({
    name: c.name,
    description: c.description,
    items: items.filter((i) => i.checklistId === c.id).map((i) => i.text),
  }));
}

/** The templates of the workspace that `wanted` names (all by default), with their steps. */
async function templatesToSave(ctx: Ctx, wanted: string[] | undefined) {
  const rows = await ctx.db
    .selectFrom('templates')
    .select(['id', 'name', 'description'])
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .orderBy('name')
    .orderBy('id')
    .execute();
  const chosen = chooseSystems('templates', rows, wanted);
  const steps = await stepsOf(ctx, chosen.map((t) => t.id));
  return chosen.map((t) => ({
    name: t.name,
    description: t.description,
    steps: steps.filter((s) => s.templateId === t.id).map(({ title, minutes, dayOffset }) => ({ title, minutes, dayOffset })),
  }));
}

/**
 * Capture an existing goal as a workspace playbook: the goal's wording, its metrics, the titles
 * of its latest week's micro-goals, the routines linked to it and its review prompts, with the
 * workspace's checklists and templates (all of them, or those named, or none). The target date
 * becomes "so many days after applying", counted from the day the goal was created.
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
    checklists: await checklistsToSave(ctx, data.checklists),
    templates: await templatesToSave(ctx, data.templates),
  };
  const playbook = parseInput(PlaybookFileSchema, { key: data.key, name: data.name ?? goal.title, description: data.description, body }, 'playbook');
  return storePlaybook(ctx, playbook);
}

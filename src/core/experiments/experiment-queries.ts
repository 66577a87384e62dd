import type { Selectable } from 'kysely';
import type { ExperimentTable, ExperimentVariantTable } from '#db/schema.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';

export type ExperimentStatus = ExperimentTable['status'];
export type ExperimentDecision = 'scale' | 'iterate' | 'stop';

export interface Variant {
  id: string;
  name: string;
  trials: number;
  successes: number;
  /** successes / trials, or null before the first trial. */
  rate: number | null;
}

export interface Experiment {
  id: string;
  goalId: string | null;
  metricId: string | null;
  title: string;
  assumption: string;
  hypothesis: string;
  startDay: string;
  endDay: string;
  /** planned until the start day, running until a result is recorded, then done. */
  status: ExperimentStatus;
  /** True when the end day has passed and no result has been recorded yet. */
  overdue: boolean;
  result: string;
  decision: ExperimentDecision | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * The status people see. A stored "planned" experiment starts running on its start day without
 * anyone touching it, so the status is derived from the day rather than trusted from the row.
 */
export function effectiveStatus(row: Pick<ExperimentTable, 'status' | 'startDay'>, today: string): ExperimentStatus {
  if (row.status === 'done') return 'done';
  return row.startDay > today ? 'planned' : 'running';
}

export function toExperiment(row: Selectable<ExperimentTable>, today: string): Experiment {
  const status = effectiveStatus(row, today);
  return {
    id: row.id,
    goalId: row.goalId,
    metricId: row.metricId,
    title: row.title,
    assumption: row.assumption,
    hypothesis: row.hypothesis,
    startDay: row.startDay,
    endDay: row.endDay,
    status,
    overdue: status === 'running' && row.endDay < today,
    result: row.result,
    decision: row.decision,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toVariant(row: Pick<Selectable<ExperimentVariantTable>, 'id' | 'name' | 'trials' | 'successes'>): Variant {
  const trials = Number(row.trials);
  const successes = Number(row.successes);
  return { id: row.id, name: row.name, trials, successes, rate: trials > 0 ? successes / trials : null };
}

export async function getExperimentRow(ctx: Ctx, experimentId: string): Promise<Selectable<ExperimentTable>> {
  const row = await ctx.db
    .selectFrom('experiments')
    .selectAll()
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('id', '=', experimentId)
    .executeTakeFirst();
  if (!row) throw notFound('experiment', experimentId);
  return row;
}

export async function variantsOf(ctx: Ctx, experimentIds: string[]): Promise<Map<string, Variant[]>> {
  const out = new Map<string, Variant[]>();
  if (experimentIds.length === 0) return out;
  const rows = await ctx.db
    .selectFrom('experimentVariants')
    .select(['id', 'experimentId', 'name', 'trials', 'successes'])
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('experimentId', 'in', experimentIds)
    .orderBy('position')
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const list = out.get(row.experimentId) ?? [];
    list.push(toVariant(row));
    out.set(row.experimentId, list);
  }
  return out;
}

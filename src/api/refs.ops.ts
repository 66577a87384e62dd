import { refEndpoints, type RefKind } from '#contracts/api/refs.js';
import type { Ctx } from '#core/context.js';
import { resolveRunRef } from '#core/checklists/checklist-queries.js';
import { resolveMicroGoalRef } from '#core/plan/micro-goal-ref.js';
import { resolveRef, type NamedTable } from '#core/refs.js';
import { resolveReviewRef } from '#core/reviews/review-queries.js';
import { resolveTaskRef } from '#core/tasks/task-ref.js';
import { operations, type Handlers } from './operation.js';

const TABLES: Partial<Record<RefKind, [NamedTable, 'name' | 'title']>> = {
  goal: ['goals', 'title'],
  metric: ['metrics', 'name'],
  routine: ['routines', 'name'],
  checklist: ['checklists', 'name'],
  template: ['templates', 'name'],
  experiment: ['experiments', 'title'],
  contact: ['contacts', 'name'],
  lesson: ['lessons', 'title'],
  playbook: ['playbooks', 'name'],
};

/** The id `ref` means among objects of `kind` in the actor's workspace. */
export async function resolveKind(ctx: Ctx, kind: RefKind, ref: string): Promise<string> {
  if (kind === 'task') return resolveTaskRef(ctx, ref);
  if (kind === 'microGoal') return resolveMicroGoalRef(ctx, ref);
  if (kind === 'checklistRun') return resolveRunRef(ctx, ref);
  if (kind === 'review') return resolveReviewRef(ctx, ref);
  const [table, nameColumn] = TABLES[kind]!;
  return resolveRef(ctx, table, ref, { nameColumn });
}

const handlers: Handlers<typeof refEndpoints> = {
  resolveRef: async (ctx, input) => ({ id: await resolveKind(ctx, input.kind, input.ref) }),
};

export const refOperations = operations(refEndpoints, handlers);

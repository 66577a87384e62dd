import { ApplyTemplateSchema, type ApplyTemplateInput } from '#contracts/systems.js';
import { inTransaction, requireWriter, today, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { addTask } from '../tasks/add-task.js';
import type { Task } from '../tasks/task-queries.js';
import { addDays } from '../time/plain-date.js';
import { getTemplate, type Template } from './template-queries.js';

export interface AppliedTemplate {
  template: Template;
  startDay: string;
  /** One task per step, in step order. */
  tasks: Task[];
}

/**
 * Apply a template: one task per step, planned on the start day (today unless said) plus the
 * step's day offset, linked to the micro-goal or goal given. All tasks or none: they are created
 * in one transaction, so a refused step leaves no half-applied sequence behind.
 */
export async function applyTemplate(ctx: Ctx, input: ApplyTemplateInput): Promise<AppliedTemplate> {
  requireWriter(ctx);
  const data = parseInput(ApplyTemplateSchema, input, 'template use');
  const startDay = data.startDay ?? today(ctx);
  return inTransaction(ctx, async (trx) => {
    const template = await getTemplate(trx, data.templateId);
    const tasks: Task[] = [];
    // One after the other: each task goes last in its day, which a parallel insert could not promise.
    for (const step of template.steps) {
      tasks.push(
        await addTask(trx, {
          title: step.title,
          minutes: step.minutes,
          day: addDays(startDay, step.dayOffset),
          microGoalId: data.microGoalId ?? null,
          goalId: data.goalId ?? null,
          note: `From template "${template.name}"`,
        }),
      );
    }
    return { template, startDay, tasks };
  });
}

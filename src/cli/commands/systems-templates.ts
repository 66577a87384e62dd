import type { Command } from 'commander';
import { systemsOperations as ops } from '#api/systems.ops.js';
import { AppError } from '#core/errors.js';
import { shortId } from '#core/ids.js';
import type { CliApp } from '../app.js';
import { shortDate } from '../dates.js';
import { collect, plural, table } from '../format.js';
import { calendarArgs } from '../dates.js';

/** "Title|30|2" → a step: title, minutes, days after the start (0 when left out). */
export function parseStep(value: string, index: number): { title: string; minutes: number; dayOffset: number } {
  const parts = value.split('|').map((p) => p.trim());
  const [title = '', minutes, offset = '0', ...rest] = parts;
  const bad = (why: string) =>
    new AppError('validation', `--step "${value}" ${why}. Write it as "Title|minutes|day offset", e.g. --step "Send the first email|30|0"`, [{ path: `steps.${index}`, message: why }]);
  if (rest.length > 0 || minutes === undefined) throw bad('needs a title and minutes separated by |');
  if (!/^\d+$/.test(minutes)) throw bad(`has "${minutes}" for minutes, not a whole number`);
  if (!/^\d+$/.test(offset)) throw bad(`has "${offset}" for the day offset, not a whole number of days`);
  return { title, minutes: Number(minutes), dayOffset: Number(offset) };
}

export function registerTemplateCommands(program: Command, app: CliApp): void {
  const { c } = app;
  const template = program.command('template').description('Templates: a sequence of steps (an outreach sequence) that becomes tasks');

  template
    .command('add')
    .description('Create a template from steps of 15–60 minutes')
    .argument('[name]', 'e.g. "Outreach sequence"')
    .option('-s, --step <title|minutes|day>', 'a step: title, minutes (15–60) and days after the start (repeat)', collect, [])
    .option('--description <text>', 'what it is for', '')
    .addHelpText('after', '\nExamples:\n  smallwins template add "Outreach sequence" --step "Send the first email|30|0" --step "Follow up|15|3" --step "Call|45|7"')
    .action(async (name: string | undefined, opts: { step: string[]; description: string }) => {
      const n = await app.need(name, 'Template name?', 'template name: smallwins template add "<name>" --step "Title|30|0"');
      const steps = opts.step.map(parseStep);
      const t = await app.call(ops.createTemplate, { name: n, description: opts.description, steps });
      app.print(t, () => `${c.green('✓')} Template ${c.bold(t.name)} ${c.dim(`(${shortId(t.id)}, ${plural(t.steps.length, 'step')})`)}\n  Next: smallwins template apply "${t.name}" --start tomorrow`);
    });

  template
    .command('list')
    .description('List templates with their steps')
    .addHelpText('after', '\nExamples:\n  smallwins template list')
    .action(async () => {
      const templates = await app.call(ops.listTemplates, {});
      app.print(templates, () =>
        templates.length === 0
          ? 'No templates yet. Create one with: smallwins template add "<name>" --step "Title|30|0"'
          : templates
              .map((t) => [
                `${c.bold(t.name)} ${c.dim(`(${shortId(t.id)})`)}${t.description ? `  ${t.description}` : ''}`,
                table(t.steps.map((s) => [`  day +${s.dayOffset}`, `${s.minutes} min`, s.title])),
              ].join('\n'))
              .join('\n\n'),
      );
    });

  template
    .command('apply')
    .description('Create one task per step, from a start day (all or none)')
    .argument('<template>', 'template id, id prefix or name')
    .option('--start <day>', 'the day of step 0 (YYYY-MM-DD, today or tomorrow); default today')
    .option('--micro <micro-goal>', 'the micro-goal the tasks move')
    .option('-g, --goal <goal>', 'the goal the tasks move, when there is no micro-goal')
    .addHelpText('after', '\nExamples:\n  smallwins template apply "Outreach sequence" --start tomorrow --micro "Contact 5 leads"')
    .action(async (ref: string, opts: { start?: string; micro?: string; goal?: string }) => {
      const applied = await app.call(ops.applyTemplate, {
        templateId: await app.resolve('template', ref),
        startDay: await calendarArgs(app).day(opts.start),
        microGoalId: opts.micro ? await app.resolve('microGoal', opts.micro) : null,
        goalId: opts.goal ? await app.resolve('goal', opts.goal) : null,
      });
      app.print(applied, () =>
        [
          `${c.green('✓')} ${plural(applied.tasks.length, 'task')} planned from ${c.bold(applied.template.name)}`,
          table(applied.tasks.map((t) => [`  ${shortDate(t.day)}`, `${t.minutes} min`, t.title])),
        ].join('\n'),
      );
    });
}

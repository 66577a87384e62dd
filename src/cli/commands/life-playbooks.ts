import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { z } from 'zod';
import { lifeOperations as ops } from '#api/life.ops.js';
import type { PlaybookOut } from '#contracts/api/life.js';
import type { PlaybookFileInput } from '#contracts/playbooks.js';
import { AppError } from '#core/errors.js';
import { shortId } from '#core/ids.js';
import { describeSchedule } from '#core/routines/schedule.js';
import type { CliApp } from '../app.js';
import { collect, plural, table } from '../format.js';

type Playbook = z.output<typeof PlaybookOut>;

/** The JSON form of a playbook: the same shape `playbook import` reads back. */
function exported(p: Playbook) {
  return { key: p.key, name: p.name, description: p.description, builtIn: p.builtIn, body: p.body };
}

function range(from: number | null, to: number | null, unit: string): string {
  const u = unit ? ` ${unit}` : '';
  if (from !== null && to !== null) return `${from} → ${to}${u}`;
  if (to !== null) return `target ${to}${u}`;
  return unit;
}

/** "3 micro-goals, 2 routines, 2 prompts, 1 checklist": what applying a playbook creates. */
function creates(b: Playbook['body']): string {
  const parts = [plural(b.microGoals.length, 'micro-goal'), plural(b.routines.length, 'routine'), plural(b.reviewPrompts.length, 'prompt')];
  if (b.checklists.length > 0) parts.push(plural(b.checklists.length, 'checklist'));
  if (b.templates.length > 0) parts.push(plural(b.templates.length, 'template'));
  return parts.join(', ');
}

/** "Welcome a new volunteer (new), Event setup (already there, kept as it is)". */
function systemsLine(list: Array<{ name: string; created: boolean }>): string {
  return list.map((x) => `${x.name} (${x.created ? 'new' : 'already there, kept as it is'})`).join(', ');
}

function renderPlaybook(p: Playbook, app: CliApp): string {
  const { c } = app;
  const b = p.body;
  const pm = b.primaryMetric;
  const lines = [`${c.bold(p.name)} ${c.dim(`(${p.key}, ${p.builtIn ? 'built-in' : 'saved'})`)}`];
  if (p.description) lines.push(p.description);
  lines.push('', c.bold('Goal'), `  ${b.goal.title}`);
  if (b.goal.purpose) lines.push(`  Why: ${b.goal.purpose}`);
  if (b.goal.leveragePoint) lines.push(`  Leverage point: ${b.goal.leveragePoint}`);
  lines.push('', c.bold('Metrics'), `  ${c.yellow('★')} ${pm.name}  ${range(pm.baseline, pm.target, pm.unit)}${pm.targetInDays ? ` in ${pm.targetInDays} days` : ''}`);
  for (const m of b.supportingMetrics) lines.push(`    ${m.name} ${c.dim(`[${m.indicator}]`)}  ${range(m.baseline, m.target, m.unit)}`);
  if (b.microGoals.length > 0) lines.push('', c.bold('First week'), ...b.microGoals.map((t) => `  · ${t}`));
  if (b.routines.length > 0) {
    lines.push('', c.bold('Routines'));
    for (const r of b.routines) {
      const target = r.target ? `, ${r.target.kind === 'at_least' ? 'at least' : 'at most'} ${r.target.value}${r.target.unit ? ` ${r.target.unit}` : ''}` : '';
      lines.push(`  ${r.name} ${c.dim(`(${describeSchedule(r.schedule)}${target})`)}${r.minimumVersion ? `\n    minimum: ${r.minimumVersion}` : ''}`);
    }
  }
  if (b.reviewPrompts.length > 0) lines.push('', c.bold('Review prompts'), ...b.reviewPrompts.map((q) => `  ${c.dim(q.kind === 'weekly' ? 'weekly ' : 'monthly')} ${q.text}`));
  if (b.checklists.length > 0) {
    lines.push('', c.bold('Checklists'));
    for (const list of b.checklists) {
      lines.push(`  ${list.name}${list.description ? ` ${c.dim(`— ${list.description}`)}` : ''}`, ...list.items.map((text, i) => `    ${i + 1}. ${text}`));
    }
  }
  if (b.templates.length > 0) {
    lines.push('', c.bold('Templates'));
    for (const t of b.templates) {
      lines.push(`  ${t.name}${t.description ? ` ${c.dim(`— ${t.description}`)}` : ''}`);
      for (const step of t.steps) lines.push(`    ${c.dim(`day ${step.dayOffset}`.padEnd(7))} ${step.title} ${c.dim(`(${step.minutes} min)`)}`);
    }
  }
  lines.push('', c.dim(`Apply it: smallwins playbook apply ${p.key} [--title "…"] [--by YYYY-MM-DD]`));
  return lines.join('\n');
}

interface SaveOptions {
  goal: string;
  name?: string;
  description: string;
  checklist?: string[];
  template?: string[];
  checklists: boolean;
  templates: boolean;
  systems: boolean;
}

/** The names given with --checklist/--template, none with a --no-… option, or all (undefined) when neither is given. */
function chosen(kind: 'checklist' | 'template', names: string[] | undefined, wanted: boolean): string[] | undefined {
  if (!wanted) {
    if (names && names.length > 0) {
      throw new AppError('validation', `--${kind} names ${kind}s to take, and --no-${kind}s or --no-systems takes none: give one or the other.`);
    }
    return [];
  }
  return names && names.length > 0 ? names : undefined;
}

export function registerPlaybookCommands(program: Command, app: CliApp): void {
  const { c } = app;
  const playbook = program.command('playbook').description('Playbooks: start a goal from a proven pattern, or save your own');

  playbook
    .command('list')
    .description('Built-in playbooks and the ones this workspace saved')
    .addHelpText('after', '\nExamples:\n  smallwins playbook list')
    .action(async () => {
      const all = await app.call(ops.listPlaybooks, {});
      app.print(all.map(exported), () =>
        `${table([
          ['KEY', 'SOURCE', 'NAME', 'CREATES'],
          ...all.map((p) => [p.key, p.builtIn ? 'built-in' : 'saved', p.name, c.dim(creates(p.body))]),
        ], c)}\n${c.dim('See one: smallwins playbook show <key>')}`,
      );
    });

  playbook
    .command('show')
    .description('Everything a playbook creates (with --json: a file `playbook import` reads)')
    .argument('<key>', 'the playbook key, e.g. solo-founder')
    .addHelpText('after', '\nExamples:\n  smallwins playbook show solo-founder\n  smallwins --json playbook show my-launch > my-launch.json')
    .action(async (key: string) => {
      const p = await app.call(ops.showPlaybook, { key });
      app.print(exported(p), () => renderPlaybook(p, app));
    });

  playbook
    .command('apply')
    .description("Create a goal from a playbook: metrics, this week's micro-goals, routines, review prompts, checklists and templates")
    .argument('<key>', 'the playbook key, e.g. side-project')
    .option('-t, --title <title>', 'your own title for the goal')
    .option('-b, --by <date>', "target date, YYYY-MM-DD (default: the playbook's span from today)")
    .addHelpText('after', '\nExamples:\n  smallwins playbook apply solo-founder\n  smallwins playbook apply promotion --title "Become a staff engineer" --by 2027-06-30')
    .action(async (key: string, opts: { title?: string; by?: string }) => {
      const r = await app.call(ops.applyPlaybook, { key, goalTitle: opts.title, targetDate: opts.by });
      app.print(r, () => {
        const lines = [`${c.green('✓')} Goal ${c.bold(r.goal.title)} created from ${r.playbook.key} ${c.dim(`(${shortId(r.goal.id)}${r.goal.targetDate ? `, by ${r.goal.targetDate}` : ''})`)}`];
        lines.push(`  ${plural(r.metrics.length, 'metric')}: ${r.metrics.map((m) => (m.primary ? `★ ${m.name}` : m.name)).join(', ')}`);
        if (r.microGoals.length > 0) lines.push(`  ${plural(r.microGoals.length, 'micro-goal')} for ${r.microGoals[0]?.week}`);
        if (r.routines.length > 0) lines.push(`  ${plural(r.routines.length, 'routine')}: ${r.routines.map((x) => x.name).join(', ')}`);
        if (r.reviewPrompts.length > 0) lines.push(`  ${plural(r.reviewPrompts.length, 'review prompt')}`);
        if (r.checklists.length > 0) lines.push(`  ${plural(r.checklists.length, 'checklist')}: ${systemsLine(r.checklists)}`);
        if (r.templates.length > 0) lines.push(`  ${plural(r.templates.length, 'template')}: ${systemsLine(r.templates)}`);
        if (r.warning) lines.push(`${c.yellow('!')} ${r.warning}`);
        lines.push(c.dim(`  Next: smallwins goal show ${shortId(r.goal.id)}`));
        return lines.join('\n');
      });
    });

  playbook
    .command('save')
    .description('Save one of your goals as a playbook this workspace can apply again')
    .argument('<key>', 'a new key: lowercase letters, digits and dashes')
    .requiredOption('-g, --goal <goal>', 'the goal to capture (id, id prefix or title)')
    .option('--name <name>', 'a name for the playbook (default: the goal title)')
    .option('-d, --description <text>', 'what it is for', '')
    .option('--checklist <name>', "take only this checklist (id or name); repeat for more (default: all the workspace's checklists)", collect)
    .option('--template <name>', "take only this template (id or name); repeat for more (default: all the workspace's templates)", collect)
    .option('--no-checklists', 'take none of the checklists')
    .option('--no-templates', 'take none of the templates')
    .option('--no-systems', 'take no checklist and no template')
    .addHelpText(
      'after',
      '\nExamples:\n  smallwins playbook save my-launch --goal "Launch the beta" --name "Beta launch"\n  smallwins playbook save volunteers --goal "Steady volunteer help" --checklist "Welcome a new volunteer" --no-templates\n  smallwins playbook save just-the-goal --goal "Launch the beta" --no-systems',
    )
    .action(async (key: string, opts: SaveOptions) => {
      const goalId = await app.resolve('goal', opts.goal);
      const p = await app.call(ops.savePlaybook, {
        key,
        name: opts.name,
        description: opts.description,
        fromGoalId: goalId,
        checklists: chosen('checklist', opts.checklist, opts.checklists && opts.systems),
        templates: chosen('template', opts.template, opts.templates && opts.systems),
      });
      app.print(exported(p), () =>
        [
          `${c.green('✓')} Saved playbook ${c.bold(p.key)} (${p.name})`,
          `  It creates: ${plural(p.body.supportingMetrics.length + 1, 'metric')}, ${creates(p.body)}`,
          ...(p.body.checklists.length > 0 ? [`  Checklists: ${p.body.checklists.map((x) => x.name).join(', ')}`] : []),
          ...(p.body.templates.length > 0 ? [`  Templates: ${p.body.templates.map((x) => x.name).join(', ')}`] : []),
          `  Apply it again: smallwins playbook apply ${p.key}`,
        ].join('\n'),
      );
    });

  playbook
    .command('import')
    .description('Import a playbook from a JSON file (the shape `--json playbook show` prints)')
    .argument('<file>', 'path to the .json file')
    .addHelpText('after', '\nExamples:\n  smallwins playbook import ./my-launch.json')
    .action(async (file: string) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new AppError('validation', `Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}. Give the path of a playbook JSON file.`);
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new AppError('validation', `The playbook file is not valid JSON (${error instanceof Error ? error.message : String(error)}). Export one with: smallwins --json playbook show <key>.`);
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new AppError('validation', `${file} does not hold a playbook: expected a JSON object { key, name, description, body }. Export one with: smallwins --json playbook show <key>.`);
      }
      const p = await app.call(ops.importPlaybook, value as PlaybookFileInput);
      app.print(exported(p), () => `${c.green('✓')} Imported playbook ${c.bold(p.key)} (${p.name})\n  See it: smallwins playbook show ${p.key}`);
    });
}

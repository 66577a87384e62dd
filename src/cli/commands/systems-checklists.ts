import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { z } from 'zod';
import { systemsOperations as ops } from '#api/systems.ops.js';
import type { RunDetailOut } from '#contracts/api/systems.js';
import { shortId } from '#core/ids.js';
import type { CliApp } from '../app.js';
import type { Colors } from '../io.js';
import { collect, table } from '../format.js';

function renderRun(d: z.output<typeof RunDetailOut>, c: Colors): string {
  const head = `${c.bold(d.checklist.name)}${d.run.label ? ` · ${d.run.label}` : ''} ${c.dim(`(run ${shortId(d.run.id)}, ${d.checked}/${d.total} ticked${d.run.completedAt ? `, completed ${d.run.completedAt.slice(0, 10)}` : ''})`)}`;
  const width = String(d.total).length;
  const lines = d.items.map((i) => `  ${i.checkedAt ? c.green('[✓]') : '[ ]'} ${String(i.position).padStart(width)}. ${i.checkedAt ? c.dim(i.text) : i.text}`);
  return [head, ...lines].join('\n');
}

function itemNumber(value: string, previous: number[] = []): number[] {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`item numbers are 1, 2, 3…, not "${value}".`);
  return [...previous, n];
}

export function registerChecklistCommands(program: Command, app: CliApp): void {
  const { c } = app;
  const checklist = program.command('checklist').description('Checklists: the same steps, run again and again (a launch, an onboarding)');

  checklist
    .command('add')
    .description('Create a checklist with its items')
    .argument('[name]', 'e.g. "Launch"')
    .option('-i, --item <text>', 'an item (repeat for each, in order)', collect, [])
    .option('--description <text>', 'what it is for', '')
    .addHelpText('after', '\nExamples:\n  smallwins checklist add "Launch" --item "Write the post" --item "Check the links" --item "Tell the list"')
    .action(async (name: string | undefined, opts: { item: string[]; description: string }) => {
      const n = await app.need(name, 'Checklist name?', 'checklist name: smallwins checklist add "<name>" --item "…"');
      const list = await app.call(ops.createChecklist, { name: n, description: opts.description, items: opts.item });
      app.print(list, () => `${c.green('✓')} Checklist ${c.bold(list.name)} ${c.dim(`(${shortId(list.id)}, ${list.items.length} items)`)}\n  Next: smallwins checklist run "${list.name}"`);
    });

  checklist
    .command('list')
    .description('List checklists with their runs')
    .addHelpText('after', '\nExamples:\n  smallwins checklist list')
    .action(async () => {
      const lists = await app.call(ops.listChecklists, {});
      app.print(lists, () =>
        lists.length === 0
          ? 'No checklists yet. Create one with: smallwins checklist add "<name>" --item "…" --item "…"'
          : table([
              ['ID', 'CHECKLIST', 'ITEMS', 'RUNS', 'OPEN RUNS'],
              ...lists.map((l) => [shortId(l.id), l.name, String(l.items.length), String(l.runs), l.openRuns.map((r) => `${shortId(r.id)}${r.label ? ` ${r.label}` : ''}`).join(', ') || c.dim('none')]),
            ], c),
      );
    });

  checklist
    .command('run')
    .description('Start a new run of a checklist')
    .argument('<checklist>', 'checklist id, id prefix or name')
    .option('-l, --label <text>', 'which run this is, e.g. "v1.2 launch"', '')
    .addHelpText('after', '\nExamples:\n  smallwins checklist run Launch --label "v1.2"')
    .action(async (ref: string, opts: { label: string }) => {
      const d = await app.call(ops.startChecklistRun, { checklistId: await app.resolve('checklist', ref), label: opts.label });
      app.print(d, () => `${renderRun(d, c)}\n  Next: smallwins checklist tick ${shortId(d.run.id)} 1`);
    });

  checklist
    .command('tick')
    .description('Tick items of a run by number (ticking twice is harmless)')
    .argument('<run>', "run id or prefix, or a checklist's name for its latest open run")
    .argument('<item-number...>', 'the item numbers, e.g. 1 3', itemNumber)
    .addHelpText('after', '\nExamples:\n  smallwins checklist tick Launch 1\n  smallwins checklist tick 4f2k9a 2 3')
    .action(async (ref: string, numbers: number[]) => {
      const runId = await app.resolve('checklistRun', ref);
      // One tick per number, in order (commander guarantees at least one): each answers the run as it now stands.
      let d: z.output<typeof RunDetailOut> | undefined;
      for (const position of numbers) d = await app.call(ops.checkChecklistItem, { runId, position });
      const run = d ?? (await app.call(ops.showChecklistRun, { runId }));
      app.print(run, () => renderRun(run, c) + (run.checked === run.total && !run.run.completedAt ? `\n  All ticked. Finish with: smallwins checklist done ${shortId(run.run.id)}` : ''));
    });

  checklist
    .command('done')
    .description('Complete a run (refused while items are unticked, unless --force)')
    .argument('<run>', "run id or prefix, or a checklist's name for its latest open run")
    .option('-f, --force', 'complete even with unticked items')
    .addHelpText('after', '\nExamples:\n  smallwins checklist done Launch\n  smallwins checklist done 4f2k9a --force')
    .action(async (ref: string, opts: { force?: boolean }) => {
      const d = await app.call(ops.completeChecklistRun, { runId: await app.resolve('checklistRun', ref), force: Boolean(opts.force) });
      app.print(d, () => `${c.green('✓')} ${c.bold(d.checklist.name)}${d.run.label ? ` · ${d.run.label}` : ''} completed ${c.dim(`(${d.checked}/${d.total} ticked)`)}`);
    });

  checklist
    .command('show')
    .description('Show a run with its ticked and open items')
    .argument('<run>', "run id or prefix, or a checklist's name for its latest open run")
    .addHelpText('after', '\nExamples:\n  smallwins checklist show Launch')
    .action(async (ref: string) => {
      const d = await app.call(ops.showChecklistRun, { runId: await app.resolve('checklistRun', ref) });
      app.print(d, () => renderRun(d, c));
    });
}

import type { Command } from 'commander';
import type { z } from 'zod';
import { lifeOperations as ops } from '#api/life.ops.js';
import type { SettingsOut } from '#contracts/api/life.js';
import { AppError, parseInput } from '#core/errors.js';
import type { CliApp } from '../app.js';
import { parseNumber, table } from '../format.js';

type Settings = z.output<typeof SettingsOut>;

function render(s: Settings, app: CliApp): string {
  const { c } = app;
  const hour = `${String(s.user.dayStartHour).padStart(2, '0')}:00`;
  return [
    c.bold('You'),
    table([
      ['  Name', s.user.name],
      ['  Time zone', s.user.timeZone],
      ['  Day starts at', `${hour}${s.user.dayStartHour > 0 ? c.dim(' (anything earlier counts for the day before)') : ''}`],
    ]),
    '',
    `${c.bold('Workspace')} ${c.dim(`${s.workspace.name} (${s.workspace.kind}, you are ${s.role})`)}`,
    table([
      ['  Focus limit', `${s.workspace.focusLimit} active goals`],
      ['  Conversations', `${s.workspace.conversationTarget} a week`],
    ]),
  ].join('\n');
}

export function registerSettingsCommands(program: Command, app: CliApp): void {
  const { c } = app;
  const settings = program
    .command('settings')
    .description('Show your settings and the workspace\'s; `settings set` changes them')
    .addHelpText('after', '\nExamples:\n  smallwins settings\n  smallwins settings set --time-zone Europe/Paris --day-start 4')
    .action(async () => {
      const s = await app.call(ops.getSettings, {});
      app.print(s, () => render(s, app));
    });

  settings
    .command('set')
    .description('Change your name, time zone, start of day, or the workspace focus limit and conversation target')
    .option('--name <name>', 'your name')
    .option('--time-zone <zone>', 'IANA time zone, e.g. Europe/Paris')
    .option('--day-start <hour>', 'hour your day starts, 0–23 (4 = a 01:30 action still counts for yesterday)', parseNumber('--day-start'))
    .option('--focus-limit <n>', 'most active goals before a warning, 1–10', parseNumber('--focus-limit'))
    .option('--conversations <n>', 'weekly target of meaningful conversations, 0–50', parseNumber('--conversations'))
    .addHelpText('after', '\nExamples:\n  smallwins settings set --time-zone America/New_York\n  smallwins settings set --day-start 4 --focus-limit 2 --conversations 2')
    .action(async (opts: { name?: string; timeZone?: string; dayStart?: number; focusLimit?: number; conversations?: number }) => {
      const mine = { name: opts.name, timeZone: opts.timeZone, dayStartHour: opts.dayStart };
      const workspace = { focusLimit: opts.focusLimit, conversationTarget: opts.conversations };
      const given = (o: Record<string, unknown>) => Object.values(o).some((v) => v !== undefined);
      if (!given(mine) && !given(workspace)) {
        throw new AppError('validation', 'Nothing to change: give at least one option, e.g. smallwins settings set --time-zone Europe/Paris.');
      }
      // Two calls (the workspace's settings need the admin role, one's own do not): both are
      // checked first, and the one that can be refused for the role goes first, so a refusal changes nothing.
      parseInput(ops.updateMySettings.endpoint.input, mine, 'settings');
      parseInput(ops.updateWorkspaceSettings.endpoint.input, workspace, 'settings');
      let s: Settings | undefined;
      if (given(workspace)) s = await app.call(ops.updateWorkspaceSettings, workspace);
      if (given(mine)) s = await app.call(ops.updateMySettings, mine);
      const saved = s ?? (await app.call(ops.getSettings, {}));
      app.print(saved, () => `${c.green('✓')} Settings saved\n${render(saved, app)}`);
    });
}

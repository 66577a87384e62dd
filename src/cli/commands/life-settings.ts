import type { Command } from 'commander';
import { AppError } from '#core/errors.js';
import { getSettings, updateSettings, type Settings } from '#core/workspaces/settings.js';
import type { CliApp } from '../app.js';
import { parseNumber, table } from '../format.js';

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
      await app.withCtx(async (ctx) => {
        const s = await getSettings(ctx);
        app.print(s, () => render(s, app));
      });
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
      const input = { name: opts.name, timeZone: opts.timeZone, dayStartHour: opts.dayStart, focusLimit: opts.focusLimit, conversationTarget: opts.conversations };
      if (Object.values(input).every((v) => v === undefined)) {
        throw new AppError('validation', 'Nothing to change: give at least one option, e.g. smallwins settings set --time-zone Europe/Paris.');
      }
      await app.withCtx(async (ctx) => {
        const s = await updateSettings(ctx, input);
        app.print(s, () => `${c.green('✓')} Settings saved\n${render(s, app)}`);
      });
    });
}

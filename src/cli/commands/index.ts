import type { Command } from 'commander';
import type { CliApp } from '../app.js';

type Register = (program: Command, app: CliApp) => void;

/**
 * Every command group of the CLI, in the order `--help` lists them, with the top-level commands
 * each one defines. A call loads only the groups its command needs, so `smallwins today` does not
 * pay for experiments, playbooks or the Loop importer; `--help` and unknown commands load all.
 * (commands.test.ts checks this table against what each group really registers.)
 */
export const COMMAND_GROUPS: Array<{ name: string; commands: string[]; load: () => Promise<Register> }> = [
  { name: 'today', commands: ['today'], load: async () => (await import('./today.js')).registerTodayCommands },
  { name: 'goals', commands: ['goal', 'metric', 'measure'], load: async () => (await import('./goals.js')).registerGoalCommands },
  {
    name: 'plan',
    commands: ['plan', 'week', 'microgoal', 'task', 'done', 'skip', 'carry', 'win', 'wins'],
    load: async () => (await import('./plan.js')).registerPlanCommands,
  },
  { name: 'systems', commands: ['routine', 'check', 'uncheck', 'checklist', 'template'], load: async () => (await import('./systems.js')).registerSystemsCommands },
  { name: 'reflection', commands: ['experiment', 'feedback', 'review', 'lesson'], load: async () => (await import('./reflection.js')).registerReflectionCommands },
  {
    name: 'life',
    commands: ['energy', 'focus', 'contact', 'talk', 'people', 'pulse', 'playbook', 'settings'],
    load: async () => (await import('./life.js')).registerLifeCommands,
  },
  // Adds subcommands to groups defined above (routine scores and streaks, energy insights, experiment stats) and `momentum`.
  { name: 'insights', commands: ['routine', 'energy', 'experiment', 'momentum'], load: async () => (await import('./insights.js')).registerInsightsCommands },
  { name: 'reports', commands: ['report', 'calendar'], load: async () => (await import('./reports.js')).registerReportCommands },
  { name: 'data', commands: ['export', 'import', 'backup'], load: async () => (await import('./data.js')).registerDataCommands },
  { name: 'outreach', commands: ['email'], load: async () => (await import('./outreach.js')).registerOutreachCommands },
  { name: 'team', commands: ['team'], load: async () => (await import('./team.js')).registerTeamCommands },
  { name: 'feed', commands: ['feed', 'kudos', 'comment', 'decision'], load: async () => (await import('./feed.js')).registerFeedCommands },
  {
    name: 'account',
    commands: ['login', 'logout', 'whoami', 'token', 'workspace', 'member', 'invite', 'join'],
    load: async () => (await import('./account.js')).registerAccountCommands,
  },
];

/** Register the groups `argv` needs (every group when it names no known command). */
export async function registerCommands(program: Command, app: CliApp, argv: readonly string[] = []): Promise<void> {
  const first = argv.find((a) => !a.startsWith('-'));
  const needed = COMMAND_GROUPS.filter((g) => first !== undefined && g.commands.includes(first));
  for (const group of needed.length > 0 ? needed : COMMAND_GROUPS) (await group.load())(program, app);
}

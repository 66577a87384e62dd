import { Command } from 'commander';
import { AppError, ERROR_CODES } from '#core/errors.js';
import { ConfigError } from '#config/config.js';
import { createApp, isUsageError, type CliApp, type CliOptions } from './app.js';
import { processIo, type Io } from './io.js';
import { registerCommands } from './commands/index.js';

const APPS = new WeakMap<Command, CliApp>();

/** Build the `smallwins` program (the groups `argv` needs; all of them by default). */
export async function buildProgram(options: CliOptions, argv: readonly string[] = []): Promise<Command> {
  const { io } = options;
  const program = new Command('smallwins')
    .description('Small Wins: one metric that matters, weekly micro-goals, daily tasks, routines, reviews and wins.')
    .option('--json', 'print machine-readable JSON')
    .option('-w, --workspace <id>', 'act in this workspace (default: your personal one, or the one chosen at login)')
    .option('--local', 'work on the local database even when logged in to a server')
    .showHelpAfterError('(run with --help for usage and examples)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.replace(/\n$/, '')),
      writeErr: (s) => io.err(s.replace(/\n$/, '')),
    });
  const app = createApp(program, options);
  APPS.set(program, app);
  await registerCommands(program, app, argv);
  for (const cmd of program.commands) applyToTree(cmd);
  return program;

  function applyToTree(cmd: Command): void {
    cmd.exitOverride().configureOutput(program.configureOutput()).showHelpAfterError('(run with --help for usage and examples)');
    for (const sub of cmd.commands) applyToTree(sub);
  }
}

/** Run the CLI; returns the exit code (0 ok, 1 failure, 2 usage). */
export async function main(argv: string[], options: Partial<CliOptions> = {}): Promise<number> {
  const io = options.io ?? processIo();
  const program = await buildProgram({ ...options, io }, argv);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    return reportError(program, io, error);
  } finally {
    await APPS.get(program)?.close();
  }
}

function reportError(program: Command, io: Io, error: unknown): number {
  {
    if (isUsageError(error)) {
      // Help and version are "errors" to commander but success to the user.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      return 2;
    }
    if (error instanceof AppError) {
      if (program.opts().json) io.err(JSON.stringify({ error: error.toJSON() }, null, 2));
      else io.err(`error: ${error.message}`);
      return ERROR_CODES[error.code].exit;
    }
    if (error instanceof ConfigError) {
      io.err(`error: ${error.message}`);
      return 2;
    }
    io.err(`error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

import type { Command } from 'commander';
import type { CliApp } from '../app.js';
import { registerGoalCommands } from './goals.js';

/** Every command group of the CLI, in the order `--help` lists them. */
export function registerCommands(program: Command, app: CliApp): void {
  registerGoalCommands(program, app);
}

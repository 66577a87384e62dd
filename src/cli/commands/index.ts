import type { Command } from 'commander';
import type { CliApp } from '../app.js';
import { registerDataCommands } from './data.js';
import { registerGoalCommands } from './goals.js';
import { registerInsightsCommands } from './insights.js';
import { registerLifeCommands } from './life.js';
import { registerPlanCommands } from './plan.js';
import { registerReflectionCommands } from './reflection.js';
import { registerSystemsCommands } from './systems.js';
import { registerTodayCommands } from './today.js';

/** Every command group of the CLI, in the order `--help` lists them. */
export function registerCommands(program: Command, app: CliApp): void {
  registerTodayCommands(program, app);
  registerGoalCommands(program, app);
  registerPlanCommands(program, app);
  registerSystemsCommands(program, app);
  registerReflectionCommands(program, app);
  registerLifeCommands(program, app);
  registerInsightsCommands(program, app);
  registerDataCommands(program, app);
}

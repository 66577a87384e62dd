import type { Command } from 'commander';
import type { CliApp } from '../app.js';

export function registerPlanCommands(_program: Command, _app: CliApp): void {}

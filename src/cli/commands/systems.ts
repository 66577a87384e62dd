import type { Command } from 'commander';
import type { CliApp } from '../app.js';

export function registerSystemsCommands(_program: Command, _app: CliApp): void {}

import type { Command } from 'commander';
import type { CliApp } from '../app.js';
import { registerEnergyCommands } from './life-energy.js';
import { registerPeopleCommands } from './life-people.js';
import { registerPlaybookCommands } from './life-playbooks.js';
import { registerPulseCommands } from './life-pulses.js';
import { registerSettingsCommands } from './life-settings.js';

/** Energy and focus windows, people, pulses, playbooks and settings (PRODUCT parts 11–13, 16). */
export function registerLifeCommands(program: Command, app: CliApp): void {
  registerEnergyCommands(program, app);
  registerPeopleCommands(program, app);
  registerPulseCommands(program, app);
  registerPlaybookCommands(program, app);
  registerSettingsCommands(program, app);
}

import { Command } from 'commander';
import { expect, it } from 'vitest';
import { createApp } from '../app.js';
import { COMMAND_GROUPS } from './index.js';

const io = { out: () => undefined, err: () => undefined, isTTY: false, env: {}, ask: async () => null };

it('lists, for every command group, exactly the top-level commands it registers', async () => {
  for (const group of COMMAND_GROUPS) {
    const program = new Command('smallwins');
    // Groups that extend another group's commands need those first.
    for (const earlier of COMMAND_GROUPS.slice(0, COMMAND_GROUPS.indexOf(group))) {
      if (earlier.commands.some((c) => group.commands.includes(c))) (await earlier.load())(program, createApp(program, { io }));
    }
    const before = new Set(program.commands.map((c) => c.name()));
    (await group.load())(program, createApp(program, { io }));
    const added = program.commands.map((c) => c.name()).filter((n) => !before.has(n));
    const extended = group.commands.filter((n) => before.has(n));
    expect([...added, ...extended].sort(), group.name).toEqual([...group.commands].sort());
  }
});

it('never lets two groups define the same top-level command', () => {
  const owners = new Map<string, string>();
  for (const group of COMMAND_GROUPS) {
    for (const name of group.commands) {
      const owner = owners.get(name);
      // Only a group registered later may extend an earlier one (insights adds to routine).
      if (owner && group.name !== 'insights') throw new Error(`${name} is defined by ${owner} and ${group.name}`);
      owners.set(name, owner ?? group.name);
    }
  }
  expect(owners.size).toBeGreaterThan(30);
});

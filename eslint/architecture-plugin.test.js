import { resolve } from 'node:path';
import { Linter } from 'eslint';
import { expect, it } from 'vitest';
import architecture from './architecture-plugin.js';

const src = (path) => resolve(import.meta.dirname, '..', 'src', path);
const linter = new Linter({ configType: 'flat' });
const config = [{ files: ['**/*.ts'], plugins: { architecture }, rules: { 'architecture/layers': 'error' } }];
const lint = (file, code) => linter.verify(code, config, { filename: src(file) }).map((m) => m.message);

it('refuses core code that imports the CLI, the server, the web app or a CLI library', () => {
  expect(lint('core/goals/x.ts', "import { main } from '#cli/main.js';")).toEqual([expect.stringMatching(/core must not import cli/)]);
  expect(lint('core/goals/x.ts', "import { main } from '../../cli/main.js';")).toEqual([expect.stringMatching(/core must not import cli/)]);
  expect(lint('core/goals/x.ts', "import x from '../../server/app.js';")).toEqual([expect.stringMatching(/core must not import server/)]);
  expect(lint('core/goals/x.ts', "import { Command } from 'commander';")).toEqual([expect.stringMatching(/core must not import the package "commander"/)]);
  expect(lint('core/goals/x.ts', "const m = await import('fastify');")).toEqual([expect.stringMatching(/package "fastify"/)]);
});

it('keeps db and contracts at the bottom and web on contracts only', () => {
  expect(lint('db/connect.ts', "import { x } from '#core/context.js';")).toEqual([expect.stringMatching(/db must not import core/)]);
  expect(lint('contracts/goals.ts', "import { x } from '../db/schema.js';")).toEqual([expect.stringMatching(/contracts must not import db/)]);
  expect(lint('web/app.ts', "import { x } from '#core/context.js';")).toEqual([expect.stringMatching(/web must not import core/)]);
  expect(lint('core/time/local-day.ts', "import { x } from '../context.js';")).toEqual([expect.stringMatching(/core\/time must not import core/)]);
});

it('allows what the rule allows', () => {
  expect(lint('core/goals/x.ts', "import { sql } from 'kysely';\nimport { Database } from '#db/schema.js';\nimport { z } from '#contracts/goals.js';\nimport { addDays } from '../time/plain-date.js';")).toEqual([]);
  expect(lint('cli/commands/x.ts', "import { createGoal } from '#core/goals/create-goal.js';\nimport { Command } from 'commander';")).toEqual([]);
  expect(lint('core/goals/x.test.ts', "import { describeEachEngine } from '#test/db.js';")).toEqual([]);
});

it('checks the web app\'s .tsx files too: contracts only, no server packages', () => {
  const tsx = [{ files: ['**/*.tsx'], plugins: { architecture }, rules: { 'architecture/layers': 'error' } }];
  const lintTsx = (file, code) => linter.verify(code, tsx, { filename: src(file) }).map((m) => m.message);
  expect(lintTsx('web/today/x.tsx', "import { x } from '../../server/app.js';")).toEqual([expect.stringMatching(/web must not import server/)]);
  expect(lintTsx('web/today/x.tsx', "import { x } from '#db/connect.js';")).toEqual([expect.stringMatching(/web must not import db/)]);
  expect(lintTsx('web/today/x.tsx', "import Fastify from 'fastify';")).toEqual([expect.stringMatching(/web must not import the package "fastify"/)]);
  expect(lintTsx('web/today/x.tsx', "import { buildRequest } from '../../contracts/api/request.js';\nimport { App } from '../app/App.js';\nimport { useState } from 'react';")).toEqual([]);
});

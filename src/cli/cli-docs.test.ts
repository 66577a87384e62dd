import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { renderCliDocs } from './cli-docs.js';

it('docs/CLI.md matches the commands (run `npm run docs` after changing a command)', async () => {
  const committed = readFileSync(new URL('../../docs/CLI.md', import.meta.url), 'utf8');
  expect(committed).toBe(await renderCliDocs());
});

it('documents every command with examples', async () => {
  const docs = await renderCliDocs();
  for (const section of docs.split('\n## ').slice(1)) {
    const name = section.split('\n')[0]!;
    const isGroup = /Commands:\n/.test(section);
    if (!isGroup) expect(section, name).toMatch(/Examples:/);
  }
});

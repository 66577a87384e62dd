import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { apiIntro, renderApiReference } from './api-reference.js';

it('docs/API.md lists every endpoint as the code defines it (run `npm run docs` after changing one)', () => {
  const committed = readFileSync(new URL('../../docs/API.md', import.meta.url), 'utf8');
  expect(committed).toBe(renderApiReference(apiIntro(committed)));
});

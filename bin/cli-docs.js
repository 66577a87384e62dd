#!/usr/bin/env node
// Writes docs/CLI.md from the built CLI (npm run docs).
import { writeFileSync } from 'node:fs';
import { renderCliDocs } from '../dist/cli/cli-docs.js';

writeFileSync(new URL('../docs/CLI.md', import.meta.url), await renderCliDocs());

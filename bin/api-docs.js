#!/usr/bin/env node
// Writes the endpoint list of docs/API.md from the built operation table (npm run docs).
import { readFileSync, writeFileSync } from 'node:fs';
import { apiIntro, renderApiReference } from '../dist/server/api-reference.js';

const file = new URL('../docs/API.md', import.meta.url);
writeFileSync(file, renderApiReference(apiIntro(readFileSync(file, 'utf8'))));

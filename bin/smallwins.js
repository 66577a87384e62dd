#!/usr/bin/env node
import { main } from '../dist/smallwins.mjs';

process.exitCode = await main(process.argv.slice(2));

#!/usr/bin/env node
// The server bundled into one module by scripts/bundle-server.js (part of `npm run build`): it
// starts several times faster than the few hundred modules of dist/server/main.js it is made of.
import { main } from '../dist/server/smallwins-server.mjs';

await main();

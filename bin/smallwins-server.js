#!/usr/bin/env node
// The server bundled into one module by scripts/bundle-server.js (part of `npm run build`): it
// starts about twice as fast as the few hundred modules of dist/server/main.js it is made of.
import { main } from '../dist/server/smallwins-server.mjs';

await main();

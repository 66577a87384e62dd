#!/usr/bin/env node
// The server bundled into one module by scripts/bundle-server.js (part of `npm run build`): it
// starts about twice as fast as the few hundred modules of dist/server/main.js it is made of.
import { setFlagsFromString } from 'node:v8';

// What start-up allocates (modules, routes, schemas) lives as long as the server does. Left to
// grow for it, V8's young generation ends several times larger than an idle server needs and stays
// resident, so it is held at its initial size until the server listens, then grows as usual
// (V8's default growth factor is 2) with the load.
setFlagsFromString('--semi-space-growth-factor=1');
const { main } = await import('../dist/server/smallwins-server.mjs');
try {
  await main();
} finally {
  setFlagsFromString('--semi-space-growth-factor=2');
}

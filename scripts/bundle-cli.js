// Bundles the compiled CLI into one ES module: a single file starts several times faster than
// hundreds of small modules resolved one by one (see docs/decisions/001).
import { rolldown } from 'rolldown';

const bundle = await rolldown({
  input: new URL('../dist/cli/main.js', import.meta.url).pathname,
  platform: 'node',
  // Native and optional drivers stay outside: loaded from node_modules when used.
  external: ['better-sqlite3', 'pg', /^node:/],
  logLevel: 'warn',
});
await bundle.write({
  dir: new URL('../dist', import.meta.url).pathname,
  entryFileNames: 'smallwins.mjs',
  format: 'esm',
  codeSplitting: false,
  minify: process.env.SMALLWINS_BUNDLE_MINIFY !== "0",
});
await bundle.close();

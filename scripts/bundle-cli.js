// Bundles the compiled CLI into one entry module plus a chunk per command group: a few files start
// several times faster than hundreds of small modules resolved one by one (docs/decisions/001).
import { rmSync } from 'node:fs';
import { rolldown } from 'rolldown';

// Chunk names carry content hashes: clear the old ones.
rmSync(new URL('../dist/cli-chunks', import.meta.url), { recursive: true, force: true });

const bundle = await rolldown({
  input: new URL('../dist/cli/main.js', import.meta.url).pathname,
  platform: 'node',
  // Native and optional drivers stay outside: loaded from node_modules when used.
  // @touch4it/ical-timezones reads its zone files next to its own folder: it must stay in node_modules.
  external: ['better-sqlite3', 'pg', 'pg-boss', 'nodemailer', 'rrule', '@touch4it/ical-timezones', /^node:/],
  logLevel: 'warn',
});
await bundle.write({
  dir: new URL('../dist', import.meta.url).pathname,
  entryFileNames: 'smallwins.mjs',
  chunkFileNames: 'cli-chunks/[name]-[hash].mjs',
  format: 'esm',
  minify: process.env.SMALLWINS_BUNDLE_MINIFY !== "0",
});
await bundle.close();

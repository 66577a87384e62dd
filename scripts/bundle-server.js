// Bundles the compiled server (dist/server/main.js) into one module, dist/server/smallwins-server.mjs,
// which bin/smallwins-server.js runs: resolving and compiling the several hundred small modules of
// dist/ and of Fastify, zod, Kysely… one by one took most of the server's cold start (the same
// reason as the CLI's bundle, docs/decisions/001). It sits beside main.js so that the paths the
// server computes from import.meta.url (../../package.json, ../web) hold for both.
import { rolldown } from 'rolldown';

// Packages that read files relative to their own folder (__dirname): bundled, they would look in
// dist/server/ instead, and fail or silently find nothing. Keep them in node_modules.
const READS_OWN_FILES = ['@touch4it/ical-timezones'];
// Bundled although they use __dirname: only to start pino's worker-thread transports, which the
// server does not configure.
const DIRNAME_ALLOWED = new Set(['pino', 'thread-stream']);

function packageOf(id) {
  const m = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(id);
  return m ? m[1].replace('\\', '/') : null;
}

const bundle = await rolldown({
  input: new URL('../dist/server/main.js', import.meta.url).pathname,
  platform: 'node',
  // Native and optional drivers, and the Swagger UI files served from disk, stay outside: loaded
  // from node_modules when used.
  // pg-boss and nodemailer load only when email is configured.
  external: ['better-sqlite3', 'pg', 'pg-boss', 'nodemailer', 'rrule', 'swagger-ui-dist', ...READS_OWN_FILES, /^node:/],
  logLevel: 'warn',
  plugins: [
    {
      // A dependency added later that finds its files through __dirname fails the build here
      // rather than at run time.
      name: 'refuse-dirname-in-bundle',
      transform(code, id) {
        const pkg = packageOf(id);
        if (pkg && !DIRNAME_ALLOWED.has(pkg) && /\b(__dirname|__filename)\b/.test(code)) {
          this.error(`${pkg} (${id}) uses __dirname/__filename: bundled, it would look for its files in dist/server/. Add it to READS_OWN_FILES in scripts/bundle-server.js.`);
        }
        return null;
      },
    },
  ],
});
await bundle.write({
  file: new URL('../dist/server/smallwins-server.mjs', import.meta.url).pathname,
  format: 'esm',
  // One file: the server needs nearly all of it at start; externals imported on demand stay imports.
  codeSplitting: false,
  minify: process.env.SMALLWINS_BUNDLE_MINIFY !== '0',
});
await bundle.close();

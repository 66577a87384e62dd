import { readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, runnerImport, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const ROUTES_ID = 'virtual:api-routes';

/**
 * The web client needs only each endpoint's method, path and scope at run time: the zod schemas
 * stay on the server (they are used for types only). This virtual module is that table, read from
 * `src/contracts/api/*.ts` at build time, so the bundle never carries zod.
 */
function apiRoutes(): Plugin {
  return {
    name: 'smallwins-api-routes',
    resolveId: (id) => (id === ROUTES_ID ? `\0${ROUTES_ID}` : null),
    async load(id) {
      if (id !== `\0${ROUTES_ID}`) return null;
      const dir = `${root}src/contracts/api/`;
      const table: Record<
        string,
        { id: string; method: string; path: string; scope: string; list: boolean }
      > = {};
      for (const file of readdirSync(dir).filter(
        (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
      )) {
        this.addWatchFile(dir + file);
        const { module } = await runnerImport<Record<string, unknown>>(dir + file, {
          root,
          configFile: false,
          logLevel: 'silent',
          resolve: { conditions: ['source'] },
        });
        for (const [name, group] of Object.entries(module)) {
          if (!name.endsWith('Endpoints') || typeof group !== 'object' || group === null) continue;
          for (const [key, e] of Object.entries(
            group as Record<
              string,
              { id: string; method: string; path: string; scope: string; list?: boolean }
            >,
          )) {
            table[key] = {
              id: e.id,
              method: e.method,
              path: e.path,
              scope: e.scope,
              list: e.list === true,
            };
          }
        }
      }
      return `export default ${JSON.stringify(table)};`;
    },
  };
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Each built script and style sheet under assets/ also as `.br` and `.gz` beside it, compressed
 * once at build time: the server sends the one the browser accepts (src/server/web-app.ts), so
 * no request pays for compression and a first visit downloads about a third of the bytes.
 */
function precompress(): Plugin {
  return {
    name: 'smallwins-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? join(root, 'dist', 'web');
      const files = Object.keys(bundle).filter(
        (f) => f.startsWith('assets/') && /\.(js|mjs|css|svg|json)$/.test(f),
      );
      await Promise.all(
        files.map(async (f) => {
          const data = await readFile(join(dir, f));
          if (data.length < 1024) return;
          const [br, gz] = await Promise.all([
            brotli(data, {
              params: {
                [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
                [zlib.BROTLI_PARAM_SIZE_HINT]: data.length,
              },
            }),
            gzipAsync(data, { level: 9 }),
          ]);
          await Promise.all([
            writeFile(join(dir, `${f}.br`), br),
            writeFile(join(dir, `${f}.gz`), gz),
          ]);
        }),
      );
    },
  };
}

export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [react(), apiRoutes(), precompress()],
  resolve: { conditions: ['source'] },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    // contracts/api/endpoint.ts builds a few zod schemas at module level; the client uses only its
    // functions, so the schema calls are declared pure and zod is left out of the bundle.
    rolldownOptions: {
      treeshake: { manualPureFunctions: ['z'] },
      checks: { pluginTimings: false },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:4280' } },
});

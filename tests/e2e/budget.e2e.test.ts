import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';

const WEB = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'web');
const BUDGET = 150 * 1024;

/** Scripts the first page load fetches: index.html's module scripts and preloads, and their static imports. */
function firstLoadScripts(): string[] {
  const html = readFileSync(join(WEB, 'index.html'), 'utf8');
  const queue = [
    ...html.matchAll(
      /<script[^>]*\ssrc="([^"]+)"|<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g,
    ),
  ].map((m) => (m[1] ?? m[2])!);
  const seen = new Set<string>();
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const code = readFileSync(join(WEB, url), 'utf8');
    // Static `import … from "./x.js"` and `import "./x.js"`; `import("./x.js")` loads later, on demand.
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g))
      queue.push(posix.join(posix.dirname(url), m[1]!));
  }
  return [...seen];
}

it('keeps the JavaScript of the first load within 150 KB gzipped', () => {
  expect(existsSync(join(WEB, 'index.html')), 'dist/web is missing: run npm run build').toBe(true);
  const scripts = firstLoadScripts();
  expect(scripts.length).toBeGreaterThan(0);
  const sizes = scripts.map((s) => ({
    script: s,
    gzip: gzipSync(readFileSync(join(WEB, s))).length,
  }));
  const total = sizes.reduce((n, s) => n + s.gzip, 0);
  console.log(`first-load JS: ${(total / 1024).toFixed(1)} KB gzip in ${sizes.length} file(s)`);
  expect(total, sizes.map((s) => `${s.script}: ${s.gzip} B`).join(', ')).toBeLessThanOrEqual(
    BUDGET,
  );
  // Views are split off: Today is not in the first load.
  expect(scripts.some((s) => s.includes('TodayView'))).toBe(false);
});

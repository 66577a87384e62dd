import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// "source" makes package.json "imports" (#core/*, #db/*…) resolve to the TypeScript sources.
const conditions = ['source', ...defaultServerConditions];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    // Browser journeys (tests/e2e) run in the same `npm test`, after the build they need.
    include: ['src/**/*.test.ts', 'eslint/**/*.test.js', 'tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['src/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', './src/test/summary-reporter.ts'],
  },
});

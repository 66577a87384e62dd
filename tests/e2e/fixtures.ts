import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { systemClock } from '#core/time/clock.js';
import { buildServer } from '#server/app.js';
import { openTestDb, type TestDb } from '#test/db.js';
import { testConfig } from '#test/server.js';

/* Browser journeys: a real server on a free port (SQLite in a temp folder, the built dist/web) and
   Debian's Chromium driven by playwright-core. Never `playwright install`: the system browser is used. */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Generous: two shared cores, a cold Chromium and a server doing scrypt on sign-up. */
export const WAIT = 30_000;
export const PASSWORD = 'a long enough passphrase';

export interface E2E {
  baseUrl: string;
  /** A fresh page (own cookies when `isolated`), at phone or desktop size. */
  page(options?: { width?: number; height?: number; isolated?: boolean }): Promise<Page>;
}

/** Start the server and the browser for this test file; both stop after it. */
export function useE2E(): E2E {
  let handle: TestDb | undefined;
  let server: FastifyInstance | undefined;
  const contexts: BrowserContext[] = [];
  const dirs: string[] = [];
  const state = { baseUrl: '' };

  beforeAll(async () => {
    handle = await openTestDb('sqlite');
    server = await buildServer({ db: handle.db, clock: systemClock, config: testConfig() });
    const address = await server.listen({ host: '127.0.0.1', port: 0 });
    state.baseUrl = address;
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await server?.close();
    await handle?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }, 60_000);

  return {
    get baseUrl() {
      return state.baseUrl;
    },
    async page(options = {}) {
      const userDataDir = mkdtempSync(join(tmpdir(), 'smallwins-chromium-'));
      dirs.push(userDataDir);
      const context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: { width: options.width ?? 1280, height: options.height ?? 860 },
        baseURL: state.baseUrl,
        reducedMotion: 'no-preference',
        timeout: 60_000,
      });
      contexts.push(context);
      context.setDefaultTimeout(WAIT);
      context.setDefaultNavigationTimeout(WAIT * 2);
      const page = context.pages()[0] ?? (await context.newPage());
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error' && !/status of 40[0-9]/.test(m.text())) problems.push(m.text());
      });
      (page as Page & { problems: string[] }).problems = problems;
      return page;
    },
  };
}

/** Errors the page logged (uncaught exceptions, CSP refusals): a journey ends with none. */
export function pageProblems(page: Page): string[] {
  return (page as Page & { problems?: string[] }).problems ?? [];
}

let emailCounter = 0;
export function uniqueEmail(prefix = 'e2e'): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${emailCounter++}@example.com`;
}

/** Sign up through the form; lands on the onboarding page. */
export async function signUp(
  page: Page,
  options: { name?: string; email?: string; password?: string } = {},
): Promise<{ email: string; password: string }> {
  const email = options.email ?? uniqueEmail();
  const password = options.password ?? PASSWORD;
  await page.goto('/signup');
  await page.getByLabel('Your name').fill(options.name ?? 'Ana Builder');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: /Where do you want to start/ }).waitFor();
  return { email, password };
}

/** Log in through the form; lands on Today. */
export async function login(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Run axe-core on the page; fail on serious or critical violations, listing each readably. */
export async function checkA11y(page: Page, label: string): Promise<void> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad
    .map(
      (v) =>
        `- [${v.impact}] ${v.id}: ${v.help}\n    at ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join('\n    at ')}`,
    )
    .join('\n');
  expect(bad, `accessibility violations on ${label}:\n${report}`).toEqual([]);
}

/** A full-page screenshot in docs/screenshots/web-<name>.png, for the README. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({
    path: join(SCREENSHOTS, `web-${name}.png`),
    fullPage: true,
    animations: 'disabled',
  });
}

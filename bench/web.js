// The web app in a browser: the time from navigation to Today's 20 routines being on screen in
// Debian's Chromium with a cold cache (a fresh profile per run), against a same-run baseline (a
// tiny static file from the same server in the same browser setup), then Lighthouse performance
// and accessibility scores for Today and a goal's page. Printed, never asserted.
//
// Runs from `npm run bench` (bench/run.js) or alone: `node bench/web.js` (after `npm run build`).
// Lighthouse is not a dependency of the project (its `third-party-web: "latest"` breaks `npm ci`
// here): it is installed on first use into ~/.cache/smallwins-bench (SMALLWINS_BENCH_CACHE).
/* global fetch, document, window, performance, MutationObserver, requestAnimationFrame */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance as nodePerformance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { localDay } from '../dist/core/time/local-day.js';
import { addDays } from '../dist/core/time/plain-date.js';
import { Children, seedRoutines, startServer } from './server.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
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
const ROUTINES = 20;
const RUNS = 5;
const TIME_ZONE = 'Europe/Paris';
const EMAIL = 'web-bench@example.org';
const PASSWORD = 'correct horse battery staple';
const LIGHTHOUSE_VERSION = '12';
const CACHE = process.env.SMALLWINS_BENCH_CACHE ?? join(homedir(), '.cache', 'smallwins-bench');
const REPORTS = join(tmpdir(), 'smallwins-bench-lighthouse');
/** The baseline: a tiny static file served by the same web-app handler as the app's own files. */
const BASELINE_PATH = '/favicon.svg';

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const ms = (v) => (v === null || v === undefined || Number.isNaN(v) ? 'n/a' : `${v.toFixed(0)} ms`);
const list = (values) => values.map((v) => v.toFixed(0)).join(', ');

async function api(origin, method, path, { body, cookie } = {}) {
  const headers = {};
  if (body) headers['content-type'] = 'application/json';
  if (cookie) Object.assign(headers, { cookie, origin });
  const res = await fetch(origin + path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return { res, json: text ? JSON.parse(text) : null };
}

const sessionCookie = (res) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

/**
 * A goal with a primary metric (baseline, target, target date) and a measurement every week of
 * the past year, through the API as a person would make them.
 */
async function seedGoal(origin, cookie, workspaceId, today) {
  const base = `/api/v1/workspaces/${encodeURIComponent(workspaceId)}`;
  const { json: created } = await api(origin, 'POST', `${base}/goals`, {
    cookie,
    body: { title: 'First 100 customers', purpose: 'Prove it sells', leveragePoint: 'Onboarding', targetDate: addDays(today, 180) },
  });
  const goalId = created.goal?.id ?? created.id;
  const { json: metric } = await api(origin, 'POST', `${base}/goals/${goalId}/metrics`, {
    cookie,
    body: { goalId, name: 'Paying customers', unit: 'customers', direction: 'up', primary: true, baseline: 0, target: 100, targetDate: addDays(today, 180) },
  });
  let measurements = 0;
  for (let week = 52; week >= 0; week--) {
    const value = Math.round((52 - week) * 1.1 + (week % 3));
    await api(origin, 'POST', `${base}/metrics/${metric.id}/measurements`, { cookie, body: { metricId: metric.id, value, day: addDays(today, -7 * week) } });
    measurements++;
  }
  return { goalId, metricId: metric.id, measurements };
}

/** A fresh Chromium profile (cold cache), signed in by its session cookie; closed by the caller. */
async function coldBrowser(origin, cookies, dirs) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'smallwins-bench-chromium-'));
  dirs.push(userDataDir);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 860 },
    timeout: 60_000,
  });
  context.setDefaultTimeout(30_000);
  context.setDefaultNavigationTimeout(60_000);
  await context.addCookies(cookies.map(({ name, value }) => ({ name, value, url: origin })));
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, userDataDir };
}

/**
 * Watches the document from its first byte: the page-clock time (ms since navigation start) when
 * the 20th routine row is in the DOM, and when the frame showing it starts (the next rAF).
 */
function watchRoutines(count) {
  const w = window;
  w.__routines = { inDom: null, frame: null };
  const check = () => {
    if (w.__routines.inDom !== null) return;
    if (document.querySelectorAll('[data-row="routine"]').length >= count) {
      w.__routines.inDom = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => {
        w.__routines.frame = performance.now();
      });
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
}

/** One cold run of /today: wall clock from goto() to the routines in the DOM, and the page's own clock. */
async function measureToday(origin, cookies, dirs) {
  const { context, page } = await coldBrowser(origin, cookies, dirs);
  try {
    await context.addInitScript(watchRoutines, ROUTINES);
    // The renderer's main-thread busy time: less sensitive to a busy machine than wall time.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const t0 = nodePerformance.now();
    const startEpoch = nodePerformance.timeOrigin + t0;
    await page.goto(`${origin}/today`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__routines?.frame != null, null, { polling: 10 });
    const polledWall = nodePerformance.now() - t0;
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const r = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return {
        timeOrigin: performance.timeOrigin,
        inDom: window.__routines.inDom,
        frame: window.__routines.frame,
        responseEnd: nav?.responseEnd ?? null,
        domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
        fcp: fcp?.startTime ?? null,
        rows: document.querySelectorAll('[data-row="routine"]').length,
        requests: performance.getEntriesByType('resource').length + 1,
        transferred: performance
          .getEntriesByType('resource')
          .concat(nav ? [nav] : [])
          .reduce((n, e) => n + (e.transferSize ?? 0), 0),
      };
    });
    // The page's clock starts when the browser starts the navigation: the difference between its
    // origin and the moment goto() was called is the browser's own share before navigation start.
    const wall = r.timeOrigin + r.inDom - startEpoch;
    return { ...r, wall: Math.max(wall, 0), polledWall, mainThread: (metrics.TaskDuration ?? NaN) * 1000, script: (metrics.ScriptDuration ?? NaN) * 1000 };
  } finally {
    await context.close();
  }
}

/** The baseline in the same setup: a fresh profile loading a tiny static file from the same server. */
async function measureBaseline(origin, cookies, dirs) {
  const { context, page } = await coldBrowser(origin, cookies, dirs);
  try {
    const t0 = nodePerformance.now();
    const startEpoch = nodePerformance.timeOrigin + t0;
    await page.goto(`${origin}${BASELINE_PATH}`, { waitUntil: 'load' });
    const polledWall = nodePerformance.now() - t0;
    const r = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return { timeOrigin: performance.timeOrigin, responseEnd: nav?.responseEnd ?? null, load: nav?.loadEventEnd ?? null };
    });
    return { ...r, wall: r.load === null ? null : Math.max(r.timeOrigin + r.load - startEpoch, 0), polledWall };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Lighthouse, installed on demand outside the repository.

function lighthouseCli() {
  const cli = join(CACHE, 'node_modules', 'lighthouse', 'cli', 'index.js');
  if (existsSync(cli)) return { cli };
  mkdirSync(CACHE, { recursive: true });
  if (!existsSync(join(CACHE, 'package.json'))) writeFileSync(join(CACHE, 'package.json'), '{ "private": true }\n');
  console.log(`  installing lighthouse@${LIGHTHOUSE_VERSION} into ${CACHE} (first run only)…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['install', '--prefix', CACHE, '--no-audit', '--no-fund', '--loglevel=error', `lighthouse@${LIGHTHOUSE_VERSION}`], {
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  if (r.error) return { error: r.error.message };
  if (r.status !== 0) return { error: (r.stderr || r.stdout || `npm exited ${r.status}`).trim().split('\n').slice(-3).join(' ') };
  return existsSync(cli) ? { cli } : { error: `npm install succeeded but ${cli} is missing` };
}

function runLighthouse(cli, url, cookie, preset, outFile) {
  const args = [
    cli,
    url,
    '--output=json',
    `--output-path=${outFile}`,
    '--only-categories=performance,accessibility',
    `--chrome-flags=${CHROMIUM_ARGS.join(' ')}`,
    `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
    '--quiet',
  ];
  if (preset === 'desktop') args.push('--preset=desktop');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr = (stderr + d).slice(-4000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 5 * 60_000);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0 || !existsSync(outFile)) {
        resolve({ error: `lighthouse exited ${code ?? signal}: ${stderr.trim().split('\n').slice(-3).join(' ')}` });
        return;
      }
      try {
        resolve({ report: JSON.parse(readFileSync(outFile, 'utf8')) });
      } catch (e) {
        resolve({ error: `unreadable report ${outFile}: ${e.message}` });
      }
    });
  });
}

const score = (category) => (category?.score === null || category?.score === undefined ? null : Math.round(category.score * 100));

/** The audits that cost the category points, worst first (weight × missing score). */
function failingAudits(report, categoryId) {
  const category = report.categories[categoryId];
  if (!category) return [];
  const weighted = category.auditRefs
    .map((ref) => ({ ref, audit: report.audits[ref.id] }))
    .filter(({ ref, audit }) => audit && ref.weight > 0 && audit.score !== null && audit.score < 1)
    .map(({ ref, audit }) => ({ id: audit.id, title: audit.title, score: audit.score, weight: ref.weight, loss: ref.weight * (1 - audit.score), display: audit.displayValue ?? '', audit }))
    .sort((a, b) => b.loss - a.loss);
  if (categoryId !== 'performance') return weighted;
  // Performance: the metrics above are the score; the opportunities and diagnostics explain them.
  const advice = category.auditRefs
    .filter((ref) => ref.weight === 0 && !['metrics', 'hidden'].includes(ref.group ?? ''))
    .map((ref) => report.audits[ref.id])
    .filter((a) => a && a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable')
    .map((a) => ({ id: a.id, title: a.title, score: a.score, weight: 0, loss: 0, display: a.displayValue ?? '', audit: a }));
  return [...weighted, ...advice];
}

function describeItems(audit, max = 3) {
  if (audit.details?.type === 'debugdata') return [];
  const items = audit.details?.items ?? [];
  return items.slice(0, max).map((item) => {
    const node = item.node ?? item.relatedNode;
    if (node) return `${node.selector ?? ''} ${node.snippet ? node.snippet.slice(0, 120) : ''} ${node.explanation ? `(${node.explanation.split('\n').slice(0, 2).join(' ')})` : ''}`.trim();
    if (item.url && item.duration && !item.wastedMs) return `${item.url} long task ${Math.round(item.duration)} ms at ${Math.round(item.startTime ?? 0)} ms`;
    if (item.url) return `${item.url}${item.wastedMs ? ` wasted ${Math.round(item.wastedMs)} ms` : ''}${item.wastedBytes ? ` wasted ${Math.round(item.wastedBytes / 1024)} KiB` : ''}${item.totalBytes ? ` of ${Math.round(item.totalBytes / 1024)} KiB` : ''}`;
    return JSON.stringify(item).slice(0, 160);
  });
}

async function benchLighthouse(origin, cookie, pages) {
  console.log('Lighthouse (CHROME_PATH=/usr/bin/chromium, same Chromium flags; fresh profile per run; session cookie as an extra header)');
  const { cli, error } = lighthouseCli();
  if (!cli) {
    console.log(`  Lighthouse unavailable: ${error}\n`);
    return null;
  }
  const version = JSON.parse(readFileSync(join(CACHE, 'node_modules', 'lighthouse', 'package.json'), 'utf8')).version;
  mkdirSync(REPORTS, { recursive: true });
  const presets = (process.env.SMALLWINS_BENCH_LIGHTHOUSE_PRESETS ?? 'desktop,mobile').split(',').filter(Boolean);
  console.log(`  lighthouse ${version}; JSON reports in ${REPORTS}`);
  const results = [];
  for (const preset of presets) {
    for (const { name, path } of pages) {
      const outFile = join(REPORTS, `${name.toLowerCase().replace(/\W+/g, '-')}-${preset}.json`);
      rmSync(outFile, { force: true });
      const r = await runLighthouse(cli, origin + path, cookie, preset, outFile);
      const label = `${name} (${path.replace(/\/goals\/.+/, '/goals/<id>')}), ${preset}`.padEnd(34);
      if (r.error) {
        console.log(`  ${label} Lighthouse unavailable: ${r.error}`);
        continue;
      }
      const perf = score(r.report.categories.performance);
      const a11y = score(r.report.categories.accessibility);
      const metric = (id) => r.report.audits[id]?.displayValue ?? 'n/a';
      console.log(`  ${label} performance ${String(perf ?? 'n/a').padStart(3)}   accessibility ${String(a11y ?? 'n/a').padStart(3)}   (target ≥ 95)   FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}`);
      if (r.report.runWarnings?.length) console.log(`    warnings: ${r.report.runWarnings.join(' | ').slice(0, 300)}`);
      if (r.report.finalDisplayedUrl && !r.report.finalDisplayedUrl.endsWith(path)) console.log(`    note: ended on ${r.report.finalDisplayedUrl}, not ${path}`);
      for (const [id, value] of [['performance', perf], ['accessibility', a11y]]) {
        if (value === null || value >= 95) continue;
        const failing = failingAudits(r.report, id).slice(0, 8);
        console.log(`    ${id} below 95; what costs points:`);
        for (const f of failing) {
          console.log(`      - ${f.id}: ${f.title}${f.display ? ` — ${f.display}` : ''} (score ${f.score}${f.weight ? `, weight ${f.weight}` : ''})`);
          for (const line of describeItems(f.audit)) console.log(`          ${line}`);
          // The metrics say how much; these diagnostics say what: the elements that moved, the long tasks.
          const why = { 'cumulative-layout-shift': 'layout-shifts', 'total-blocking-time': 'long-tasks' }[f.id];
          if (why && r.report.audits[why]) for (const line of describeItems(r.report.audits[why])) console.log(`          ${why}: ${line}`);
        }
      }
      results.push({ name, path, preset, performance: perf, accessibility: a11y, outFile });
    }
  }
  console.log('');
  return results;
}

// ---------------------------------------------------------------------------------------------

/** Seed, serve, measure and print the web app's figures. Every child process is stopped before returning. */
export async function benchWeb(dir) {
  if (!existsSync(CHROMIUM)) {
    console.log(`Web app in Chromium: skipped, no browser at ${CHROMIUM} (set CHROMIUM_PATH)\n`);
    return null;
  }
  const children = new Children();
  const onExit = () => children.killAllNow();
  process.once('exit', onExit);
  const dirs = [];
  try {
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir, { recursive: true });
    const loadBefore = loadavg()[0];

    // First start: sign up, create the goal with its metric and a year of measurements, stop;
    // then 20 daily routines with a year of check-ins written straight into the file.
    const first = await startServer(children, dataDir);
    const { res, json: signedUp } = await api(first.origin, 'POST', '/api/v1/auth/signup', {
      body: { email: EMAIL, password: PASSWORD, name: 'Bench', timeZone: TIME_ZONE },
    });
    const workspaceId = signedUp.personalWorkspaceId;
    const today = localDay(new Date(), { timeZone: TIME_ZONE, dayStartHour: signedUp.user?.dayStartHour ?? 0 });
    const goal = await seedGoal(first.origin, sessionCookie(res), workspaceId, today);
    await children.stop(first.child);
    const seeded = await seedRoutines(dataDir, workspaceId, today);

    // The server as people run it; log in through the API for the browser's session cookie.
    const server = await startServer(children, dataDir);
    const { origin } = server;
    const { res: loggedIn } = await api(origin, 'POST', '/api/v1/auth/login', { body: { email: EMAIL, password: PASSWORD } });
    const cookie = sessionCookie(loggedIn);
    const cookies = cookie.split('; ').map((pair) => {
      const i = pair.indexOf('=');
      return { name: pair.slice(0, i), value: pair.slice(i + 1) };
    });

    console.log(`Web app in Chromium (${CHROMIUM}, headless; ${seeded.routineIds.length} routines, ${seeded.checkIns.toLocaleString('en')} check-ins, a goal with ${goal.measurements} measurements)`);

    // One untimed run warms what is not the browser's cache: the server's JIT and its stored
    // score checkpoints, the OS file cache of Chromium itself.
    const warm = await measureToday(origin, cookies, dirs);
    if (warm.rows < ROUTINES) throw new Error(`Today showed ${warm.rows} routines, not ${ROUTINES}`);

    // Interleaved so both see the same machine state; a fresh profile (cold cache) each time.
    const today5 = [];
    const base5 = [];
    for (let i = 0; i < RUNS; i++) {
      base5.push(await measureBaseline(origin, cookies, dirs));
      today5.push(await measureToday(origin, cookies, dirs));
    }
    const pick = (runs, key) => runs.map((r) => r[key]).filter((v) => v !== null && v !== undefined);
    const t = {
      wall: pick(today5, 'wall'),
      polled: pick(today5, 'polledWall'),
      inDom: pick(today5, 'inDom'),
      frame: pick(today5, 'frame'),
      fcp: pick(today5, 'fcp'),
      responseEnd: pick(today5, 'responseEnd'),
      mainThread: pick(today5, 'mainThread'),
      script: pick(today5, 'script'),
    };
    const b = { wall: pick(base5, 'wall'), polled: pick(base5, 'polledWall'), load: pick(base5, 'load') };
    const last = today5[today5.length - 1];
    console.log(`  load average 1 min: ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after (figures are noisy on a busy machine)`);
    console.log(`  median of ${RUNS} cold runs each (fresh profile per run; browser start not counted):`);
    console.log(`  baseline ${BASELINE_PATH} (tiny static file)    wall ${ms(median(b.wall))}   navigation start → load ${ms(median(b.load))}   (wall: ${list(b.wall)})`);
    console.log(`  /today, ${ROUTINES} routines in the DOM          wall ${ms(median(t.wall))}   navigation start → in DOM ${ms(median(t.inDom))}, → next frame ${ms(median(t.frame))}   (target < 500 ms; wall: ${list(t.wall)})`);
    console.log(`  /today details (nav-relative medians)     HTML response end ${ms(median(t.responseEnd))}, first contentful paint ${ms(median(t.fcp))}; ${last.requests} requests, ${(last.transferred / 1024).toFixed(1)} KiB transferred`);
    console.log(`  /today renderer main thread busy          ${ms(median(t.mainThread))} (of which JavaScript ${ms(median(t.script))}) until the routines are in the DOM`);
    console.log(`  /today ÷ baseline (wall)                  ${(median(t.wall) / median(b.wall)).toFixed(2)}×   (wall incl. Playwright polling: ${ms(median(t.polled))} vs ${ms(median(b.polled))})\n`);

    const lighthouse = await benchLighthouse(origin, cookie, [
      { name: 'Today', path: '/today' },
      { name: 'Goal', path: `/goals/${goal.goalId}` },
    ]);

    await children.stop(server.child);
    return { today: t, baseline: b, lighthouse };
  } finally {
    await children.stopAll();
    process.removeListener('exit', onExit);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}

// `node bench/web.js`: this section alone.
if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const dir = mkdtempSync(join(tmpdir(), 'smallwins-bench-web-'));
  try {
    await benchWeb(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

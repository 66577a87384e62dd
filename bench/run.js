// npm run bench: figures measured on this machine, each with a baseline measured in the same run.
// Timings are printed, never asserted: machines are noisy.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedYear } from './seed.js';
import { benchBulkCheckIns } from './bulk-check-ins.js';
import { benchFeed, printFeedBench } from './feed.js';
import { benchInsights } from './insights.js';
import { benchServer, printServerBench } from './server.js';
import { benchWeb } from './web.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'smallwins.js');

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeCommand(args, env, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
    times.push(ms);
  }
  return median(times);
}

const fmt = (ms) => `${ms.toFixed(1)} ms`;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'smallwins-bench-'));
  try {
    console.log('Small Wins benchmarks (median of repeated runs)\n');

    const seeded = await seedYear(dir);
    console.log(`Workspace: ${seeded.routines} routines, ${seeded.checkIns} check-ins, ${seeded.tasks} tasks over a year\n`);
    const env = { SMALLWINS_DATA_DIR: dir, SMALLWINS_NOW: seeded.now, NO_COLOR: '1' };
    timeCommand([bin, 'today'], env, 2); // warm the file cache
    // Interleaved, so both see the same machine state.
    const bareRuns = [];
    const todayRuns = [];
    for (let i = 0; i < 21; i++) {
      bareRuns.push(timeCommand(['-e', '0'], {}, 1));
      todayRuns.push(timeCommand([bin, 'today'], env, 1));
    }
    const bare = median(bareRuns);
    const today = median(todayRuns);
    console.log('CLI `smallwins today` (a year of data) vs a bare `node -e 0`');
    console.log(`  node -e 0         ${fmt(bare)}`);
    console.log(`  smallwins today   ${fmt(today)}`);
    console.log(`  ratio             ${(today / bare).toFixed(2)}×   (target ≤ 3×)\n`);

    const bulk = await benchBulkCheckIns(join(dir, 'bulk'), 100_000);
    console.log('Bulk insert of 100,000 check-ins in one transaction (SQLite, synchronous=FULL)');
    console.log(`  raw better-sqlite3 prepared statement (ceiling)  ${fmt(bulk.rawMs)}  (${Math.round(100_000 / (bulk.rawMs / 1000)).toLocaleString('en')} rows/s)`);
    console.log(`  Small Wins storage path (Kysely, chunked)        ${fmt(bulk.appMs)}  (${Math.round(100_000 / (bulk.appMs / 1000)).toLocaleString('en')} rows/s)`);
    console.log(`  ratio to the ceiling                             ${(bulk.appMs / bulk.rawMs).toFixed(2)}×\n`);

    const { heavy, light } = await benchInsights(join(dir, 'insights'));
    const fmtRatio = (a, b) => `${(a / b).toFixed(2)}×`;
    console.log('Dashboard (Today) and weekly review summary, in-process, median of 15');
    console.log(`  heavy: ${heavy.routines} routines, ${heavy.checkIns.toLocaleString('en')} check-ins, ${heavy.tasks.toLocaleString('en')} tasks over 10 years`);
    console.log(`  light: ${light.routines} routines, ${light.checkIns.toLocaleString('en')} check-ins, ${light.tasks.toLocaleString('en')} tasks over 1 month`);
    console.log(`  dashboard       heavy ${fmt(heavy.dashboard)}   light ${fmt(light.dashboard)}   heavy/light ${fmtRatio(heavy.dashboard, light.dashboard)}   (target heavy < 50 ms, ratio ≤ 1.5)`);
    console.log(`  review summary  heavy ${fmt(heavy.review)}   light ${fmt(light.review)}   heavy/light ${fmtRatio(heavy.review, light.review)}   (target heavy < 50 ms, ratio ≤ 1.5)\n`);

    console.log(`Weekly report (build + Markdown, HTML and text), heavy workspace, in-process, median of 15: ${fmt(heavy.report)}\n`);
    printServerBench(await benchServer(join(dir, 'server')));
    printFeedBench(await benchFeed(join(dir, 'feed')));
    await benchWeb(join(dir, 'web'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

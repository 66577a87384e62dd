// The HTTP server as people run it (`node bin/smallwins-server.js`, SQLite, synchronous=FULL):
// cold start, check-in and Today throughput and latency under autocannon, memory, and the same
// load against a bare Fastify + better-sqlite3 ceiling measured in the same run. Printed, never
// asserted. Every child process started here is stopped before returning, even on error.
/* global fetch, AbortSignal */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { clearInterval, clearTimeout, setInterval, setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { connect } from '../dist/db/connect.js';
import { newId } from '../dist/core/ids.js';
import { addDays } from '../dist/core/time/plain-date.js';
import { localDay } from '../dist/core/time/local-day.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const serverBin = join(root, 'bin', 'smallwins-server.js');
const ceilingScript = join(root, 'bench', 'ceiling-server.js');
// The same server unbundled (the few hundred modules tsc writes), for comparison with the bundle.
const unbundledArgs = ['--input-type=module', '-e', `import { main } from ${JSON.stringify(pathToFileURL(join(root, 'dist', 'server', 'main.js')).href)}; await main();`];

const ROUTINES = 20;
const DAYS = 365;
const DURATION = 5; // seconds per autocannon run
const COLD_STARTS = 5;
const TIME_ZONE = 'Europe/Paris';

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/** A port nobody listens on now (PORT=0 would not tell us which one the server got). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen({ host: '127.0.0.1', port: 0 }, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Resident memory of a process in MiB, from /proc (Linux); null elsewhere or once it is gone. */
export function rssMiB(pid) {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux); null elsewhere. */
export function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

export class Children {
  constructor() {
    this.live = new Set();
  }

  spawn(args, env) {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderrText = '';
    child.stderr.on('data', (d) => {
      child.stderrText = (child.stderrText + d).slice(-4000);
    });
    child.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    this.live.add(child);
    child.once('exit', () => this.live.delete(child));
    return child;
  }

  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  async stop(child, graceMs = 10_000) {
    if (child.exitCode !== null || child.signalCode !== null) return child.exited;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    const result = await child.exited;
    clearTimeout(timer);
    return result;
  }

  async stopAll() {
    await Promise.all([...this.live].map((c) => this.stop(c, 5_000)));
  }

  killAllNow() {
    for (const c of this.live) c.kill('SIGKILL');
  }
}

/** Poll `url` until it answers 200; the time from `t0` (hrtime ns) to that answer, in ms. */
async function waitHealthy(url, child, t0, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited before it was ready: ${child.stderrText}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) return Number(process.hrtime.bigint() - t0) / 1e6;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`no answer from ${url} within ${timeoutMs} ms: ${child.stderrText}`);
    await sleep(5);
  }
}

export async function startServer(children, dataDir, nodeFlags = [], entry = [serverBin]) {
  const port = await freePort();
  const t0 = process.hrtime.bigint();
  const child = children.spawn([...nodeFlags, ...entry], { SMALLWINS_DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', SMALLWINS_SIGNUP: 'open' });
  const ms = await waitHealthy(`http://127.0.0.1:${port}/api/health`, child, t0);
  return { child, port, origin: `http://127.0.0.1:${port}`, startMs: ms, startCpuMs: cpuMs(child.pid) };
}

export async function startCeiling(children, dbFile) {
  const port = await freePort();
  const t0 = process.hrtime.bigint();
  const child = children.spawn([ceilingScript], { CEILING_DB: dbFile, PORT: String(port) });
  await waitHealthy(`http://127.0.0.1:${port}/health`, child, t0);
  return { child, port, origin: `http://127.0.0.1:${port}` };
}

function timeBareNode() {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(Number(process.hrtime.bigint() - t0) / 1e6) : reject(new Error(`node -e 0 exited ${code}`))));
  });
}

async function api(origin, method, path, { body, headers = {} } = {}) {
  const res = await fetch(origin + path, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return { res, json: text ? JSON.parse(text) : null };
}

/** Sign up the first account, then exchange its session for an API token. */
export async function signUpWithToken(origin) {
  const { res, json } = await api(origin, 'POST', '/api/v1/auth/signup', {
    body: { email: 'bench@example.org', password: 'correct horse battery staple', name: 'Bench', timeZone: TIME_ZONE },
  });
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { json: tokenJson } = await api(origin, 'POST', '/api/v1/me/tokens', { body: { name: 'bench' }, headers: { cookie, origin } });
  return { workspaceId: json.personalWorkspaceId, token: tokenJson.token, dayStartHour: json.user.dayStartHour ?? 0 };
}

/** 20 daily routines with a year of check-ins before today, written straight into the file (server stopped). */
export async function seedRoutines(dataDir, workspaceId, today) {
  const db = await connect({ url: join(dataDir, 'smallwins.db'), synchronous: 'NORMAL' });
  const now = new Date().toISOString();
  const start = addDays(today, -DAYS);
  const routineIds = [];
  let checkIns = 0;
  await db.transaction().execute(async (trx) => {
    for (let r = 0; r < ROUTINES; r++) {
      const id = newId();
      routineIds.push(id);
      await trx.insertInto('routines').values({
        id, workspaceId, goalId: null, name: `Routine ${r + 1}`, scheduleKind: 'daily', timesPerPeriod: null, periodDays: null,
        weekdays: null, rrule: null, targetKind: 'none', targetValue: null, unit: '', minimumVersion: r % 2 ? 'Just five minutes' : '',
        reminderTime: null, startDay: start, archivedAt: null, position: r, createdAt: now,
      }).execute();
      const rows = [];
      for (let d = 0; d < DAYS; d++) {
        if ((d * 7 + r * 3) % 10 < 1) continue; // a few days without a check-in
        rows.push({ id: newId(), workspaceId, routineId: id, day: addDays(start, d), status: (d + r) % 9 === 0 ? 'minimum' : 'done', value: null, note: '', createdAt: now, updatedAt: now });
      }
      for (let i = 0; i < rows.length; i += 500) await trx.insertInto('checkIns').values(rows.slice(i, i + 500)).execute();
      checkIns += rows.length;
    }
  });
  await db.destroy();
  return { routineIds, checkIns };
}

/** One autocannon run, sampling the server's RSS as it goes. */
export async function load(origin, requests, connections, pid, duration = DURATION) {
  let maxRss = rssMiB(pid) ?? 0;
  const sampler = setInterval(() => {
    const rss = rssMiB(pid);
    if (rss !== null && rss > maxRss) maxRss = rss;
  }, 100);
  try {
    const cpu0 = cpuMs(pid);
    const r = await autocannon({ url: origin, connections, duration, requests, pipelining: 1 });
    const cpu1 = cpuMs(pid);
    return {
      cpuPerRequest: cpu0 === null || cpu1 === null || r.requests.total === 0 ? null : (cpu1 - cpu0) / r.requests.total,
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      total: r.requests.total,
      bad: r.non2xx + r.errors + r.timeouts,
      maxRss,
    };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * Run the whole server benchmark in `dir`; returns the figures (and prints nothing: run.js prints).
 */
export async function benchServer(dir) {
  const children = new Children();
  const onExit = () => children.killAllNow();
  process.once('exit', onExit);
  try {
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir, { recursive: true });
    const loadBefore = loadavg()[0];

    // First start: empty directory, every migration runs. Sign up, take a token, stop.
    const first = await startServer(children, dataDir);
    const account = await signUpWithToken(first.origin);
    await children.stop(first.child);
    const today = localDay(new Date(), { timeZone: TIME_ZONE, dayStartHour: account.dayStartHour });
    const seeded = await seedRoutines(dataDir, account.workspaceId, today);

    // Cold starts on the seeded database, interleaved with a bare `node -e 0`.
    const starts = [];
    const startCpu = [];
    const unbundled = [];
    const bare = [];
    for (let i = 0; i < COLD_STARTS; i++) {
      bare.push(await timeBareNode());
      const s = await startServer(children, dataDir);
      starts.push(s.startMs);
      if (s.startCpuMs !== null) startCpu.push(s.startCpuMs);
      const stopped = await children.stop(s.child);
      if (stopped.code !== 0) throw new Error(`server exited with ${stopped.code ?? stopped.signal} on SIGTERM: ${s.child.stderrText}`);
      const u = await startServer(children, dataDir, [], unbundledArgs);
      unbundled.push(u.startMs);
      await children.stop(u.child);
    }

    // The server under load. SMALLWINS_BENCH_NODE_FLAGS adds Node flags to this one only, e.g.
    // "--cpu-prof --cpu-prof-dir=/tmp/prof" for a profile written when it stops.
    const nodeFlags = (process.env.SMALLWINS_BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
    const server = await startServer(children, dataDir, nodeFlags);
    const pid = server.child.pid;
    await sleep(1_000);
    const idleRss = rssMiB(pid);
    const headers = { authorization: `Bearer ${account.token}`, 'content-type': 'application/json' };
    const base = `/api/v1/workspaces/${encodeURIComponent(account.workspaceId)}`;
    const checkInRequests = seeded.routineIds.map((id, i) => ({
      method: 'POST',
      path: `${base}/routines/${id}/check-ins`,
      headers,
      body: JSON.stringify({ status: i % 2 ? 'minimum' : 'done', day: today }),
    }));
    const todayRequests = [{ method: 'GET', path: `${base}/today`, headers: { authorization: headers.authorization } }];

    const ceilingDir = join(dir, 'ceiling');
    mkdirSync(ceilingDir, { recursive: true });
    const ceiling = await startCeiling(children, join(ceilingDir, 'ceiling.db'));
    const ceilingRequests = Array.from({ length: ROUTINES }, (_, i) => ({
      method: 'POST',
      path: `/routines/r${i + 1}/check-ins`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: i % 2 ? 'minimum' : 'done', day: today }),
    }));

    // Warm both (JIT, page cache) before measuring.
    await load(server.origin, checkInRequests, 10, pid, 1);
    await load(server.origin, todayRequests, 10, pid, 1);
    await load(ceiling.origin, ceilingRequests, 10, ceiling.child.pid, 1);

    const results = { checkIn: {}, today: {}, ceiling: {} };
    // Interleaved so the app and its ceiling see the same machine state.
    for (const connections of [10, 1]) {
      results.checkIn[connections] = await load(server.origin, checkInRequests, connections, pid);
      results.ceiling[connections] = await load(ceiling.origin, ceilingRequests, connections, ceiling.child.pid);
    }
    for (const connections of [10, 1]) results.today[connections] = await load(server.origin, todayRequests, connections, pid);
    const loadRss = Math.max(...Object.values(results.checkIn).map((r) => r.maxRss), ...Object.values(results.today).map((r) => r.maxRss));

    // A graceful stop after the load: time from SIGTERM to exit.
    const t0 = Date.now();
    const stopped = await children.stop(server.child);
    const stopMs = Date.now() - t0;
    await children.stop(ceiling.child);

    return {
      routines: ROUTINES,
      checkIns: seeded.checkIns,
      firstStartMs: first.startMs,
      coldStartMs: median(starts),
      coldStarts: starts,
      coldStartCpuMs: startCpu.length ? median(startCpu) : null,
      unbundledStartMs: median(unbundled),
      bareNodeMs: median(bare),
      idleRss,
      loadRss,
      stopMs,
      stopCode: stopped.code,
      results,
      loadavg: [loadBefore, loadavg()[0]],
    };
  } finally {
    await children.stopAll();
    process.removeListener('exit', onExit);
  }
}

/** The printed section, for run.js. */
export function printServerBench(s) {
  const ms = (v) => `${v.toFixed(1)} ms`;
  const mib = (v) => (v === null ? 'n/a' : `${v.toFixed(1)} MiB`);
  const cpu = (v) => (v === null ? 'n/a' : `${v.toFixed(2)} ms`);
  const row = (label, r) =>
    `  ${label.padEnd(34)} ${Math.round(r.rps).toLocaleString('en').padStart(6)} req/s   p50 ${String(r.p50).padStart(3)} ms   p99 ${String(r.p99).padStart(3)} ms   server CPU/request ${cpu(r.cpuPerRequest)}${r.bad ? `   (${r.bad} non-2xx/errors!)` : ''}`;
  const { checkIn, today, ceiling } = s.results;
  console.log(`HTTP server (bin/smallwins-server.js, SQLite synchronous=FULL; ${s.routines} routines, ${s.checkIns.toLocaleString('en')} check-ins; autocannon ${DURATION} s per run)`);
  console.log(`  load average 1 min: ${s.loadavg[0].toFixed(2)} before, ${s.loadavg[1].toFixed(2)} after (figures are noisy on a busy machine)`);
  console.log(`  node -e 0 (spawn to exit)          ${ms(s.bareNodeMs)}`);
  console.log(`  cold start (spawn to /api/health)  ${ms(s.coldStartMs)}   (median of ${s.coldStarts.length}: ${s.coldStarts.map((v) => v.toFixed(0)).join(', ')}; target ≤ 1000 ms)`);
  console.log(`  server CPU time until ready        ${s.coldStartCpuMs === null ? 'n/a' : ms(s.coldStartCpuMs)}   (median; less sensitive to a busy machine than wall time)`);
  console.log(`  cold start unbundled (dist/server/main.js, for comparison) ${ms(s.unbundledStartMs)}`);
  console.log(`  first start (empty dir, migrating) ${ms(s.firstStartMs)}`);
  console.log(row('check-in POST, 10 connections', checkIn[10]));
  console.log(row('ceiling POST, 10 connections', ceiling[10]));
  console.log(row('check-in POST, 1 connection', checkIn[1]));
  console.log(row('ceiling POST, 1 connection', ceiling[1]));
  console.log(row('Today GET, 10 connections', today[10]));
  console.log(row('Today GET, 1 connection', today[1]));
  console.log(`  check-in ÷ ceiling req/s           ${(checkIn[10].rps / ceiling[10].rps).toFixed(2)} at 10 connections, ${(checkIn[1].rps / ceiling[1].rps).toFixed(2)} at 1   (target ≥ 0.60)`);
  console.log(`  check-in p99                       ${checkIn[10].p99} ms at 10 connections, ${checkIn[1].p99} ms at 1   (target < 25 ms)`);
  console.log(`  Today at 1 connection              p50 ${today[1].p50} ms, p99 ${today[1].p99} ms   (target < 10 ms)`);
  console.log(`  RSS idle ${mib(s.idleRss)} (target ≤ 100 MiB), under load max ${mib(s.loadRss)}`);
  console.log(`  SIGTERM after load: exit code ${s.stopCode} in ${s.stopMs} ms\n`);
}

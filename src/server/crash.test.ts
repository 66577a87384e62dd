import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect as tcpConnect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountEndpoints } from '#contracts/api/accounts.js';
import type { Endpoint } from '#contracts/api/endpoint.js';
import { goalEndpoints } from '#contracts/api/goals.js';
import { buildRequest } from '#contracts/api/request.js';
import { systemsEndpoints } from '#contracts/api/systems.js';

/*
 * Durability of acknowledged writes, end to end: the built server (`bin/smallwins-server.js`, as
 * `npm start` runs it) on an SQLite file with the default synchronous=FULL, killed with SIGKILL at
 * random moments while writers run. Every write answered 2xx must be there after each restart.
 * Then a SIGTERM stop must finish a request in flight and exit 0. Loopback only; every loop and
 * wait is bounded so a slow, loaded machine fails clearly instead of hanging.
 */

const BIN = fileURLToPath(new URL('../../bin/smallwins-server.js', import.meta.url));
const KILLS = 4;
const START_TIMEOUT_MS = 20_000;
const REQUEST_TIMEOUT_MS = 10_000;
// Several at once, so transactions commit in groups (db/group-commit.ts) while the kills land.
const ROUTINE_WRITERS = 6;
/** Writes per writer per phase, at most: the phase normally ends with the kill long before. */
const MAX_WRITES_PER_PHASE = 400;

interface Running {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr: () => string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen({ host: '127.0.0.1', port: 0 }, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A calendar day `n` days before `from` (UTC dates, as the test user lives in UTC). */
function daysBefore(from: string, n: number): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - n)).toISOString().slice(0, 10);
}

describe('the server under kill -9 and SIGTERM (SQLite, synchronous=FULL)', () => {
  let dataDir = '';
  let port = 0;
  let origin = '';
  const live = new Set<ChildProcess>();

  async function start(): Promise<Running> {
    const env: NodeJS.ProcessEnv = { ...process.env, SMALLWINS_DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', SMALLWINS_SIGNUP: 'open', TZ: 'UTC' };
    // The embedded SQLite file with its default durability, whatever the surrounding environment says.
    delete env.DATABASE_URL;
    delete env.SMALLWINS_SYNCHRONOUS;
    delete env.SMALLWINS_NOW;
    const child = spawn(process.execPath, [BIN], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    live.add(child);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => {
        live.delete(child);
        resolve({ code, signal });
      }),
    );
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited during start: ${stderr}`);
      try {
        const res = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(2_000) });
        await res.arrayBuffer();
        if (res.status === 200) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`the server did not answer /api/health within ${START_TIMEOUT_MS} ms: ${stderr}`);
      }
      await sleep(20);
    }
    return { child, exited, stderr: () => stderr };
  }

  let token = '';
  let workspaceId = '';

  async function call(e: Endpoint, input: Record<string, unknown>, options: { cursor?: string; limit?: number } = {}): Promise<Response> {
    const req = buildRequest(e, input, { workspaceId, ...options });
    return fetch(origin + req.url, {
      method: req.method,
      headers: { authorization: `Bearer ${token}`, ...(req.body ? { 'content-type': 'application/json' } : {}) },
      body: req.body ? JSON.stringify(req.body) : undefined,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  }

  async function readAll<T>(e: Endpoint, input: Record<string, unknown>): Promise<T[]> {
    const out: T[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 1000; page++) {
      const res = await call(e, input, { cursor, limit: 200 });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { items: T[]; nextCursor: string | null };
      out.push(...body.items);
      if (!body.nextCursor) return out;
      cursor = body.nextCursor;
    }
    throw new Error('more than 1000 pages');
  }

  beforeAll(async () => {
    if (!existsSync(join(BIN, '..', '..', 'dist', 'server', 'smallwins-server.mjs'))) throw new Error('The built server is missing: run `npm run build` first (npm test does).');
    dataDir = mkdtempSync(join(tmpdir(), 'smallwins-crash-'));
    port = await freePort();
    origin = `http://127.0.0.1:${port}`;
  }, 60_000);

  afterAll(async () => {
    for (const child of live) child.kill('SIGKILL');
    await sleep(100);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged write across SIGKILLs at random moments', async () => {
    let server = await start();

    // Sign up (the first account), exchange the session for an API token, create the routines.
    const signUp = buildRequest(accountEndpoints.signUp, { email: 'crash@example.org', password: 'a long enough password', name: 'Crash', timeZone: 'UTC' });
    const signed = await fetch(origin + signUp.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(signUp.body) });
    expect(signed.status).toBe(201);
    workspaceId = ((await signed.json()) as { personalWorkspaceId: string }).personalWorkspaceId;
    const cookie = signed.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const tokenReq = buildRequest(accountEndpoints.createApiToken, { name: 'crash test' });
    const tokenRes = await fetch(origin + tokenReq.url, { method: 'POST', headers: { 'content-type': 'application/json', cookie, origin }, body: JSON.stringify(tokenReq.body) });
    expect(tokenRes.status).toBe(201);
    token = ((await tokenRes.json()) as { token: string }).token;

    const today = new Date().toISOString().slice(0, 10);
    const routineIds: string[] = [];
    for (let r = 0; r < ROUTINE_WRITERS; r++) {
      const res = await call(systemsEndpoints.createRoutine, { name: `Crash routine ${r + 1}`, startDay: '2015-01-01' });
      expect(res.status).toBe(201);
      routineIds.push(((await res.json()) as { id: string }).id);
    }

    // What the server acknowledged, and anything it answered that it should not have.
    const ackedGoals = new Set<string>();
    const ackedDays = routineIds.map(() => new Set<string>());
    const unexpected: string[] = [];
    let goalSeq = 0;
    const nextDay = routineIds.map(() => 2); // from the day before yesterday backwards: never in the future
    const phases: Array<{ acked: number; killedAfterMs: number }> = [];

    for (let kill = 0; kill < KILLS; kill++) {
      const phase = { stopped: false, acked: 0 };
      // Stops this writer at the first failed request: the server is gone (or going).
      const goalWriter = async (): Promise<void> => {
        for (let i = 0; i < MAX_WRITES_PER_PHASE && !phase.stopped; i++) {
          const title = `Crash goal ${++goalSeq}`;
          try {
            const res = await call(goalEndpoints.createGoal, { title, status: 'paused' });
            const text = await res.text();
            if (res.status !== 201) {
              unexpected.push(`createGoal ${res.status}: ${text.slice(0, 200)}`);
              return;
            }
            JSON.parse(text);
            ackedGoals.add(title);
            phase.acked++;
          } catch {
            return;
          }
        }
      };
      const checkInWriter = async (r: number): Promise<void> => {
        for (let i = 0; i < MAX_WRITES_PER_PHASE && !phase.stopped; i++) {
          const day = daysBefore(today, nextDay[r]!);
          nextDay[r]!++;
          try {
            const res = await call(systemsEndpoints.checkInRoutine, { routineId: routineIds[r], day, status: 'done' });
            const text = await res.text();
            if (res.status !== 201) {
              unexpected.push(`checkInRoutine ${res.status}: ${text.slice(0, 200)}`);
              return;
            }
            JSON.parse(text);
            ackedDays[r]!.add(day);
            phase.acked++;
          } catch {
            return;
          }
        }
      };
      const writers = Promise.all([goalWriter(), ...routineIds.map((_, r) => checkInWriter(r))]);

      // A random moment once the writers are well under way (a few acknowledged writes).
      const t0 = Date.now();
      for (let waited = 0; phase.acked < 3 && waited < START_TIMEOUT_MS; waited += 10) await sleep(10);
      await sleep(Math.floor(Math.random() * 800));
      server.child.kill('SIGKILL');
      const exit = await server.exited;
      expect(exit.signal).toBe('SIGKILL');
      phase.stopped = true;
      await writers;
      phases.push({ acked: phase.acked, killedAfterMs: Date.now() - t0 });
      server = await start();
    }

    expect(unexpected).toEqual([]);
    for (const p of phases) expect(p.acked).toBeGreaterThanOrEqual(3);

    // Every acknowledged write is there after the last restart.
    const goals = await readAll<{ title: string }>(goalEndpoints.listGoals, { status: 'all' });
    const titles = new Set(goals.map((g) => g.title));
    const missingGoals = [...ackedGoals].filter((t) => !titles.has(t));
    expect(missingGoals).toEqual([]);
    for (const [r, routineId] of routineIds.entries()) {
      const checkIns = await readAll<{ day: string; status: string }>(systemsEndpoints.listCheckIns, { routineId });
      const days = new Set(checkIns.map((c) => c.day));
      const missingDays = [...ackedDays[r]!].filter((d) => !days.has(d));
      expect(missingDays).toEqual([]);
    }

    // A graceful stop, then the file itself is sound.
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
    const file = new Database(join(dataDir, 'smallwins.db'), { readonly: true });
    try {
      expect(file.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      file.close();
    }
    const total = ackedGoals.size + ackedDays.reduce((n, s) => n + s.size, 0);
    console.log(`crash test: ${KILLS} SIGKILLs, ${total} acknowledged writes (${phases.map((p) => p.acked).join(' + ')}), all present`);
  }, 60_000);

  it('finishes a request in flight on SIGTERM and exits 0', async () => {
    const server = await start();
    const req = buildRequest(goalEndpoints.createGoal, { title: 'Written during shutdown', status: 'paused' }, { workspaceId });
    const body = JSON.stringify(req.body);

    // A request the server has received (it answered "100 Continue") but whose body has not arrived yet.
    const socket: Socket = tcpConnect({ host: '127.0.0.1', port });
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
    });
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('error', reject);
    });
    socket.write(
      `POST ${req.url} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`,
    );
    for (let waited = 0; !received.includes('100 Continue') && waited < REQUEST_TIMEOUT_MS; waited += 10) await sleep(10);
    expect(received).toContain('100 Continue');

    const t0 = Date.now();
    server.child.kill('SIGTERM');
    // The server is shutting down but must wait for this request: it is still running a moment later.
    await sleep(300);
    expect(server.child.exitCode).toBeNull();
    socket.end(body);
    await Promise.race([closed, sleep(REQUEST_TIMEOUT_MS)]);
    const exit = await Promise.race([server.exited, sleep(15_000).then(() => null)]);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - t0).toBeLessThan(20_000);
    const final = received.slice(received.indexOf('100 Continue') + '100 Continue'.length);
    expect(final).toMatch(/^\r\n\r\nHTTP\/1\.1 201 /);

    // The write it acknowledged on the way out is there.
    const again = await start();
    const goals = await readAll<{ title: string }>(goalEndpoints.listGoals, { status: 'all' });
    expect(goals.map((g) => g.title)).toContain('Written during shutdown');
    again.child.kill('SIGTERM');
    expect((await again.exited).code).toBe(0);
  }, 30_000);
});

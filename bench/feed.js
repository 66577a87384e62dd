// The team feed: a team of 50 members with 10,000 wins (with kudos and comments), time to load the
// first page and a page deep in the feed through the API (Fastify inject, SQLite), against a plain
// 20-row query of the same wins as the same-run baseline. Printed, never asserted.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../dist/config/config.js';
import { createApiToken } from '../dist/core/accounts/api-tokens.js';
import { createTeamWorkspace } from '../dist/core/accounts/workspaces.js';
import { newId } from '../dist/core/ids.js';
import { fixedClock } from '../dist/core/time/clock.js';
import { createUserWithWorkspace } from '../dist/core/workspaces/bootstrap.js';
import { connect, migrateToLatest } from '../dist/db/connect.js';
import { buildServer } from '../dist/server/app.js';

const MEMBERS = 50;
const WINS = 10_000;
const RUNS = 31;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timed(fn, runs = RUNS) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

export async function benchFeed(dir) {
  mkdirSync(dir, { recursive: true });
  const db = await connect({ url: join(dir, 'feed.db'), synchronous: 'NORMAL' });
  await migrateToLatest(db);
  const clock = fixedClock('2026-11-18T10:00:00Z');
  const app = await buildServer({ db, clock, config: loadConfig({ SMALLWINS_DATA_DIR: dir, TZ: 'UTC' }) });
  try {
    const owner = await createUserWithWorkspace(db, clock, { name: 'Owner', timeZone: 'UTC' });
    const team = await createTeamWorkspace(db, clock, { userId: owner.userId, name: 'Fifty' });
    const people = [owner.userId];
    for (let i = 1; i < MEMBERS; i++) {
      const u = await createUserWithWorkspace(db, clock, { name: `Member ${i}`, timeZone: 'UTC' });
      await db.insertInto('members').values({ workspaceId: team.id, userId: u.userId, role: 'member', createdAt: clock.now().toISOString() }).execute();
      people.push(u.userId);
    }
    const start = Date.parse('2025-11-18T10:00:00Z');
    const wins = [];
    const kudos = [];
    const comments = [];
    for (let i = 0; i < WINS; i++) {
      const at = new Date(start + i * 3_150_000);
      const id = newId();
      const author = people[i % MEMBERS];
      // One in five stays private: the feed must skip them.
      wins.push({ id, workspaceId: team.id, userId: author, title: `Win ${i}`, note: '', source: 'manual', sourceId: null, visibility: i % 5 === 0 ? 'private' : 'shared', day: at.toISOString().slice(0, 10), createdAt: at.toISOString() });
      if (i % 5 !== 0) {
        for (let k = 1; k <= i % 4; k++) kudos.push({ workspaceId: team.id, winId: id, userId: people[(i + k) % MEMBERS], createdAt: at.toISOString() });
        if (i % 3 === 0) comments.push({ id: newId(), workspaceId: team.id, winId: id, userId: people[(i + 7) % MEMBERS], body: 'Nice one', createdAt: at.toISOString(), deletedAt: null });
      }
    }
    await db.transaction().execute(async (trx) => {
      for (const [table, rows] of [['wins', wins], ['kudos', kudos], ['winComments', comments]]) {
        for (let i = 0; i < rows.length; i += 500) await trx.insertInto(table).values(rows.slice(i, i + 500)).execute();
      }
    });
    const { token } = await createApiToken(db, clock, { userId: people[1], name: 'bench' });
    const headers = { authorization: `Bearer ${token}` };
    const url = `/api/v1/workspaces/${team.id}/feed?limit=20`;
    const get = async (u) => {
      const res = await app.inject({ method: 'GET', url: u, headers });
      if (res.statusCode !== 200) throw new Error(`feed answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
      return res.json();
    };
    // A cursor 100 pages deep (2,000 wins back).
    let deep = null;
    for (let i = 0; i < 100; i++) deep = (await get(deep ? `${url}&before=${deep}` : url)).nextCursor;
    await timed(() => get(url), 5); // warm up
    const baseline = await timed(() => db.selectFrom('wins').selectAll().where('workspaceId', '=', team.id).where('visibility', '=', 'shared').orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(20).execute());
    const first = await timed(() => get(url));
    const deepMs = await timed(() => get(`${url}&before=${deep}`));
    return { members: MEMBERS, wins: WINS, kudos: kudos.length, comments: comments.length, baseline, first, deep: deepMs };
  } finally {
    await app.close();
    await db.destroy();
  }
}

export function printFeedBench(r) {
  const fmt = (ms) => `${ms.toFixed(1)} ms`;
  console.log(`Team feed: ${r.members} members, ${r.wins.toLocaleString('en')} wins (a fifth private), ${r.kudos.toLocaleString('en')} kudos, ${r.comments.toLocaleString('en')} comments; SQLite, in-process inject, median of ${RUNS}`);
  console.log(`  plain query of 20 wins (baseline)      ${fmt(r.baseline)}`);
  console.log(`  GET /feed, first page of 20            ${fmt(r.first)}`);
  console.log(`  GET /feed, page 101 (before cursor)    ${fmt(r.deep)}\n`);
}

// `node bench/feed.js` runs it alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'smallwins-bench-feed-'));
  try {
    printFeedBench(await benchFeed(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

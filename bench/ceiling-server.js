// The ceiling for the check-in endpoint: a bare Fastify app doing one prepared better-sqlite3
// upsert per request, with the app's pragmas, into a table shaped like check_ins. No auth, no
// validation library, no query builder: what HTTP + one durable SQLite write costs on this machine.
// Run by bench/server.js as a child process: CEILING_DB=<file> PORT=<port> node bench/ceiling-server.js
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import Fastify from 'fastify';

const file = process.env.CEILING_DB;
const port = Number(process.env.PORT);
if (!file || !port) {
  process.stderr.write('CEILING_DB and PORT are required\n');
  process.exit(2);
}

const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
db.exec(`
  create table if not exists workspaces (id text primary key);
  create table if not exists routines (id text primary key, workspace_id text not null references workspaces(id) on delete cascade);
  create table if not exists check_ins (
    id text primary key,
    workspace_id text not null references workspaces(id) on delete cascade,
    routine_id text not null references routines(id) on delete cascade,
    day text not null,
    status text not null,
    value real,
    note text not null default '',
    created_at text not null,
    updated_at text not null,
    constraint check_ins_routine_day_uq unique (routine_id, day)
  );
  create index if not exists check_ins_ws_day_idx on check_ins (workspace_id, day);
  insert or ignore into workspaces (id) values ('w1');
`);
const addRoutine = db.prepare("insert or ignore into routines (id, workspace_id) values (?, 'w1')");
for (let r = 1; r <= 20; r++) addRoutine.run(`r${r}`);

const upsert = db.prepare(`
  insert into check_ins (id, workspace_id, routine_id, day, status, value, note, created_at, updated_at)
  values (@id, 'w1', @routineId, @day, @status, null, '', @now, @now)
  on conflict (routine_id, day) do update set status = excluded.status, note = excluded.note, updated_at = excluded.updated_at
  returning *
`);

const app = Fastify({ logger: false });
app.get('/health', async () => ({ status: 'ok' }));
app.post('/routines/:routineId/check-ins', async (request, reply) => {
  const body = request.body ?? {};
  const now = new Date().toISOString();
  const row = upsert.get({
    id: randomUUID(),
    routineId: request.params.routineId,
    day: typeof body.day === 'string' ? body.day : now.slice(0, 10),
    status: typeof body.status === 'string' ? body.status : 'done',
    now,
  });
  return reply.status(201).send(row);
});

const close = async () => {
  await app.close();
  db.close();
  process.exit(0);
};
process.once('SIGTERM', () => void close());
process.once('SIGINT', () => void close());
await app.listen({ host: '127.0.0.1', port });

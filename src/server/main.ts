import { readFileSync } from 'node:fs';
import { ConfigError, loadConfig } from '#config/config.js';
import { fixedClock, systemClock } from '#core/time/clock.js';
import { connect, migrateToLatest } from '#db/connect.js';
import { buildServer } from './app.js';
import { createScheduler } from './scheduler.js';

/**
 * `npm start`: open the database (the embedded SQLite file by default, PostgreSQL with
 * DATABASE_URL), bring its schema up to date, serve the API and the app, and stop cleanly on
 * SIGTERM or SIGINT: stop accepting, finish the requests in flight, close the database.
 */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
  const clock = config.fixedNow ? fixedClock(config.fixedNow) : systemClock;
  const db = await connect({ url: config.databaseUrl, synchronous: config.synchronous });
  await migrateToLatest(db);
  const app = await buildServer(
    { db, clock, config },
    {
      logger: {
        level: config.logLevel,
        // Credentials never reach the log.
        redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
      },
    },
  );
  // Reports and reminders by email: a tick every minute (pg-boss on PostgreSQL), when email is set up.
  const scheduler = createScheduler({ db, clock, config, log: app.log });
  let closing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    try {
      await scheduler.stop();
      await app.close();
    } finally {
      await db.destroy();
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  const address = await app.listen({ host: config.host, port: config.port });
  // Serving goes on without it: the API and the app do not depend on email.
  await scheduler.start().catch((error: unknown) => app.log.error({ err: error }, 'the email scheduler could not start'));
  const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  app.log.info({ address, version, database: config.databaseUrl.startsWith('postgres') ? 'postgresql' : config.databaseUrl }, 'Small Wins is listening');
}

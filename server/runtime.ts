import type { FastifyInstance } from 'fastify';
import type { Config } from './config';
import type { AppContext } from './context';
import { connectDatabase } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { whenIdle } from './lib/when-idle';

/** Opens the database named by the configuration and brings its schema up to date. */
export async function openContext(config: Config, pgSchema?: string): Promise<AppContext> {
  const ctx = connectContext(config, pgSchema);
  await migrateToLatest(ctx.db);
  return ctx;
}

/** Opens the database without touching its schema (for `planwatch migrate`, which reports what it did). */
export function connectContext(config: Config, pgSchema?: string): AppContext {
  const { db, kind, faults, pool } = connectDatabase({
    dataDir: config.dataDir,
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
    ...(pgSchema ? { pgSchema } : {}),
  });
  return { db, dbKind: kind, config, faults, ...(pool ? { pgPool: pool } : {}) };
}

export async function startServer(ctx: AppContext): Promise<FastifyInstance> {
  // Loaded here, not at the top: the commands that only open the database (import, migrate, user add)
  // then start without the web server's modules.
  const { buildApp } = await import('./app');
  const app = await buildApp(ctx);
  const close = async () => {
    // Closing stops the background jobs (an e-mail being sent is put back in the queue) and waits for
    // requests in progress; should anything still hang, the process ends anyway after 15 s.
    setTimeout(() => process.exit(1), 15_000).unref();
    await app.close();
    await ctx.db.destroy();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: ctx.config.port, host: ctx.config.host });
  // Once listening, load and compile the PDF reader in the background so the first PDF upload is as
  // quick as the later ones (about 0.5 s instead of 2.5 s for 30 pages) — but only once the server is
  // idle: it takes about 0.2 s of the only thread that answers requests, which 50 people signing in
  // right after a restart would otherwise wait for (bench/cold-clients.ts).
  whenIdle(() => {
    void import('./modules/plan-import/pdf-warm-up').then((m) => m.warmUpPdfReader());
  });
  return app;
}

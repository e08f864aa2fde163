import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AppContext } from '../context';
import type { Database } from '../db/schema';
import { MAX_SEND_ATTEMPTS } from '../modules/reporting/reminder-scheduler';
import { AppError } from './errors';

/**
 * GET /metrics in the Prometheus text format (prom-client), only when METRICS_TOKEN is set, and then
 * only with `Authorization: Bearer <METRICS_TOKEN>`. Each app has its own registry, so several apps in
 * one process (tests) do not mix their counts. What to alert on: docs/RELIABILITY.md.
 */
export async function registerMetrics(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const token = ctx.config.metricsToken;
  if (!token) return;
  // Loaded only when metrics are on: every command-line run builds the app and need not pay for it.
  const { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } = await import('prom-client');
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry, prefix: 'planwatch_' });

  // Labelled by the route pattern (/api/plans/:id), never the raw URL, so the series stay few.
  const labelNames = ['method', 'route', 'status_code'] as const;
  const requests = new Counter({
    name: 'planwatch_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames,
    registers,
  });
  const duration = new Histogram({
    name: 'planwatch_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  app.addHook('onResponse', async (req, reply) => {
    // Unmatched paths (404s, the client's pages served by the not-found handler) share one label.
    const labels = {
      method: req.method,
      route: req.routeOptions.url ?? 'unmatched',
      status_code: reply.statusCode,
    };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
  });

  const pool = ctx.pgPool;
  if (pool) {
    new Gauge({
      name: 'planwatch_db_pool_connections',
      help: 'PostgreSQL pool connections: total open, idle, and requests waiting for one',
      labelNames: ['state'],
      registers,
      collect() {
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
  }

  new Gauge({
    name: 'planwatch_email_outbox_messages',
    help: `E-mails not yet sent: queued (incl. retrying), retrying (failed at least once), failed (gave up after ${MAX_SEND_ATTEMPTS} attempts)`,
    labelNames: ['state'],
    registers,
    async collect() {
      const o = await outboxCounts(ctx.db);
      this.set({ state: 'queued' }, o.queued);
      this.set({ state: 'retrying' }, o.retrying);
      this.set({ state: 'failed' }, o.failed);
    },
  });
  new Gauge({
    name: 'planwatch_email_outbox_oldest_queued_seconds',
    help: 'Age of the oldest e-mail still waiting to be sent (0 when none)',
    registers,
    async collect() {
      const o = await outboxCounts(ctx.db);
      this.set(o.oldest ? Math.max(0, (Date.now() - Date.parse(o.oldest)) / 1000) : 0);
    },
  });
  new Gauge({
    name: 'planwatch_job_lease_held',
    help: 'Periodic jobs (job_leases): 1 while a process holds the lease, 0 once it has expired',
    labelNames: ['job'],
    registers,
    async collect() {
      this.reset();
      const now = new Date().toISOString();
      const rows = await ctx.db.selectFrom('job_leases').select(['name', 'expires_at']).execute();
      for (const r of rows) this.set({ job: r.name }, r.expires_at > now ? 1 : 0);
    },
  });

  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    if (!bearerMatches(req.headers.authorization, token)) throw new AppError('UNAUTHENTICATED');
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const sent = Buffer.from(header ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}

async function outboxCounts(db: Kysely<Database>) {
  const r = await db
    .selectFrom('email_outbox')
    .select((eb) => [
      eb.fn
        .sum<number>(eb.case().when('attempts', '<', MAX_SEND_ATTEMPTS).then(1).else(0).end())
        .as('queued'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('attempts', '<', MAX_SEND_ATTEMPTS), eb('attempts', '>', 0)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('retrying'),
      eb.fn
        .sum<number>(eb.case().when('attempts', '>=', MAX_SEND_ATTEMPTS).then(1).else(0).end())
        .as('failed'),
      eb.fn
        .min<string | null>(
          eb.case().when('attempts', '<', MAX_SEND_ATTEMPTS).then(eb.ref('created_at')).end(),
        )
        .as('oldest'),
    ])
    .where('sent_at', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    queued: Number(r.queued ?? 0),
    retrying: Number(r.retrying ?? 0),
    failed: Number(r.failed ?? 0),
    oldest: r.oldest,
  };
}

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app';
import { MAX_SEND_ATTEMPTS } from '../modules/reporting/reminder-scheduler';
import { openTestContext, type TestContext } from '../test/databases';
import { describeEachDatabase } from '../test/describe-each-database';
import { buildUser } from '../test/factories';
import { Agent } from '../test/http-agent';

const TOKEN = 'bi-mat-cua-prometheus';

describeEachDatabase('metrics and request logs', (dialect) => {
  let t: TestContext;
  let app: FastifyInstance;
  let plain: FastifyInstance;
  const logLines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    t = await openTestContext(dialect);
    app = await buildApp(
      { ...t.ctx, config: { ...t.ctx.config, metricsToken: TOKEN, logLevel: 'info' } },
      { logStream: { write: (line) => logLines.push(JSON.parse(line)) } },
    );
    plain = await buildApp(t.ctx, { logger: false });
  });
  afterAll(async () => {
    await app.close();
    await plain.close();
    await t.close();
  });

  const scrape = async () => {
    const res = await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    return res.body;
  };

  it('has no /metrics unless METRICS_TOKEN is set, and refuses a scrape without the token', async () => {
    // Without the setting /metrics is just an unknown path (the client's page, or a 404).
    const off = await plain.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(off.body).not.toContain('# HELP');
    expect((await app.inject({ url: '/metrics' })).statusCode).toBe(401);
    const wrong = await app.inject({ url: '/metrics', headers: { authorization: 'Bearer sai' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).not.toContain('planwatch_');
  });

  it('counts requests by route pattern and status, with a latency histogram', async () => {
    const u = await buildUser(t.ctx, { role: 'coordinator' });
    const a = new Agent(app);
    await a.login(u.username, u.password);
    await a.get('/api/plans/987654');
    await a.get('/api/plans/123456');
    await a.login(u.username, 'sai');
    const body = await scrape();
    // The pattern, not the two raw URLs.
    expect(body).toContain(
      'planwatch_http_requests_total{method="GET",route="/api/plans/:id",status_code="404"} 2',
    );
    expect(body).not.toContain('/api/plans/987654');
    expect(body).toContain(
      'planwatch_http_requests_total{method="POST",route="/api/auth/login",status_code="401"} 1',
    );
    expect(body).toMatch(
      /planwatch_http_request_duration_seconds_bucket\{le="\+Inf",method="GET",route="\/api\/plans\/:id",status_code="404"\} 2/,
    );
    expect(body).toContain('planwatch_process_cpu_seconds_total');
    if (dialect === 'postgres') expect(body).toMatch(/planwatch_db_pool_connections\{state="total"\} [1-9]/);
  });

  it('reports the e-mail outbox: queued, retrying, and failed for good', async () => {
    const now = new Date().toISOString();
    const mail = (key: string, attempts: number, sent = false) => ({
      to_address: 'a@example.invalid',
      subject: 's',
      body: 'b',
      dedupe_key: key,
      attempts,
      created_at: now,
      next_attempt_at: now,
      sent_at: sent ? now : null,
    });
    await t.ctx.db
      .insertInto('email_outbox')
      .values([mail('m1', 0), mail('m2', 2), mail('m3', MAX_SEND_ATTEMPTS), mail('m4', 1, true)])
      .execute();
    const body = await scrape();
    expect(body).toContain('planwatch_email_outbox_messages{state="queued"} 2');
    expect(body).toContain('planwatch_email_outbox_messages{state="retrying"} 1');
    expect(body).toContain('planwatch_email_outbox_messages{state="failed"} 1');
    expect(body).toMatch(/planwatch_email_outbox_oldest_queued_seconds \d/);
  });

  it('reports each periodic job lease: held while unexpired, 0 once it has expired', async () => {
    const inAMinute = new Date(Date.now() + 60_000).toISOString();
    const anHourAgo = new Date(Date.now() - 3_600_000).toISOString();
    await t.ctx.db
      .insertInto('job_leases')
      .values([
        { name: 'nhac-han-thu', holder: 'p1', expires_at: inAMinute },
        { name: 'don-phien-thu', holder: 'p2', expires_at: anHourAgo },
      ])
      .execute();
    const body = await scrape();
    expect(body).toContain('planwatch_job_lease_held{job="nhac-han-thu"} 1');
    expect(body).toContain('planwatch_job_lease_held{job="don-phien-thu"} 0');
  });

  it('writes JSON log lines carrying the request id it sends back in x-request-id', async () => {
    const res = await app.inject({ url: '/api/health' });
    const id = res.headers['x-request-id'];
    expect(typeof id).toBe('string');
    const mine = logLines.filter((l) => l.requestId === id);
    expect(mine.map((l) => l.msg)).toEqual(['incoming request', 'request completed']);
    expect(mine[1]).toMatchObject({ res: { statusCode: 200 } });
  });
});

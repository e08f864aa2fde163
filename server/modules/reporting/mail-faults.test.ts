import net, { type AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app';
import type { AppContext } from '../../context';
import { connectAgain, openTestContext, type TestContext } from '../../test/databases';
import { describeEachDatabase } from '../../test/describe-each-database';
import { createMailer } from './mailer';
import { flushOutbox } from './reminder-scheduler';

// Faults of the mail server: one that accepts and never answers, one that stalls in the middle of a
// message, and a slow one, against the outbox, the mailer's limits and the application's shutdown.

const QUEUED_AT = '2026-01-05T01:00:00.000Z';

/** A TCP server that accepts connections and never says a word. */
async function silentServer() {
  const sockets: net.Socket[] = [];
  let connected!: () => void;
  const firstConnection = new Promise<void>((r) => {
    connected = r;
  });
  const closed: Promise<void>[] = [];
  const server = net.createServer((socket) => {
    sockets.push(socket);
    closed.push(new Promise((r) => socket.once('close', () => r())));
    socket.on('error', () => {});
    connected();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    firstConnection,
    /** Resolves once every connection made so far has been closed (by the client). */
    allClosed: () => Promise.all(closed),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

async function smtpServer(options: SMTPServerOptions) {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    ...options,
  });
  smtp.on('error', () => {});
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  return {
    smtp,
    port: (smtp.server.address() as AddressInfo).port,
    close: () => new Promise<void>((r) => smtp.close(() => r())),
  };
}

function useSmtp(
  ctx: AppContext,
  port: number,
  limits: { timeoutMs: number; sendTimeoutMs: number; concurrency?: number },
) {
  ctx.config.smtp = {
    host: '127.0.0.1',
    port,
    secure: false,
    user: undefined,
    pass: undefined,
    from: 'planwatch <no-reply@planwatch.test>',
    ...limits,
  };
}

async function queueMail(ctx: AppContext, count: number, tag: string): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 1; i <= count; i += 1) {
    const row = await ctx.db
      .insertInto('email_outbox')
      .values({
        to_address: `nguoinhan${i}@so.test`,
        subject: `${tag} ${i}`,
        body: `Nội dung thư ${tag} ${i}`,
        dedupe_key: `${tag}:${i}`,
        attempts: 0,
        created_at: QUEUED_AT,
        next_attempt_at: QUEUED_AT,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}

const outboxRow = (ctx: AppContext, id: number) =>
  ctx.db.selectFrom('email_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describeEachDatabase('mail server faults', (dialect) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await openTestContext(dialect);
  });
  afterAll(() => t?.close());
  afterEach(async () => {
    await t.ctx.db.deleteFrom('email_outbox').execute();
  });

  it('closing the app while the mail server never answers resolves at once and keeps the e-mail queued', {
    timeout: 10_000,
  }, async () => {
    const silent = await silentServer();
    // The mail server's own timeouts are far longer than the test: only the abort can end the send.
    useSmtp(t.ctx, silent.port, { timeoutMs: 60_000, sendTimeoutMs: 120_000 });
    const [id] = await queueMail(t.ctx, 1, 'im-lang');
    const app = await buildApp(t.ctx, {
      logger: false,
      reminders: true,
      sessionSweep: false,
      jobsFirstDelayMs: 0,
    });
    await app.ready();
    await silent.firstConnection;
    expect((await outboxRow(t.ctx, id!)).claimed_by).not.toBeNull();

    await app.close();
    expect(await outboxRow(t.ctx, id!)).toMatchObject({
      sent_at: null,
      attempts: 0,
      last_error: null,
      claimed_by: null,
      claimed_until: null,
      next_attempt_at: QUEUED_AT,
    });
    await silent.allClosed(); // the connection was cut, not left to its 60 s timeout
    await silent.close();
  });

  it('closing the app while the mail server stalls in the middle of a message keeps the e-mail queued', {
    timeout: 10_000,
  }, async () => {
    let stalled!: () => void;
    const inData = new Promise<void>((r) => {
      stalled = r;
    });
    const server = await smtpServer({
      onData(stream) {
        stream.resume();
        stalled(); // never answers the message
      },
    });
    useSmtp(t.ctx, server.port, { timeoutMs: 60_000, sendTimeoutMs: 120_000 });
    const [id] = await queueMail(t.ctx, 1, 'ngung-giua-chung');
    const app = await buildApp(t.ctx, {
      logger: false,
      reminders: true,
      sessionSweep: false,
      jobsFirstDelayMs: 0,
    });
    await app.ready();
    await inData;
    await app.close();
    expect(await outboxRow(t.ctx, id!)).toMatchObject({ sent_at: null, attempts: 0, claimed_by: null });
    await server.close();
  });

  it('a send is cut at its overall deadline and retried later, however patient the socket timeout', async () => {
    const silent = await silentServer();
    useSmtp(t.ctx, silent.port, { timeoutMs: 60_000, sendTimeoutMs: 1_000 });
    const [id] = await queueMail(t.ctx, 1, 'qua-han');
    const mailer = createMailer(t.ctx.config)!;
    const r = await flushOutbox(t.ctx, new Date(QUEUED_AT), mailer);
    expect(r).toEqual({ emailsSent: 0, emailsFailed: 1 });
    const row = await outboxRow(t.ctx, id!);
    expect(row).toMatchObject({
      sent_at: null,
      attempts: 1,
      claimed_by: null,
      next_attempt_at: '2026-01-05T01:01:00.000Z',
    });
    expect(row.last_error).toContain('không hoàn tất việc nhận thư trong 1 giây');
    await silent.allClosed();
    await silent.close();
  });

  it('sends at most SMTP_CONCURRENCY e-mails at once, and all of them', async () => {
    let open = 0;
    let most = 0;
    const subjects: string[] = [];
    const server = await smtpServer({
      onConnect(_session, cb) {
        open += 1;
        most = Math.max(most, open);
        cb();
      },
      onClose() {
        open -= 1;
      },
      onData(stream, _session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          subjects.push(/^Subject: (.*)$/m.exec(Buffer.concat(chunks).toString('utf8'))?.[1] ?? '');
          setTimeout(cb, 100); // a slow server, so sends overlap
        });
      },
    });
    useSmtp(t.ctx, server.port, { timeoutMs: 10_000, sendTimeoutMs: 20_000, concurrency: 2 });
    await queueMail(t.ctx, 6, 'dong-thoi');
    const r = await flushOutbox(t.ctx, new Date(QUEUED_AT), createMailer(t.ctx.config)!);
    expect(r).toEqual({ emailsSent: 6, emailsFailed: 0 });
    expect(subjects.sort()).toEqual([1, 2, 3, 4, 5, 6].map((i) => `dong-thoi ${i}`));
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(2);
    await server.close();
  });

  it('two processes sending the outbox at once send every e-mail exactly once', async () => {
    const subjects: string[] = [];
    const server = await smtpServer({
      onData(stream, _session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          subjects.push(/^Subject: (.*)$/m.exec(Buffer.concat(chunks).toString('utf8'))?.[1] ?? '');
          setTimeout(cb, 30);
        });
      },
    });
    useSmtp(t.ctx, server.port, { timeoutMs: 10_000, sendTimeoutMs: 20_000, concurrency: 3 });
    await queueMail(t.ctx, 12, 'hai-tien-trinh');
    const other = await connectAgain(t.ctx);
    try {
      const now = new Date(QUEUED_AT);
      const [a, b] = await Promise.all([
        flushOutbox(t.ctx, now, createMailer(t.ctx.config)!, { holder: 'tien-trinh-A' }),
        flushOutbox(other, now, createMailer(t.ctx.config)!, { holder: 'tien-trinh-B' }),
      ]);
      expect(a.emailsSent + b.emailsSent).toBe(12);
      expect(subjects.sort()).toEqual(Array.from({ length: 12 }, (_, i) => `hai-tien-trinh ${i + 1}`).sort());
      const unsent = await t.ctx.db
        .selectFrom('email_outbox')
        .select('id')
        .where('sent_at', 'is', null)
        .execute();
      expect(unsent).toEqual([]);
    } finally {
      await other.db.destroy();
      await server.close();
    }
  });

  it("a crashed sender's claimed e-mail waits for its claim to expire, then goes out", async () => {
    const subjects: string[] = [];
    const server = await smtpServer({
      onData(stream, _session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          subjects.push(/^Subject: (.*)$/m.exec(Buffer.concat(chunks).toString('utf8'))?.[1] ?? '');
          cb();
        });
      },
    });
    useSmtp(t.ctx, server.port, { timeoutMs: 10_000, sendTimeoutMs: 20_000 });
    const [id] = await queueMail(t.ctx, 1, 'tien-trinh-chet');
    await t.ctx.db
      .updateTable('email_outbox')
      .set({ claimed_by: 'may-khac:123:dead', claimed_until: '2026-01-05T01:03:00.000Z' })
      .where('id', '=', id!)
      .execute();
    const mailer = createMailer(t.ctx.config)!;
    expect(await flushOutbox(t.ctx, new Date('2026-01-05T01:02:00Z'), mailer)).toEqual({
      emailsSent: 0,
      emailsFailed: 0,
    });
    expect(await flushOutbox(t.ctx, new Date('2026-01-05T01:03:00Z'), mailer)).toEqual({
      emailsSent: 1,
      emailsFailed: 0,
    });
    expect(subjects).toEqual(['tien-trinh-chet 1']);
    expect(await outboxRow(t.ctx, id!)).toMatchObject({ attempts: 1, claimed_by: null });
    await server.close();
  });

  it('SMTPS (SMTP_SECURE=true) still negotiates TLS on the socket the mailer opens, checking the certificate', async () => {
    // smtp-server's built-in certificate is self-signed: the handshake happens and the certificate is refused.
    const server = await smtpServer({ secure: true });
    useSmtp(t.ctx, server.port, { timeoutMs: 10_000, sendTimeoutMs: 20_000 });
    t.ctx.config.smtp.secure = true;
    const [id] = await queueMail(t.ctx, 1, 'smtps');
    expect(await flushOutbox(t.ctx, new Date(QUEUED_AT), createMailer(t.ctx.config)!)).toEqual({
      emailsSent: 0,
      emailsFailed: 1,
    });
    expect((await outboxRow(t.ctx, id!)).last_error).toMatch(/certificate/i);
    await server.close();
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadConfig } from './config';
import { openContext } from './runtime';
import { spawnServer } from './test/spawn-server';

// A real `planwatch serve` process whose mail server accepts the connection and never answers:
// SIGTERM must still end the process promptly and cleanly, with the e-mail kept for the next start.

const dataDir = mkdtempSync(path.join(tmpdir(), 'planwatch-shutdown-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('a hung mail server does not hold the process: SIGTERM ends it and the e-mail stays queued', {
  timeout: 90_000,
}, async () => {
  const config = loadConfig({}, { dataDir, logLevel: 'silent' });
  const before = await openContext(config);
  const { id } = await before.db
    .insertInto('email_outbox')
    .values({
      to_address: 'vanthu@so.test',
      subject: 'Nhắc hạn báo cáo',
      body: 'Thư thử khi máy chủ thư không trả lời',
      dedupe_key: 'tat-may:1',
      attempts: 0,
      created_at: new Date().toISOString(),
      next_attempt_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await before.db.destroy();

  const clientGone: Promise<void>[] = [];
  let connected!: () => void;
  const firstConnection = new Promise<void>((r) => {
    connected = r;
  });
  const silent = net.createServer((socket) => {
    socket.on('error', () => {});
    clientGone.push(new Promise((r) => socket.once('close', () => r())));
    connected();
  });
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));

  const server = await spawnServer({
    DATA_DIR: dataDir,
    PLANWATCH_ADMIN_PASSWORD: 'mat-khau-quan-tri-thu',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String((silent.address() as AddressInfo).port),
    SMTP_TIMEOUT_SECONDS: '60',
    SMTP_SEND_TIMEOUT_SECONDS: '120',
    REMINDER_INTERVAL_MINUTES: '1',
  });
  try {
    await firstConnection; // the reminder job is now stuck sending to the silent server
    // The mail timeouts are 60 s and 120 s. Exit code 0 means the process closed by itself: its own
    // last-resort exit, 15 s after SIGTERM, would give 1. The 30 s race only keeps the test from hanging.
    const code = await Promise.race([
      server.stop(),
      new Promise<'still running'>((r) => setTimeout(() => r('still running'), 30_000).unref()),
    ]);
    expect(code, server.output()).toBe(0);
    await Promise.all(clientGone);
  } finally {
    server.process.kill('SIGKILL');
    await new Promise<void>((r) => silent.close(() => r()));
  }

  const after = await openContext(config);
  const row = await after.db
    .selectFrom('email_outbox')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  await after.db.destroy();
  expect(row).toMatchObject({ sent_at: null, attempts: 0, last_error: null, claimed_by: null });
});

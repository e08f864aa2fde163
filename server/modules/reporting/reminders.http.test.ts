import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Period, ReportDetail, ReportSummary } from '../../../shared/contracts/reporting';
import { buildApp } from '../../app';
import { describeEachDatabase } from '../../test/describe-each-database';
import { type Agent, startTestServer, type TestServer } from '../../test/http-agent';
import { createMailer, type Mailer } from './mailer';
import { runReminders } from './reminder-scheduler';
import { reportingFixture } from './test-fixture';

interface Received {
  to: string[];
  subject: string;
  body: string;
}

/** Decodes RFC 2047 encoded words ("=?UTF-8?Q?…?=", "=?UTF-8?B?…?=") in an unfolded header. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

function parseMessage(raw: string, to: string[]): Received {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const subject = decodeHeader(/^subject: (.*)$/im.exec(unfolded)?.[1] ?? '');
  let body = rest.join('\n\n');
  if (/content-transfer-encoding: quoted-printable/i.test(unfolded)) {
    body = Buffer.from(
      body
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  } else if (/content-transfer-encoding: base64/i.test(unfolded)) {
    body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  return { to, subject, body };
}

describeEachDatabase('reminders and e-mail', (dialect) => {
  let s: TestServer;
  let f: Awaited<ReturnType<typeof reportingFixture>>;
  let smtp: SMTPServer;
  let mailer: Mailer;
  const received: Received[] = [];
  let failNext = 0;
  let coordinator: Agent;
  let stc: Agent;
  let period: Period;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (failNext > 0) {
            failNext -= 1;
            callback(Object.assign(new Error('Hộp thư tạm thời không nhận thư'), { responseCode: 451 }));
            return;
          }
          received.push(
            parseMessage(
              Buffer.concat(chunks).toString('utf8'),
              session.envelope.rcptTo.map((r) => r.address),
            ),
          );
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;

    s = await startTestServer(dialect);
    s.ctx.config.smtp = {
      host: '127.0.0.1',
      port,
      secure: false,
      user: undefined,
      pass: undefined,
      from: 'planwatch <no-reply@planwatch.test>',
    };
    s.ctx.config.reminderDays = [7, 3, 1];
    s.ctx.config.publicUrl = 'https://planwatch.example.vn';
    mailer = createMailer(s.ctx.config)!;
    f = await reportingFixture(s);
    await s.ctx.db
      .updateTable('users')
      .set({ email: 'stc@hungyen.test' })
      .where('id', '=', f.users.stcReporter.id)
      .execute();
    await s.ctx.db
      .updateTable('users')
      .set({ email: 'snn@hungyen.test' })
      .where('id', '=', f.users.snnReporter.id)
      .execute();
    coordinator = await s.loginAs(f.users.coordinator);
    stc = await s.loginAs(f.users.stcReporter);
    period = (
      await coordinator.post(`/api/plans/${f.planId}/reporting-periods`, { kind: 'annual', year: 2025 })
    ).body as Period;
    expect(period.dueOn).toBe('2025-12-15');
  });
  afterAll(async () => {
    mailer?.close();
    await s?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  const at = (iso: string) => new Date(iso);

  it('sends nothing before the first reminder day', async () => {
    const r = await runReminders(s.ctx, at('2025-12-01T02:00:00Z'), mailer);
    expect(r).toEqual({ notificationsCreated: 0, emailsSent: 0, emailsFailed: 0 });
  });

  it('reminds 3 days before, in the app and by e-mail, once', async () => {
    const r = await runReminders(s.ctx, at('2025-12-12T02:00:00Z'), mailer);
    // STC has two reporters (one without e-mail), SNN one; SCT has no reporter.
    expect(r).toEqual({ notificationsCreated: 3, emailsSent: 2, emailsFailed: 0 });
    expect(received.map((m) => m.to[0]).sort()).toEqual(['snn@hungyen.test', 'stc@hungyen.test']);
    for (const m of received) expect(m.subject).toBe('Nhắc hạn báo cáo: còn 3 ngày (hạn 15/12/2025)');
    const stcMail = received.find((m) => m.to[0] === 'stc@hungyen.test')!;
    expect(stcMail.body).toContain('Sở Tài chính thử');
    expect(stcMail.body).toMatch(/https:\/\/planwatch\.example\.vn\/bao-cao\/\d+/);

    const again = await runReminders(s.ctx, at('2025-12-12T09:00:00Z'), mailer);
    expect(again).toEqual({ notificationsCreated: 0, emailsSent: 0, emailsFailed: 0 });
    expect(received.length).toBe(2);

    const notes = (await stc.get('/api/notifications')).body as {
      items: { kind: string; title: string }[];
      unread: number;
    };
    expect(notes.items[0]).toMatchObject({
      kind: 'reminder_before',
      title: 'Nhắc hạn báo cáo: còn 3 ngày (hạn 15/12/2025)',
    });
  });

  it('retries a failed send with a delay, then sends it', async () => {
    received.length = 0;
    failNext = 1;
    const r = await runReminders(s.ctx, at('2025-12-14T01:00:00Z'), mailer);
    expect(r).toEqual({ notificationsCreated: 3, emailsSent: 1, emailsFailed: 1 });
    const failed = await s.ctx.db
      .selectFrom('email_outbox')
      .selectAll()
      .where('sent_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(failed.attempts).toBe(1);
    expect(failed.last_error).toContain('451');
    expect(failed.next_attempt_at).toBe('2025-12-14T01:01:00.000Z');

    const early = await runReminders(s.ctx, at('2025-12-14T01:00:30Z'), mailer);
    expect(early.emailsSent).toBe(0);
    const retried = await runReminders(s.ctx, at('2025-12-14T01:01:00Z'), mailer);
    expect(retried).toEqual({ notificationsCreated: 0, emailsSent: 1, emailsFailed: 0 });
    expect(received.map((m) => m.subject)).toEqual([
      'Nhắc hạn báo cáo: còn 1 ngày (hạn 15/12/2025)',
      'Nhắc hạn báo cáo: còn 1 ngày (hạn 15/12/2025)',
    ]);
    const sent = await s.ctx.db
      .selectFrom('email_outbox')
      .selectAll()
      .where('id', '=', failed.id)
      .executeTakeFirstOrThrow();
    expect(sent).toMatchObject({ attempts: 2, last_error: null });
    expect(sent.sent_at).not.toBeNull();
  });

  it('reminds on the due date only the agencies whose report is missing', async () => {
    received.length = 0;
    const reports = ((await stc.get(`/api/reports?periodId=${period.id}`)).body as { items: ReportSummary[] })
      .items;
    const r0 = (await stc.get(`/api/reports/${reports[0]!.id}`)).body as ReportDetail;
    const saved = (
      await stc.patch(`/api/reports/${r0.id}`, {
        version: r0.version,
        entries: r0.lead.map((e) => ({ id: e.id, progress: 'in_progress' })),
      })
    ).body as ReportDetail;
    const sub = await stc.post(`/api/reports/${r0.id}/submit`, { version: saved.version });
    expect(sub.status).toBe(200);

    const r = await runReminders(s.ctx, at('2025-12-15T03:00:00Z'), mailer);
    expect(r.emailsSent).toBe(1);
    expect(received).toEqual([
      expect.objectContaining({
        to: ['snn@hungyen.test'],
        subject: 'Đến hạn báo cáo hôm nay (hạn 15/12/2025)',
      }),
    ]);
  });

  it('e-mails the agency when its report is returned and when it is accepted', async () => {
    received.length = 0;
    const reports = ((await stc.get(`/api/reports?periodId=${period.id}`)).body as { items: ReportSummary[] })
      .items;
    const r = (await coordinator.get(`/api/reports/${reports[0]!.id}`)).body as ReportDetail;
    const ret = await coordinator.post(`/api/reports/${r.id}/return`, {
      version: r.version,
      reason: 'Thiếu số liệu quý IV',
    });
    expect(ret.status).toBe(200);
    const again = await stc.post(`/api/reports/${r.id}/submit`, {
      version: (ret.body as ReportDetail).version,
    });
    const acc = await coordinator.post(`/api/reports/${r.id}/accept`, {
      version: (again.body as ReportDetail).version,
    });
    expect(acc.status).toBe(200);
    await runReminders(s.ctx, new Date(), mailer);
    // Several send workers run at once, so the two mails may arrive in either order.
    const bySubject = [...received].sort((a, b) => a.subject.localeCompare(b.subject));
    expect(bySubject.map((m) => [m.to[0], m.subject])).toEqual([
      ['stc@hungyen.test', 'Báo cáo bị trả lại: Báo cáo kết quả thực hiện năm 2025'],
      ['stc@hungyen.test', 'Báo cáo đã được tiếp nhận: Báo cáo kết quả thực hiện năm 2025'],
    ]);
    expect(bySubject[0]!.body).toContain('Lý do: Thiếu số liệu quý IV');
    // Once each: running again sends nothing more.
    await runReminders(s.ctx, new Date(), mailer);
    expect(received.length).toBe(2);
  });

  it('starts and stops the reminder job with the application when asked to', async () => {
    const app = await buildApp(s.ctx, { logger: false, reminders: true });
    await app.ready();
    await app.close();
  });
});

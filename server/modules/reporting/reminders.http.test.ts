import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { notificationListResponseSchema } from '../../../shared/contracts/notifications';
import { directiveSchema, type Period } from '../../../shared/contracts/reporting';
import { buildApp } from '../../app';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody } from '../../test/expect-body';
import {
  acceptReport,
  fillReport,
  findReport,
  openPeriod,
  returnReport,
  submitReport,
} from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/http-agent';
import { buildReportingWorld, type ReportingWorld } from '../../test/reporting-world';
import { createMailer, type Mailer } from './mailer';
import { runReminders } from './reminder-scheduler';

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
  // One mail server for the file; each test has its own database (the reminder job scans every
  // period in it), world and mailer, and starts with an empty inbox.
  let smtp: SMTPServer;
  let smtpPort: number;
  const received: Received[] = [];
  let failNext = 0;
  let s: TestServer;
  let w: ReportingWorld;
  let mailer: Mailer;
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
    smtpPort = (smtp.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  beforeEach(async () => {
    received.length = 0;
    failNext = 0;
    s = await startTestServer(dialect);
    s.ctx.config.smtp = {
      host: '127.0.0.1',
      port: smtpPort,
      secure: false,
      user: undefined,
      pass: undefined,
      from: 'planwatch <no-reply@planwatch.test>',
    };
    s.ctx.config.reminderDays = [7, 3, 1];
    s.ctx.config.publicUrl = 'https://planwatch.example.vn';
    mailer = createMailer(s.ctx.config)!;
    w = await buildReportingWorld(s);
    // STC's second reporter has no e-mail address.
    for (const [user, email] of [
      [w.users.stcReporter.user, 'stc@hungyen.test'],
      [w.users.snnReporter.user, 'snn@hungyen.test'],
    ] as const) {
      await s.ctx.db.updateTable('users').set({ email }).where('id', '=', user.id).execute();
    }
    period = await openPeriod(w.as.coordinator, w.planId, { kind: 'annual', year: 2025 });
    expect(period.dueOn).toBe('2025-12-15');
  });
  afterEach(async () => {
    mailer?.close();
    await s?.close();
  });

  const at = (iso: string) => new Date(iso);

  /** STC's report for 2025, filled and submitted by its reporter. */
  const submitStc = async () => {
    const draft = await findReport(w.as.stc, period.id, w.orgs.stc.id);
    return submitReport(w.as.stc, await fillReport(w.as.stc, draft));
  };

  it('sends nothing before the first reminder day', async () => {
    const r = await runReminders(s.ctx, at('2025-12-01T02:00:00Z'), mailer);
    expect(r).toEqual({ notificationsCreated: 0, emailsSent: 0, emailsFailed: 0 });
    expect(received).toEqual([]);
  });

  it('reminds 3 days before, in the app and by e-mail, once', async () => {
    const r = await runReminders(s.ctx, at('2025-12-12T02:00:00Z'), mailer);
    // STC has two reporters (one without e-mail), SNN one; SCT has no reporter: its coordinator
    // (no e-mail address) is told instead.
    expect(r).toEqual({ notificationsCreated: 4, emailsSent: 2, emailsFailed: 0 });
    expect(received.map((m) => m.to[0]).sort()).toEqual(['snn@hungyen.test', 'stc@hungyen.test']);
    for (const m of received)
      expect(m.subject).toBe('Nhắc hạn báo cáo: còn 3 ngày (hạn 15/12/2025) · 148/KH-UBND');
    const stcMail = received.find((m) => m.to[0] === 'stc@hungyen.test')!;
    expect(stcMail.body).toContain('Sở Tài chính thử');
    // The plan is named, so reminders of two plans with periods of the same name can be told apart.
    expect(stcMail.body).toMatch(/^Kế hoạch: 148\/KH-UBND · \S/);
    expect(stcMail.body).toMatch(/https:\/\/planwatch\.example\.vn\/bao-cao\/\d+/);

    const again = await runReminders(s.ctx, at('2025-12-12T09:00:00Z'), mailer);
    expect(again).toEqual({ notificationsCreated: 0, emailsSent: 0, emailsFailed: 0 });
    expect(received.length).toBe(2);

    const notes = expectBody(await w.as.stc.get('/api/notifications'), notificationListResponseSchema, 200);
    expect(notes.items[0]).toMatchObject({
      kind: 'reminder_before',
      title: 'Nhắc hạn báo cáo: còn 3 ngày (hạn 15/12/2025) · 148/KH-UBND',
      plan: { number: '148/KH-UBND' },
    });
    expect(notes.items[0]!.plan!.label).toMatch(/^148\/KH-UBND · \S/);
  });

  it('retries a failed send with a delay, then sends it', async () => {
    failNext = 1;
    const r = await runReminders(s.ctx, at('2025-12-14T01:00:00Z'), mailer);
    expect(r).toEqual({ notificationsCreated: 4, emailsSent: 1, emailsFailed: 1 });
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
      'Nhắc hạn báo cáo: còn 1 ngày (hạn 15/12/2025) · 148/KH-UBND',
      'Nhắc hạn báo cáo: còn 1 ngày (hạn 15/12/2025) · 148/KH-UBND',
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
    expect((await submitStc()).state).toBe('submitted');
    const r = await runReminders(s.ctx, at('2025-12-15T03:00:00Z'), mailer);
    expect(r.emailsSent).toBe(1);
    expect(received).toEqual([
      expect.objectContaining({
        to: ['snn@hungyen.test'],
        subject: 'Đến hạn báo cáo hôm nay (hạn 15/12/2025) · 148/KH-UBND',
      }),
    ]);
  });

  it('e-mails the agency when its report is returned and when it is accepted', async () => {
    const submitted = await submitStc();
    // The due-date reminders are sent first, so only the review's mails are left to count.
    await runReminders(s.ctx, at('2025-12-15T03:00:00Z'), mailer);
    received.length = 0;
    const returned = await returnReport(w.as.coordinator, submitted, 'Thiếu số liệu quý IV');
    const again = await submitReport(w.as.stc, returned);
    expect((await acceptReport(w.as.coordinator, again)).state).toBe('accepted');
    await runReminders(s.ctx, new Date(), mailer);
    // Several send workers run at once, so the two mails may arrive in either order.
    const bySubject = [...received].sort((a, b) => a.subject.localeCompare(b.subject));
    expect(bySubject.map((m) => [m.to[0], m.subject])).toEqual([
      ['stc@hungyen.test', 'Báo cáo bị trả lại: Báo cáo kết quả thực hiện năm 2025 · 148/KH-UBND'],
      ['stc@hungyen.test', 'Báo cáo đã được tiếp nhận: Báo cáo kết quả thực hiện năm 2025 · 148/KH-UBND'],
    ]);
    expect(bySubject[0]!.body).toContain('Lý do: Thiếu số liệu quý IV');
    // Once each: running again sends nothing more.
    await runReminders(s.ctx, new Date(), mailer);
    expect(received.length).toBe(2);
  });

  it('flags to the coordinator a reminder that reaches no one: the agency has no active user (issue 14)', async () => {
    await runReminders(s.ctx, at('2025-12-12T02:00:00Z'), mailer);
    const notes = expectBody(
      await w.as.coordinator.get('/api/notifications'),
      notificationListResponseSchema,
      200,
    );
    const flag = notes.items.find((n) => n.kind === 'undelivered')!;
    expect(flag.title).toBe(
      'Nhắc hạn báo cáo "Báo cáo kết quả thực hiện năm 2025" của Sở Công Thương thử không đến được ai: Sở Công Thương thử không có người dùng đang hoạt động',
    );
    expect(flag.body).toContain('Nhắc hạn báo cáo: còn 3 ngày (hạn 15/12/2025)');
    expect(flag.link).toMatch(/^\/bao-cao\/\d+$/);
    // Once per reminder: the next run of the same day adds nothing.
    await runReminders(s.ctx, at('2025-12-12T09:00:00Z'), mailer);
    const again = expectBody(
      await w.as.coordinator.get('/api/notifications'),
      notificationListResponseSchema,
      200,
    );
    expect(again.items.filter((n) => n.kind === 'undelivered')).toHaveLength(1);
  });

  it('a directive on a merged agency’s task reaches the successor’s users, in the app and by e-mail (issue 14)', async () => {
    // T5 is led by the district, which passed its work to SNN on 01/07/2025.
    const res = await w.as.leader.post(`/api/tasks/${w.tasks.t5}/directives`, {
      text: 'Đề nghị đẩy nhanh tiến độ nhiệm vụ này.',
    });
    const directive = expectBody(res, directiveSchema, 201);
    // The directive stays with the task and the agency the plan names; it shows where it went.
    expect(directive.taskId).toBe(w.tasks.t5);
    expect(directive.delivery).toEqual([
      {
        organisation: { id: w.orgs.huyen.id, name: 'UBND huyện thử' },
        redirectedTo: [{ id: w.orgs.snn.id, name: 'Sở Nông nghiệp thử' }],
        reached: 1,
      },
    ]);
    const notes = expectBody(await w.as.snn.get('/api/notifications'), notificationListResponseSchema, 200);
    expect(notes.items[0]).toMatchObject({
      kind: 'directive',
      body: expect.stringContaining('Đề nghị đẩy nhanh'),
    });
    const outbox = await s.ctx.db
      .selectFrom('email_outbox')
      .select(['to_address', 'subject'])
      .where('dedupe_key', 'like', 'directive:%')
      .execute();
    expect(outbox).toEqual([
      { to_address: 'snn@hungyen.test', subject: expect.stringMatching(/^Ý kiến chỉ đạo về nhiệm vụ /) },
    ]);
    await runReminders(s.ctx, new Date(), mailer);
    expect(received.filter((m) => m.subject.startsWith('Ý kiến chỉ đạo')).map((m) => m.to[0])).toEqual([
      'snn@hungyen.test',
    ]);
    // Nobody to flag: the coordinator got no "không đến được ai" for it.
    const coord = expectBody(
      await w.as.coordinator.get('/api/notifications'),
      notificationListResponseSchema,
      200,
    );
    expect(coord.items.filter((n) => n.kind === 'undelivered' && n.title.startsWith('Chỉ đạo'))).toEqual([]);
  });

  it('a directive on a task whose agency has no active user is flagged to the coordinators (issue 14)', async () => {
    await s.ctx.db
      .updateTable('users')
      .set({ active: 0 })
      .where('organisation_id', '=', w.orgs.snn.id)
      .execute();
    const directive = expectBody(
      await w.as.leader.post(`/api/tasks/${w.tasks.t5}/directives`, { text: 'Báo cáo ngay tình hình.' }),
      directiveSchema,
      201,
    );
    expect(directive.delivery[0]!.reached).toBe(0);
    const coord = expectBody(
      await w.as.coordinator.get('/api/notifications'),
      notificationListResponseSchema,
      200,
    );
    const flag = coord.items.find((n) => n.kind === 'undelivered')!;
    expect(flag.title).toMatch(
      /^Chỉ đạo về nhiệm vụ \S+ không đến được ai: Sở Nông nghiệp thử không có người dùng đang hoạt động$/,
    );
    expect(flag.body).toContain('UBND huyện thử đã chuyển tới Sở Nông nghiệp thử');
  });

  it('starts and stops the reminder job with the application when asked to', async () => {
    const app = await buildApp(s.ctx, { logger: false, reminders: true });
    await app.ready();
    await app.close();
  });
});

import { reportPath } from '../../../shared/domain/app-links';
import { localDate } from '../../../shared/domain/reporting/local-date';
import { reminderDue } from '../../../shared/domain/reporting/reminders';
import type { AppContext } from '../../context';
import { viDate } from './common';
import { createMailer, type Mailer } from './mailer';
import { notify, reportersOf } from './notifications';

export const MAX_SEND_ATTEMPTS = 8;

/** Wait before the next try after `attempts` failures: 1, 2, 4 … minutes, at most 6 hours. */
export function backoffMs(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1) * 60_000, 6 * 3_600_000);
}

export interface ReminderRun {
  notificationsCreated: number;
  emailsSent: number;
  emailsFailed: number;
}

/**
 * One run of the reminder job, deterministic given `now`:
 * 1. For every open period, each report not yet sent (draft or returned) gets, for its agency's
 *    reporters, the reminder due today (shared/domain/reporting/reminders): "còn N ngày" on the
 *    configured days before the due date, and the due-day reminder on or after it. Each once: the
 *    dedupe key is (report, due date, kind, offset, user), so an extension re-arms them.
 * 2. The e-mail outbox is sent: rows whose next attempt has come; a failure stays in the outbox with
 *    its error and is retried with a growing delay, up to MAX_SEND_ATTEMPTS.
 */
export async function runReminders(
  ctx: AppContext,
  now: Date,
  mailer: Mailer | null = null,
): Promise<ReminderRun> {
  const nowIso = now.toISOString();
  const today = localDate(now);
  let notificationsCreated = 0;
  const periods = await ctx.db
    .selectFrom('reporting_periods')
    .select(['id', 'title', 'due_on'])
    .where('state', '=', 'open')
    .execute();
  for (const p of periods) {
    const due = reminderDue(today, p.due_on, ctx.config.reminderDays);
    if (due === null) continue;
    const reports = await ctx.db
      .selectFrom('reports as r')
      .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
      .select(['r.id', 'r.organisation_id', 'r.state', 'o.name'])
      .where('r.period_id', '=', p.id)
      .where('r.state', 'in', ['draft', 'returned'])
      .execute();
    if (reports.length === 0) continue;
    const reporters = await reportersOf(
      ctx.db,
      reports.map((r) => r.organisation_id),
    );
    const dueVi = viDate(p.due_on);
    for (const r of reports) {
      const recipients = reporters.filter((u) => u.organisation_id === r.organisation_id);
      if (recipients.length === 0) continue;
      const title =
        due.kind === 'before'
          ? `Nhắc hạn báo cáo: còn ${due.daysLeft} ngày (hạn ${dueVi})`
          : due.daysLeft === 0
            ? `Đến hạn báo cáo hôm nay (hạn ${dueVi})`
            : `Báo cáo đã quá hạn ${-due.daysLeft} ngày (hạn ${dueVi})`;
      const state = r.state === 'returned' ? 'đã bị trả lại và chưa gửi lại' : 'chưa được gửi';
      const body =
        due.kind === 'before'
          ? `Báo cáo "${p.title}" của ${r.name} ${state}. Hạn nộp: ${dueVi} (còn ${due.daysLeft} ngày).`
          : `Báo cáo "${p.title}" của ${r.name} ${state}. Hạn nộp: ${dueVi}${due.daysLeft === 0 ? ' (hôm nay)' : ''}. Đề nghị hoàn thiện và gửi ngay.`;
      notificationsCreated += await ctx.db.transaction().execute((trx) =>
        notify(
          trx,
          ctx,
          {
            recipients,
            kind: due.kind === 'before' ? 'reminder_before' : 'reminder_due',
            title,
            body,
            link: reportPath(r.id),
            dedupeKey:
              due.kind === 'before'
                ? `reminder:${r.id}:${p.due_on}:before:${due.offset}`
                : `reminder:${r.id}:${p.due_on}:due`,
            email: true,
          },
          nowIso,
        ),
      );
    }
  }
  const sent = await flushOutbox(ctx, now, mailer);
  return { notificationsCreated, ...sent };
}

/** Sends queued e-mails whose time has come; failures are kept with their error and retried later. */
export async function flushOutbox(ctx: AppContext, now: Date, mailer: Mailer | null) {
  let emailsSent = 0;
  let emailsFailed = 0;
  if (!mailer) return { emailsSent, emailsFailed };
  const nowIso = now.toISOString();
  const rows = await ctx.db
    .selectFrom('email_outbox')
    .selectAll()
    .where('sent_at', 'is', null)
    .where('next_attempt_at', '<=', nowIso)
    .where('attempts', '<', MAX_SEND_ATTEMPTS)
    .orderBy('id')
    .limit(100)
    .execute();
  for (const m of rows) {
    try {
      await mailer.send({ to: m.to_address, subject: m.subject, text: m.body });
      await ctx.db
        .updateTable('email_outbox')
        .set({ sent_at: new Date().toISOString(), attempts: m.attempts + 1, last_error: null })
        .where('id', '=', m.id)
        .execute();
      emailsSent += 1;
    } catch (e) {
      const attempts = m.attempts + 1;
      await ctx.db
        .updateTable('email_outbox')
        .set({
          attempts,
          last_error: (e instanceof Error ? e.message : String(e)).slice(0, 1000),
          next_attempt_at: new Date(now.getTime() + backoffMs(attempts)).toISOString(),
        })
        .where('id', '=', m.id)
        .execute();
      emailsFailed += 1;
    }
  }
  return { emailsSent, emailsFailed };
}

export interface SchedulerLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Runs the job every `reminderIntervalMinutes` (unref'd timers, never overlapping). stop() waits for a
 * run in progress, so the database is not closed under it.
 */
export function startReminderScheduler(ctx: AppContext, log: SchedulerLog): () => Promise<void> {
  const mailer = createMailer(ctx.config);
  let current: Promise<void> | null = null;
  let stopped = false;
  const run = async () => {
    try {
      const r = await runReminders(ctx, new Date(), mailer);
      if (r.notificationsCreated + r.emailsSent + r.emailsFailed > 0) log.info(r, 'reminder job');
    } catch (err) {
      log.error({ err }, 'reminder job failed');
    }
  };
  const tick = () => {
    if (current || stopped) return;
    current = run().finally(() => {
      current = null;
    });
  };
  const minutes = Math.max(1, ctx.config.reminderIntervalMinutes);
  const first = setTimeout(tick, 5_000);
  first.unref();
  const timer = setInterval(tick, minutes * 60_000);
  timer.unref();
  return async () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
    if (current) await current;
    mailer?.close();
  };
}

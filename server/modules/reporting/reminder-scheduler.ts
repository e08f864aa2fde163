import { reportPath } from '../../../shared/domain/app-links';
import { planTag } from '../../../shared/domain/plans/short-title';
import { localDate } from '../../../shared/domain/reporting/local-date';
import { reminderDue } from '../../../shared/domain/reporting/reminders';
import { formatDateVi } from '../../../shared/domain/task-status/calendar';
import { type AppContext, inTransaction, systemContext } from '../../context';
import { PROCESS_HOLDER } from '../../jobs/job-lease';
import { type JobLog, type StartOptions, startPeriodicJob } from '../../jobs/periodic-job';
import { notifyAgencies } from './agency-delivery';
import { createMailer, MailAbortedError, type Mailer } from './mailer';

export const MAX_SEND_ATTEMPTS = 8;

/** Wait before the next try after `attempts` failures: 1, 2, 4 … minutes, at most 6 hours. */
function backoffMs(attempts: number): number {
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
 * 2. The e-mail outbox is sent (flushOutbox): rows whose next attempt has come; a failure stays in
 *    the outbox with its error and is retried with a growing delay, up to MAX_SEND_ATTEMPTS.
 */
export async function runReminders(
  ctx: AppContext,
  now: Date,
  mailer: Mailer | null = null,
  opts: OutboxOptions = {},
): Promise<ReminderRun> {
  const nowIso = now.toISOString();
  // The job acts for nobody; its notifications carry the run's clock, so a run is deterministic.
  const job = { ...systemContext(ctx), now: () => nowIso };
  const today = localDate(now);
  let notificationsCreated = 0;
  const periods = await ctx.db
    .selectFrom('reporting_periods as rp')
    .innerJoin('plans as pl', 'pl.id', 'rp.plan_id')
    .select([
      'rp.id',
      'rp.title',
      'rp.due_on',
      'rp.plan_id',
      'pl.number as plan_number',
      'pl.title as plan_title',
    ])
    .where('rp.state', '=', 'open')
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
    const dueVi = formatDateVi(p.due_on);
    const plan = { id: p.plan_id, number: p.plan_number, title: p.plan_title };
    for (const r of reports) {
      const title =
        due.kind === 'before'
          ? `Nhắc hạn báo cáo: còn ${due.daysLeft} ngày (hạn ${dueVi}) · ${planTag(plan)}`
          : due.daysLeft === 0
            ? `Đến hạn báo cáo hôm nay (hạn ${dueVi}) · ${planTag(plan)}`
            : `Báo cáo đã quá hạn ${-due.daysLeft} ngày (hạn ${dueVi}) · ${planTag(plan)}`;
      const state = r.state === 'returned' ? 'đã bị trả lại và chưa gửi lại' : 'chưa được gửi';
      const body =
        due.kind === 'before'
          ? `Báo cáo "${p.title}" của ${r.name} ${state}. Hạn nộp: ${dueVi} (còn ${due.daysLeft} ngày).`
          : `Báo cáo "${p.title}" của ${r.name} ${state}. Hạn nộp: ${dueVi}${due.daysLeft === 0 ? ' (hôm nay)' : ''}. Đề nghị hoàn thiện và gửi ngay.`;
      notificationsCreated += await inTransaction(job, (tx) =>
        notifyAgencies(tx, {
          // The agency's reporters, or its successor's once it was merged; nobody: the coordinators are told.
          agencies: [r.organisation_id],
          what: `Nhắc hạn báo cáo "${p.title}" của ${r.name}`,
          kind: due.kind === 'before' ? 'reminder_before' : 'reminder_due',
          title,
          body,
          link: reportPath(r.id),
          dedupeKey:
            due.kind === 'before'
              ? `reminder:${r.id}:${p.due_on}:before:${due.offset}`
              : `reminder:${r.id}:${p.due_on}:due`,
          email: true,
          plan,
        }).then((d) => d.created),
      );
    }
  }
  const sent = await flushOutbox(ctx, now, mailer, opts);
  return { notificationsCreated, ...sent };
}

export interface OutboxOptions {
  /** Aborts in-flight sends (application shutdown): their rows go back to the queue untouched. */
  signal?: AbortSignal;
  /** Who claims the rows (default: this process). */
  holder?: string;
}

/**
 * Sends queued e-mails whose time has come, a few at a time (the mailer's concurrency). Each row is
 * claimed first with a conditional UPDATE (only a queued, unclaimed or expired-claim row), so two
 * processes running this at once never send the same e-mail; a claim lasts the send deadline plus a
 * margin, after which a crashed sender's row is claimable again. A failure stays queued with its
 * error and is retried after a growing delay; a send stopped by `signal` goes back to the queue as it
 * was (no attempt counted).
 */
export async function flushOutbox(
  ctx: AppContext,
  now: Date,
  mailer: Mailer | null,
  opts: OutboxOptions = {},
): Promise<{ emailsSent: number; emailsFailed: number }> {
  let emailsSent = 0;
  let emailsFailed = 0;
  if (!mailer) return { emailsSent, emailsFailed };
  const holder = opts.holder ?? PROCESS_HOLDER;
  const nowIso = now.toISOString();
  const started = Date.now();
  const rows = await ctx.db
    .selectFrom('email_outbox')
    .selectAll()
    .where('sent_at', 'is', null)
    .where('next_attempt_at', '<=', nowIso)
    .where('attempts', '<', MAX_SEND_ATTEMPTS)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', nowIso)]))
    .orderBy('id')
    .limit(100)
    .execute();

  const claim = async (id: number) => {
    // Counted from the moment of the claim (a long run must not hand out claims already expired).
    const claimUntil = new Date(now.getTime() + (Date.now() - started) + claimMs(ctx)).toISOString();
    const r = await ctx.db
      .updateTable('email_outbox')
      .set({ claimed_by: holder, claimed_until: claimUntil })
      .where('id', '=', id)
      .where('sent_at', 'is', null)
      .where('next_attempt_at', '<=', nowIso)
      .where('attempts', '<', MAX_SEND_ATTEMPTS)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', nowIso)]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  };

  const sendOne = async (m: (typeof rows)[number]) => {
    if (!(await claim(m.id))) return;
    try {
      await mailer.send({ to: m.to_address, subject: m.subject, text: m.body }, opts.signal);
      await ctx.db
        .updateTable('email_outbox')
        .set({
          sent_at: new Date().toISOString(),
          attempts: m.attempts + 1,
          last_error: null,
          claimed_by: null,
          claimed_until: null,
        })
        .where('id', '=', m.id)
        .execute();
      emailsSent += 1;
    } catch (e) {
      if (e instanceof MailAbortedError) {
        await ctx.db
          .updateTable('email_outbox')
          .set({ claimed_by: null, claimed_until: null })
          .where('id', '=', m.id)
          .where('claimed_by', '=', holder)
          .execute();
        return;
      }
      const attempts = m.attempts + 1;
      await ctx.db
        .updateTable('email_outbox')
        .set({
          attempts,
          last_error: (e instanceof Error ? e.message : String(e)).slice(0, 1000),
          next_attempt_at: new Date(now.getTime() + backoffMs(attempts)).toISOString(),
          claimed_by: null,
          claimed_until: null,
        })
        .where('id', '=', m.id)
        .execute();
      emailsFailed += 1;
    }
  };

  // A few workers take the rows in order; after an abort none starts another.
  let next = 0;
  const worker = async () => {
    while (next < rows.length && !opts.signal?.aborted) {
      const m = rows[next++]!;
      await sendOne(m);
    }
  };
  await Promise.all(Array.from({ length: Math.min(mailer.concurrency, rows.length) }, worker));
  return { emailsSent, emailsFailed };
}

/** How long a claim on an outbox row lasts: the whole-send limit plus a minute of margin. */
function claimMs(ctx: AppContext): number {
  return (ctx.config.smtp.sendTimeoutMs ?? 60_000) + 60_000;
}

/**
 * The reminder job, run every REMINDER_INTERVAL_MINUTES by one process at a time
 * (server/jobs/periodic-job.ts). The returned stop() aborts e-mails being sent (they stay queued) and
 * resolves once the run has put them back.
 */
export function startReminderScheduler(
  ctx: AppContext,
  log: JobLog,
  opts: StartOptions = {},
): () => Promise<void> {
  const mailer = createMailer(ctx.config);
  const stop = startPeriodicJob(
    ctx,
    {
      name: 'reminders',
      intervalMs: Math.max(1, ctx.config.reminderIntervalMinutes) * 60_000,
      run: async (signal) => {
        const r = await runReminders(ctx, new Date(), mailer, {
          signal,
          ...(opts.holder ? { holder: opts.holder } : {}),
        });
        return r.notificationsCreated + r.emailsSent + r.emailsFailed > 0 ? { ...r } : null;
      },
    },
    log,
    opts,
  );
  return async () => {
    await stop();
    mailer?.close();
  };
}

import type { Notification, NotificationKind } from '../../../shared/contracts/notifications';
import { planLabel } from '../../../shared/domain/plans/short-title';
import { type ActionContext, type AppContext, nowIso } from '../../context';
import type { Db } from '../../db/db';
import type { NotificationsTable } from '../../db/schema';
import type { AuthUser } from '../../http/auth-state';
import { boundedCount, LIST_COUNT_CAP } from '../../lib/bounded-count';
import { assertOwnNotification, notificationOwner } from './notification-policy';
import { toPlanRef } from './report-mapper';

export interface Recipient {
  id: number;
  email: string | null;
}

export interface NotifyInput {
  recipients: Recipient[];
  kind: NotificationKind;
  title: string;
  body: string;
  /** Client route, e.g. "/reports/12"; the e-mail gets it as a full address. */
  link: string | null;
  /** Unique per event; the recipient is appended, so each person gets it once. */
  dedupeKey: string;
  /** Also by e-mail (queued in the outbox) to recipients with an address, when SMTP is configured. */
  email: boolean;
  /** The plan it is about: kept with the notification and named at the top of the e-mail. */
  plan: NotifiedPlan | null;
}

export interface NotifiedPlan {
  id: number;
  number: string | null;
  title: string;
}

/**
 * In-app notification and, when asked and SMTP is configured, a queued e-mail, each at most once per
 * dedupe key: running the same event again (a retried request, the reminder job's next run) adds nothing.
 * Runs inside the caller's transaction (`tx` from inTransaction), stamped with its clock; the e-mail
 * itself is sent later by the outbox.
 */
export async function notify(tx: ActionContext, n: NotifyInput): Promise<number> {
  const { db, app: ctx } = tx;
  const now = tx.now();
  let created = 0;
  for (const r of n.recipients) {
    const res = await db
      .insertInto('notifications')
      .values({
        user_id: r.id,
        kind: n.kind,
        title: n.title,
        body: n.body,
        link: n.link,
        dedupe_key: `${n.dedupeKey}:u${r.id}`,
        created_at: now,
        plan_id: n.plan?.id ?? null,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .executeTakeFirst();
    created += Number(res.numInsertedOrUpdatedRows ?? 0);
    if (n.email && r.email && ctx.config.smtp.host) {
      const link = n.link ? `\n\nXem chi tiết: ${ctx.config.publicUrl}${n.link}` : '';
      const plan = n.plan ? `Kế hoạch: ${planLabel(n.plan)}\n\n` : '';
      await db
        .insertInto('email_outbox')
        .values({
          to_address: r.email,
          subject: n.title,
          body: `${plan}${n.body}${link}\n\n—\nThư tự động từ hệ thống theo dõi thực hiện kế hoạch (planwatch). Vui lòng không trả lời thư này.`,
          dedupe_key: `${n.dedupeKey}:u${r.id}`,
          attempts: 0,
          created_at: now,
          next_attempt_at: now,
        })
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .execute();
    }
  }
  return created;
}

/** Active reporters of an agency: who is told about its report. */
export async function reportersOf(
  db: Db,
  organisationIds: number[],
): Promise<(Recipient & { organisation_id: number })[]> {
  if (organisationIds.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['id', 'email', 'organisation_id'])
    .where('role', '=', 'reporter')
    .where('active', '=', 1)
    .where('organisation_id', 'in', organisationIds)
    .orderBy('id')
    .execute();
}

/** Coordinators of the plan's consolidating agency (all coordinators when the plan names none). */
export async function coordinatorsOf(db: Db, planId: number): Promise<Recipient[]> {
  const plan = await db
    .selectFrom('plans')
    .select('consolidator_org_id')
    .where('id', '=', planId)
    .executeTakeFirst();
  let q = db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('role', '=', 'coordinator')
    .where('active', '=', 1);
  if (plan?.consolidator_org_id) q = q.where('organisation_id', '=', plan.consolidator_org_id);
  return q.orderBy('id').execute();
}

// ---------------------------------------------------------------- the user's own notifications

const toView = (r: {
  id: number;
  kind: NotificationsTable['kind'];
  title: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
  plan_id: number | null;
  plan_number: string | null;
  plan_title: string | null;
}): Notification => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  createdAt: r.created_at,
  readAt: r.read_at,
  plan:
    r.plan_id !== null && r.plan_title !== null
      ? toPlanRef({ id: r.plan_id, number: r.plan_number, title: r.plan_title })
      : null,
});

async function unreadCount(db: Db, userId: number): Promise<number> {
  const r = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function listNotifications(
  ctx: AppContext,
  user: AuthUser,
  q: { unreadOnly: boolean; page: number; pageSize: number },
) {
  const owner = notificationOwner(user);
  let base = ctx.db.selectFrom('notifications').where('user_id', '=', owner);
  if (q.unreadOnly) base = base.where('read_at', 'is', null);
  // A busy desk collects tens of thousands over the years: counted up to a cap, not all of them.
  const count = await boundedCount(ctx.db, base.select('notifications.id'), LIST_COUNT_CAP);
  const rows = await base
    .leftJoin('plans', 'plans.id', 'notifications.plan_id')
    .selectAll('notifications')
    .select(['plans.number as plan_number', 'plans.title as plan_title'])
    .orderBy('notifications.created_at', 'desc')
    .orderBy('notifications.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    items: rows.map(toView),
    total: count.total,
    totalCapped: count.capped,
    unread: await unreadCount(ctx.db, owner),
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function markRead(ctx: AppContext, user: AuthUser, id: number | 'all') {
  const owner = notificationOwner(user);
  let q = ctx.db
    .updateTable('notifications')
    .set({ read_at: nowIso() })
    .where('user_id', '=', owner)
    .where('read_at', 'is', null);
  if (id !== 'all') {
    assertOwnNotification(
      user,
      await ctx.db.selectFrom('notifications').select('user_id').where('id', '=', id).executeTakeFirst(),
    );
    q = q.where('id', '=', id);
  }
  await q.execute();
  return { unread: await unreadCount(ctx.db, owner) };
}

import type { AgencyDelivery } from '../../../shared/contracts/reporting';
import { localDate } from '../../../shared/domain/reporting/local-date';
import type { ActionContext } from '../../context';
import type { Db } from '../../db/db';
import { answeringOn, loadSuccession } from '../organisations/succession-repository';
import { coordinatorsOf, type NotifyInput, notify, type Recipient } from './notifications';

/**
 * Whom a message addressed to an agency reaches (issue 14): the agencies answering for its work on the
 * sending day (itself, or its successors once it was reorganised: `answeringOn`, through
 * shared/domain/organisations/succession.ts), and their active reporters.
 */
export interface ResolvedAgency extends Omit<AgencyDelivery, 'reached'> {
  recipients: Recipient[];
}

export async function resolveAgencies(
  db: Db,
  ids: readonly number[],
  date: string,
): Promise<ResolvedAgency[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const answering = answeringOn(await loadSuccession(db), unique, date);
  const all = [...new Set([...unique, ...[...answering.values()].flat()])];
  const [orgs, users] = await Promise.all([
    db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', all).execute(),
    db
      .selectFrom('users')
      .select(['id', 'email', 'organisation_id'])
      .where('role', '=', 'reporter')
      .where('active', '=', 1)
      .where('organisation_id', 'in', all)
      .orderBy('id')
      .execute(),
  ]);
  const nameOf = new Map(orgs.map((o) => [o.id, o.name]));
  return unique.map((id) => {
    const to = answering.get(id) ?? [id];
    const redirected = to.filter((t) => t !== id);
    return {
      organisation: { id, name: nameOf.get(id) ?? '' },
      redirectedTo: redirected.map((t) => ({ id: t, name: nameOf.get(t) ?? '' })),
      recipients: users
        .filter((u) => to.includes(u.organisation_id))
        .map((u) => ({ id: u.id, email: u.email })),
    };
  });
}

/** The stored and shown part of a resolution (no people): written for, passed to, reached or not. */
export const deliveryView = (r: ResolvedAgency): AgencyDelivery => ({
  organisation: r.organisation,
  redirectedTo: r.redirectedTo,
  reached: r.recipients.length,
});

/** "Sở Tài chính" or "Sở Kế hoạch và Đầu tư (nay là Sở Tài chính)": the agency the message really went to. */
export function reachedName(r: Pick<AgencyDelivery, 'organisation' | 'redirectedTo'>): string {
  return r.redirectedTo.length > 0 ? r.redirectedTo.map((t) => t.name).join(', ') : r.organisation.name;
}

export interface AgencyNotice extends Omit<NotifyInput, 'recipients'> {
  /** The agencies the message is addressed to, as written (the task's leads, the report's agency). */
  agencies: readonly number[];
  /** "Chỉ đạo về nhiệm vụ 3": what failed to reach anyone, named in the coordinators' flag. */
  what: string;
}

/**
 * Notifies the agencies of a message as they stand on the sending day. An agency answered for by no
 * active user is flagged to the coordinators of the plan's consolidating agency ("… không đến được
 * ai: Sở X không có người dùng đang hoạt động"), once per message and agency, so it is not lost.
 */
export async function notifyAgencies(
  tx: ActionContext,
  n: AgencyNotice,
): Promise<{ created: number; deliveries: AgencyDelivery[] }> {
  const { agencies, what, ...notice } = n;
  const resolved = await resolveAgencies(tx.db, agencies, localDate(tx.now()));
  const seen = new Set<number>();
  const recipients = resolved.flatMap((r) => r.recipients).filter((u) => !seen.has(u.id) && seen.add(u.id));
  let created = await notify(tx, { ...notice, recipients });
  const unreached = resolved.filter((r) => r.recipients.length === 0);
  if (unreached.length > 0 && notice.plan) {
    const coordinators = await coordinatorsOf(tx.db, notice.plan.id);
    for (const r of unreached) {
      const redirected =
        r.redirectedTo.length > 0 ? ` (${r.organisation.name} đã chuyển tới ${reachedName(r)})` : '';
      created += await notify(tx, {
        recipients: coordinators,
        kind: 'undelivered',
        title: `${what} không đến được ai: ${reachedName(r)} không có người dùng đang hoạt động`,
        body: `${notice.title}${redirected}.\n${reachedName(r)} chưa có người báo cáo nào đang hoạt động trong hệ thống, nên không ai nhận được thông báo này. Đề nghị thêm người dùng cho cơ quan hoặc chuyển nội dung bằng văn bản.\n\n${notice.body}`,
        link: notice.link,
        dedupeKey: `${notice.dedupeKey}:undelivered:o${r.organisation.id}`,
        email: true,
        plan: notice.plan,
      });
    }
  }
  return { created, deliveries: resolved.map(deliveryView) };
}

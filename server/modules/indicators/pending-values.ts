import type { PendingValue } from '../../../shared/contracts/indicators';
import type { AppContext } from '../../context';
import type { Db } from '../../db/db';
import type { AuthUser } from '../../http/auth-state';

/**
 * Indicator values agencies entered that wait for acceptance, across plans: the coordinator's queue.
 * A coordinator sees the values of plans their agency consolidates, and of plans that name no
 * consolidating agency (those notify every coordinator too: reporting/notifications.ts coordinatorsOf).
 */
function pendingQuery(db: Db, actor: AuthUser) {
  return db
    .selectFrom('indicator_values as v')
    .innerJoin('indicators as i', 'i.id', 'v.indicator_id')
    .innerJoin('plans as p', 'p.id', 'i.plan_id')
    .where('v.review_state', '=', 'pending')
    .where((eb) =>
      eb.or([
        eb('p.consolidator_org_id', 'is', null),
        eb('p.consolidator_org_id', '=', actor.organisationId),
      ]),
    );
}

export async function listPendingValues(
  ctx: AppContext,
  actor: AuthUser,
  q: { page: number; pageSize: number },
): Promise<{ items: PendingValue[]; total: number; page: number; pageSize: number }> {
  const total = await pendingQuery(ctx.db, actor)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await pendingQuery(ctx.db, actor)
    .leftJoin('users as u', 'u.id', 'v.entered_by')
    .leftJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select([
      'v.id',
      'v.year',
      'v.value',
      'v.status',
      'v.source',
      'v.note',
      'v.entered_at',
      'v.entered_by',
      'u.full_name as entered_by_name',
      'o.name as entered_by_org',
      'i.id as indicator_id',
      'i.code',
      'i.name',
      'i.unit',
      'p.id as plan_id',
      'p.number as plan_number',
      'p.title as plan_title',
    ])
    // Oldest first: the value that has waited longest is judged first.
    .orderBy('v.entered_at')
    .orderBy('v.id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    total: Number(total.n),
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => ({
      id: r.id,
      year: r.year,
      value: r.value,
      status: r.status,
      source: r.source,
      note: r.note,
      enteredAt: r.entered_at,
      enteredBy:
        r.entered_by === null || r.entered_by_name === null
          ? null
          : { id: r.entered_by, name: r.entered_by_name, organisationName: r.entered_by_org ?? '' },
      indicator: { id: r.indicator_id, code: r.code, name: r.name, unit: r.unit },
      plan: { id: r.plan_id, number: r.plan_number, title: r.plan_title },
    })),
  };
}

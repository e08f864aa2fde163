import type { PlanKind } from '../../../shared/contracts/plan-draft';
import { PLAN_KINDS } from '../../../shared/contracts/plan-draft';
import type { PublicationState, PublicPlan } from '../../../shared/contracts/publication';
import { publicPlanPath } from '../../../shared/domain/app-links';
import { localDate } from '../../../shared/domain/reporting/local-date';
import { summarizeCounts } from '../../../shared/domain/task-status/summarize';
import { type AppContext, inTransaction, type RequestContext } from '../../context';
import type { AuthUser } from '../../http/auth-state';
import { AppError, conflict, notFound } from '../../http/errors';
import { audit } from '../audit/audit-repository';
import { targetsOfPlans } from '../dashboard/dashboard-targets';
import { planStatusCounts } from '../reporting/task-status-store';
import { assertMayPublishPlan, mayPublishPlan } from './publication-policy';
import { findPublicationRow, type PublicationRow, setPublished } from './publication-repository';

/** What an anonymous reader is told for a plan that is not (or no longer) public, or does not exist. */
export const NOT_PUBLISHED_MESSAGE =
  'Kế hoạch này chưa được công khai hoặc đã được gỡ công khai. Vui lòng liên hệ cơ quan tổng hợp của kế hoạch.';

function stateOf(row: PublicationRow, user: AuthUser): PublicationState {
  return {
    published: row.published === 1,
    publishedAt: row.published === 1 ? row.published_at : null,
    publishedBy: row.published === 1 ? (row.published_by_name ?? null) : null,
    canChange: mayPublishPlan(user, row),
    publicPath: publicPlanPath(row.id),
  };
}

export async function getPublication(ctx: AppContext, user: AuthUser, planId: number) {
  const row = await findPublicationRow(ctx.db, planId);
  if (!row) throw notFound('kế hoạch');
  return stateOf(row, user);
}

/** Puts the plan's public page up (`publish`) or takes it down; audited, in one transaction. */
export async function setPublication(
  rc: RequestContext,
  planId: number,
  publish: boolean,
): Promise<PublicationState> {
  await inTransaction(rc, async (tx) => {
    const row = await findPublicationRow(tx.db, planId);
    if (!row) throw notFound('kế hoạch');
    assertMayPublishPlan(rc.actor, row, row.consolidator_name);
    if ((row.published === 1) === publish)
      throw conflict(publish ? 'Kế hoạch đã được công khai.' : 'Kế hoạch chưa được công khai.');
    await setPublished(tx.db, planId, publish ? { at: rc.now(), by: rc.actor.id } : null);
    await audit(tx, {
      action: publish ? 'plan.published' : 'plan.unpublished',
      entity: 'plan',
      entityId: planId,
    });
  });
  return getPublication(rc.app, rc.actor, planId);
}

/**
 * The public page's data, built field by field from what may be shown: the plan's heading, its
 * targets evaluated from accepted values only (the indicators' own evaluation, as the dashboard shows
 * it), task counts by status category from the stored statuses. Nobody's name, no report text.
 */
export async function getPublicPlan(ctx: AppContext, planId: number): Promise<PublicPlan> {
  const row = await findPublicationRow(ctx.db, planId);
  if (row?.published !== 1 || !row.published_at) throw new AppError('NOT_FOUND', NOT_PUBLISHED_MESSAGE);
  const today = localDate(new Date());
  const year = Number(today.slice(0, 4));
  const [targets, counts] = await Promise.all([
    targetsOfPlans(ctx.db, [planId], today),
    planStatusCounts(ctx.db, year, [planId]),
  ]);
  const planCounts = counts.get(planId);
  return {
    plan: {
      id: row.id,
      kind: (PLAN_KINDS as readonly string[]).includes(row.kind) ? (row.kind as PlanKind) : 'plan',
      number: row.number,
      title: row.title,
      issuer: row.issuer,
      place: row.place,
      issuedOn: row.issued_on,
    },
    targets: (targets.get(planId) ?? []).map((t) => ({
      ordinal: t.ordinal,
      text: t.text,
      subject: t.subject,
      kind: t.kind,
      min: t.min,
      max: t.max,
      unit: t.unit,
      approximate: t.approximate,
      fromYear: t.fromYear,
      toYear: t.toYear,
      indicator: { name: t.indicator.name, unit: t.indicator.unit },
      evaluation: t.evaluation,
    })),
    tasks: {
      year,
      summary: summarizeCounts(
        planCounts ?? {
          done_on_time: 0,
          done_late: 0,
          in_progress_on_time: 0,
          overdue: 0,
          not_due: 0,
          not_reported: 0,
        },
      ),
    },
    asOf: today,
    publishedAt: row.published_at,
  };
}

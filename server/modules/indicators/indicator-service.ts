import type {
  IndicatorDetail,
  PlanIndicators,
  UpdateIndicatorRequest,
} from '../../../shared/contracts/indicators';
import { can } from '../../../shared/domain/auth/permissions';
import { type AppContext, inTransaction, type RequestContext } from '../../context';
import type { AuthUser } from '../../http/auth-state';
import { AppError, conflict, notFound } from '../../http/errors';
import { audit } from '../audit/audit-repository';
import { findOrganisationRow } from '../organisations/organisation-repository';
import { indicatorSearchKey } from './create-plan-indicators';
import { mayEnterValues } from './indicator-policy';
import {
  codeTaken,
  findIndicatorRow,
  findPlanHead,
  listIndicatorRows,
  targetRowsOf,
  updateIndicatorRow,
  valueRowsOf,
} from './indicator-repository';
import { groupBy, summaryView, valueViews } from './indicator-views';

const planHeadView = (p: { id: number; number: string | null; title: string }) => ({
  id: p.id,
  number: p.number,
  title: p.title,
});

/**
 * A page of a plan's indicators with their targets evaluated on `today`. Three queries whatever the
 * number of indicators: the page, all their targets, all their values.
 */
export async function listPlanIndicators(
  ctx: AppContext,
  planId: number,
  query: { q?: string | undefined; page: number; pageSize: number },
  today: string,
): Promise<PlanIndicators> {
  const plan = await findPlanHead(ctx.db, planId);
  if (!plan) throw notFound('kế hoạch');
  const { rows, total } = await listIndicatorRows(ctx.db, planId, query);
  const ids = rows.map((r) => r.id);
  const [targets, values] = await Promise.all([targetRowsOf(ctx.db, ids), valueRowsOf(ctx.db, ids)]);
  const targetsBy = groupBy(targets, (t) => t.indicator_id);
  const valuesBy = groupBy(values, (v) => v.indicator_id);
  return {
    plan: planHeadView(plan),
    items: rows.map((r) => summaryView(r, targetsBy.get(r.id) ?? [], valuesBy.get(r.id) ?? [], today)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getIndicator(
  ctx: AppContext,
  user: AuthUser,
  id: number,
  today: string,
): Promise<IndicatorDetail> {
  const row = await findIndicatorRow(ctx.db, id);
  if (!row) throw notFound('chỉ số');
  const [plan, targets, values] = await Promise.all([
    findPlanHead(ctx.db, row.plan_id),
    targetRowsOf(ctx.db, [id]),
    valueRowsOf(ctx.db, [id]),
  ]);
  if (!plan) throw notFound('kế hoạch');
  return {
    ...summaryView(row, targets, values, today),
    plan: planHeadView(plan),
    values: valueViews(values),
    canEnter: mayEnterValues(user, row),
    canManage: can(user.role, 'indicators.manage'),
  };
}

export async function updateIndicator(
  rc: RequestContext,
  id: number,
  input: UpdateIndicatorRequest,
): Promise<void> {
  const row = await findIndicatorRow(rc.db, id);
  if (!row) throw notFound('chỉ số');
  if (input.ownerOrgId !== null && !(await findOrganisationRow(rc.db, input.ownerOrgId))) {
    throw new AppError('VALIDATION_FAILED', 'Cơ quan chủ trì số liệu không có trong danh mục.', [
      { path: 'ownerOrgId', message: 'Cơ quan không có trong danh mục' },
    ]);
  }
  await inTransaction(rc, async (tx) => {
    if (await codeTaken(tx.db, row.plan_id, input.code, id)) {
      throw conflict(`Mã chỉ số ${input.code} đã được dùng cho chỉ số khác của kế hoạch này.`);
    }
    await updateIndicatorRow(tx.db, id, {
      code: input.code,
      name: input.name,
      unit: input.unit,
      definition: input.definition || null,
      valueKind: input.valueKind,
      ownerOrgId: input.ownerOrgId,
      searchKey: indicatorSearchKey(input.code, input.name),
    });
    await audit(tx, {
      action: 'indicator.updated',
      entity: 'indicator',
      entityId: id,
      detail: {
        before: {
          code: row.code,
          name: row.name,
          unit: row.unit,
          definition: row.definition,
          valueKind: row.value_kind,
          ownerOrgId: row.owner_org_id,
        },
        after: input,
      },
    });
  });
}

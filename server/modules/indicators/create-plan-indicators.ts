import { searchKey } from '../../../shared/domain/text/normalize';
import type { ActionContext } from '../../context';
import { audit } from '../audit/audit-repository';
import { findPlanHead, insertIndicator, linkTargets } from './indicator-repository';
import { proposeIndicators } from './indicators-from-targets';

export const indicatorSearchKey = (code: string, name: string) => searchKey(`${code} ${name}`);

/**
 * Creates the indicators measured by a newly written plan's targets and links each target to its
 * indicator. Runs inside the caller's transaction (plan confirmation), so a plan never exists without
 * them. The plan's consolidating agency owns them until a coordinator says otherwise.
 */
export async function createPlanIndicators(tx: ActionContext, planId: number): Promise<number> {
  const db = tx.db;
  const plan = await findPlanHead(db, planId);
  if (!plan) throw new Error(`Không tìm thấy kế hoạch ${planId}`);
  const targets = await db
    .selectFrom('plan_targets')
    .select(['id', 'subject', 'kind', 'unit', 'text'])
    .where('plan_id', '=', planId)
    .where('indicator_id', 'is', null)
    .orderBy('ordinal')
    .execute();
  const proposals = proposeIndicators(targets.map((t) => ({ ...t, kind: t.kind })));
  for (const p of proposals) {
    const id = await insertIndicator(db, {
      planId,
      code: p.code,
      name: p.name,
      unit: p.unit,
      definition: null,
      valueKind: p.valueKind,
      ownerOrgId: plan.consolidator_org_id,
      searchKey: indicatorSearchKey(p.code, p.name),
    });
    await linkTargets(db, id, p.targetIds);
  }
  if (proposals.length > 0) {
    await audit(tx, {
      action: 'indicators.created_from_targets',
      entity: 'plan',
      entityId: planId,
      detail: { indicators: proposals.map((p) => ({ code: p.code, name: p.name, valueKind: p.valueKind })) },
    });
  }
  return proposals.length;
}

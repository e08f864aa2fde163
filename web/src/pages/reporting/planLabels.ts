import { usePlanList } from '../../api/plans';

/**
 * A plan's number by id ("148/KH-UBND"), for lists of reports that carry only the period's plan id.
 * The plan list is the one PlanSelect loads (same query, cached), so no request is added.
 */
export function usePlanLabels(): (planId: number) => string | undefined {
  const plans = usePlanList(undefined);
  const byId = new Map((plans.data?.items ?? []).map((p) => [p.id, p.number ?? p.title]));
  return (planId) => byId.get(planId);
}

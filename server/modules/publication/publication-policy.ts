import type { AuthUser } from '../../http/auth-state';
import { forbidden } from '../../http/errors';

/** The plan as far as publishing it is concerned. */
export interface PublishablePlan {
  consolidator_org_id: number | null;
}

/**
 * Who may put a plan's public page up or take it down: an administrator, or a coordinator of the
 * plan's consolidating agency (the agency that answers for the plan's figures). A coordinator of
 * another agency may not speak for this plan in public.
 */
export function mayPublishPlan(
  user: Pick<AuthUser, 'role' | 'organisationId'>,
  plan: PublishablePlan,
): boolean {
  if (user.role === 'admin') return true;
  return (
    user.role === 'coordinator' &&
    plan.consolidator_org_id !== null &&
    user.organisationId === plan.consolidator_org_id
  );
}

export function assertMayPublishPlan(
  user: Pick<AuthUser, 'role' | 'organisationId'>,
  plan: PublishablePlan,
  consolidatorName: string | null,
): void {
  if (mayPublishPlan(user, plan)) return;
  throw forbidden(
    consolidatorName
      ? `Chỉ cơ quan tổng hợp của kế hoạch (${consolidatorName}) hoặc quản trị hệ thống được công khai hay gỡ công khai kế hoạch này.`
      : 'Kế hoạch chưa có cơ quan tổng hợp: chỉ quản trị hệ thống được công khai hay gỡ công khai kế hoạch này.',
  );
}

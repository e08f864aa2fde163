import type { AuthUser } from '../../http/auth-state';
import { forbidden } from '../../http/errors';
import { mayPublishPlan } from '../publication/publication-policy';

/** The plan as far as changing it is concerned. */
export interface EditablePlan {
  consolidator_org_id: number | null;
}

/**
 * Who may change a confirmed plan (issue 13, item 8): administrators, and the coordinators of the
 * plan's consolidating agency — the agency that keeps the plan and answers for it, as for publishing
 * it (publication-policy.ts, the access matrix's `plan-consolidator` scope). Reporters and leaders read;
 * a coordinator of another agency reads but does not change another agency's plan.
 */
export const mayEditPlan = (user: Pick<AuthUser, 'role' | 'organisationId'>, plan: EditablePlan) =>
  mayPublishPlan(user, plan);

export function assertMayEditPlan(
  user: Pick<AuthUser, 'role' | 'organisationId'>,
  plan: EditablePlan,
  consolidatorName: string | null,
): void {
  if (mayEditPlan(user, plan)) return;
  if (user.role === 'reporter' || user.role === 'leader')
    throw forbidden(
      'Chỉ cán bộ tổng hợp của cơ quan theo dõi kế hoạch và quản trị hệ thống được sửa kế hoạch; bạn chỉ được xem.',
    );
  throw forbidden(
    consolidatorName
      ? `Chỉ cán bộ tổng hợp của ${consolidatorName} (cơ quan theo dõi, tổng hợp kế hoạch) hoặc quản trị hệ thống được sửa kế hoạch này.`
      : 'Kế hoạch chưa có cơ quan theo dõi, tổng hợp: chỉ quản trị hệ thống được sửa kế hoạch này.',
  );
}

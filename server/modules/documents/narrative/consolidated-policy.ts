import { can } from '../../../../shared/domain/auth/permissions';
import type { AuthUser } from '../../../http/auth-state';
import { forbidden } from '../../../http/errors';

/**
 * Who reads and who writes a period's consolidated report (its narrative sections and generated files):
 * - reading and downloading: whoever monitors reports (`reports.monitor`: coordinators and leaders),
 *   and administrators;
 * - editing the sections and generating: the coordinators of the plan's consolidating agency (any
 *   coordinator when the plan names none, as its notifications do), and administrators. A coordinator
 *   of another agency reads but does not write another agency's report; leaders read.
 */
export interface ConsolidatedPlan {
  consolidator_org_id: number | null;
  consolidator_name?: string | null;
}

export const mayReadConsolidated = (user: AuthUser) =>
  user.role === 'admin' || can(user.role, 'reports.monitor');

export function mayEditConsolidated(user: AuthUser, plan: ConsolidatedPlan): boolean {
  if (user.role === 'admin') return true;
  if (user.role !== 'coordinator') return false;
  return plan.consolidator_org_id === null || plan.consolidator_org_id === user.organisationId;
}

export function assertCanReadConsolidated(user: AuthUser): void {
  if (!mayReadConsolidated(user))
    throw forbidden('Chỉ lãnh đạo, cán bộ tổng hợp và quản trị hệ thống mới xem được báo cáo tổng hợp.');
}

export function assertCanEditConsolidated(user: AuthUser, plan: ConsolidatedPlan): void {
  assertCanReadConsolidated(user);
  if (mayEditConsolidated(user, plan)) return;
  const whom = plan.consolidator_name ?? 'cơ quan tổng hợp của kế hoạch';
  throw forbidden(
    user.role === 'coordinator'
      ? `Chỉ cán bộ tổng hợp của ${whom} mới sửa và lập được báo cáo tổng hợp của kế hoạch này.`
      : `Chỉ cán bộ tổng hợp của ${whom} mới sửa và lập được báo cáo tổng hợp; bạn được xem và tải về.`,
  );
}

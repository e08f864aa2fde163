import type { AuthUser } from '../../http/auth-state';
import { forbidden } from '../../http/errors';
import { mayPublishPlan } from '../publication/publication-policy';

/**
 * Who may enter a plan by hand (issue 13 item 8): administrators, and the coordinators of the plan's
 * consolidating agency — the agency that will keep and answer for the plan, as for changing or
 * publishing it (the access matrix's `plan-consolidator` scope). A coordinator's hand-made plan is
 * always consolidated by their own agency; another agency's draft is neither read nor changed.
 */
export const mayMakePlan = (user: Pick<AuthUser, 'role' | 'organisationId'>, consolidatorId: number | null) =>
  mayPublishPlan(user, { consolidator_org_id: consolidatorId });

export function assertMayMakePlan(
  user: Pick<AuthUser, 'role' | 'organisationId' | 'organisationName'>,
  consolidatorId: number | null,
  consolidatorName: string | null,
): void {
  if (mayMakePlan(user, consolidatorId)) return;
  if (user.role !== 'coordinator')
    throw forbidden(
      'Chỉ cán bộ tổng hợp của cơ quan chủ trì tổng hợp và quản trị hệ thống được tạo kế hoạch.',
    );
  throw forbidden(
    consolidatorName
      ? `Bạn chỉ tạo được kế hoạch do ${user.organisationName} chủ trì tổng hợp; kế hoạch này do ${consolidatorName} chủ trì tổng hợp.`
      : `Bạn chỉ tạo được kế hoạch do ${user.organisationName} chủ trì tổng hợp: hãy chọn cơ quan của mình.`,
  );
}

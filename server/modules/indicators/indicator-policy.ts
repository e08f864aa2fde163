import { can } from '../../../shared/domain/auth/permissions';
import type { AuthUser } from '../../http/auth-state';
import { forbidden } from '../../http/errors';
import type { IndicatorRow } from './indicator-repository';

/**
 * Who may enter an indicator's yearly values, in one place: the check before adding a value and the
 * `canEnter` ability sent to the client both read this rule. Coordinators (`indicators.manage`) enter
 * values for any indicator; a reporter (`indicators.enter`) only for those its agency owns
 * (indicators.owner_org_id). Reviewing values is the role's `indicators.manage`, declared on the route.
 */
export function mayEnterValues(user: AuthUser, indicator: Pick<IndicatorRow, 'owner_org_id'>): boolean {
  if (can(user.role, 'indicators.manage')) return true;
  return can(user.role, 'indicators.enter') && indicator.owner_org_id === user.organisationId;
}

export function assertMayEnterValues(user: AuthUser, indicator: Pick<IndicatorRow, 'owner_org_id'>): void {
  if (!mayEnterValues(user, indicator)) {
    throw forbidden('Chỉ cơ quan chủ trì số liệu của chỉ số này hoặc cán bộ tổng hợp được nhập số liệu.');
  }
}
